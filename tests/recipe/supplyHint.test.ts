/**
 * An export user told what the export lacks, and how to add it (docs/import.md#template-columns): `balance evaluate`
 * on the statistics export fixture names each figure items 3 and 5 of the guarantee read that the export has no
 * column for, for how many schools, and where to write it. The hint is then followed on the fixture as a clerk
 * would — headers written where it says, figures on the schools' rows, the file saved — and the figures are read:
 * the items are decided, a school short of rooms named at the cell added, and the hint is gone.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { columnLetters } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { supplyHint } from "../../src/sheet/recipe/supply";
import { run, tempDir } from "../cli/helpers";
import { COUNTY_LISTED, exportSheet, leagueRows } from "./exportFixture";
import { WITH_AND_WITHOUT_MERGES, gridOf } from "./helpers";

const FIXTURE = join(__dirname, "..", "fixtures", "xls", "export.xlsx");
const COUNTY = "科右前旗";

interface Hint {
  sheet: string;
  start: string;
  row: number;
  headers: { header: string; schools: number }[];
}

/** The hint as `balance evaluate` prints it: the headers to write, for how many schools, and where. */
function hintOf(stdout: string): Hint | null {
  if (!stdout.includes("导出表中没有政府保障程度")) return null;
  const headers = [...stdout.matchAll(/^ {4}“([^”]+)”：(\d+) 所学校（校区）需要$/gmu)].map((m) => ({
    header: m[1],
    schools: Number(m[2]),
  }));
  const how = /补填方法：在工作表“([^”]+)”中从 ([A-Z]+\d+) 起向右，每个数加一列，表头（第 (\d+) 行）/u.exec(
    stdout,
  );
  if (!how) throw new Error(`no way to add them in:\n${stdout}`);
  return { sheet: how[1], start: how[2], row: Number(how[3]), headers };
}

/** The texts of column A of a report's 汇总 sheet, top to bottom. */
async function summaryLines(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const lines: string[] = [];
  book.getWorksheet("汇总")!.eachRow((row) => {
    const text = row.getCell(1).text;
    if (text) lines.push(text);
  });
  return lines;
}

/** What a clerk types into the new columns of one row: every figure of the row's 学段 (all, without one). */
function figureFor(header: string, level: string | null, school: string): number | null {
  const primary = /^小学/u.test(header);
  const junior = /^初中/u.test(header);
  if ((primary && level === "初中") || (junior && level === "小学")) return null;
  if (/班级数/u.test(header)) return 12;
  // one school short of music rooms: the verdict must name the cell added
  if (/音乐专用教室数/u.test(header)) return school === "科右前旗第二小学" ? 0 : 2;
  if (/美术专用教室数/u.test(header)) return 2;
  if (/最小面积/u.test(header)) return 100;
  if (/最大班额/u.test(header)) return 40;
  return null;
}

