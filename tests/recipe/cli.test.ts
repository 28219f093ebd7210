import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { wrappedHeight, wrappedLines } from "../../src/report/print";
import { templateColumnWidths } from "../../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { pageSetupOf } from "../report/printCheck";
import { readSchoolTable } from "../../src/sheet/read";
import { run, tempDir } from "../cli/helpers";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  exportSheet,
  leagueRows,
  templateRowsOf,
  withFewerTeachers,
} from "./exportFixture";
import { exportWorkbook, templateWorkbook } from "./exportFiles";
import { PROVINCE_LABELS } from "./fixtures/province";
import { formSchools, formTemplateRows, formWorkbook, formWorkbookFile } from "./formsFixture";
import { rounded, verdictOf } from "./helpers";

interface JsonSection {
  sourceRow: number | null;
  [key: string]: unknown;
}
interface JsonDocument {
  ok: boolean;
  sections: JsonSection[];
  levels: unknown;
  resourcesPass: boolean | null;
  problems: { code: string; severity: string; message: string }[];
  readiness?: unknown;
}

/** What the evaluation says, without where each school's row is (the export and the template differ there). */
function verdict(document: JsonDocument) {
  return rounded({
    sections: document.sections
      .map(({ sourceRow: _row, ...rest }) => rest)
      .sort((a, b) => (String(a.school) + String(a.level) < String(b.school) + String(b.level) ? -1 : 1)),
    levels: document.levels,
    resourcesPass: document.resourcesPass,
  });
}

