// Writes the old binary workbooks (.xls) the reader's tests read, each converted by LibreOffice — a writer
// independent of the reader — from an .xlsx kept beside it, so a test can compare the two reads of one workbook:
//
//   sample-county.xls        examples/sample-county.xlsx, as Excel 97–2003 (BIFF8)
//   export.xlsx / .xls       a league's statistics export: title rows, a three-row merged header, two counties
//   features.xlsx / .xls     what a clerk's old file may hold: dates in built-in and 年月日 formats, formulas with
//                            number, text, boolean, error and empty results, booleans, errors, hidden rows and
//                            columns, merged cells, a hidden sheet, Chinese text, and enough
//                            text that the shared strings run on over CONTINUE records
//   features-1904.xlsx/.xls  the same in the 1904 date system
//   forms/*.xls              a folder of 教基 form workbooks, one per school (tests/recipe/formsFixture.ts), as the
//                            statistics system's forms reach a county office
//
// LibreOffice no longer writes Excel 95 (BIFF5), and writes a very hidden sheet as hidden: the tests build those
// bytes by hand.
// Needs LibreOffice (soffice) on the PATH; the tests themselves do not. Into tests/fixtures/xls/.
//
//   node scripts/make-xls-fixtures.mjs
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundledModules } from "./bundledModules.mjs";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "tests/fixtures/xls");

const { exportSheet, leagueRows, exportWorkbook, formSchools, formWorkbook, formWorkbookFile } =
  await bundledModules("make-xls-fixtures", [
    `export { exportSheet, leagueRows } from "./tests/recipe/exportFixture";`,
    `export { exportWorkbook } from "./tests/recipe/exportFiles";`,
    `export { formSchools, formWorkbook, formWorkbookFile } from "./tests/recipe/formsFixture";`,
  ]);
const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");

mkdirSync(out, { recursive: true });

/** A workbook of what a clerk's old file may hold (see the head of this file). */
async function featuresWorkbook(date1904) {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 0, 1));
  workbook.properties.date1904 = date1904;
  const ws = workbook.addWorksheet("学校");
  ws.addRow(["学校名称", "建校日期", "统计时点", "在校生数", "生均面积", "是否达标", "备注", "结果"]);
  const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
  const rows = [
    ["白狼县第一小学", day(1958, 9, 1), day(2025, 8, 31), 1452, 12.75, true, "城区", null],
    ["白狼县第二小学", day(1987, 3, 15), day(2025, 8, 31), 1187, -3.5, false, "", null],
    ["白狼县实验中学", day(2003, 9, 1), day(2025, 8, 31), 2250, 1e-7, true, "含寄宿生", null],
    ["乌兰哈达学校", day(1900, 3, 1), day(2025, 8, 31), 123456789, 0.1, false, "Ünïcode ASCII", null],
  ];
  for (const r of rows) ws.addRow(r);
  for (let r = 2; r <= 5; r++) {
    ws.getCell(r, 2).numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell(r, 3).numFmt = "mm-dd-yy"; // built-in 14
  }
  ws.getCell("H2").value = { formula: "D2*2", result: 2904 };
  ws.getCell("H3").value = { formula: '"小"&"学"', result: "小学" };
  ws.getCell("H4").value = { formula: "D4>1000", result: true };
  ws.getCell("H5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("I2").value = { formula: '""', result: "" };
  ws.getCell("I3").value = { formula: "DATE(2024,9,1)", result: day(2024, 9, 1) };
  ws.getCell("I3").numFmt = "yyyy-mm-dd";
  ws.getCell("I4").value = { error: "#N/A" };
  ws.getCell("I5").value = { formula: "NA()", result: { error: "#N/A" } };
  ws.getCell("J2").value = 0.5;
  ws.getCell("J2").numFmt = "h:mm";
  ws.getCell("J3").value = 45536;
  ws.getCell("J3").numFmt = '0" 天"';
  ws.getCell("A7").value = "合计";
  ws.mergeCells("A7:C7");
  ws.getCell("D7").value = { formula: "SUM(D2:D5)", result: 123461678 };
  ws.getRow(4).hidden = true;
  ws.getColumn(7).hidden = true;
  // a row far below, a cell far to the right
  ws.getCell("A40").value = "注：数据来源于教育事业统计";
  ws.getCell("AB12").value = 7;

  // enough text for the shared strings to run over several CONTINUE records, strings split across them
  const texts = workbook.addWorksheet("长文本");
  texts.getCell("A1").value = "说明".repeat(3000);
  for (let i = 0; i < 1500; i++) {
    texts.getCell(i + 2, 1).value = i % 3 === 0 ? `学校${i}号` : `School number ${i} of the county`;
    texts.getCell(i + 2, 2).value = i;
  }
  texts.getCell("C2").value = "x".repeat(9000);

  const hidden = workbook.addWorksheet("旧数据", { state: "hidden" });
  hidden.getCell("A1").value = "去年";
  hidden.getCell("B2").value = 2024;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const work = mkdtempSync(join(tmpdir(), "xls-fixtures-"));
/** LibreOffice's conversion of `source` into `filter` (xls:MS Excel 97) as `name`. */
function convert(source, filter, name) {
  const profile = mkdtempSync(join(tmpdir(), "lo-xls-"));
  // a fresh profile that recalculates formulas on load: without it LibreOffice writes 0 for a text result it
  // was given and did not compute itself
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user/registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
      'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">' +
      "<value>0</value></prop></item></oor:items>\n",
  );
  const dir = mkdtempSync(join(work, "out-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      filter,
      "--outdir",
      dir,
      source,
    ],
    { stdio: "ignore" },
  );
  const base = source
    .split("/")
    .pop()
    .replace(/\.xlsx$/u, ".xls");
  copyFileSync(join(dir, base), join(out, name));
  rmSync(profile, { recursive: true, force: true });
}

const sources = {
  "export.xlsx": await exportWorkbook([exportSheet(leagueRows())]),
  "features.xlsx": await featuresWorkbook(false),
  "features-1904.xlsx": await featuresWorkbook(true),
};
for (const [name, bytes] of Object.entries(sources)) writeFileSync(join(out, name), bytes);

convert(join(root, "examples/sample-county.xlsx"), "xls:MS Excel 97", "sample-county.xls");
convert(join(out, "export.xlsx"), "xls:MS Excel 97", "export.xls");
convert(join(out, "features.xlsx"), "xls:MS Excel 97", "features.xls");
convert(join(out, "features-1904.xlsx"), "xls:MS Excel 97", "features-1904.xls");
mkdirSync(join(out, "forms"), { recursive: true });
for (const school of formSchools()) {
  const workbook = formWorkbook(school);
  const source = join(work, workbook.file);
  writeFileSync(source, await formWorkbookFile(workbook));
  convert(source, "xls:MS Excel 97", join("forms", workbook.file.replace(/\.xlsx$/u, ".xls")));
}
rmSync(work, { recursive: true, force: true });
console.log(`wrote the .xls fixtures into ${out}`);
