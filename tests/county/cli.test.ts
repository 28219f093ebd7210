import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { COUNTY_SHEET_ROWS, COUNTY_TEMPLATE_HEADER_ROW } from "../../src/sheet/countySheet";
import { addCountySheet } from "../../src/xlsx/countyTemplate";
import { XING_AN_LEAGUE_PLAN } from "../../src/standard/county";

const SAMPLE = "examples/sample-county.xlsx";
const EXPORT_FIXTURE = "tests/fixtures/xls/export.xlsx";
const dir = mkdtempSync(join(tmpdir(), "balance-county-"));

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const rowOf = (code: string) =>
  COUNTY_TEMPLATE_HEADER_ROW + 2 + COUNTY_SHEET_ROWS.findIndex((r) => r.code === code);

/** The sample county's workbook with a county sheet added, filled by `fill` (code → value). */
async function sampleWithCountySheet(
  name: string,
  fill: (code: string) => string | number | null,
  sheetName?: string,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
  const sheet = addCountySheet(workbook);
  if (sheetName) sheet.name = sheetName;
  for (const r of COUNTY_SHEET_ROWS) {
    if (!r.measureId) continue;
    const value = fill(r.code);
    if (value !== null) sheet.getCell(rowOf(r.code), 5).value = value;
  }
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

const passing = (code: string): string | number => {
  if (code.startsWith("否决")) return "否";
  if (COUNTY_SHEET_ROWS.find((r) => r.code === code)?.yesNo) return "是";
  if (code === "保障7") return 6200;
  if (code === "保障8-1") return 1.05;
  if (code === "质量9-1") return "Ⅲ级";
  if (code === "质量9-2") return 0.12;
  return "100%";
};

describe("balance template --county", () => {
  it("writes the county sheet and refuses to overwrite without --force", async () => {
    const out = join(dir, "县级指标.xlsx");
    const first = await run("template", "--county", out);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain("县级指标表");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("县级指标");
    expect(sheet?.getCell(rowOf("保障9"), 1).value).toBe("保障9");
    expect((await run("template", "--county", out)).code).toBe(2);
    expect((await run("template", "--county", out, "--force")).code).toBe(0);
  });

  it("the plain template is still the school table", async () => {
    const out = join(dir, "学校.xlsx");
    expect((await run("template", out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet("县级指标")).toBeUndefined();
  });
});

describe("balance evaluate --json: the county fields", () => {
  it("without a county sheet: every county item missing, countyPass false, resources unchanged", async () => {
    const r = await run("evaluate", SAMPLE, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.resourcesPass).toBe(false);
    expect(doc.levels.primary.sections).toBe(20);
    expect(doc.guarantee).toHaveLength(15);
    expect(doc.quality).toHaveLength(9);
    expect(doc.vetoes).toHaveLength(5);
    expect(doc.countyPass).toBe(false);
    expect(doc.countySheet).toBeNull();
    for (const item of [...doc.guarantee, ...doc.quality]) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(["item", "status", "value", "requirement", "schools"]),
      );
      if (![3, 4, 5].includes(item.item) || item.key.startsWith("Q")) expect(item.status).toBe("missing");
    }
    expect(doc.recognition).toMatchObject({ item: 1, status: "missing", value: null, requirement: "≥ 85%" });
    // the sample county's derived items: school data checked, with cells
    const g5 = doc.guarantee[4];
    expect(g5.status).toBe("fail");
    expect(g5.schools[0]).toMatchObject({
      school: "白狼县实验小学",
      check: "classSize",
      value: 58,
      cell: "学校!X6",
    });
    expect(g5.largeClasses).toHaveLength(1);
    // every section of the sample gives its largest class
    expect(g5.largeClassesUnknown).toBe(0);
  });

  it("an export without largest classes says 大班额 are missing data, not that there are none", async () => {
    const r = await run("evaluate", EXPORT_FIXTURE, "--county", "科右前旗");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("大班额（≥56 人）、超大班额（≥66 人）：缺数据");
    expect(r.stdout).not.toMatch(/大班额（≥56 人）0 处/);
    const doc = JSON.parse((await run("evaluate", EXPORT_FIXTURE, "--county", "科右前旗", "--json")).stdout);
    const g5 = doc.guarantee[4];
    expect(g5.largeClasses).toEqual([]);
    expect(g5.largeClassesUnknown).toBe(g5.value.checked);
  });

  it("with a filled county sheet in the same workbook: statuses, values, cells; a veto fails the county", async () => {
    const path = await sampleWithCountySheet("filled.xlsx", (code) =>
      code === "否决3" ? "是" : code === "保障11-1" ? "8%" : code === "质量1" ? null : passing(code),
    );
    const r = await run("evaluate", path, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.countySheet).toBe("县级指标");
    expect(doc.guarantee[8]).toMatchObject({ item: 9, status: "pass", value: 1, requirement: "= 100%" });
    expect(doc.guarantee[10]).toMatchObject({
      item: 11,
      status: "fail",
      value: { rotation: 0.08, keyShare: 1 },
    });
    expect(doc.guarantee[10].measures[0]).toMatchObject({
      code: "保障11-1",
      cell: `县级指标!E${rowOf("保障11-1")}`,
    });
    expect(doc.quality[0]).toMatchObject({ item: 1, status: "missing", value: null });
    expect(doc.vetoes[2]).toMatchObject({ veto: 3, status: "fail", applies: true });
    expect(doc.recognition.status).toBe("pass");
    expect(doc.countyPass).toBe(false);
    expect(doc.countyParts).toEqual({
      resources: "fail",
      guarantee: "fail",
      quality: "missing",
      recognition: "pass",
      vetoes: "fail",
    });
  });

  it("--county-sheet picks a sheet by name; a name that does not exist is an input error", async () => {
    const path = await sampleWithCountySheet("named.xlsx", passing, "保障质量");
    const doc = JSON.parse((await run("evaluate", path, "--json", "--county-sheet", "保障质量")).stdout);
    expect(doc.countySheet).toBe("保障质量");
    expect(doc.guarantee[0].status).toBe("pass");
    // found by its header without the option too
    expect(JSON.parse((await run("evaluate", path, "--json")).stdout).countySheet).toBe("保障质量");
    const missing = await run("evaluate", path, "--json", "--county-sheet", "没有这张表");
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).problems[0].code).toBe("county-sheet-not-found");
  });
});

