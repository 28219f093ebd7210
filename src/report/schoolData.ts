/**
 * 学校数据: the school table the report was computed from, one row per school as the engine read it, so that
 * every figure of the other sheets is a formula an inspector can follow back to a raw number in this workbook.
 * The header is the template's (docs/school-table.md#headers), equipment in 元 as the engine holds it, so the
 * sheet reads back into the same records; the last column names the row of the original table.
 */
import type { SchoolRecord } from "../engine/records";
import type { Lang } from "../i18n/format";
import { COLUMNS, templateHeader, type ColumnDefinition } from "../standard/columns";
import type { Profile } from "../standard/profile";
import { columnLetters, sheetRef } from "../sheet/grid";
import { recordCell } from "../sheet/template";
import type { ReportCell } from "./model";
import { SheetBuilder, displayWidth, figureFormat, pageMarks, tableTitle, type TitleParts } from "./print";
import type { ReportSheet } from "./model";

/** The columns the resource evaluation reads, in the template's order. */
const BASE_COLUMNS = [
  "name",
  "type",
  "locale",
  "parent",
  "primaryStudents",
  "juniorStudents",
  "seniorStudents",
  "primaryQualifiedTeachers",
  "juniorQualifiedTeachers",
  "primaryKeyTeachers",
  "juniorKeyTeachers",
  "primaryPeArtTeachers",
  "juniorPeArtTeachers",
  "teachingArea",
  "sportsArea",
  "equipmentValue",
  "multimediaRooms",
];

const SECTION_FACILITY_COLUMNS = [
  "primaryTeachingArea",
  "juniorTeachingArea",
  "primarySportsArea",
  "juniorSportsArea",
  "primaryEquipmentValue",
  "juniorEquipmentValue",
  "primaryMultimediaRooms",
  "juniorMultimediaRooms",
];

const WIDTHS: Record<string, number> = { name: 18, type: 14, locale: 5, parent: 14 };

export const SCHOOL_DATA_NAME = { zh: "学校数据", en: "School data" } as const;

/** Where each figure of each record is on the 学校数据 sheet, for the formulas of the other sheets. */
export interface SchoolData {
  sheet: ReportSheet;
  /** 'sheet'!P5: the cell of a column (by id) for the record at `recordIndex` */
  cell(id: string, recordIndex: number): string;
  /** whether the sheet has the column */
  has(id: string): boolean;
}

function headerOf(column: ColumnDefinition, lang: Lang): string {
  if (column.kind === "money") {
    return lang === "zh" ? `${column.zh}（元）` : `${column.en} (yuan)`;
  }
  if (lang === "en") return column.unit ? `${column.en} (${column.unit})` : column.en;
  return templateHeader(column);
}

/** Narrow enough that the whole table fits one landscape page wide at 90 % or more (10-point text ≥ 9 pt). */
function widthOf(column: ColumnDefinition): number {
  if (WIDTHS[column.id]) return WIDTHS[column.id];
  if (column.kind === "money") return 10;
  if (column.kind === "area") return 8;
  if (column.kind === "rooms") return 5;
  return 6;
}

/** The row of the original table a record was read from: 学校 第12行. */
function sourceOf(record: SchoolRecord, lang: Lang): string | null {
  if (!record.source) return null;
  return lang === "zh"
    ? `${record.source.sheet} 第${record.source.row}行`
    : `${record.source.sheet} row ${record.source.row}`;
}

/** The 学校数据 sheet for the records of an evaluation. */
export function schoolDataSheet(
  records: readonly SchoolRecord[],
  profile: Profile,
  options: { lang: Lang; title: TitleParts; sourceRange: string },
): SchoolData {
  const { lang } = options;
  const ids = [...BASE_COLUMNS];
  if (records.some((r) => r.sectionFacilities)) ids.push(...SECTION_FACILITY_COLUMNS);
  if (profile.indoorSportsMovesToSportsArea && records.some((r) => r.indoorSportsArea)) {
    ids.push("indoorSportsArea");
  }
  const columns = ids.map((id) => COLUMNS.find((c) => c.id === id)!);
  const width = columns.length + 1;
  const sources = records.map((record) => sourceOf(record, lang));
  // the source column as wide as its longest entry needs, within bounds that keep the sheet one page wide
  const sourceWidth = Math.min(13, Math.max(7, ...sources.map((s) => (s ? displayWidth(s) + 1 : 0))));
  const b = new SheetBuilder([...columns.map(widthOf), sourceWidth]);
  const name = SCHOOL_DATA_NAME[lang];
  b.title(
    tableTitle(options.title, { zh: "评估所用学校数据", en: "School data evaluated" }, lang),
    width - 1,
  );
  // in body text, not a 9-point note: the sheet is fitted to the page width and may print a little smaller
  b.pushSpan(
    {
      value:
        lang === "zh"
          ? `本表为评估所读取的学校统计表（${options.sourceRange}），教学仪器设备值以元计；“达标情况”“差异系数”“汇总”各表的数值均为引用本表的公式。`
          : `The school table as read for the evaluation (${options.sourceRange}), equipment in yuan; every figure of the other sheets is a formula over this sheet.`,
      wrap: true,
    },
    0,
    width - 1,
  );
  const headerRow = b.push([
    ...columns.map((c): ReportCell => ({ value: headerOf(c, lang), style: "header" })),
    { value: lang === "zh" ? "原表位置" : "Source row", style: "header" },
  ]);
  const first = b.next;
  records.forEach((record, i) => {
    const source = sources[i];
    b.push([
      ...columns.map((c): ReportCell => {
        const value = recordCell(record, c.id, "元");
        return typeof value === "number" ? { value, format: figureFormat(value) } : { value };
      }),
      { value: source },
    ]);
  });
  b.border(headerRow, 0, Math.max(headerRow, b.next - 1), width - 1);
  const sheet = b.sheet({
    key: "schoolData",
    name,
    freeze: { rows: headerRow, columns: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [headerRow, headerRow],
      ...pageMarks(options.title, { zh: "评估所用学校数据", en: "School data" }, lang),
    },
  });
  const ref = sheetRef(name);
  return {
    sheet,
    has: (id) => ids.includes(id),
    cell: (id, recordIndex) => {
      const c = ids.indexOf(id);
      if (c < 0) throw new Error(`no column ${id} on ${name}`);
      return `${ref}!${columnLetters(c)}${first + recordIndex}`;
    },
  };
}