describe("the export's missing figures: said, and supplied as said", () => {
  let before: { stdout: string; code: number };
  let hint: Hint;
  beforeAll(async () => {
    before = await run("evaluate", FIXTURE, "--county", COUNTY);
    hint = hintOf(before.stdout)!;
  });

  it("names each figure items 3 and 5 read that the export lacks, for how many schools, and where to add it", () => {
    expect(hint).not.toBeNull();
    expect(hint.headers.map((h) => h.header)).toEqual([
      "小学班级数",
      "初中班级数",
      "音乐专用教室数（间）",
      "美术专用教室数（间）",
      "音乐专用教室最小面积（㎡）",
      "美术专用教室最小面积（㎡）",
      "小学最大班额",
      "初中最大班额",
      "小学起始年级最大班额",
      "初中起始年级最大班额",
    ]);
    // the same count of schools as the verdict says have each item missing
    const perSchool = (re: RegExp) => new Set([...before.stdout.matchAll(re)].map((m) => m[1])).size;
    const startingPrimary = perSchool(/^ {6}([^：\n]+)：小学起始年级（一年级）最大班额未填写/gmu);
    expect(startingPrimary).toBeGreaterThan(0);
    expect(hint.headers.find((h) => h.header === "小学起始年级最大班额")!.schools).toBe(startingPrimary);
    expect(before.stdout).toMatch(/第 3 项（音乐美术专用教室）、第 5 项（班额）/u);
  });

  it("--json gives the same hint as fields: the sheet, the cell to start at, each header and its schools", async () => {
    const json = JSON.parse((await run("evaluate", FIXTURE, "--county", COUNTY, "--json")).stdout);
    expect(json.supply).toMatchObject({ sheet: hint.sheet, headerRow: hint.row });
    expect(`${json.supply.firstColumn}${json.supply.headerRow}`).toBe(hint.start);
    expect(
      json.supply.columns.map((c: { header: string; schools: number }) => [c.header, c.schools]),
    ).toEqual(hint.headers.map((h) => [h.header, h.schools]));
    expect(json.supply.items.map((i: { item: number }) => i.item)).toEqual([3, 5]);
  });

  it("says the same in English with --lang en", async () => {
    const english = await run("evaluate", FIXTURE, "--county", COUNTY, "--lang", "en");
    expect(english.stdout).toContain("guarantee item 3 (Music and art rooms), item 5 (Class size)");
    expect(english.stdout).toContain(`"小学班级数" (Primary classes): needed by`);
    expect(english.stdout).toContain(
      `How to give them: on sheet "${hint.sheet}", from ${hint.start} rightwards`,
    );
  });

  it("the report written with --out says it on 汇总, in a part of its own", async () => {
    const out = join(tempDir(), "报告.xlsx");
    expect((await run("evaluate", FIXTURE, "--county", COUNTY, "--out", out)).code).toBe(0);
    const lines = await summaryLines(out);
    const at = lines.findIndex((l) => /^[四五]、导出表缺少的数$/u.test(l));
    expect(at).toBeGreaterThan(0);
    const part = lines.slice(at + 1, at + 3 + hint.headers.length);
    expect(part[0]).toMatch(/^导出表中没有政府保障程度第 3 项/u);
    expect(part.slice(1, -1)).toEqual(
      hint.headers.map((h) => `“${h.header}”：${h.schools} 所学校（校区）需要`),
    );
    expect(part[part.length - 1]).toMatch(
      new RegExp(`^补填方法：在工作表“${hint.sheet}”中从 ${hint.start} 起向右`, "u"),
    );
  });

  it("followed on the fixture, the figures are read: the items decided, a school short of rooms named at its cell", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(FIXTURE) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet(hint.sheet)!;
    const start = /^([A-Z]+)(\d+)$/u.exec(hint.start)!;
    expect(Number(start[2])).toBe(hint.row);
    const first = sheet.getColumn(start[1]).number;
    // the header row's labels: 学校名称 and 学段 columns, found as a clerk finds them
    const labelColumn = (label: string) => {
      for (let r = hint.row; r < hint.row + 3; r++)
        for (let c = 1; c < first; c++) if (sheet.getCell(r, c).text === label) return c;
      throw new Error(`no ${label}`);
    };
    const nameCol = labelColumn("学校名称");
    const levelCol = labelColumn("学段");
    hint.headers.forEach((h, i) => (sheet.getCell(hint.row, first + i).value = h.header));
    let short = "";
    for (let r = hint.row + 1; r <= sheet.rowCount; r++) {
      // a school's row: its name written in it (the header's 学校名称 is merged down over the header rows)
      const school = sheet.getCell(r, nameCol).text;
      const level = sheet.getCell(r, levelCol).text || null;
      if (!school || sheet.getCell(r, nameCol).isMerged) continue;
      hint.headers.forEach((h, i) => {
        const value = figureFor(h.header, level, school);
        if (value === null) return;
        sheet.getCell(r, first + i).value = value;
        if (value === 0) short = `${hint.sheet}!${sheet.getCell(r, first + i).address}`;
      });
    }
    expect(short).not.toBe("");
    const file = join(tempDir(), "导出表_补填.xlsx");
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));

    const after = await run("evaluate", file, "--county", COUNTY);
    expect(hintOf(after.stdout)).toBeNull();
    expect(after.stdout).not.toContain("学校表无此列");
    const json = JSON.parse((await run("evaluate", file, "--county", COUNTY, "--json")).stdout);
    const item = (n: number) => json.guarantee.find((g: { item: number }) => g.item === n);
    expect(item(3).status).toBe("fail");
    expect(item(3).schools).toEqual([
      expect.objectContaining({ school: "科右前旗第二小学", check: "musicRooms", value: 0, cell: short }),
    ]);
    // every class within 45: item 5 decided on the figures added
    expect(item(5).status).toBe("pass");
    const out = join(tempDir(), "报告.xlsx");
    expect((await run("evaluate", file, "--county", COUNTY, "--out", out)).code).toBe(0);
    expect((await summaryLines(out)).some((l) => l.includes("导出表缺少的数"))).toBe(false);
  });
});

describe("a column added under the school table's header, in any row of the export's header", () => {
  const sheet = exportSheet(leagueRows());
  const depth = 3;
  const top = sheet.dataRows[0] - depth - 1;
  it.each(
    WITH_AND_WITHOUT_MERGES.flatMap(([how, merges]) =>
      [0, 1, 2].map((level) => [`header row ${level + 1} of 3, ${how}`, level, merges] as const),
    ),
  )("%s: read, and the hint no longer asks for it", (_, level, merges) => {
    const values = sheet.values.map((row) => [...row, null]);
    const at = values[0].length - 1;
    values[top + level][at] = "音乐专用教室数";
    for (const r of sheet.dataRows) values[r][at] = 3;
    const read = readSchoolTable({ ...gridOf(sheet, merges), values }, { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const checked = read.records.filter((s) => s.rooms?.music !== undefined);
    expect(checked.length).toBeGreaterThan(0);
    // a school of one row, no campus joined: the 3 typed on its row
    const rows = leagueRows();
    const alone = rows.filter(
      (x) =>
        x.county === COUNTY_LISTED &&
        !rows.some((y) => y !== x && (y.name === x.name || y.parent === x.name)) &&
        read.records.some((s) => s.name === x.name),
    );
    expect(alone.length).toBeGreaterThan(0);
    for (const x of alone) expect(read.records.find((s) => s.name === x.name)!.rooms?.music).toBe(3);
    const hint = supplyHint(read)!;
    expect(hint.columns.map((c) => c.id)).not.toContain("musicRooms");
    expect(hint.columns.map((c) => c.id)).toContain("artRooms");
    // the first free column is now the one right of the column added
    expect(hint.firstColumn).toBe(columnLetters(at + 1));
  });
});