describe("balance evaluate and balance import on a league's statistics export (issue 14)", () => {
  const rows = leagueRows();
  const dir = tempDir();
  const exportFile = join(dir, "兴安盟2024教育事业统计.xlsx");
  const templateFile = (county: string) => join(dir, `${county}-学校.xlsx`);

  beforeAll(async () => {
    writeFileSync(exportFile, await exportWorkbook([exportSheet(rows)]));
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      writeFileSync(templateFile(county), await templateWorkbook(templateRowsOf(rows, county)));
    }
  });

  it.each([COUNTY_LISTED, COUNTY_UNLISTED])(
    "gives %s the same sections, values and coefficients as the same schools typed into the template",
    async (county) => {
      const fromExport = await run("evaluate", exportFile, "--county", county, "--json");
      const fromTemplate = await run("evaluate", templateFile(county), "--json");
      expect(fromExport.code).toBe(0);
      expect(fromTemplate.code).toBe(0);
      const a = JSON.parse(fromExport.stdout) as JsonDocument;
      const b = JSON.parse(fromTemplate.stdout) as JsonDocument;
      expect(a.sections.length).toBeGreaterThanOrEqual(8);
      expect(verdict(a)).toEqual(verdict(b));
    },
  );

  it("exits 1 with several-counties, listing them, when no county is named", async () => {
    const r = await run("evaluate", exportFile, "--json");
    expect(r.code).toBe(1);
    const document = JSON.parse(r.stdout) as JsonDocument;
    const problem = document.problems.find((p) => p.code === "several-counties");
    expect(problem?.message).toContain(COUNTY_LISTED);
    expect(problem?.message).toContain(COUNTY_UNLISTED);
  });

  it("selects the target year of a county the profile lists, and evaluates one it does not without", async () => {
    const listed = await run("evaluate", exportFile, "--county", COUNTY_LISTED);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("2028");
    const unlisted = await run("evaluate", exportFile, "--county", COUNTY_UNLISTED);
    expect(unlisted.code).toBe(0);
    expect(unlisted.stdout).toContain(`标准中没有“${COUNTY_UNLISTED}”的目标年份`);
  });

  it("knows a banner by the full name the statistics system writes: 科尔沁右翼前旗 is the plan's 科右前旗", async () => {
    const full = join(dir, "全称导出.xlsx");
    const renamed = rows.map((r) => (r.county === COUNTY_LISTED ? { ...r, county: "科尔沁右翼前旗" } : r));
    writeFileSync(full, await exportWorkbook([exportSheet(renamed)]));
    const batch = JSON.parse((await run("batch", full, "--json", "--year", "2026")).stdout);
    expect(
      batch.counties.map((c: { county: string; targetYear: number | null }) => [c.county, c.targetYear]),
    ).toEqual([
      [COUNTY_LISTED, 2028],
      [COUNTY_UNLISTED, null],
    ]);
    // its problems are headed by the name its line in the summary gives it
    const text = await run("batch", full, "--year", "2026");
    expect(text.stderr).toContain(`${full}（${COUNTY_LISTED}）\n`);
    expect(text.stderr).not.toContain("（科尔沁右翼前旗）");
    // by either name: the table's rows of that banner, its target year
    const whole = JSON.parse((await run("evaluate", exportFile, "--county", COUNTY_LISTED, "--json")).stdout);
    for (const name of ["科尔沁右翼前旗", COUNTY_LISTED, "科右前"]) {
      const evaluated = await run("evaluate", full, "--county", name);
      expect(evaluated.code).toBe(0);
      expect(evaluated.stdout).toContain("2028");
      expect(evaluated.stdout).not.toContain("标准中没有");
      const json = JSON.parse((await run("evaluate", full, "--county", name, "--json")).stdout);
      expect(json.table.recipe.county).toBe("科尔沁右翼前旗");
      expect(verdict(json)).toEqual(verdict(whole));
    }
  });

  it("takes a county named without its 旗, and names it as the table spells it", async () => {
    const short = COUNTY_UNLISTED.replace(/旗$/, "");
    const json = JSON.parse((await run("evaluate", exportFile, "--county", short, "--json")).stdout);
    const whole = JSON.parse(
      (await run("evaluate", exportFile, "--county", COUNTY_UNLISTED, "--json")).stdout,
    );
    expect(json.table.recipe.county).toBe(COUNTY_UNLISTED);
    expect(verdict(json)).toEqual(verdict(whole));
    const out = join(dir, "简称报告.xlsx");
    expect((await run("evaluate", exportFile, "--county", short, "--out", out)).code).toBe(0);
    const report = await readWorkbookFile(out);
    if (!report.ok) throw new Error("the report must read");
    const title = String(report.grids.find((g) => g.sheet === "汇总")?.values[0][0]);
    expect(title.startsWith(`${COUNTY_UNLISTED} `)).toBe(true);
  });

  it("evaluates every county of the export in balance batch", async () => {
    const r = await run("batch", exportFile, "--json", "--year", "2026");
    const document = JSON.parse(r.stdout) as {
      counties: { county: string; countyFrom: string; ok: boolean }[];
    };
    expect(document.counties.map((c) => [c.county, c.countyFrom, c.ok])).toEqual([
      [COUNTY_LISTED, "table", true],
      [COUNTY_UNLISTED, "table", true],
    ]);
    // a county's warnings are headed by its file and its name (the senior high school is one county's row)
    const text = await run("batch", exportFile, "--year", "2026");
    expect(text.stdout.split("\n")[0]).toBe("旗县市汇总（2026 年，2 个旗县市，1 个文件）");
    const en = await run("batch", exportFile, "--year", "2026", "--lang", "en");
    expect(en.stdout.split("\n")[0]).toBe("The league's counties (2026, 2 counties, 1 file)");
    expect(text.stderr).toContain(`兴安盟2024教育事业统计.xlsx（${COUNTY_LISTED}）\n发现 1 个问题：`);
    expect(text.stderr).toContain("高级中学");
  });

  /** Each county `balance batch` finds in `path`: its name, what named it, its target year. */
  const batchNames = async (path: string) => {
    const batch = JSON.parse((await run("batch", path, "--json", "--year", "2026")).stdout);
    return batch.counties.map((c: { county: string; countyFrom: string; targetYear: number | null }) => [
      c.county,
      c.countyFrom,
      c.targetYear,
    ]);
  };

  it("names a one-county export by its county column, not its file: in batch, evaluate and the report", async () => {
    const one = join(dir, "统计导出.xlsx");
    writeFileSync(one, await exportWorkbook([exportSheet(rows.filter((r) => r.county === COUNTY_LISTED))]));
    expect(await batchNames(one)).toEqual([[COUNTY_LISTED, "table", 2028]]);
    const json = JSON.parse((await run("evaluate", one, "--json")).stdout);
    expect(json.table.recipe.county).toBe(COUNTY_LISTED);
    expect(json.readiness).toMatchObject({ county: COUNTY_LISTED, countyFrom: "table", targetYear: 2028 });
    // the same verdict as the county chosen by name from the export of both
    const chosen = JSON.parse(
      (await run("evaluate", exportFile, "--county", COUNTY_LISTED, "--json")).stdout,
    );
    expect(verdict(json)).toEqual(verdict(chosen));
    const text = await run("evaluate", one);
    expect(text.stdout).toContain(`目标年份：${COUNTY_LISTED} 2028 年创建达标`);
    expect(text.stdout).toContain("（旗县市取自学校表的旗县列）");
    const out = join(dir, "一县报告.xlsx");
    expect((await run("evaluate", one, "--out", out)).code).toBe(0);
    const report = await readWorkbookFile(out);
    if (!report.ok) throw new Error("the report must read");
    const title = String(report.grids.find((g) => g.sheet === "汇总")?.values[0][0]);
    expect(title.startsWith(`${COUNTY_LISTED} `)).toBe(true);
    // imported into the school table, a file named 学校.xlsx: the county is the one its title names
    const folder = join(dir, "已导入");
    mkdirSync(folder, { recursive: true });
    const imported = join(folder, "学校.xlsx");
    expect((await run("import", one, "--out", imported)).code).toBe(0);
    expect(await batchNames(folder)).toEqual([[COUNTY_LISTED, "tableTitle", 2028]]);
    const evaluated = JSON.parse((await run("evaluate", imported, "--json")).stdout);
    expect(evaluated.readiness).toMatchObject({ county: COUNTY_LISTED, countyFrom: "tableTitle" });
    expect(verdict(evaluated)).toEqual(verdict(json));
  });

  it("writes the canonical school table and its sources, which evaluate as the typed template", async () => {
    const out = join(dir, "导入-科右前旗.xlsx");
    const r = await run("import", exportFile, "--county", COUNTY_LISTED, "--out", out);
    expect(r.stderr).not.toContain("错误");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    const book = await readWorkbookFile(out);
    if (!book.ok) throw new Error(book.problem.message.en);
    expect(book.grids.map((g) => g.sheet)).toEqual(["学校", "来源"]);
    const imported = readSchoolTable(book.grids[0]);
    expect(imported.recipe).toBeUndefined();
    expect(imported.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = readSchoolTable(
      (await readWorkbookFile(templateFile(COUNTY_LISTED)).then((b) => (b.ok ? b.grids[0] : null)))!,
    );
    expect(rounded(verdictOf(imported.records))).toEqual(rounded(verdictOf(typed.records)));
    const sources = book.grids[1].values.map((row) => row.filter((v) => v !== null).join(" | "));
    expect(sources.join("\n")).toContain("教学及辅助用房面积（㎡） | 教学及辅助用房›计 − 其中：室内体育用房");
    expect(sources.join("\n")).toContain("校舍建筑面积›教学及辅助用房›其中：室内体育用房（学校基本情况!Z5）");
  });

  it("prints its table at the template's widths and its sources on landscape A4, wrapped, numbered", async () => {
    const out = join(dir, "导入-打印.xlsx");
    expect((await run("import", exportFile, "--county", COUNTY_LISTED, "--out", out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const [table, sources] = workbook.worksheets;
    // a school's name, its type and the school it belongs to as wide as the template's, not 5 characters
    const headers = Array.from(table.getRow(2).values as unknown[], (v) => String(v ?? ""));
    const widthOf = (header: string) => table.getColumn(headers.findIndex((h) => h.startsWith(header))).width;
    const template = templateColumnWidths();
    const at = (id: string) => template[TEMPLATE_COLUMNS.findIndex((c) => c.id === id)];
    expect([widthOf("学校名称"), widthOf("学校类型"), widthOf("所属学校")]).toEqual([
      at("name"),
      at("type"),
      at("parent"),
    ]);
    // 来源: one page wide at 9 pt or more, its header repeated, page numbers, long texts wrapped
    expect(sources.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    expect(pageSetupOf(sources).printedFont).toBeGreaterThanOrEqual(9);
    expect(sources.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
    const header = sources.pageSetup.printTitlesRow!.split(":").map(Number)[0];
    expect(sources.getRow(header).getCell(1).value).toBe("学校表列 Field");
    let wrapped = 0;
    sources.eachRow((row, r) => {
      if (r <= header) return;
      const text = String(row.getCell(3).value ?? "");
      expect(row.getCell(3).alignment?.wrapText).toBe(true);
      if (wrappedLines(text, sources.getColumn(3).width!, 10) > 1) {
        wrapped++;
        expect(row.height).toBeGreaterThanOrEqual(wrappedHeight(text, sources.getColumn(3).width!, 10));
      }
    });
    expect(wrapped).toBeGreaterThan(0);
  });

  it("writes the table of an export with an error in it, and says errors remain to be fixed", async () => {
    const sheet = exportSheet(rows);
    // a school of the county with words where its teaching area's number belongs
    const row = sheet.dataRows.find((r) => sheet.values[r].includes(COUNTY_LISTED))!;
    const column = sheet.columns.find((c) => c.path.join("›") === "校舍建筑面积›教学及辅助用房›计")!.index;
    sheet.values[row][column] = "三百";
    const file = join(dir, "有错的导出表.xlsx");
    writeFileSync(file, await exportWorkbook([sheet]));
    const out = join(dir, "导入-有错.xlsx");
    const r = await run("import", file, "--county", COUNTY_LISTED, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("错误");
    expect(r.stdout).toMatch(/^已写出学校表：.+（\d+ 所学校）；表中仍有错误，请在其中改正后再评估\n$/);
  });

  it("never overwrites without --force", async () => {
    const out = join(dir, "已有.xlsx");
    writeFileSync(out, "not a workbook");
    const refused = await run("import", exportFile, "--county", COUNTY_LISTED, "--out", out);
    expect(refused.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("not a workbook");
    const forced = await run("import", exportFile, "--county", COUNTY_LISTED, "--out", out, "--force");
    expect(forced.code).toBe(0);
    const refusedInput = await run(
      "import",
      exportFile,
      "--county",
      COUNTY_LISTED,
      "--out",
      exportFile,
      "--force",
    );
    expect(refusedInput.code).toBe(2);
  });

  it("refuses to guess the county in balance import too", async () => {
    const r = await run("import", exportFile, "--out", join(dir, "全盟.xlsx"), "--json");
    expect(r.code).toBe(1);
    const document = JSON.parse(r.stdout) as { counties: string[]; out: string | null };
    expect(document.counties).toEqual([COUNTY_LISTED, COUNTY_UNLISTED]);
    expect(document.out).toBeNull();
  });

  it("reads a province's renamed export through a recipe file", async () => {
    const renamed = join(dir, "某省导出.xlsx");
    writeFileSync(renamed, await exportWorkbook([exportSheet(rows, { rename: PROVINCE_LABELS })]));
    const recipe = join(__dirname, "fixtures", "province-recipe.json");
    const without = await run("evaluate", renamed, "--county", COUNTY_LISTED, "--json");
    expect(without.code).toBe(1);
    const withRecipe = await run(
      "evaluate",
      renamed,
      "--county",
      COUNTY_LISTED,
      "--recipe",
      recipe,
      "--json",
    );
    expect(withRecipe.code).toBe(0);
    const typed = await run("evaluate", templateFile(COUNTY_LISTED), "--json");
    expect(verdict(JSON.parse(withRecipe.stdout) as JsonDocument)).toEqual(
      verdict(JSON.parse(typed.stdout) as JsonDocument),
    );
  });

  it("batches and compares a province's renamed exports through the same recipe file", async () => {
    const recipe = join(__dirname, "fixtures", "province-recipe.json");
    const folder = join(dir, "某省");
    mkdirSync(folder, { recursive: true });
    const year2025 = join(folder, "某省导出2025.xlsx");
    const year2026 = join(folder, "某省导出2026.xlsx");
    // 2026: the county's first primary school keeps a fifth of its teachers
    const later = withFewerTeachers(rows, "科右前旗第一小学");
    writeFileSync(year2025, await exportWorkbook([exportSheet(rows, { rename: PROVINCE_LABELS })]));
    writeFileSync(year2026, await exportWorkbook([exportSheet(later, { rename: PROVINCE_LABELS })]));

    const without = JSON.parse((await run("batch", year2025, "--json")).stdout);
    expect(without.counties.map((c: { ok: boolean }) => c.ok)).toEqual([false]);
    const batch = await run("batch", year2025, "--recipe", recipe, "--json", "--year", "2026");
    expect(batch.code).toBe(0);
    const doc = JSON.parse(batch.stdout);
    expect(doc.counties.map((c: { county: string; ok: boolean }) => [c.county, c.ok])).toEqual([
      [COUNTY_LISTED, true],
      [COUNTY_UNLISTED, true],
    ]);
    const alone = JSON.parse(
      (await run("evaluate", year2025, "--county", COUNTY_LISTED, "--recipe", recipe, "--json")).stdout,
    );
    expect(doc.counties[0].levels.primary.cv).toEqual(alone.levels.primary.cv);

    const compared = await run(
      "compare",
      year2025,
      year2026,
      "--county",
      COUNTY_LISTED,
      "--recipe",
      recipe,
      "--json",
    );
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.stdout).regressions).toContainEqual(
      expect.objectContaining({
        kind: "indicator",
        school: "科右前旗第一小学",
        indicator: "qualifiedTeachers",
      }),
    );
    // a recipe file that cannot be read is a usage error, before any workbook is read
    expect((await run("batch", year2025, "--recipe", join(dir, "无此配方.json"))).code).toBe(2);
    expect((await run("compare", year2025, year2026, "--recipe", join(dir, "无此配方.json"))).code).toBe(2);
  });

  it("says which field of a recipe file is wrong", async () => {
    const bad = join(dir, "bad-recipe.json");
    writeFileSync(
      bad,
      JSON.stringify({ extends: "statistics-export", fields: { sportsArea: { difference: [1, 2] } } }),
    );
    const r = await run("evaluate", exportFile, "--recipe", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fields.sportsArea.difference.0");
  });
});

describe("balance import of a folder of 教基 form workbooks (issue 14 item 6)", () => {
  /** A folder of one 教基 form workbook per school. */
  async function formsFolder() {
    const dir = tempDir();
    const folder = join(dir, "教基报表");
    mkdirSync(folder);
    const schools = formSchools();
    for (const school of schools) {
      const workbook = formWorkbook(school);
      writeFileSync(join(folder, workbook.file), await formWorkbookFile(workbook));
    }
    return { dir, folder, schools };
  }

  it("writes the school table the forms make", async () => {
    const { dir, folder, schools } = await formsFolder();
    const out = join(dir, "学校.xlsx");
    const r = await run("import", folder, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const book = await readWorkbookFile(out);
    if (!book.ok) throw new Error(book.problem.message.en);
    const imported = readSchoolTable(book.grids[0]);
    const typedFile = join(dir, "typed.xlsx");
    writeFileSync(typedFile, await templateWorkbook(formTemplateRows(schools)));
    const typed = await readWorkbookFile(typedFile);
    if (!typed.ok) throw new Error(typed.problem.message.en);
    expect(rounded(verdictOf(imported.records))).toEqual(
      rounded(verdictOf(readSchoolTable(typed.grids[0]).records)),
    );
    const sources = book.grids[1].values.map((row) => row.filter((v) => v !== null).join(" | ")).join("\n");
    expect(sources).toContain("教基4155›博士研究生›合计 + 硕士研究生›合计 + 本科›合计 + 专科›合计");
  });

  it("reads the forms as the statistics system gives them, old .xls files, as it reads them as .xlsx", async () => {
    // the same forms, converted to Excel 97–2003 by LibreOffice (scripts/make-xls-fixtures.mjs)
    const { dir, folder } = await formsFolder();
    const xlsFolder = join(__dirname, "../fixtures/xls/forms");
    expect(readdirSync(xlsFolder).filter((f) => f.endsWith(".xls"))).toHaveLength(readdirSync(folder).length);
    const fromXlsx = join(dir, "学校-xlsx.xlsx");
    const fromXls = join(dir, "学校-xls.xlsx");
    expect((await run("import", folder, "--out", fromXlsx)).code).toBe(0);
    const r = await run("import", xlsFolder, "--out", fromXls);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const tableOf = async (file: string) => {
      const book = await readWorkbookFile(file);
      if (!book.ok) throw new Error(book.problem.message.en);
      return readSchoolTable(book.grids[0]).records;
    };
    expect(await tableOf(fromXls)).toEqual(await tableOf(fromXlsx));
  });

  it("says a school's form that cannot be read (a damaged .xls) is left out, rather than leave it out unsaid", async () => {
    const { dir, folder, schools } = await formsFolder();
    const compound = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(compound);
    writeFileSync(join(folder, "后补小学.xls"), compound);
    writeFileSync(join(folder, "~$后补小学.xlsx"), "lock");
    const out = join(dir, "学校.xlsx");
    const r = await run("import", folder, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("后补小学.xls：工作簿已损坏，无法读取（复合文档的文件头无效");
    expect(r.stderr).not.toContain("~$");
    expect(r.stdout).toBe(
      `已写出学校表：${out}（${schools.length} 所学校）；1 个文件未能读取（见上），其中的学校不在表中\n`,
    );
    const book = await readWorkbookFile(out);
    if (!book.ok) throw new Error(book.problem.message.en);
    expect(readSchoolTable(book.grids[0]).records).toHaveLength(schools.length);
  });

  it("reads the schools' forms sent zipped (a note beside them) as the same forms unzipped", async () => {
    const { dir, folder, schools } = await formsFolder();
    const unzipped = join(dir, "学校-未压缩.xlsx");
    expect((await run("import", folder, "--out", unzipped)).code).toBe(0);
    // two schools' forms zipped together in a folder of the archive, with a note beside them
    const zipped = schools.slice(0, 2).map(formWorkbook);
    const inArchive: Record<string, Uint8Array> = { "补报/说明.txt": strToU8("两所学校的报表，请查收。\n") };
    for (const workbook of zipped) {
      inArchive[`补报/${workbook.file}`] = await formWorkbookFile(workbook);
      rmSync(join(folder, workbook.file));
    }
    writeFileSync(join(folder, "补报.zip"), zipSync(inArchive));
    const out = join(dir, "学校.xlsx");
    const r = await run("import", folder, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`已写出学校表：${out}（${schools.length} 所学校）\n`);
    const tableOf = async (file: string) => {
      const book = await readWorkbookFile(file);
      if (!book.ok) throw new Error(book.problem.message.en);
      return readSchoolTable(book.grids[0]).records;
    };
    // the same schools, the zipped ones listed (their rows) in the archive's place among the files
    const byName = (records: Awaited<ReturnType<typeof tableOf>>) =>
      records
        .map(({ source: _row, ...school }) => school)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    expect(byName(await tableOf(out))).toEqual(byName(await tableOf(unzipped)));
  });

  it("names an archive in the archive and a .rar as files not read, to unpack, rather than leave their schools out", async () => {
    const { dir, folder, schools } = await formsFolder();
    const [nested, rar] = schools.slice(0, 2).map(formWorkbook);
    for (const workbook of [nested, rar]) rmSync(join(folder, workbook.file));
    writeFileSync(
      join(folder, "补报.zip"),
      zipSync({ "镇.zip": zipSync({ [nested.file]: await formWorkbookFile(nested) }) }),
    );
    writeFileSync(
      join(folder, "补报2.rar"),
      new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]),
    );
    const out = join(dir, "学校.xlsx");
    const r = await run("import", folder, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "补报.zip/镇.zip：压缩包中的压缩包“镇.zip”未读取：请先解压，再读取解压出的工作簿",
    );
    expect(r.stderr).toMatch(/^.*补报2\.rar：该文件是 RAR 压缩包，不是 Excel 工作簿：请先解压/mu);
    expect(r.stdout).toBe(
      `已写出学校表：${out}（${schools.length - 2} 所学校）；2 个文件未能读取（见上），其中的学校不在表中\n`,
    );
    const json = JSON.parse((await run("import", folder, "--out", out, "--force", "--json")).stdout);
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual(["archive-nested", "not-xlsx"]);
  });

  it("names each subfolder holding workbooks, which it does not read, rather than leave its schools out unsaid", async () => {
    const { dir, folder, schools } = await formsFolder();
    // one school's form moved into a town's subfolder; an empty subfolder is no matter
    const moved = formWorkbook(schools[0]);
    rmSync(join(folder, moved.file));
    mkdirSync(join(folder, "某镇"));
    mkdirSync(join(folder, "空的"));
    writeFileSync(join(folder, "某镇", moved.file), await formWorkbookFile(moved));
    const out = join(dir, "学校.xlsx");
    const r = await run("import", folder, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`子文件夹“${join(folder, "某镇")}”中的工作簿未读取，其中的学校不在学校表中`);
    expect(r.stderr).not.toContain("空的");
    expect(r.stdout).toBe(
      `已写出学校表：${out}（${schools.length - 1} 所学校）；1 个子文件夹中的工作簿未读取（见上）\n`,
    );
    const json = JSON.parse((await run("import", folder, "--out", out, "--force", "--json")).stdout);
    expect(json.problems.map((p: { code: string; severity: string }) => [p.code, p.severity])).toEqual([
      ["subfolder-not-read", "warning"],
    ]);
    // every form in subfolders: nothing to write, and where they are is said
    const empty = join(dir, "只有子文件夹");
    mkdirSync(join(empty, "某镇"), { recursive: true });
    writeFileSync(join(empty, "某镇", moved.file), await formWorkbookFile(moved));
    const none = await run("import", empty, "--out", join(dir, "无.xlsx"));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("没有表格文件（.xlsx、.xls、.csv 等）");
    expect(none.stderr).toContain(`子文件夹“${join(empty, "某镇")}”`);
  });
});