describe("balance evaluate: the readable county summary and readiness", () => {
  it("shows each part, what fails and is missing with cells, and readiness for the county's target year", async () => {
    const path = await sampleWithCountySheet("ready.xlsx", (code) =>
      code === "认可度" ? 0.8 : passing(code),
    );
    const r = await run("evaluate", path, "--county", "阿尔山市");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("全部指标（县域结论）");
    expect(r.stdout).toContain("✗ 社会认可度：不达标");
    expect(r.stdout).toMatch(/社会认可度低于85%：存在（一票否决）/);
    expect(r.stdout).toMatch(/白狼县实验小学：小学最大班额 58 人，应 ≤ 45 人 {2}\[学校!X6\]/);
    expect(r.stdout).toMatch(/目标年份：阿尔山市 2026 年创建达标/);
    expect(r.stdout).toContain("起始年级班额（2026 年秋季学期起，一年级 ≤ 45、七年级 ≤ 50）");
    const en = await run("evaluate", path, "--county", "阿尔山", "--lang", "en");
    expect(en.stdout).toContain("Target: 阿尔山市 to be recognised in 2026");
  });

  it("a county the profile does not list is evaluated without a target year (issue 14)", async () => {
    const r = await run("evaluate", SAMPLE, "--county", "白狼县");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("标准中没有“白狼县”的目标年份");
    // the counties that have one are named, each once, in the plan's spelling
    const named = r.stdout.slice(r.stdout.indexOf("列有目标年份的："));
    for (const county of XING_AN_LEAGUE_PLAN.counties) expect(named.split(county.name)).toHaveLength(2);
    expect(named).not.toContain("科尔沁右翼前旗");
    // a profile with a plan of its own names its counties
    const ownPlan = join(dir, "own-plan.json");
    const plan = {
      extends: "national-2017",
      id: "own-plan",
      counties: [{ name: "白狼县", targetYear: 2027 }],
    };
    writeFileSync(ownPlan, JSON.stringify(plan));
    const own = await run("evaluate", SAMPLE, "--county", "黑山县", "--profile", ownPlan, "--lang", "en");
    expect(own.stdout).toContain(
      'no target year for "黑山县": no readiness is shown (counties with a target year: 白狼县)',
    );
    const listed = await run("evaluate", SAMPLE, "--county", "阿尔山市");
    expect(listed.stdout).toContain("2026");
  });
});

