import ExcelJS from "exceljs";
import { readSchoolTable } from "../../src/sheet/read";
import { LOCALE_CHOICES, SCHOOL_TYPE_CHOICES, templateHeaderRow } from "../../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { readWorkbook } from "../../src/xlsx/read";
import { schoolTableWorkbook } from "../../src/xlsx/template";
import { fixZipTimes, FIXED_DATE } from "../../src/xlsx/write";
import { goodJunior, goodPrimary, school } from "../engine/helpers";
import { pageSetupOf } from "../report/printCheck";

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("the school-table template (docs/school-table.md#columns)", () => {
  let bytes: Buffer;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await schoolTableWorkbook();
    sheet = (await load(bytes)).worksheets[0];
  });

  test("one sheet 学校: a title to complete, how to fill it in, then the canonical headers with their units", () => {
    expect(sheet.name).toBe("学校");
    expect(sheet.getCell(1, 1).value).toBe("＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 学校办学条件统计表");
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^填表说明：每所学校（含教学点）填一行。/);
    const header = TEMPLATE_COLUMNS.map((_, i) => sheet.getCell(3, i + 1).value);
    expect(header).toEqual(templateHeaderRow("万元"));
    expect(header).toContain("教学及辅助用房面积（㎡）");
    expect(header).toContain("教学仪器设备值（万元）");
    expect(header).toContain("网络多媒体教室数（间）");
    // bordered empty rows to fill in on paper, and nothing in them
    expect(sheet.getCell(4, 1).border?.top?.style).toBe("thin");
    expect(sheet.getCell(4, 1).value).toBeNull();
  });

  test("the header is styled, frozen, as tall as its wrapped text; the columns have widths", () => {
    expect(sheet.getCell(3, 1).font?.bold).toBe(true);
    expect(sheet.getCell(3, 1).alignment?.wrapText).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.getRow(3).height).toBeGreaterThanOrEqual(60);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(12);
    for (let c = 1; c <= TEMPLATE_COLUMNS.length; c++) expect(sheet.getColumn(c).width).toBeGreaterThan(0);
  });

  test("prints on A4 landscape, one page wide, the header repeated, text at 9 pt or more, pages numbered", () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
    const check = pageSetupOf(sheet);
    expect(check.printedFont).toBeGreaterThanOrEqual(9);
    expect(check.footer).toMatch(/第 &P 页 共 &N 页$/);
  });

  test("drop-down lists for 学校类型 and 城乡类型", () => {
    const typeCol = TEMPLATE_COLUMNS.findIndex((c) => c.id === "type") + 1;
    const localeCol = TEMPLATE_COLUMNS.findIndex((c) => c.id === "locale") + 1;
    const typeValidation = sheet.getCell(4, typeCol).dataValidation;
    expect(typeValidation).toMatchObject({ type: "list", formulae: [`"${SCHOOL_TYPE_CHOICES.join(",")}"`] });
    expect(SCHOOL_TYPE_CHOICES).toEqual(expect.arrayContaining(["九年一贯制学校", "完全中学", "教学点"]));
    expect(sheet.getCell(400, typeCol).dataValidation?.type).toBe("list");
    expect(sheet.getCell(4, localeCol).dataValidation).toMatchObject({
      type: "list",
      formulae: [`"${LOCALE_CHOICES.join(",")}"`],
    });
    expect(sheet.getCell(4, 1).dataValidation).toBeUndefined();
  });

  test("the reader recognises every column of the written template", async () => {
    const result = await readWorkbook(bytes);
    if (!result.ok) throw new Error(result.problem.message.en);
    const read = readSchoolTable(result.grids[0]);
    expect(read.headerRow).toBe(2);
    expect(read.columns.map((c) => c.columnId).sort()).toEqual(TEMPLATE_COLUMNS.map((c) => c.id).sort());
    expect(read.unmatchedHeaders).toEqual([]);
    expect(read.records).toEqual([]);
  });

  test("the same content gives the same bytes", async () => {
    expect(Buffer.compare(await schoolTableWorkbook(), bytes)).toBe(0);
  });

  test("records written under a title row read back as the same records (equipment in 万元 or 元)", async () => {
    const records = [
      goodPrimary("白狼县第一小学", 1400),
      goodJunior("白狼县第二中学", 1200),
      school({
        name: "松岭镇中心学校",
        type: "nineYear",
        students: { primary: 524, junior: 312 },
        teachers: {
          primary: { qualifiedTeachers: 27, keyTeachers: 7, peArtTeachers: 5 },
          junior: { qualifiedTeachers: 16, keyTeachers: 4, peArtTeachers: 3 },
        },
        facilities: { teachingArea: 5203, sportsArea: 12140, equipmentValue: 2254300, multimediaRooms: 24 },
      }),
    ];
    for (const unit of ["万元", "元"] as const) {
      const written = await schoolTableWorkbook({ records, title: "白狼县统计表", equipmentUnit: unit });
      const sheetRead = await load(written);
      expect(sheetRead.worksheets[0].getCell("A1").value).toBe("白狼县统计表");
      expect(sheetRead.worksheets[0].views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      const result = await readWorkbook(written);
      if (!result.ok) throw new Error(result.problem.message.en);
      const read = readSchoolTable(result.grids[0]);
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.equipmentUnit).toBe(unit);
      expect(read.records.map(({ source: _source, ...r }) => r)).toEqual(
        records.map((r) => JSON.parse(JSON.stringify(r))),
      );
    }
  });
});

describe("fixed zip times", () => {
  test("every entry of the archive carries the fixed date, the archive stays readable", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("学校").getCell("A1").value = "学校名称";
    const raw = Buffer.from(await workbook.xlsx.writeBuffer());
    const fixed = fixZipTimes(raw, FIXED_DATE);
    expect(fixed.length).toBe(raw.length);
    // local file header: modification date at offset 12; 2025-01-01 → ((2025-1980) << 9) | (1 << 5) | 1
    expect(fixed.readUInt16LE(12)).toBe((45 << 9) | (1 << 5) | 1);
    const result = await readWorkbook(fixed);
    expect(result.ok && result.grids[0].values[0][0]).toBe("学校名称");
  });
});
