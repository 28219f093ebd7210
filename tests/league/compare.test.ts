/**
 * `balance compare` (issue 16 item 2): two years of a county with a known regression — a school falling below a
 * standard and a coefficient crossing its limit — both in `regressions` and in the workbook; schools opened,
 * closed and renamed; the projection to the target year labelled as one.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "../cli/helpers";
import type { SchoolRecord } from "../../src/engine/records";
import { addSchoolTable } from "../../src/xlsx/template";
import { newWorkbook, workbookBytes } from "../../src/xlsx/write";
import { writeCounty } from "./helpers";
import { twoYearsWithRegression } from "./records";
import { exportWorkbook } from "../recipe/exportFiles";
import { COUNTY_LISTED, exportSheet, leagueRows, withFewerTeachers } from "../recipe/exportFixture";

const dir = tempDir();

const year2025 = () => twoYearsWithRegression()[2025];
const year2026 = () => twoYearsWithRegression()[2026];

/** The first column of a comparison workbook's summary sheet, row by row. */
async function summaryOf(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const summary: string[] = [];
  book.getWorksheet("对比汇总")!.eachRow((row) => summary.push(String(row.getCell(1).value)));
  return summary;
}

let earlier = "";
let later = "";
let renames = "";

beforeAll(async () => {
  earlier = await writeCounty(dir, "科右中旗2025.xlsx", year2025());
  later = await writeCounty(dir, "科右中旗2026.xlsx", year2026());
  renames = join(dir, "renames.json");
  writeFileSync(renames, JSON.stringify({ 丁小学: "丁镇中心小学" }));
});

