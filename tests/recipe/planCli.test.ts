/**
 * `balance plan` and `balance whatif` on a league's statistics export (several counties in one file): --county
 * picks one county's schools and --recipe reads a province's renamed export, exactly as `balance evaluate` takes
 * them (src/cli/commandLine.ts tableOptions); the result is the one the same schools typed into the template give.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "../cli/helpers";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { exportWorkbook, templateWorkbook } from "./exportFiles";
import { PROVINCE_LABELS } from "./fixtures/province";
import { rounded } from "./helpers";

const rows = leagueRows();
const dir = tempDir();
const exportFile = join(dir, "兴安盟2024教育事业统计.xlsx");
const renamedFile = join(dir, "某省导出.xlsx");
const recipe = join(__dirname, "fixtures", "province-recipe.json");
const templateFile = (county: string) => join(dir, `${county}-学校.xlsx`);
const editsFile = join(dir, "edits.json");

beforeAll(async () => {
  writeFileSync(exportFile, await exportWorkbook([exportSheet(rows)]));
  writeFileSync(renamedFile, await exportWorkbook([exportSheet(rows, { rename: PROVINCE_LABELS })]));
  for (const county of [COUNTY_LISTED, COUNTY_UNLISTED])
    writeFileSync(templateFile(county), await templateWorkbook(templateRowsOf(rows, county)));
  const school = String(templateRowsOf(rows, COUNTY_LISTED)[0][0]);
  writeFileSync(
    editsFile,
    JSON.stringify([
      { kind: "addFacility", school, resource: "sportsArea", amount: 3000 },
      { kind: "addStudents", school, level: "primary", value: 150 },
    ]),
  );
});

/** The JSON document of a command that must succeed. */
async function json(...argv: string[]) {
  const r = await run(...argv, "--json");
  expect([argv.join(" "), r.code]).toEqual([argv.join(" "), 0]);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("balance plan and whatif on a multi-county statistics export", () => {
  test.each(["plan", "whatif"])(
    "%s without --county stops with several-counties, naming both",
    async (command) => {
      const extra = command === "whatif" ? ["--edits", editsFile] : [];
      const r = await run(command, exportFile, ...extra, "--json");
      expect(r.code).toBe(1);
      const problems = (JSON.parse(r.stdout) as { problems: { code: string; message: string }[] }).problems;
      const several = problems.find((p) => p.code === "several-counties");
      expect(several?.message).toContain(COUNTY_LISTED);
      expect(several?.message).toContain(COUNTY_UNLISTED);
      expect(several?.message).toContain("--county");
      // and not the page's step 2, which the command line has not
      expect(several?.message).not.toContain("第 2 步");
    },
  );

  test.each([COUNTY_LISTED, COUNTY_UNLISTED])(
    "plan --county %s plans the county's schools as the typed template does",
    async (county) => {
      const fromExport = await json("plan", exportFile, "--county", county);
      const typed = await json("plan", templateFile(county));
      const { problems: _a, ...plan } = fromExport;
      const { problems: _b, ...expected } = typed;
      expect(rounded(plan)).toEqual(rounded(expected));
      expect((plan.additions as unknown[]).length).toBeGreaterThan(0);
    },
  );

  test("whatif --county applies the edits to that county's schools as to the typed template", async () => {
    const fromExport = await json("whatif", exportFile, "--county", COUNTY_LISTED, "--edits", editsFile);
    const typed = await json("whatif", templateFile(COUNTY_LISTED), "--edits", editsFile);
    expect(fromExport.ok).toBe(true);
    expect(fromExport.applied).toEqual([0, 1]);
    const { problems: _a, ...scenario } = fromExport;
    const { problems: _b, ...expected } = typed;
    expect(rounded(scenario)).toEqual(rounded(expected));
  });

  test.each(["plan", "whatif"])("%s --recipe reads a province's renamed export", async (command) => {
    const extra = command === "whatif" ? ["--edits", editsFile] : [];
    const without = await run(command, renamedFile, "--county", COUNTY_LISTED, ...extra, "--json");
    expect(without.code).toBe(1);
    const withRecipe = await json(
      command,
      renamedFile,
      "--county",
      COUNTY_LISTED,
      "--recipe",
      recipe,
      ...extra,
    );
    const typed = await json(command, templateFile(COUNTY_LISTED), ...extra);
    const { problems: _a, ...result } = withRecipe;
    const { problems: _b, ...expected } = typed;
    expect(rounded(result)).toEqual(rounded(expected));
  });

  test("a recipe file that cannot be used is a usage error naming its field, before anything is read", async () => {
    const bad = join(dir, "bad-recipe.json");
    writeFileSync(
      bad,
      JSON.stringify({ extends: "statistics-export", fields: { sportsArea: { difference: [1, 2] } } }),
    );
    for (const argv of [
      ["plan", exportFile],
      ["whatif", exportFile, "--edits", editsFile],
    ]) {
      const r = await run(...argv, "--county", COUNTY_LISTED, "--recipe", bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("fields.sportsArea.difference.0");
    }
  });

  test("--out names the sheets by the county chosen", async () => {
    const out = join(dir, "方案.xlsx");
    const r = await run("plan", exportFile, "--county", COUNTY_LISTED, "--year", "2026", "--out", out);
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(book.worksheets[0].getCell("A1").value).toBe(
      `${COUNTY_LISTED} 2026 年义务教育优质均衡发展 资源配置补充方案（最低成本）`,
    );
  });

  test("--help lists --county and --recipe", async () => {
    for (const command of ["plan", "whatif"]) {
      const help = (await run(command, "--help")).stdout;
      expect(help).toContain("--county NAME");
      expect(help).toContain("--recipe FILE.json");
    }
  });
});
