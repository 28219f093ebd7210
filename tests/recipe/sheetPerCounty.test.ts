/**
 * A league's export split into a sheet per county, as a clerk saves it for the counties to check: `balance import
 * --county` reads the sheet that holds the county asked for, not the first sheet's county-not-found
 * (docs/import.md#counties).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { readSchoolTable } from "../../src/sheet/read";
import { run, tempDir } from "../cli/helpers";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { exportWorkbook } from "./exportFiles";
import { rounded, templateRecords, verdictOf } from "./helpers";

/** The league's rows as an export of two sheets, one per county, each named by its county. */
async function writeSheetPerCounty(file: string, rows: ReturnType<typeof leagueRows>): Promise<void> {
  const sheets = [COUNTY_LISTED, COUNTY_UNLISTED].map((county) =>
    exportSheet(
      rows.filter((r) => r.county === county),
      { sheet: county },
    ),
  );
  writeFileSync(file, await exportWorkbook(sheets));
}

describe("balance import of an export with a sheet per county", () => {
  const rows = leagueRows();
  const dir = tempDir();
  const file = join(dir, "兴安盟分旗县.xlsx");

  beforeAll(() => writeSheetPerCounty(file, rows));

  it("reads the sheet of the county asked for when it is not the first", async () => {
    const out = join(dir, "导入.xlsx");
    const r = await run("import", file, "--county", COUNTY_UNLISTED, "--out", out);
    expect(r.stderr).not.toContain("county-not-found");
    expect(r.stderr).not.toContain("错误");
    expect(r.code).toBe(0);
    const book = await readWorkbookFile(out);
    if (!book.ok) throw new Error(book.problem.message.en);
    const imported = readSchoolTable(book.grids[0]);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_UNLISTED));
    expect(rounded(verdictOf(imported.records))).toEqual(rounded(verdictOf(typed)));
    const sources = book.grids[1].values.map((row) => row.filter((v) => v !== null).join(" | ")).join("\n");
    expect(sources).toContain(`工作表“${COUNTY_UNLISTED}”`);
  });
});

describe("the commands that evaluate one county, on an export with a sheet per county", () => {
  const rows = leagueRows();
  const dir = tempDir();
  const file = join(dir, "兴安盟分旗县.xlsx");
  /** the schools of a county, as its rows typed into the school table are read: those with sections */
  const schoolsOf = (county: string) => templateRecords(templateRowsOf(rows, county)).map((r) => r.name);

  beforeAll(() => writeSheetPerCounty(file, rows));

  async function evaluated(county: string) {
    const r = await run("evaluate", file, "--county", county, "--json");
    return { code: r.code, json: JSON.parse(r.stdout) as EvaluateJson };
  }

  it("evaluate reads the sheet of the county asked for, the first or a later one", async () => {
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      const { code, json } = await evaluated(county);
      expect([county, code, json.table.sheet]).toEqual([county, 0, county]);
      expect(json.problems.map((p) => p.code)).not.toContain("county-not-found");
      expect([...new Set(json.sections.map((s) => s.school))].sort()).toEqual(
        [...new Set(schoolsOf(county))].sort(),
      );
    }
  });

  it("a county on no sheet is missing from the sheet read, which names its counties", async () => {
    const { code, json } = await evaluated("突泉县");
    expect(code).toBe(1);
    const missing = json.problems.find((p) => p.code === "county-not-found");
    expect(missing?.messages.zh).toContain(`表中的旗县市区：${COUNTY_LISTED}`);
  });

  it("--sheet still reads the sheet it names", async () => {
    const r = await run("evaluate", file, "--county", COUNTY_UNLISTED, "--sheet", COUNTY_LISTED, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as EvaluateJson;
    expect(json.problems.map((p) => p.code)).toContain("county-not-found");
  });

  it("plan reads it as evaluate does", async () => {
    const plan = await run("plan", file, "--county", COUNTY_UNLISTED, "--json");
    expect(plan.stderr).not.toContain("county-not-found");
    expect(plan.code).toBe(0);
  });

  it("batch evaluates the county of every sheet, each as it is evaluated alone", async () => {
    const batch = await run("batch", file, "--json");
    expect(batch.code).toBe(0);
    const league = JSON.parse(batch.stdout) as {
      counties: { county: string; ok: boolean; schools: number; levels: { primary: { cv: unknown } } }[];
    };
    const counties = [COUNTY_LISTED, COUNTY_UNLISTED];
    expect(league.counties.map((c) => [c.county, c.ok, c.schools])).toEqual(
      counties.map((county) => [county, true, schoolsOf(county).length]),
    );
    for (const [i, county] of counties.entries()) {
      const alone = rounded(verdictOf(templateRecords(templateRowsOf(rows, county))));
      expect(rounded(league.counties[i].levels.primary.cv)).toEqual(alone.levels.primary.cv);
    }
  });
});

describe("the other sheets holding a table, said only where they are not read", () => {
  const rows = leagueRows();
  const dir = tempDir();
  const file = join(dir, "兴安盟分旗县.xlsx");
  const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

  beforeAll(() => writeSheetPerCounty(file, rows));

  it("evaluate without --county reads the first sheet and names the other", async () => {
    const r = await run("evaluate", file, "--json");
    const json = JSON.parse(r.stdout) as EvaluateJson;
    expect(json.table.sheet).toBe(COUNTY_LISTED);
    const other = json.problems.filter((p) => p.code === "other-sheet-table");
    expect(other).toHaveLength(1);
    expect(other[0].messages.zh).toContain(`“${COUNTY_UNLISTED}”也有学校表，未读取`);
    expect((await run("evaluate", file)).stdout).toContain(`“${COUNTY_UNLISTED}”也有学校表`);
  });

  it("import without --county says so too; with --county, no sheet is passed over", async () => {
    const plain = await run("import", file, "--out", join(dir, "第一张.xlsx"), "--json");
    expect(codes(JSON.parse(plain.stdout).problems)).toContain("other-sheet-table");
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      const r = await run("import", file, "--county", county, "--out", join(dir, `${county}.xlsx`), "--json");
      expect(r.code).toBe(0);
      expect(codes(JSON.parse(r.stdout).problems)).not.toContain("other-sheet-table");
    }
  });

  it("evaluate --county and batch read the sheets by county: no warning", async () => {
    const alone = JSON.parse((await run("evaluate", file, "--county", COUNTY_LISTED, "--json")).stdout);
    expect(codes(alone.problems)).not.toContain("other-sheet-table");
    const batch = JSON.parse((await run("batch", file, "--json")).stdout) as {
      counties: { county: string; problems: { code: string }[] }[];
    };
    expect(batch.counties).toHaveLength(2);
    for (const county of batch.counties) expect(codes(county.problems)).not.toContain("other-sheet-table");
  });
});

interface EvaluateJson {
  table: { sheet: string };
  problems: { code: string; messages: { zh: string; en: string } }[];
  sections: { school: string }[];
}