describe("balance compare", () => {
  test("the JSON: years from the file names, schools, regressions, coefficients, the projection", async () => {
    const r = await run("compare", earlier, later, "--json", "--rename", renames);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ county: "科右中旗", targetYear: 2028, years: ["2025", "2026"] });
    expect(doc.schools).toEqual({
      added: [{ school: "己小学", year: "2026" }],
      removed: [{ school: "戊小学", year: "2026" }],
      renamed: [{ from: "丁小学", to: "丁镇中心小学", year: "2026" }],
      respelled: [],
      merged: [],
    });
    expect(doc.sections[0]).toMatchObject({
      school: "甲小学",
      level: "primary",
      before: "pass",
      after: "fail",
    });
    expect(doc.sections[0].changes[0]).toMatchObject({
      indicator: "qualifiedTeachers",
      statusBefore: "met",
      statusAfter: "unmet",
    });
    const kinds = doc.regressions.map((x: { kind: string; school?: string; indicator?: string }) =>
      [x.kind, x.school ?? x.indicator].join(":"),
    );
    expect(kinds).toEqual(
      expect.arrayContaining(["section:甲小学", "indicator:甲小学", "coefficient:sportsArea"]),
    );
    const sports = doc.coefficients.find(
      (c: { level: string; indicator: string }) => c.level === "primary" && c.indicator === "sportsArea",
    );
    // per student 9, 45, 9, 9, 9 in 2026 → X̄ = 16.2, S = 14.4
    expect(sports.values[0]).toBeCloseTo(0, 12);
    expect(sports.values[1]).toBeCloseTo(14.4 / 16.2, 10);
    expect(sports).toMatchObject({ limit: 0.5, crossed: "up" });
    expect(doc.enrolment[0]).toEqual({ level: "primary", values: [2500, 2500], change: 0 });
    expect(doc.projection).toMatchObject({ kind: "projection", method: "linear", targetYear: 2028 });
  });

  test("the workbook: the regressions in the summary and the section changes, a line chart per level", async () => {
    const out = join(dir, "对比.xlsx");
    const r = await run("compare", earlier, later, "--out", out, "--rename", renames);
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["对比汇总", "差异系数趋势", "学校变化"]);
    const rows = (name: string) => {
      const out: string[] = [];
      book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).join("|")));
      return out;
    };
    const summary = rows("对比汇总");
    expect(summary.some((x) => x.startsWith("学校由达标变为不达标|甲小学|小学"))).toBe(true);
    expect(summary.some((x) => x.startsWith("差异系数超限|—|小学|运动场馆|2025 → 2026"))).toBe(true);
    expect(summary.some((x) => x.startsWith("指标状态下降|甲小学|小学|高学历教师"))).toBe(true);
    expect(summary.some((x) => x.startsWith("撤销|戊小学"))).toBe(true);
    expect(rows("学校变化").some((x) => x.startsWith("甲小学|小学|2025 → 2026|达标|不达标"))).toBe(true);
    const trends = rows("差异系数趋势");
    expect(trends.some((x) => x.includes("2028 年预测（按各年差异系数的线性趋势外推，不是评估结果）"))).toBe(
      true,
    );
    const sportsRow = trends.find((x) => x.startsWith("运动场馆|"))!;
    expect(sportsRow).toContain("超出限值");

    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(2);
    const sheet = book.getWorksheet("差异系数趋势")!;
    for (const part of charts) {
      const xml = await zip.file(part)!.async("string");
      expect(xml).toContain("<c:lineChart>");
      expect(xml).not.toContain("<c:barChart>");
      // the years along the axis: the header cells of the year columns
      const cat = /<c:cat><c:strRef><c:f>'?差异系数趋势'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)<\/c:f>/.exec(
        xml,
      )!;
      expect(cat[2]).toBe(cat[4]);
      expect([sheet.getCell(`${cat[1]}${cat[2]}`).value, sheet.getCell(`${cat[3]}${cat[4]}`).value]).toEqual([
        "2025",
        "2026",
      ]);
      expect((xml.match(/<c:ser>/g) ?? []).length).toBe(8);
    }
  });

  test("without the rename map the renamed school is one closed and one opened", async () => {
    const doc = JSON.parse((await run("compare", earlier, later, "--json")).stdout);
    expect(doc.schools.added.map((x: { school: string }) => x.school).sort()).toEqual(
      ["丁镇中心小学", "己小学"].sort(),
    );
    expect(doc.schools.removed.map((x: { school: string }) => x.school).sort()).toEqual(
      ["丁小学", "戊小学"].sort(),
    );
  });

  test("the text: regressions and the labelled projection", async () => {
    const r = await run("compare", earlier, later, "--rename", renames);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("甲小学（小学）由达标变为不达标");
    expect(r.stdout).toContain("小学运动场馆差异系数");
    expect(r.stdout).toContain("2028 年预测（按各年差异系数的线性趋势外推，不是评估结果）");
    const en = await run("compare", earlier, later, "--lang", "en");
    expect(en.stdout).toContain(
      "Projection for 2028 (straight-line trend of each year's coefficient; not an evaluation)",
    );
    // English brackets in English
    expect(en.stdout).toContain("  Opened: 丁镇中心小学 (2026), 己小学 (2026)\n");
    expect(en.stdout).toContain("  Closed: 丁小学 (2026), 戊小学 (2026)\n");
    expect(r.stdout).toContain("  撤销学校：戊小学（2026）\n");
    // a rename says the year it took effect, as the opened and closed schools do
    expect(r.stdout).toContain("  更名：丁小学 → 丁镇中心小学（2026）\n");
    const out = join(dir, "comparison-en.xlsx");
    expect((await run("compare", earlier, later, "--lang", "en", "--out", out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const fell = book.worksheets[0]
      .getRows(1, book.worksheets[0].rowCount)!
      .find((row) => row.getCell(1).value === "Indicator fell")!;
    expect([fell.getCell(6).value, fell.getCell(7).value]).toEqual(["Met (5.00)", "Not met (2.20)"]);
  });

  test("the text: sections that came to pass are listed, as the workbook's 学校变化 lists them", async () => {
    // the regression's year first: 甲小学 comes back to the standard, and passes again
    const r = await run("compare", later, earlier, "--years", "2025,2026");
    expect(r.code).toBe(0);
    const doc = JSON.parse((await run("compare", later, earlier, "--years", "2025,2026", "--json")).stdout);
    const now = doc.sections.filter(
      (c: { before: string; after: string }) => c.before === "fail" && c.after === "pass",
    );
    expect(now.map((c: { school: string }) => c.school)).toEqual(["甲小学"]);
    expect(r.stdout).toContain(
      "新达标的学校（校区）（1 个）\n  ✓ 甲小学（小学）由不达标变为达标（2025 → 2026）\n",
    );
    expect(r.stdout).toContain(
      `各学校（校区）指标状态的全部变化（${doc.sections.length} 项）见 --out 工作簿的“学校变化”表`,
    );
    // the year of the regression: none came to pass
    expect((await run("compare", earlier, later)).stdout).toContain("新达标的学校（校区）（0 个）\n  无\n");
    const en = await run("compare", later, earlier, "--years", "2025,2026", "--lang", "en");
    expect(en.stdout).toContain("Sections now passing (1)\n  ✓ 甲小学 (Primary) now passes (2025 → 2026)\n");
  });

  test("a year's table given again as the next year's is said so in the text, the JSON and the workbook", async () => {
    const copy = await writeCounty(dir, "科右中旗2027.xlsx", year2026());
    const text = await run("compare", earlier, later, copy);
    expect(text.code).toBe(0);
    const warnings = text.stdout.split("\n").filter((line) => line.startsWith("  ⚠"));
    expect(warnings).toEqual([
      "  ⚠ 2026 与 2027 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新",
    ]);
    const en = await run("compare", later, copy, "--lang", "en");
    expect(en.stdout).toContain("2026 and 2027: every school's figures are the same in both years.");
    const doc = JSON.parse((await run("compare", earlier, later, copy, "--json")).stdout);
    expect(doc.unchanged).toEqual([{ yearBefore: "2026", yearAfter: "2027" }]);
    expect(JSON.parse((await run("compare", earlier, later, "--json")).stdout).unchanged).toEqual([]);

    const out = join(dir, "对比-重复.xlsx");
    expect((await run("compare", later, copy, "--out", out)).code).toBe(0);
    expect(await summaryOf(out)).toContain(
      "2026 与 2027 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新",
    );
  });

  test("another county's table given as the later year is said so in the text, the JSON and the workbook", async () => {
    const elsewhere = year2026().map((s) => ({ ...s, name: `外县${s.name}` }));
    const other = await writeCounty(dir, "外县2026.xlsx", elsewhere);
    const text = await run("compare", earlier, other);
    expect(text.code).toBe(0);
    const warnings = text.stdout.split("\n").filter((line) => line.startsWith("  ⚠"));
    expect(warnings).toEqual([
      "  ⚠ 2025 与 2026 两年没有一所学校相同：请确认两个文件是同一个旗县市的；学校只是改了名的，可把旧名对应到新名",
    ]);
    const en = await run("compare", earlier, other, "--lang", "en");
    expect(en.stdout).toContain(
      "2025 and 2026 have no school in common: check that both files are of the same county.",
    );
    const doc = JSON.parse((await run("compare", earlier, other, "--json")).stdout);
    expect(doc.noSchoolInCommon).toEqual([{ yearBefore: "2025", yearAfter: "2026" }]);
    expect(JSON.parse((await run("compare", earlier, later, "--json")).stdout).noSchoolInCommon).toEqual([]);

    const out = join(dir, "对比-外县.xlsx");
    expect((await run("compare", earlier, other, "--out", out)).code).toBe(0);
    expect(await summaryOf(out)).toContain(
      "2025 与 2026 两年没有一所学校相同：请确认两个文件是同一个旗县市的；学校只是改了名的，可把旧名对应到新名",
    );
  });

  test("years given by --years; without years the files' order, and no projection", async () => {
    const a = await writeCounty(dir, "甲年.xlsx", year2025());
    const b = await writeCounty(dir, "乙年.xlsx", year2026());
    const plain = JSON.parse((await run("compare", a, b, "--json", "--county", "科右中旗")).stdout);
    expect(plain.years).toEqual(["甲年", "乙年"]);
    expect(plain.projection).toBeNull();
    // a workbook with macros is labelled by its name as well, whatever the case of its extension
    const c = await writeCounty(dir, "丙年.xlsm", year2025());
    const d = await writeCounty(dir, "丁年.XLSM", year2026());
    const macros = JSON.parse((await run("compare", c, d, "--json", "--county", "科右中旗")).stdout);
    expect(macros.years).toEqual(["丙年", "丁年"]);
    expect((await run("compare", a, b)).stdout).toContain("未作预测");
    // each time the reason that holds, in words a clerk can act on
    expect((await run("compare", a, b, "--county", "科右中旗")).stdout).toContain(
      "未作预测：不知道各文件的年份（用 --years 给出，或在文件名、文件夹名中写上年份）。",
    );
    expect((await run("compare", a, b, "--years", "2025,2026", "--county", "某某旗")).stdout).toContain(
      "未作预测：标准方案中没有“某某旗”的目标年份",
    );
    // 阿尔山市's target year is 2026: a comparison up to 2026 has nothing left to project
    expect((await run("compare", a, b, "--years", "2025,2026", "--county", "阿尔山市")).stdout).toContain(
      "未作预测：目标年份 2026 年不晚于所对比的最后一年 2026 年，达标与否以该年数据的评估为准。",
    );
    const given = JSON.parse(
      (await run("compare", a, b, "--json", "--years", "2026,2027", "--county", "科右中旗")).stdout,
    );
    expect(given.years).toEqual(["2026", "2027"]);
    expect(given.projection.fromYears).toEqual([2026, 2027]);
  });

  test("a folder per year: the years from the folders' names; with none, each file by its path", async () => {
    for (const folder of ["2025", "2026", "去年", "今年"]) mkdirSync(join(dir, folder), { recursive: true });
    const a = await writeCounty(join(dir, "2025"), "科右中旗.xlsx", year2025());
    const b = await writeCounty(join(dir, "2026"), "科右中旗.xlsx", year2026());
    const byFolder = JSON.parse((await run("compare", a, b, "--json")).stdout);
    expect(byFolder.years).toEqual(["2025", "2026"]);
    expect(byFolder.projection.fromYears).toEqual([2025, 2026]);
    // a year in the file's own name comes first
    const named = await writeCounty(join(dir, "2026"), "科右中旗2027.xlsx", year2026());
    expect(JSON.parse((await run("compare", a, named, "--json")).stdout).years).toEqual(["2025", "2027"]);
    const c = await writeCounty(join(dir, "去年"), "科右中旗.xlsx", year2025());
    const d = await writeCounty(join(dir, "今年"), "科右中旗.xlsx", year2026());
    const unknown = JSON.parse((await run("compare", c, d, "--json")).stdout);
    expect(unknown.years).toEqual([c, d]);
    expect(unknown.projection).toBeNull();
  });

  test("--county is looked up as evaluate looks it up: the profile's spelling, or an unlisted county without a target year", async () => {
    const stem = JSON.parse((await run("compare", earlier, later, "--json", "--county", "科右中")).stdout);
    expect(stem).toMatchObject({ county: "科右中旗", targetYear: 2028 });
    expect(stem.projection.targetYear).toBe(2028);
    const unlisted = await run("compare", earlier, later, "--json", "--county", "白狼县");
    expect(unlisted.code).toBe(0);
    const doc = JSON.parse(unlisted.stdout);
    expect(doc).toMatchObject({ county: "白狼县", targetYear: null, projection: null });
    expect(doc.regressions.length).toBeGreaterThan(0);
  });

  test("two years of a league's statistics export: --county picks the county's schools in each", async () => {
    const rows2025 = leagueRows();
    // 2026: 科右前旗第一小学 keeps a fifth of its teachers, and falls below the qualified teachers' standard
    const rows2026 = withFewerTeachers(leagueRows(), "科右前旗第一小学");
    const a = join(dir, "盟统计导出2025.xlsx");
    const b = join(dir, "盟统计导出2026.xlsx");
    writeFileSync(a, await exportWorkbook([exportSheet(rows2025)]));
    writeFileSync(b, await exportWorkbook([exportSheet(rows2026)]));
    const unnamed = await run("compare", a, b, "--json");
    expect(unnamed.code).toBe(1);
    expect(JSON.stringify(JSON.parse(unnamed.stdout).problems)).toContain("several-counties");
    for (const county of [COUNTY_LISTED, COUNTY_LISTED.replace(/旗$/, "")]) {
      const r = await run("compare", a, b, "--json", "--county", county);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({ county: COUNTY_LISTED, targetYear: 2028 });
      // the other county's schools are in neither year
      const schools = doc.sections.map((x: { school: string }) => x.school);
      expect(
        schools.every(
          (name: string) => !leagueRows().some((row) => row.name === name && row.county !== COUNTY_LISTED),
        ),
      ).toBe(true);
      expect(doc.schools).toEqual({ added: [], removed: [], renamed: [], respelled: [], merged: [] });
      expect(doc.regressions).toContainEqual(
        expect.objectContaining({
          kind: "indicator",
          school: "科右前旗第一小学",
          indicator: "qualifiedTeachers",
        }),
      );
      // the senior high school's row, left out in each year, is said of each file
      const outOfScope = doc.problems.filter((p: { code: string }) => p.code === "rows-out-of-scope");
      expect(outOfScope.map((p: { file: string; severity: string }) => [p.file, p.severity])).toEqual([
        [a, "warning"],
        [b, "warning"],
      ]);
    }
    const text = await run("compare", a, b, "--county", COUNTY_LISTED);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain(`${a}\n发现 1 个问题：`);
    expect(text.stderr).toContain(`${b}\n发现 1 个问题：`);
    expect(text.stderr).toContain("高级中学");
  });

  test("--sheets: the years as sheets of one workbook give what the two workbooks give", async () => {
    const workbook = newWorkbook();
    addSchoolTable(workbook, { records: year2025(), sheetName: "2025年学校" });
    addSchoolTable(workbook, { records: year2026(), sheetName: "2026年学校" });
    const both = join(dir, "科右中旗历年.xlsx");
    writeFileSync(both, await workbookBytes(workbook));

    const apart = JSON.parse((await run("compare", earlier, later, "--json")).stdout);
    const r = await run("compare", both, "--sheets", "2025年学校,2026年学校", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // the years from the sheets' names, the county from the file's
    expect(doc).toMatchObject({ county: "科右中旗", targetYear: 2028, years: ["2025", "2026"] });
    const { problems: _a, ...fromSheets } = doc;
    const { problems: _b, ...fromFiles } = apart;
    expect(fromSheets).toEqual(fromFiles);

    // sheets named without years: in the order given, labelled by their names, or given years by --years
    const unnamed = newWorkbook();
    addSchoolTable(unnamed, { records: year2025(), sheetName: "去年" });
    addSchoolTable(unnamed, { records: year2026(), sheetName: "今年" });
    const plain = join(dir, "两年.xlsx");
    writeFileSync(plain, await workbookBytes(unnamed));
    const byOrder = JSON.parse((await run("compare", plain, "--sheets", "去年，今年", "--json")).stdout);
    expect(byOrder.years).toEqual(["去年", "今年"]);
    const byYears = await run("compare", plain, "--sheets", "去年,今年", "--years", "2025,2026", "--json");
    expect(JSON.parse(byYears.stdout).years).toEqual(["2025", "2026"]);

    // a sheet that is not there: exit 1, named with the workbook's sheets, in the JSON with its file and sheet
    const missing = await run("compare", plain, "--sheets", "去年,明年");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${plain}（工作表“明年”）`);
    expect(missing.stderr).toContain("现有：去年、今年");
    const missingJson = JSON.parse((await run("compare", plain, "--sheets", "去年,明年", "--json")).stdout);
    expect(missingJson.problems.map((p: { file: string; sheet: string }) => [p.file, p.sheet])).toEqual([
      [plain, "明年"],
    ]);
    // usage: one sheet, two workbooks, --sheet with --sheets, years out of order
    expect((await run("compare", plain, "--sheets", "去年")).code).toBe(2);
    expect((await run("compare", both, plain, "--sheets", "去年,今年")).code).toBe(2);
    expect((await run("compare", plain, "--sheets", "去年,今年", "--sheet", "去年")).code).toBe(2);
    expect((await run("compare", both, "--sheets", "2026年学校,2025年学校")).code).toBe(2);
  });

  test("--sheet: the school table's sheet in every year's workbook, past a sheet that would be read first", async () => {
    const withOther = async (file: string, records: SchoolRecord[]) => {
      const workbook = newWorkbook();
      addSchoolTable(workbook, { records: year2026(), sheetName: "草稿" });
      addSchoolTable(workbook, { records, sheetName: "上报" });
      const path = join(dir, file);
      writeFileSync(path, await workbookBytes(workbook));
      return path;
    };
    const a = await withOther("草稿在前2025.xlsx", year2025());
    const b = await withOther("草稿在前2026.xlsx", year2026());
    // by default the draft, the same in both years: no change at all
    const first = JSON.parse((await run("compare", a, b, "--json")).stdout);
    expect(first.regressions).toEqual([]);
    const chosen = JSON.parse((await run("compare", a, b, "--sheet", "上报", "--json")).stdout);
    const apart = JSON.parse((await run("compare", earlier, later, "--json")).stdout);
    expect(chosen.regressions).toEqual(apart.regressions);
    expect(chosen.coefficients).toEqual(apart.coefficients);
  });

  test("mistakes: one file, years out of order or miscounted (2); a bad rename map or an unreadable file (1)", async () => {
    expect((await run("compare", earlier)).code).toBe(2);
    expect((await run("compare", later, earlier)).code).toBe(2);
    expect((await run("compare", earlier, later, "--years", "2025")).code).toBe(2);
    const bad = join(dir, "bad-renames.json");
    writeFileSync(bad, JSON.stringify({ 丁小学: 3 }));
    const r = await run("compare", earlier, later, "--rename", bad, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems[0].message).toContain("丁小学");
    // the text names the file and the old name, in Chinese only
    const text = await run("compare", earlier, later, "--rename", bad);
    expect(text.stderr).toContain(`更名文件“${bad}”中的“丁小学”：新校名应为带引号的文字`);
    expect(text.stderr).not.toMatch(/Invalid input/);
    const list = join(dir, "list-renames.json");
    writeFileSync(list, JSON.stringify(["丁小学", "丁镇中心小学"]));
    expect((await run("compare", earlier, later, "--rename", list)).stderr).toContain(
      `更名文件“${list}”：应为 { "旧名": "新名", … } 形式`,
    );
    // a rename map that is not there: said in words, not by the system's code
    const missing = await run("compare", earlier, later, "--rename", join(dir, "没有这个文件.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("（文件不存在，请检查路径和文件名）");
    const junk = join(dir, "坏2026.xlsx");
    writeFileSync(junk, "not a workbook");
    const unreadable = await run("compare", earlier, junk);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain("坏2026.xlsx");
    const unreadableJson = JSON.parse((await run("compare", earlier, junk, "--json")).stdout);
    expect(unreadableJson.ok).toBe(false);
    expect(
      unreadableJson.problems.map((p: { file: string; severity: string }) => [p.file, p.severity]),
    ).toEqual([[junk, "error"]]);
  });
  test("files named only by their year (2025.xlsx, 2026.xlsx, as the README shows) name no county", async () => {
    const bare = join(dir, "bare");
    mkdirSync(bare);
    const a = await writeCounty(bare, "2025.xlsx", year2025());
    const b = await writeCounty(bare, "2026.xlsx", year2026());
    const doc = JSON.parse((await run("compare", a, b, "--json")).stdout);
    expect(doc).toMatchObject({ county: null, targetYear: null, years: ["2025", "2026"] });
    expect((await run("compare", a, b)).stdout.split("\n")[0]).toBe("年度对比：2025 → 2026");
    expect((await run("compare", a, b, "--lang", "en")).stdout.split("\n")[0]).toBe(
      "Year over year: 2025 → 2026",
    );
    const out = join(bare, "对比.xlsx");
    expect((await run("compare", a, b, "--out", out)).code).toBe(0);
    expect((await summaryOf(out))[0]).toBe("＿＿＿＿县 义务教育优质均衡发展 年度对比（2025 — 2026）");
    // a county the name does give is kept, whatever the other year's file is called
    const named = await writeCounty(bare, "科右中旗2025.xlsx", year2025());
    expect(JSON.parse((await run("compare", named, b, "--json")).stdout).county).toBe("科右中旗");
  });
});

describe("balance compare of files of two counties", () => {
  // the same schools (甲小学, 乙小学 …) in both: no warning that the years have no school in common would catch it
  test("warns, naming each file's county, and compares all the same", async () => {
    const other = await writeCounty(dir, "突泉县2026.xlsx", year2026());
    const r = await run("compare", earlier, other, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.noSchoolInCommon).toEqual([]);
    const warnings = doc.problems.filter((p: { code: string }) => p.code === "compare-other-county");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].file).toBe(other);
    expect(warnings[0].messages.zh).toContain("突泉县");
    expect(warnings[0].messages.zh).toContain("科右中旗");
    const text = await run("compare", earlier, other);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain("年度对比应是同一个旗县市各年的数据");
  });

  test("--county given: a year's workbook whose title names another county is warned of, as evaluate warns", async () => {
    // the file's name gives no county; its title does: 阿尔山市 2026, compared as 科右中旗
    const titled = await writeCounty(
      dir,
      "学校统计表2026.xlsx",
      year2026(),
      "阿尔山市 2026 年义务教育优质均衡发展 学校办学条件统计表",
    );
    const r = await run("compare", earlier, titled, "--json", "--county", "科右中旗");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const warnings = doc.problems.filter((p: { code: string }) => p.code === "county-named-otherwise");
    expect(warnings.map((w: { file: string }) => w.file)).toEqual([titled]);
    expect(warnings[0].messages.zh).toContain("阿尔山市");
    // the earlier year's file, 科右中旗2025.xlsx, names the county given: no warning of it
    const plain = JSON.parse((await run("compare", earlier, later, "--json", "--county", "科右中旗")).stdout);
    expect(plain.problems.map((p: { code: string }) => p.code)).not.toContain("county-named-otherwise");
  });

  test("the comparison workbook carries the warnings, as the text and --json give them", async () => {
    const other = await writeCounty(dir, "突泉县2026.xlsx", year2026());
    const out = join(dir, "对比-两县.xlsx");
    expect((await run("compare", earlier, other, "--out", out)).code).toBe(0);
    const doc = JSON.parse((await run("compare", earlier, other, "--json")).stdout);
    const said = doc.problems.find((p: { code: string }) => p.code === "compare-other-county").messages.zh;
    expect(await summaryOf(out)).toContain(said);
    // with --county: the year's file titled for another county, on paper too
    const titled = await writeCounty(
      dir,
      "学校统计表2026.xlsx",
      year2026(),
      "阿尔山市 2026 年义务教育优质均衡发展 学校办学条件统计表",
    );
    const given = join(dir, "对比-指定.xlsx");
    expect((await run("compare", earlier, titled, "--county", "科右中旗", "--out", given)).code).toBe(0);
    const json = JSON.parse((await run("compare", earlier, titled, "--county", "科右中旗", "--json")).stdout);
    const otherwise = json.problems.find((p: { code: string }) => p.code === "county-named-otherwise");
    expect(await summaryOf(given)).toContain(otherwise.messages.zh);
    // one county's years: no such line
    const plain = join(dir, "对比-一县.xlsx");
    expect((await run("compare", earlier, later, "--out", plain)).code).toBe(0);
    expect((await summaryOf(plain)).some((line) => line.includes("请核对是否选错了文件"))).toBe(false);
  });

  test("no such warning for one county's years, nor where --county says which county they are", async () => {
    const same = JSON.parse((await run("compare", earlier, later, "--json")).stdout);
    expect(same.problems.map((p: { code: string }) => p.code)).not.toContain("compare-other-county");
    const other = await writeCounty(dir, "突泉县2026.xlsx", year2026());
    const given = await run("compare", earlier, other, "--json", "--county", "科右中旗");
    expect(JSON.parse(given.stdout).problems.map((p: { code: string }) => p.code)).not.toContain(
      "compare-other-county",
    );
  });
});
