/**
 * `balance batch` (issue 16 item 1): three county workbooks generated from seeds, batched, give per county the
 * verdicts and coefficients `balance evaluate` gives each alone; the league workbook holds the summary, a sheet
 * per county and the coefficient charts; a failing file is reported while the others go on, and the exit code
 * says so; the progress bar is drawn on a terminal only.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { run, tempDir, writeWorkbook, tableOf } from "../cli/helpers";
import { addSchoolTable } from "../../src/xlsx/template";
import { newWorkbook, workbookBytes } from "../../src/xlsx/write";
import { randomCounty, writeCounty, writeThreeCounties } from "./helpers";

const dir = tempDir();
let files: string[] = [];

beforeAll(async () => {
  files = (await writeThreeCounties(dir)).sort();
  // Excel's lock file beside an open workbook is not a county
  writeFileSync(join(dir, "~$科右前旗-均衡评估.xlsx"), "lock");
});

interface JsonLevel {
  sections: number;
  passingSections: number;
  cv: Record<string, number | null>;
  cvPass: Record<string, boolean>;
  pass: boolean;
}

async function evaluateAlone(file: string) {
  const r = await run("evaluate", file, "--json");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe("balance batch over a folder", () => {
  test("per county the same verdicts and coefficients as balance evaluate on each file alone", async () => {
    const r = await run("batch", dir, "--json", "--year", "2027");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.year).toBe(2027);
    expect(doc.counties.map((c: { file: string }) => c.file)).toEqual(files);
    const byFile = new Map<string, string>([
      [files.find((f) => f.includes("科右前旗"))!, "科右前旗"],
      [files.find((f) => f.includes("乌兰浩特市"))!, "乌兰浩特市"],
      [files.find((f) => f.includes("县C"))!, "扎赉特旗"],
    ]);
    for (const county of doc.counties) {
      const alone = await evaluateAlone(county.file);
      expect(county.county).toBe(byFile.get(county.file));
      expect(county.ok).toBe(true);
      expect(county.schools).toBe(alone.table.schools);
      expect(county.resourcesPass).toBe(alone.resourcesPass);
      expect(county.countyPass).toBe(alone.countyPass);
      for (const level of LEVELS) {
        const a: JsonLevel = alone.levels[level];
        const b: JsonLevel = county.levels[level];
        expect({ sections: b.sections, passing: b.passingSections, pass: b.pass }).toEqual({
          sections: a.sections,
          passing: a.passingSections,
          pass: a.pass,
        });
        expect(b.cv).toEqual(a.cv);
        expect(b.cvPass).toEqual(a.cvPass);
      }
      // the Xing'an plan: all three are to be recognised in 2028
      expect(county).toMatchObject({ targetYear: 2028, yearsLeft: 1 });
      const failingCvs = LEVELS.flatMap((l) =>
        INDICATOR_IDS.filter((id) => !alone.levels[l].cvPass[id]),
      ).length;
      const failingSections = alone.sections.filter(
        (s: { included: boolean; pass: boolean }) => s.included && !s.pass,
      ).length;
      expect(county.failingCoefficients).toBe(failingCvs);
      expect(county.failingSections).toBe(failingSections);
      // one year left: at risk exactly when a coefficient fails or five sections do (src/engine/league.ts AT_RISK)
      expect(county.atRisk).toBe(!county.countyPass && (failingCvs > 0 || failingSections >= 5));
    }
    expect(doc.counties.find((c: { county: string }) => c.county === "扎赉特旗").countyFrom).toBe(
      "countySheet",
    );
    expect(doc.counties.find((c: { county: string }) => c.county === "科右前旗").countyFrom).toBe("file");
  });

  test("the weakest indicators count the sections below each standard over every county", async () => {
    const doc = JSON.parse((await run("batch", ...files, "--json")).stdout);
    expect(doc.indicators).toHaveLength(LEVELS.length * INDICATOR_IDS.length);
    const alone = await Promise.all(files.map(evaluateAlone));
    for (const row of doc.indicators) {
      let sections = 0;
      let counties = 0;
      for (const a of alone) {
        const short = a.sections.filter(
          (s: { included: boolean; level: string; status: Record<string, string> }) =>
            s.included && s.level === row.level && ["floor", "unmet"].includes(s.status[row.indicator]),
        ).length;
        sections += short;
        if (short > 0 || !a.levels[row.level].cvPass[row.indicator]) counties++;
      }
      expect({
        at: `${row.level}/${row.indicator}`,
        sections: row.sectionsFailing,
        counties: row.countiesFailing,
      }).toEqual({
        at: `${row.level}/${row.indicator}`,
        sections,
        counties,
      });
    }
    const keys = doc.indicators.map((r: { countiesFailing: number; sectionsFailing: number }) => [
      r.countiesFailing,
      r.sectionsFailing,
    ]);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(keys).toEqual(sorted);
  });

  test("the league workbook: the summary, a sheet per county and a chart of the coefficients per level", async () => {
    const out = join(dir, "汇总.xlsx");
    const r = await run("batch", dir, "--out", out, "--year", "2027");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    const doc = JSON.parse((await run("batch", ...files, "--json")).stdout);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(["盟市汇总", ...doc.counties.map((c: { county: string }) => c.county)]);
    const summary = book.getWorksheet("盟市汇总")!;
    const columnA: unknown[] = [];
    summary.eachRow((row) => columnA.push(row.getCell(1).value));
    for (const c of doc.counties) expect(columnA).toContain(c.county);
    expect(summary.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1 });
    for (const c of doc.counties) {
      const sheet = book.getWorksheet(c.county)!;
      expect(String(sheet.getCell("A1").value)).toContain(c.county);
      expect(sheet.pageSetup.paperSize).toBe(9);
    }

    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = Object.keys(zip.files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .sort();
    expect(charts).toHaveLength(2);
    for (const [i, part] of charts.entries()) {
      const xml = await zip.file(part)!.async("string");
      expect(xml).toContain("<c:barChart>");
      // the limit drawn as a line over the columns
      expect(xml).toMatch(/<c:lineChart>.*<c:v>限值<\/c:v>.*<\/c:lineChart>/s);
      const categories = /<c:cat><c:strRef><c:f>'?盟市汇总'?!\$A\$(\d+):\$A\$(\d+)<\/c:f>/.exec(xml)!;
      const [first, last] = [Number(categories[1]), Number(categories[2])];
      const counties = [];
      for (let row = first; row <= last; row++) counties.push(summary.getCell(row, 1).value);
      expect(counties).toEqual(doc.counties.map((c: { county: string }) => c.county));
      // the first series is the first indicator's coefficient of each county, at this chart's level (the
      // county's name takes columns A and B)
      const values = /<c:val><c:numRef><c:f>'?盟市汇总'?!\$C\$(\d+):\$C\$(\d+)<\/c:f>/.exec(xml)!;
      const level = LEVELS[i];
      for (let row = Number(values[1]); row <= Number(values[2]); row++) {
        const county = doc.counties[row - Number(values[1])];
        expect(summary.getCell(row, 3).value).toBe(county.levels[level].cv[INDICATOR_IDS[0]]);
      }
    }
    // batched again, the folder's own output is left out, not read as a county
    const again = JSON.parse((await run("batch", dir, "--json")).stdout);
    expect(again.skipped).toEqual([out]);
    expect(again.counties).toHaveLength(3);
    // and so is a league workbook an earlier version wrote, whose summary sheet was named 联盟汇总
    const older = new ExcelJS.Workbook();
    older.addWorksheet("联盟汇总").getCell("A1").value = "义务教育优质均衡发展 旗县市汇总";
    const earlier = join(dir, "去年汇总.xlsx");
    writeFileSync(earlier, Buffer.from(await older.xlsx.writeBuffer()));
    const withEarlier = JSON.parse((await run("batch", dir, "--json")).stdout);
    expect(withEarlier.skipped).toEqual(expect.arrayContaining([out, earlier]));
    expect(withEarlier.counties).toHaveLength(3);
    rmSync(earlier);
  });
});

describe("the workbooks Balance wrote in a county's folder", () => {
  test("a report, a plan and a what-if written with --out are left out; the county's own workbook is not", async () => {
    const folder = join(dir, "带输出的文件夹");
    mkdirSync(folder, { recursive: true });
    const county = join(folder, "白狼县.xlsx");
    copyFileSync("examples/sample-county.xlsx", county);
    const outputs = ["报告.xlsx", "方案.xlsx", "模拟.xlsx", "report-en.xlsx"].map((f) => join(folder, f));
    expect((await run("evaluate", county, "--out", outputs[0])).code).toBe(0);
    expect((await run("plan", county, "--rotation", "--out", outputs[1])).code).toBe(0);
    const edits = join(dir, "edits.json");
    writeFileSync(
      edits,
      JSON.stringify([
        { kind: "addFacility", school: "白狼县第一小学", resource: "sportsArea", amount: 2000 },
      ]),
    );
    expect((await run("whatif", county, "--edits", edits, "--out", outputs[2])).code).toBe(0);
    expect((await run("evaluate", county, "--out", outputs[3], "--lang", "en")).code).toBe(0);
    // the county's workbook with the pane's report sheets written beside its school table stays a county
    const withReport = join(folder, "白狼县-已生成报表.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(county);
    for (const name of ["汇总", "达标情况", "差异系数"]) book.addWorksheet(name);
    await book.xlsx.writeFile(withReport);

    const r = await run("batch", folder, "--json", "--year", "2026");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([...doc.skipped].sort()).toEqual([...outputs].sort());
    expect(doc.counties.map((c: { file: string }) => c.file)).toEqual([withReport, county]);
    // named one by one, as a shell's *.xlsx names them, they are left out all the same
    const named = JSON.parse((await run("batch", county, ...outputs, "--json", "--year", "2026")).stdout);
    expect(named.skipped).toEqual(outputs);
    expect(named.counties.map((c: { file: string }) => c.file)).toEqual([county]);
    const text = await run("batch", county, outputs[0], "--year", "2026");
    expect(text.stdout).toContain(`已跳过本工具写出的工作簿：${outputs[0]}`);
  });
});

describe("--sheet", () => {
  test("reads that sheet of every workbook, as evaluate --sheet does; a workbook without it fails alone", async () => {
    const folder = join(dir, "上报表");
    mkdirSync(folder, { recursive: true });
    const withDraft = async (file: string, seed: number) => {
      const workbook = newWorkbook();
      addSchoolTable(workbook, { records: randomCounty(seed + 100, 6, "草"), sheetName: "草稿" });
      addSchoolTable(workbook, { records: randomCounty(seed, 9, "报"), sheetName: "上报" });
      const path = join(folder, file);
      writeFileSync(path, await workbookBytes(workbook));
      return path;
    };
    const files = [await withDraft("突泉县.xlsx", 1701), await withDraft("扎赉特旗.xlsx", 1702)];
    const other = await writeCounty(folder, "阿尔山市.xlsx", randomCounty(1703, 5, "阿"));
    const r = await run("batch", folder, "--sheet", "上报", "--json", "--year", "2026");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.counties.map((c: { county: string; ok: boolean }) => [c.county, c.ok])).toEqual([
      ["扎赉特旗", true],
      ["突泉县", true],
      ["阿尔山市", false],
    ]);
    expect(doc.counties[2].problems[0].code).toBe("sheet-not-found");
    for (const file of files) {
      const alone = JSON.parse((await run("evaluate", file, "--sheet", "上报", "--json")).stdout);
      const county = doc.counties.find((c: { file: string }) => c.file === file);
      expect(county.schools).toBe(alone.table.schools);
      for (const level of LEVELS) expect(county.levels[level].cv).toEqual(alone.levels[level].cv);
    }
    // without --sheet each workbook's draft, the first sheet with a school table, is read
    const drafts = JSON.parse((await run("batch", ...files, "--json", "--year", "2026")).stdout);
    expect(drafts.counties.map((c: { schools: number }) => c.schools)).toEqual([6, 6]);
    expect(other).toContain("阿尔山市");
  });
});

describe("a county given in several files", () => {
  test("each file keeps its line, the league's counts take the county once, and the text and workbook say so", async () => {
    const twice = join(dir, "twice");
    mkdirSync(twice, { recursive: true });
    const county = files.find((f) => f.includes("科右前旗"))!;
    const other = files.find((f) => f.includes("乌兰浩特市"))!;
    const [first, copy, second] = ["科右前旗2025.xlsx", "科右前旗2026.xlsx", "乌兰浩特市.xlsx"].map((name) =>
      join(twice, name),
    );
    copyFileSync(county, first);
    copyFileSync(county, copy);
    copyFileSync(other, second);

    const once = JSON.parse((await run("batch", county, other, "--json")).stdout);
    // the later year given first: it is still the one counted
    const doc = JSON.parse((await run("batch", copy, first, second, "--json")).stdout);
    expect(doc.counties.map((c: { file: string; counted: boolean }) => [c.file, c.counted])).toEqual([
      [copy, true],
      [first, false],
      [second, true],
    ]);
    expect(doc.repeated).toEqual([
      { county: "科右前旗", files: [copy, first], years: [2026, 2025], counted: copy, sameYear: [] },
    ]);
    expect(doc.warnings).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "unchangedYears",
        county: "科右前旗",
        yearBefore: 2025,
        yearAfter: 2026,
        files: [first, copy],
      }),
    ]);
    expect(doc.indicators).toEqual(once.indicators);
    expect(doc.atRisk.map((c: { file: string }) => c.file)).toEqual(
      once.atRisk.map((c: { file: string }) => (c.file === county ? copy : second)),
    );

    const text = await run("batch", copy, first, second, "--year", "2027");
    const lines = text.stdout.split("\n");
    expect(lines[0]).toBe("旗县市汇总（2027 年，2 个旗县市，3 个文件）");
    // two years of one county are expected, not a problem: no paragraph above the lines, one short line after them;
    // but one file copied for two years holds the same figures in both, which compare's rule warns of
    expect(lines.filter((line) => line.includes("出现在"))).toEqual([]);
    const unchanged =
      "科右前旗：2025 与 2026 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新（“科右前旗2025.xlsx”与“科右前旗2026.xlsx”）";
    expect(lines[1]).toBe(`  ⚠ ${unchanged}`);
    const at = (needle: string) => lines.findIndex((line) => line.includes(needle));
    // the counted lines first, the earlier year under a heading of its own after them
    const heading = at("历年及未计入的文件（");
    expect(at("科右前旗（科右前旗2026.xlsx）：")).toBeLessThan(heading);
    expect(at("乌兰浩特市：")).toBeLessThan(heading);
    expect(at("科右前旗（科右前旗2025.xlsx）：")).toBeGreaterThan(heading);
    expect(lines.filter((line) => line.includes("科右前旗（科右前旗2025.xlsx）："))).toHaveLength(1);
    expect(lines.filter((line) => line.includes("乌兰浩特市："))).toHaveLength(1);
    const years =
      "历年文件：科右前旗（2025、2026 年），每个旗县市只计最新一年，其余列在“历年及未计入的文件”下，逐年变化见“逐年情况”";
    expect(lines[heading + 2]).toBe(`  ${years}`);

    const out = join(twice, "汇总.xlsx");
    expect((await run("batch", copy, first, second, "--out", out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    // each row's first text: a line across the table starts right of the county's and file's columns, which
    // print again on the sheet's pages across
    const columnA: string[] = [];
    book
      .getWorksheet("盟市汇总")!
      .eachRow((row) => columnA.push(String((row.values as unknown[]).find((v) => v != null && v !== ""))));
    expect(columnA).toContain(years);
    expect(columnA).toContain(unchanged);
    expect(columnA.filter((v) => v.includes("出现在"))).toEqual([]);
    // the workbook's order is the text's: the counted lines, the heading, then the earlier year, after the table
    const rowOf = (v: string) => columnA.findIndex((x) => x.startsWith(v));
    expect(rowOf("历年及未计入的文件")).toBeGreaterThan(0);
    expect(rowOf("历年文件：")).toBeGreaterThan(rowOf("历年及未计入的文件"));
  });
});

describe("a file that fails among good ones", () => {
  test("is reported with its problems while the others go on; exit 1", async () => {
    const mixed = join(dir, "mixed");
    mkdirSync(mixed);
    for (const f of files) copyFileSync(f, join(mixed, f.split("/").pop()!));
    writeFileSync(join(mixed, "坏文件.xlsx"), "not a workbook");
    const table = tableOf(randomCounty(1604, 5, "错"));
    table[2][15] = "三百"; // 教学及辅助用房面积 (column P): not a number
    await writeWorkbook(mixed, "表中有错.xlsx", { 学校: table });

    const r = await run("batch", mixed, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.counties).toHaveLength(5);
    const bad = doc.counties.filter((c: { ok: boolean }) => !c.ok);
    expect(bad.map((c: { county: string }) => c.county).sort()).toEqual(["坏文件", "表中有错"].sort());
    const unreadable = bad.find((c: { county: string }) => c.county === "坏文件");
    expect(unreadable.problems.map((p: { code: string }) => p.code)).toEqual(["not-xlsx"]);
    const erroneous = bad.find((c: { county: string }) => c.county === "表中有错");
    expect(
      erroneous.problems.some(
        (p: { severity: string; cell: string }) => p.severity === "error" && /^学校!P\d+$/.test(p.cell),
      ),
    ).toBe(true);
    expect(erroneous.levels).toBeNull();
    expect(doc.counties.filter((c: { ok: boolean }) => c.ok)).toHaveLength(3);

    const text = await run("batch", mixed);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("坏文件.xlsx");
    expect(text.stderr).toContain("表中有错.xlsx");
    for (const county of ["科右前旗", "乌兰浩特市", "扎赉特旗"]) expect(text.stdout).toContain(county);
  });
});

describe("files named one by one, as a shell's *.xlsx names them", () => {
  test("the lock file of a workbook open in Excel is skipped and said so, not a county that failed", async () => {
    const lock = join(dir, "~$科右前旗-均衡评估.xlsx");
    const r = await run("batch", lock, ...files, "--json", "--year", "2027");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.counties.map((c: { file: string }) => c.file)).toEqual(files);
    expect(doc.repeated).toEqual([]);
    expect(doc.lockFiles).toEqual([lock]);
    const text = await run("batch", lock, ...files, "--year", "2027");
    expect(text.code).toBe(0);
    // the counties' own warnings only: nothing of the lock file
    expect(text.stderr).not.toContain("~$");
    expect(text.stdout).toContain(`已跳过 Excel、WPS 打开工作簿时留下的临时文件：${lock}`);
  });
});

describe("a file given more than once", () => {
  test("is read once, whether named twice, named and in its folder, or named through a link", async () => {
    const [first] = files;
    const link = join(tempDir(), "链接.xlsx");
    symlinkSync(first, link);
    const r = await run("batch", first, dir, first, link, "--json", "--year", "2027");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // each county once, as the folder alone gives them: none counted twice, none said to be left out
    expect(doc.counties.map((c: { file: string }) => c.file).sort()).toEqual(files);
    expect(doc.repeated).toEqual([]);
    expect(doc.givenTwice).toEqual([join(dir, first.split("/").pop()!), first, link]);
    const text = await run("batch", first, first, "--year", "2027");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`同一个文件给了不止一次，只读一次：“${first}”`);
    expect(text.stdout).not.toContain("未计入");
  });
});

describe("a folder with spreadsheets in other formats", () => {
  test("each is read (an .xls, an .et, a .csv) or said to need saving as .xlsx, never left out; lock files are not counties", async () => {
    const formats = join(dir, "formats");
    mkdirSync(formats);
    for (const f of files) copyFileSync(f, join(formats, f.split("/").pop()!));
    // an old .xls, and the same bytes named as WPS's .et: a Compound File, read as the .xlsx it was saved from
    const xls = join(__dirname, "../fixtures/xls/sample-county.xls");
    copyFileSync(xls, join(formats, "突泉县2026.xls"));
    copyFileSync(xls, join(formats, "阿尔山市2026.et"));
    // a Compound File cut off after its first bytes
    const compound = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(compound);
    writeFileSync(join(formats, "兴安盟旧表.xls"), compound);
    // a county's table as a .csv (written here by joining the template's rows): read as its .xlsx is
    const csvTable = tableOf(randomCounty(1702, 6, "中"));
    writeFileSync(
      join(formats, "科右中旗.csv"),
      csvTable.map((row) => row.map((v) => v ?? "").join(",")).join("\r\n"),
    );
    const asXlsx = await writeWorkbook(dir, "科右中旗.xlsx", { 科右中旗: csvTable });
    // what Excel, WPS and macOS copies leave beside workbooks
    for (const lock of ["~$突泉县2026.xlsx", ".~阿尔山市2026.xlsx", "._科右中旗.xlsx"])
      writeFileSync(join(formats, lock), "lock");

    const r = await run("batch", formats, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const names = (c: { file: string }) => c.file.split("/").pop();
    expect(doc.counties.map(names)).toEqual(
      [
        ...files.map((f) => f.split("/").pop()),
        "突泉县2026.xls",
        "阿尔山市2026.et",
        "兴安盟旧表.xls",
        "科右中旗.csv",
      ].sort(),
    );
    const csvCounty = doc.counties.find((c: { file: string }) => names(c) === "科右中旗.csv");
    const xlsxCounty = JSON.parse((await run("batch", asXlsx, "--json")).stdout).counties[0];
    expect(csvCounty.ok).toBe(true);
    expect(csvCounty.problems.map((p: { code: string }) => p.code)).toEqual([
      "text-table",
      ...xlsxCounty.problems.map((p: { code: string }) => p.code),
    ]);
    expect(csvCounty.levels).toEqual(xlsxCounty.levels);
    const codes = Object.fromEntries(
      doc.counties
        .filter((c: { ok: boolean }) => !c.ok)
        .map((c: { file: string; problems: { code: string }[] }) => [
          names(c),
          c.problems.map((p) => p.code),
        ]),
    );
    expect(codes).toEqual({ "兴安盟旧表.xls": ["xlsx-corrupt"] });
    expect(doc.counties.filter((c: { ok: boolean }) => c.ok)).toHaveLength(6);
    // each read as the .xlsx it was saved from, under the same name
    const twin = join(dir, "formats-xlsx");
    mkdirSync(twin);
    for (const name of ["突泉县2026", "阿尔山市2026"])
      copyFileSync(join(__dirname, "../../examples/sample-county.xlsx"), join(twin, `${name}.xlsx`));
    const fromXlsx = JSON.parse((await run("batch", twin, "--json")).stdout).counties;
    for (const [i, name] of ["突泉县2026.xls", "阿尔山市2026.et"].entries()) {
      const county = doc.counties.find((c: { file: string }) => names(c) === name);
      expect({ ...county, file: null }).toEqual({ ...fromXlsx[i], file: null });
    }

    const text = await run("batch", formats);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(
      "兴安盟旧表.xls\n发现 1 个问题：\n  ✗ 错误：工作簿已损坏，无法读取（复合文档的文件头无效",
    );
    expect(text.stderr).toContain(
      "科右中旗.csv\n发现 2 个问题：\n  ! 提示：该文件是文本格式的表格（如 .csv）",
    );
  });
});

describe("a folder with notes beside the workbooks", () => {
  test("a .txt or page that holds no table is no county; one that holds a table is read", async () => {
    const folder = join(dir, "notes");
    mkdirSync(folder);
    await writeCounty(folder, "阿尔山市.xlsx", randomCounty(1721, 5, "阿"));
    // what a bureau keeps beside the workbooks: prose, and a page with no table
    writeFileSync(join(folder, "说明.txt"), "各旗县市报送的工作簿。\n2026年9月汇总。\n");
    writeFileSync(join(folder, "报送要求.html"), "<html><body><p>请于月底前报送。</p></body></html>");
    // a county's table saved as tab-separated text, named .txt
    const table = tableOf(randomCounty(1722, 4, "突"));
    writeFileSync(
      join(folder, "突泉县.txt"),
      table.map((row) => row.map((v) => v ?? "").join("\t")).join("\r\n"),
    );
    const r = await run("batch", folder, "--json");
    const doc = JSON.parse(r.stdout);
    const names = doc.counties.map((c: { file: string }) => c.file.split("/").pop());
    expect(names).toEqual(["突泉县.txt", "阿尔山市.xlsx"]);
    expect(doc.counties.every((c: { ok: boolean }) => c.ok)).toBe(true);
    expect(r.code).toBe(0);
  });
});

describe("a folder with subfolders", () => {
  test("names the subfolders holding workbooks, which it does not read, in the text and the JSON", async () => {
    const root = join(dir, "盟");
    const earlier = join(root, "2025");
    mkdirSync(earlier, { recursive: true });
    mkdirSync(join(root, "空文件夹"));
    const [first, second] = files;
    copyFileSync(first, join(root, first.split("/").pop()!));
    copyFileSync(second, join(earlier, second.split("/").pop()!));

    const doc = JSON.parse((await run("batch", root, "--json")).stdout);
    expect(doc.counties).toHaveLength(1);
    expect(doc.unreadSubfolders).toEqual([earlier]);
    const text = await run("batch", root);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `\n⚠ 子文件夹中的工作簿未读取：${earlier}（只读所给文件夹本身的文件；要评估其中的工作簿，请把这些子文件夹也写在命令行上）\n`,
    );
    // named too, it is read, and nothing is said of it
    const both = await run("batch", root, earlier, "--json");
    expect(JSON.parse(both.stdout).counties).toHaveLength(2);
    expect(JSON.parse((await run("batch", first, "--json")).stdout).unreadSubfolders).toEqual([]);
  });

  test("a folder whose workbooks are all in subfolders: exit 2, naming them", async () => {
    const root = join(dir, "按年份");
    const year = join(root, "2026");
    mkdirSync(year, { recursive: true });
    copyFileSync(files[0], join(year, files[0].split("/").pop()!));
    const r = await run("batch", root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `在 ${root} 中没有找到表格文件（.xlsx、.xls、.csv 等）；子文件夹中的工作簿未读取：${year}`,
    );
  });
});

describe("the progress bar", () => {
  async function runOnTerminal(isTTY: boolean, ...argv: string[]) {
    const drawn: string[] = [];
    let stdout = "";
    const code = await main(argv, {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      stderrTerminal: { isTTY, columns: 100, write: (t: string) => drawn.push(t) },
    });
    return { code, drawn, stdout };
  }

  test("drawn per file on a terminal, cleared before the summary", async () => {
    const r = await runOnTerminal(true, "batch", ...files);
    expect(r.code).toBe(0);
    // one state per file, drawn again under each message printed (a county's problems)
    const states = r.drawn.flatMap((t) => /(\d)\/3 /.exec(t)?.[1] ?? []).map(Number);
    expect(states[0]).toBe(0);
    expect([...new Set(states)].slice(0, 3)).toEqual([0, 1, 2]);
    expect(states.every((s, i) => i === 0 || s >= states[i - 1])).toBe(true);
    expect(r.drawn[r.drawn.length - 1]).toBe("\r\u001b[2K");
  });

  test("never with --json, never when stderr is not a terminal", async () => {
    expect((await runOnTerminal(true, "batch", ...files, "--json")).drawn).toEqual([]);
    expect((await runOnTerminal(false, "batch", ...files)).drawn).toEqual([]);
  });
});

describe("usage", () => {
  test("no file, a bad year, a folder without workbooks: exit 2", async () => {
    expect((await run("batch")).code).toBe(2);
    expect((await run("batch", files[0], "--year", "明年")).code).toBe(2);
    const empty = join(dir, "empty");
    mkdirSync(empty);
    const r = await run("batch", empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no spreadsheet (.xlsx, .xls, .csv …) found");
  });

  test("--plan: each county's least-cost plan, recurring and one-off apart, as balance plan gives it", async () => {
    const file = files.find((f) => f.includes("县C"))!;
    const doc = JSON.parse((await run("batch", file, "--json", "--plan")).stdout);
    const plan = JSON.parse((await run("plan", file, "--json")).stdout);
    const teachers = plan.additions
      .filter((a: { level: string | null }) => a.level !== null)
      .reduce((s: number, a: { cost: number }) => s + a.cost, 0);
    expect(doc.counties[0].plan).toEqual({
      total: plan.totalCost,
      recurring: teachers,
      oneOff: expect.closeTo(plan.totalCost - teachers, 6),
      passesAfter: plan.passesAfter,
    });
  });

  test("--plan: the league's plans added up, each county once, in JSON, text and the summary sheet alike", async () => {
    // 县C twice (the same file named again): the league counts it once, so its plan once
    const again = join(dir, "again");
    mkdirSync(again, { recursive: true });
    const copy = join(again, "县C.xlsx");
    copyFileSync(
      files.find((f) => f.includes("县C"))!,
      copy,
    );
    const args = ["batch", ...files, copy, "--plan"];
    const doc = JSON.parse((await run(...args, "--json")).stdout);
    const counted = doc.counties.filter((c: { counted: boolean; plan?: unknown }) => c.counted && c.plan);
    expect(counted.length).toBe(3);
    const sum = (k: "total" | "recurring" | "oneOff") =>
      counted.reduce((n: number, c: { plan: Record<string, number> }) => n + c.plan[k], 0);
    expect(doc.planTotal).toEqual({
      counties: 3,
      total: expect.closeTo(sum("total"), 6),
      recurring: expect.closeTo(sum("recurring"), 6),
      oneOff: expect.closeTo(sum("oneOff"), 6),
      stillFailing: counted.filter((c: { plan: { passesAfter: boolean } }) => !c.plan.passesAfter).length,
    });
    expect((await run(...args)).stdout).toContain("全盟方案合计（3 个旗县市，");
    const out = join(again, "汇总.xlsx");
    expect((await run(...args, "--out", out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet("盟市汇总")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const total = rows.find((r) => r[0] === "全盟合计")!;
    expect(total.slice(13, 16)).toEqual([doc.planTotal.total, doc.planTotal.recurring, doc.planTotal.oneOff]);
    // without --plan, no sum in the JSON
    expect(JSON.parse((await run("batch", ...files, "--json")).stdout)).not.toHaveProperty("planTotal");
  });

  test("help in both languages", async () => {
    const r = await run("help", "batch");
    expect(r.stdout).toContain("盟市汇总");
    expect(r.stdout).toContain("The league's view");
    expect((await run("--help")).stdout).toContain("batch");
  });
});

describe("batch and evaluate --county count years by the same rule (src/engine/years.ts)", () => {
  // only the clock is faked: the commands read files and wait on promises as usual
  const clockOnly: Parameters<typeof jest.useFakeTimers>[0] = {
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  };
  afterEach(() => jest.useRealTimers());

  test.each([
    ["31 August 2025", 1, new Date(2025, 7, 31, 12)],
    ["1 September 2025", 1, new Date(2025, 8, 1, 12)],
    ["31 December 2025, late evening", 1, new Date(2025, 11, 31, 23, 30)],
    ["1 January 2026, early morning", 0, new Date(2026, 0, 1, 0, 30)],
  ])("on %s both say %i years left for 阿尔山市 (target 2026)", async (_, left, now) => {
    const file = await writeCounty(tempDir(), "阿尔山市.xlsx", randomCounty(1611, 6, "阿市"));
    jest.useFakeTimers(clockOnly);
    jest.setSystemTime(now);
    const batch = JSON.parse((await run("batch", file, "--json")).stdout);
    const alone = JSON.parse((await run("evaluate", file, "--county", "阿尔山市", "--json")).stdout);
    jest.useRealTimers();
    expect(batch.year).toBe(now.getFullYear());
    expect(batch.counties[0]).toMatchObject({ county: "阿尔山市", targetYear: 2026, yearsLeft: left });
    expect(alone.readiness).toMatchObject({ targetYear: 2026, yearsRemaining: left });
  });
});