describe("balance evaluate: the county a workbook is about, when --county is not given", () => {
  const named = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, readFileSync(SAMPLE));
    return path;
  };

  it("a file named after a county of the plan gives its readiness and titles, saying where the name came from", async () => {
    const path = named("阿尔山市2026年学校统计表.xlsx");
    const r = await run("evaluate", path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("目标年份：阿尔山市 2026 年创建达标");
    expect(r.stdout).toContain("（旗县市取自文件名；不对时用 --county 指定）");
    const en = await run("evaluate", path, "--lang", "en");
    expect(en.stdout).toContain("(the county as the file's name gives it; name another with --county)");
    const json = JSON.parse((await run("evaluate", path, "--json")).stdout);
    expect(json.readiness).toMatchObject({ county: "阿尔山市", countyFrom: "file", targetYear: 2026 });
    const out = join(dir, "据文件名的报告.xlsx");
    expect((await run("evaluate", path, "--out", out)).code).toBe(0);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(out);
    expect(String(report.getWorksheet("汇总")?.getCell("A1").value)).toMatch(/^阿尔山市 /);
  });

  it("a file whose name is no county's names none: no readiness, a blank in the titles", async () => {
    const json = JSON.parse((await run("evaluate", SAMPLE, "--json")).stdout);
    expect(json.readiness).toBeNull();
    const r = await run("evaluate", SAMPLE);
    expect(r.stdout).not.toContain("目标年份");
  });

  it("the county sheet's title names the county before the file's name does", async () => {
    const path = await sampleWithCountySheet("阿尔山市-县级指标已填.xlsx", passing);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    workbook.getWorksheet("县级指标")!.getCell("A1").value = "突泉县义务教育优质均衡发展县级指标";
    await workbook.xlsx.writeFile(path);
    const json = JSON.parse((await run("evaluate", path, "--json")).stdout);
    expect(json.readiness).toMatchObject({ county: "突泉县", countyFrom: "countySheet", targetYear: 2028 });
    expect(json.problems.map((p: { code: string }) => p.code)).not.toContain("county-named-otherwise");
  });

  it("--county naming another county than the file: evaluated as given, with a warning naming both", async () => {
    const path = named("阿尔山市.xlsx");
    const json = JSON.parse((await run("evaluate", path, "--county", "科右前旗", "--json")).stdout);
    expect(json.ok).toBe(true);
    expect(json.readiness).toMatchObject({ county: "科右前旗", countyFrom: "given", targetYear: 2028 });
    const warning = json.problems.find((p: { code: string }) => p.code === "county-named-otherwise");
    expect(warning).toMatchObject({ severity: "warning", cell: null });
    expect(warning.message).toContain("“阿尔山市”");
    const r = await run("evaluate", path, "--county", "科右前旗");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("请核对是否选错了文件");
    // the same county by another name is no other county
    const same = JSON.parse((await run("evaluate", path, "--county", "阿尔山", "--json")).stdout);
    expect(same.problems.map((p: { code: string }) => p.code)).not.toContain("county-named-otherwise");
    // plan (and whatif) read the workbook the same way
    const plan = JSON.parse((await run("plan", path, "--county", "科右前旗", "--json")).stdout);
    expect(plan.problems.map((p: { code: string }) => p.code)).toContain("county-named-otherwise");
  });
});
