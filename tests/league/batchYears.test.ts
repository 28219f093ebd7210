/**
 * `balance batch` over several years of the league's counties (动态监测): a county given in year folders gets its
 * years, each year's verdict and coefficients those of `balance evaluate` on that file alone, the projection that
 * of `balance compare` on the county's files, and a course read off them; one-year inputs keep the JSON they had;
 * the league workbook gains a sheet of the years that fits its columns.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { run, tempDir } from "../cli/helpers";
import { randomCounty, writeCounty, writeThreeCounties } from "./helpers";
import { twoYearsWithRegression } from "./records";

const dir = tempDir();
const folders = ["2024", "2025", "2026", "extra"].map((f) => join(dir, f));
const oneYear = join(dir, "oneYear");
/** the county's files, oldest first */
const files: Record<string, string[]> = {};

beforeAll(async () => {
  for (const f of [...folders, oneYear]) mkdirSync(f);
  const known = twoYearsWithRegression();
  const write = async (folder: string, county: string, records: Parameters<typeof writeCounty>[2]) => {
    const path = await writeCounty(folder, `${county}.xlsx`, records);
    (files[county] ??= []).push(path);
  };
  // 扎赉特旗 (target 2028): two years that pass, then the known regression (甲 short of teachers, the primary
  // sports coefficient 0.8889 over its limit 0.50)
  await write(folders[0], "扎赉特旗", known[2025]);
  await write(
    folders[1],
    "扎赉特旗",
    known[2025].map((r) => ({ ...r, name: r.name.replace("戊", "庚") })),
  );
  await write(folders[2], "扎赉特旗", known[2026]);
  // 乌兰浩特市 (target 2028): the regression's year first, then every school passing — improving
  await write(folders[1], "乌兰浩特市", known[2026]);
  await write(folders[2], "乌兰浩特市", known[2025]);
  // 阿尔山市 (target 2026): its target year has come, no projection
  await write(folders[1], "阿尔山市", randomCounty(7101, 12, "阿市"));
  await write(folders[2], "阿尔山市", randomCounty(7102, 12, "阿市"));
  // 科右前旗: one year only
  await writeCounty(folders[2], "科右前旗.xlsx", randomCounty(7103, 9, "前旗"));
  // 突泉县: 2025, and 2026 given twice (a folder of the year, and the year in another file's name)
  await write(folders[1], "突泉县", randomCounty(7104, 10, "突泉"));
  await write(folders[2], "突泉县", randomCounty(7105, 10, "突泉"));
  files["突泉县"].push(await writeCounty(folders[3], "突泉县2026.xlsx", randomCounty(7106, 10, "突泉")));
  await writeThreeCounties(oneYear);
});

interface JsonLevel {
  sections: number;
  passingSections: number;
  cv: Record<string, number | null>;
  cvPass: Record<string, boolean>;
  limit: number;
}

async function json(...args: string[]) {
  const r = await run(...args, "--json");
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

type County = { county: string; file: string; counted: boolean; years?: Years };
type Years = {
  targetYear: number | null;
  series: {
    year: number;
    file: string;
    ok: boolean;
    countyPass: boolean;
    failingSections: number;
    failingCoefficients: number;
    levels: Record<string, JsonLevel>;
  }[];
  projection: { coefficients: { pass: boolean | null }[] } | null;
  course: {
    kind: string;
    onCourse: boolean | null;
    projectedOverLimit: number | null;
    failingSections: number | null;
    failingSectionsChange: number | null;
  };
};

function yearsOf(doc: { counties: County[] }, county: string): Years {
  const lines = doc.counties.filter((c) => c.county === county);
  // on the line the league counts, and on no other
  expect(lines.filter((c) => c.years !== undefined)).toEqual(lines.filter((c) => c.counted));
  return lines.find((c) => c.counted)!.years!;
}

describe("balance batch over several years", () => {
  test("each year's verdict and coefficients are those of evaluating its file alone", async () => {
    const { code, doc } = await json("batch", ...folders, "--year", "2026");
    expect(code).toBe(0);
    expect(doc.year).toBe(2026);
    const withYears = doc.counties.filter((c: County) => c.years).map((c: County) => c.county);
    expect([...withYears].sort()).toEqual(["扎赉特旗", "乌兰浩特市", "阿尔山市", "突泉县"].sort());
    for (const county of withYears) {
      const years = yearsOf(doc, county);
      const expected = county === "扎赉特旗" ? [2024, 2025, 2026] : [2025, 2026];
      expect(years.series.map((y) => y.year)).toEqual(expected);
      // the files of the years, the second 2026 file of 突泉县 (the last given) standing for its year
      const chosen = county === "突泉县" ? [files[county][0], files[county][2]] : files[county];
      expect(years.series.map((y) => y.file)).toEqual(chosen);
      for (const y of years.series) {
        const { code: aloneCode, doc: alone } = await json("evaluate", y.file);
        expect(aloneCode).toBe(0);
        expect(y.ok).toBe(true);
        expect(y.countyPass).toBe(alone.countyPass);
        const failing = alone.sections.filter(
          (s: { included: boolean; pass: boolean }) => s.included && !s.pass,
        );
        expect(y.failingSections).toBe(failing.length);
        const over = LEVELS.flatMap((l) => INDICATOR_IDS.filter((id) => !alone.levels[l].cvPass[id]));
        expect(y.failingCoefficients).toBe(over.length);
        for (const level of LEVELS) {
          const a: JsonLevel = alone.levels[level];
          const b = y.levels[level];
          expect([b.sections, b.passingSections]).toEqual([a.sections, a.passingSections]);
          expect(b.cv).toEqual(a.cv);
          expect(b.cvPass).toEqual(a.cvPass);
        }
      }
    }
    // the known regression, by hand: the sports coefficient of 2026 is 0.8889, over 0.50; 甲 fails
    const zalaite = yearsOf(doc, "扎赉特旗").series;
    expect(zalaite.map((y) => y.failingSections)).toEqual([0, 0, 1]);
    expect(zalaite[2].levels.primary.cv.sportsArea).toBeCloseTo(0.8889, 4);
    expect(zalaite[2].levels.primary.cvPass.sportsArea).toBe(false);
    expect(zalaite[0].levels.primary.cvPass.sportsArea).toBe(true);
    // 突泉县's two 2026 files are still warned of, as before
    const repeated = doc.repeated.find((r: { county: string }) => r.county === "突泉县");
    expect(repeated.files).toEqual(files["突泉县"]);
    expect(repeated.counted).toBe(files["突泉县"][2]);
    expect(doc.repeated.map((r: { county: string }) => r.county)).toContain("扎赉特旗");
  });

  test("the projection is balance compare's for the county's files, and the course follows it", async () => {
    const { doc } = await json("batch", ...folders, "--year", "2026");
    for (const county of ["扎赉特旗", "乌兰浩特市"]) {
      const years = yearsOf(doc, county);
      const { code, doc: compared } = await json("compare", ...files[county]);
      expect(code).toBe(0);
      expect(compared.targetYear).toBe(2028);
      expect(years.targetYear).toBe(2028);
      expect(compared.projection).not.toBeNull();
      expect(years.projection).toEqual(compared.projection);
    }
    // 扎赉特旗: sports projected over its limit, failing sections 0 → 1: off course
    const zalaite = yearsOf(doc, "扎赉特旗");
    const over = zalaite.projection!.coefficients.filter((c) => c.pass === false).length;
    expect(over).toBeGreaterThan(0);
    expect(zalaite.course).toEqual({
      kind: "trend",
      onCourse: false,
      projectedOverLimit: over,
      failingSections: 1,
      failingSectionsChange: 1,
      comparedYears: { before: 2025, latest: 2026 },
    });
    // 乌兰浩特市: from the regression's year to every school passing, every coefficient falls within its limit
    expect(yearsOf(doc, "乌兰浩特市").course).toEqual({
      kind: "trend",
      onCourse: true,
      projectedOverLimit: 0,
      failingSections: 0,
      failingSectionsChange: -1,
      comparedYears: { before: 2025, latest: 2026 },
    });
    // 阿尔山市's target year (2026) is its last year: no projection, no course
    const arxan = yearsOf(doc, "阿尔山市");
    expect(arxan.targetYear).toBe(2026);
    expect(arxan.projection).toBeNull();
    expect(arxan.course.onCourse).toBeNull();
    const compared = await json("compare", ...files["阿尔山市"]);
    expect(compared.doc.projection).toBeNull();
    // the league's view of its latest year and who is at risk are the league's rule, untouched by the trend:
    // 阿尔山市 is due in 2026 whatever its course
    const arxanLine = doc.counties.find(
      (c: County & { atRisk: boolean }) => c.county === "阿尔山市" && c.counted,
    );
    expect(arxanLine.file).toBe(files["阿尔山市"][1]);
    expect(arxanLine.yearsLeft).toBe(0);
    expect(arxanLine.risk).toBe(arxanLine.countyPass ? null : "due");
  });

  test("one year per county: no years anywhere, the JSON's fields those it had", async () => {
    const { doc } = await json("batch", oneYear);
    // the fields of a county's line before the years were added (countyJson)
    const before = [
      "file",
      "county",
      "countyFrom",
      "ok",
      "schools",
      "levels",
      "resourcesPass",
      "countyPass",
      "failingItems",
      "missingItems",
      "failingSections",
      "failingCoefficients",
      "targetYear",
      "yearsLeft",
      "atRisk",
      "risk",
      "counted",
      "countySheet",
      "problems",
    ];
    expect(doc.counties).toHaveLength(3);
    for (const c of doc.counties) expect(Object.keys(c)).toEqual(before);
    expect(Object.keys(doc)).toEqual([
      "year",
      "ok",
      "counties",
      "indicators",
      "atRisk",
      "repeated",
      "skipped",
      "unreadSubfolders",
      "lockFiles",
      "givenTwice",
    ]);
    const text = await run("batch", oneYear);
    expect(text.stdout).not.toContain("逐年情况");
    // a county given twice in one year has no years either: only its warning
    const twice = await json("batch", folders[2], folders[3]);
    expect(twice.doc.counties.some((c: County) => c.years !== undefined)).toBe(false);
    expect(twice.doc.repeated.map((r: { county: string }) => r.county)).toEqual(["突泉县"]);
  });

  test("text: a line per year under 逐年情况, the projection and the course labelled as such", async () => {
    const zh = await run("batch", ...folders, "--year", "2026");
    expect(zh.code).toBe(0);
    // the files of one county in year folders, told apart by their folders
    for (const year of [2024, 2025, 2026]) expect(zh.stdout).toContain(`扎赉特旗（${year}/扎赉特旗.xlsx）：`);
    expect(zh.stdout).toContain(
      "历年文件：扎赉特旗（2024、2025、2026 年）、乌兰浩特市（2025、2026 年）、突泉县（2025、2026 年）、阿尔山市（2025、2026 年），每个旗县市只计最新一年",
    );
    const from = zh.stdout.indexOf("\n逐年情况\n");
    expect(from).toBeGreaterThan(zh.stdout.indexOf("可能无法按期达标的旗县市"));
    const section = zh.stdout.slice(from);
    expect(section).toContain("  扎赉特旗（目标 2028 年）\n    2024：县域结论");
    expect(section).toMatch(/\n {4}2026：[^\n]*小学 4\/5 个学校（校区）达标，最大差异系数 ✗ 0\.8889\/0\.50/);
    expect(section).toContain("2028 年预测（按各年差异系数的线性趋势外推，不是评估结果）：超限 小学");
    expect(section).toContain("趋势：按期（2028 年）达标有困难");
    expect(section).toContain("未达标学校（校区）1 所，较上年未减少（+1）");
    expect(section).toContain("趋势：可望在 2028 年按期达标（预测，不是评估结果）");
    expect(section).toContain("未作预测：目标年份 2026 年不晚于最后一年 2026 年");
    expect(section).not.toContain("科右前旗");
    const en = await run("batch", ...folders, "--year", "2026", "--lang", "en");
    expect(en.stdout).toContain("\nYear by year\n");
    expect(en.stdout).toContain("Trend: off course for 2028");
    // the sections passing as a count, the verb agreeing with it
    expect(en.stdout).toMatch(/\n {4}2026: [^\n]*primary 4 of 5 sections pass, highest CV ✗ 0\.8889\/0\.50/);
    expect(en.stdout).toContain("Trend: on course for 2028 (a projection, not an evaluation)");
  });

  test("the league workbook has a sheet of the counties' years, with the highest coefficient per level", async () => {
    const out = join(dir, "汇总.xlsx");
    const r = await run("batch", ...folders, "--year", "2026", "--out", out);
    expect(r.code).toBe(0);
    const { doc } = await json("batch", ...folders, "--year", "2026");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["盟市汇总", "逐年情况"]);
    const sheet = book.getWorksheet("逐年情况")!;
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1 });
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((row) => row[0] === "旗县市");
    expect(rows[header].slice(0, 4)).toEqual(["旗县市", "年份", "文件", "县域结论"]);
    // a header wraps at the places it is broken at
    const primaryCv = rows[header].map((h) => String(h).replace(/\n/g, "")).indexOf("小学最大差异系数");
    expect(primaryCv).toBeGreaterThan(3);
    for (const county of ["扎赉特旗", "乌兰浩特市", "阿尔山市", "突泉县"]) {
      const years = yearsOf(doc, county);
      for (const y of years.series) {
        const row = rows.find((x) => x[0] === county && x[1] === y.year)!;
        expect(row).toBeDefined();
        expect(row[3]).toBe(y.countyPass ? "达标" : "不达标");
        expect(row[6]).toBe(y.failingSections);
        const values = Object.values(y.levels.primary.cv).filter((v): v is number => v !== null);
        expect(row[primaryCv]).toBe(Math.max(...values));
        expect(row[primaryCv + 1]).toBe(y.levels.primary.limit);
        // 扎赉特旗 and 乌兰浩特市 have no junior sections: nothing to show of the level
        if (y.levels.junior.sections === 0)
          expect(row.slice(primaryCv + 2, primaryCv + 4)).toEqual(["—", "—"]);
      }
    }
    const projected = rows.find((x) => x[0] === "扎赉特旗" && x[1] === "2028 预测")!;
    expect(String(projected[2])).toContain("不是评估结果");
    expect(String(projected[projected.length - 1])).toContain("趋势：按期（2028 年）达标有困难");
    // its projected sports coefficient is the highest of the primary level, as compare projects it
    const compared = (await json("compare", ...files["扎赉特旗"])).doc;
    const primary = compared.projection.coefficients
      .filter((c: { level: string }) => c.level === "primary")
      .map((c: { value: number }) => c.value);
    expect(projected[primaryCv]).toBe(Math.max(...primary));
    // the county sheets follow, as before
    expect(book.worksheets.length).toBe(2 + doc.counties.length);
    // named by their years; of 突泉县's two 2026 files, the one the league does not count says so
    const tabs = book.worksheets.map((w) => w.name).filter((n) => n.startsWith("突泉县"));
    // in the summary's order: the counted file first, then the earlier year and the copy not counted
    expect(tabs).toEqual(["突泉县（2026）", "突泉县（2025）", "突泉县（2026，未计入）"]);
    // the coefficient tables of the summary sheet name them alike
    const summaryColumnA: unknown[] = [];
    book.getWorksheet("盟市汇总")!.eachRow((row) => summaryColumnA.push(row.getCell(1).value));
    expect(summaryColumnA).toContain("突泉县（2026，未计入）");
  });
  test("an earlier year's line is not judged for risk in text, JSON or workbook: its county's counted file is", async () => {
    // docs/cli.md#batch: 阿尔山市 (target 2026) given in 2025 and 2026; the 2025 file is not counted, so its figures
    // are not judged "due" in 2026, whatever they are
    const out = join(dir, "汇总-风险.xlsx");
    expect((await run("batch", ...folders, "--year", "2026", "--out", out)).code).toBe(0);
    const { doc } = await json("batch", ...folders, "--year", "2026");
    const earlier = doc.counties.find((c: County) => c.file === files["阿尔山市"][0]);
    expect(earlier).toMatchObject({ counted: false, yearsLeft: 0, atRisk: null, risk: null });
    const counted = doc.counties.filter((c: County) => c.counted && c.county === "阿尔山市");
    expect(doc.atRisk.filter((c: County) => c.county === "阿尔山市")).toEqual(
      counted
        .filter((c: { atRisk: boolean }) => c.atRisk)
        .map((c: County) => expect.objectContaining({ file: c.file })),
    );
    const text = (await run("batch", ...folders, "--year", "2026")).stdout;
    const line = text.split("\n").find((l) => l.includes("阿尔山市（2025/阿尔山市.xlsx）"))!;
    expect(line).toMatch(/^ {2}[ ✓] /);
    expect(line).toContain("未计入汇总：按期达标风险以所计文件为准");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet("盟市汇总")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const row = rows.find((x) => x[0] === "阿尔山市" && x[1] === "2025/阿尔山市.xlsx")!;
    expect(row[12]).toBe("未计入汇总");
  });
  test("the counties at risk name the counties off course on their trend, apart, in text, workbook and JSON alike", async () => {
    // docs/cli.md#year-by-year: in 2026 no county of 2028 is at risk by the rule (two years left), but 扎赉特旗's
    // trend is off course; the at-risk list says none and points to the trend, never adding it to the list
    const { doc } = await json("batch", ...folders, "--year", "2026");
    const off = doc.counties
      .filter((c: County) => c.years && c.years.course.onCourse === false)
      .map((c: County) => c.county);
    expect(off).toContain("扎赉特旗");
    expect(doc.atRisk.map((c: County) => c.county)).not.toContain("扎赉特旗");
    const note = `另：按各年趋势预测，${off.join("、")}按期达标有困难（预测，不是评估结果，不计入上列风险），见“逐年情况”`;
    const text = (await run("batch", ...folders, "--year", "2026")).stdout;
    const risk = text.slice(text.indexOf("可能无法按期达标的旗县市"), text.indexOf("\n逐年情况\n"));
    expect(risk).toContain(`\n  ${note}\n`);
    const out = join(dir, "汇总-趋势.xlsx");
    expect((await run("batch", ...folders, "--year", "2026", "--out", out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    // each row's first text: a line across the table starts right of the county's and file's columns, which
    // print again on the sheet's pages across
    const columnA: unknown[] = [];
    book
      .getWorksheet("盟市汇总")!
      .eachRow((row) => columnA.push((row.values as unknown[]).find((v) => v != null && v !== "")));
    expect(columnA).toContain(note);
    // one year per county: no trend, no note
    expect((await run("batch", oneYear)).stdout).not.toContain("另：按各年趋势预测");
  });
});
