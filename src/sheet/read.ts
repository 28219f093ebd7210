/**
 * The tolerant reader of the school table (TEMPLATE.md): a grid of cells → school records + problems.
 * Host-neutral and total: any grid yields records or problems, never an exception.
 */
import type { Facilities, SchoolRecord, SchoolType, SectionTeachers } from "../engine/records";
import { COLUMNS, type ColumnDefinition } from "../standard/columns";
import type { FacilityIndicatorId, Level, TeacherIndicatorId } from "../standard/indicators";
import { NATIONAL_2017 } from "../standard/national2017";
import type { Profile } from "../standard/profile";
import { readCell, readNumber, readText, shownValue, type CellReading } from "./cells";
import { columnLetters, parseAddress, sheetRef, type CellValue, type Grid } from "./grid";
import { equipmentUnitOf, matchHeader } from "./headers";
import type { Problem } from "./problems";
import {
  ENROLMENT_LEVELS,
  REQUIRED_ENROLMENT,
  foldText,
  isCombinedSchool,
  parseLocale,
  parseSchoolType,
  type EnrolmentLevel,
} from "./vocabulary";

export { matchHeader } from "./headers";
export { parseSchoolType } from "./vocabulary";

export interface ColumnMatch {
  columnId: string;
  /** 0-based index in grid.values rows */
  col: number;
  header: string;
  cell: string;
}

export interface ReadOptions {
  /** default NATIONAL_2017 (equipment default unit, plausibility threshold) */
  profile?: Profile;
  /** user corrections: column id → 0-based grid column, or null to unmap */
  mapping?: Record<string, number | null>;
  /** 0-based row known to hold the header (the last row of a two-row header): no search. The functions read
   * one school row under a given header on every recalculation. */
  headerRow?: number;
}

export interface ReadResult {
  records: SchoolRecord[];
  problems: Problem[];
  /** 0-based index into grid.values */
  headerRow: number | null;
  /** which header matched which column id */
  columns: ColumnMatch[];
  unmatchedHeaders: { header: string; col: number; cell: string }[];
  equipmentUnit: "万元" | "元";
  /** 0-based grid row of each record (same order as records) */
  rows: number[];
}

/**
 * The stable codes of the problems the reader reports. Errors block the verdict; warnings do not. "excel-error"
 * and "not-text" are warnings in the optional text columns (城乡类型, 所属学校), errors elsewhere.
 */
export const READER_PROBLEM_CODES = {
  "no-header-row": "error",
  "no-schools": "error",
  "missing-column": "error",
  "blank-required": "error",
  "not-a-number": "error",
  "excel-error": "error",
  "date-not-number": "error",
  "not-text": "error",
  "negative-number": "error",
  "fractional-count": "error",
  "duplicate-name": "error",
  "unknown-school-type": "error",
  "combined-missing-section": "error",
  "section-teachers-blank": "error",
  "type-contradicts-enrolment": "error",
  "section-facilities-incomplete": "error",
  "equipment-unit-unknown": "error",
  "equipment-implausible": "warning",
  "implausible-value": "warning",
  "teaching-point-no-parent": "warning",
  "parent-not-found": "warning",
  "unknown-locale": "warning",
  "hidden-row": "warning",
  "rows-after-blank": "warning",
  "duplicate-column": "warning",
  "mapping-unknown-column": "warning",
  "mapping-invalid": "warning",
  "bad-top-left": "warning",
} as const satisfies Record<string, Problem["severity"]>;
export type ReaderProblemCode = keyof typeof READER_PROBLEM_CODES;

/** TEMPLATE.md: the header is found within the first 10 rows. */
export const HEADER_SEARCH_ROWS = 10;
/** Excel's last column is XFD: a mapping beyond it is no column of any sheet. */
const MAX_COLUMNS = 16384;
/** A header row names the school column and at least this many others. */
const MIN_OTHER_HEADERS = 2;

/**
 * Values no school reports (warnings, not errors): a section of more than 20,000 pupils, more than 100 m² of
 * teaching rooms per pupil, more than 500 m² of grounds per pupil (rural schools with few pupils do have
 * large grounds), equipment above 1,000,000 元 per pupil (a sheet in 元 read as 万元), a class above 150.
 */
export const IMPLAUSIBLE = {
  sectionStudents: 20000,
  teachingAreaPerStudent: 100,
  sportsAreaPerStudent: 500,
  equipmentPerStudentAbove: 1_000_000,
  largestClass: 150,
} as const;

const TOTAL_ROW = /^(?:合计|总计|小计|总合计)|(?:合计|总计|小计)$|^(?:total|subtotal|grandtotal|sum)$/u;
const SUBTOTAL_ROW = /^小计|小计$|^subtotal$/u;
/** Notes under a table (注：…, 填表人：…) end it as a blank row would. */
const NOTE_ROW = /^(?:注|说明|备注|填表|制表|审核|负责人|单位负责人|统计负责人|note)/u;

const TEACHER_COLUMNS: Record<Level, Record<TeacherIndicatorId, string>> = {
  primary: {
    qualifiedTeachers: "primaryQualifiedTeachers",
    keyTeachers: "primaryKeyTeachers",
    peArtTeachers: "primaryPeArtTeachers",
  },
  junior: {
    qualifiedTeachers: "juniorQualifiedTeachers",
    keyTeachers: "juniorKeyTeachers",
    peArtTeachers: "juniorPeArtTeachers",
  },
};
const STUDENT_COLUMNS: Record<EnrolmentLevel, string> = {
  primary: "primaryStudents",
  junior: "juniorStudents",
  senior: "seniorStudents",
};
const FACILITY_COLUMNS: Record<FacilityIndicatorId, string> = {
  teachingArea: "teachingArea",
  sportsArea: "sportsArea",
  equipmentValue: "equipmentValue",
  multimediaRooms: "multimediaRooms",
};
const SECTION_FACILITY_COLUMNS: Record<Level, Record<FacilityIndicatorId, string>> = {
  primary: {
    teachingArea: "primaryTeachingArea",
    sportsArea: "primarySportsArea",
    equipmentValue: "primaryEquipmentValue",
    multimediaRooms: "primaryMultimediaRooms",
  },
  junior: {
    teachingArea: "juniorTeachingArea",
    sportsArea: "juniorSportsArea",
    equipmentValue: "juniorEquipmentValue",
    multimediaRooms: "juniorMultimediaRooms",
  },
};
const LEVELS_OF_SECTIONS: readonly Level[] = ["primary", "junior"];
const FACILITY_IDS: readonly FacilityIndicatorId[] = [
  "teachingArea",
  "sportsArea",
  "equipmentValue",
  "multimediaRooms",
];
const TEACHER_IDS: readonly TeacherIndicatorId[] = ["qualifiedTeachers", "keyTeachers", "peArtTeachers"];

function problem(
  severity: Problem["severity"],
  code: ReaderProblemCode,
  cell: string | null,
  zh: string,
  en: string,
): Problem {
  return { severity, code, cell, message: { zh, en } };
}

const COLUMN_BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));
const columnById = (id: string): ColumnDefinition | undefined => COLUMN_BY_ID.get(id);

function columnName(id: string): { zh: string; en: string } {
  const c = columnById(id);
  return c ? { zh: c.zh, en: c.en } : { zh: id, en: id };
}

/** 万元 → 元, cleared of the binary noise of ×10,000 (12.34 × 10000 = 123400.00000000001). */
function tenThousand(value: number): number {
  return Number((value * 10000).toPrecision(15));
}

// ─── the grid, made total ────────────────────────────────────────────────────────────────────────────────────

/** Text of any value a host passes, without calling an object's own toString (which may be anything). */
function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" || typeof value === "function"
    ? Object.prototype.toString.call(value)
    : String(value);
}

class Sheet {
  readonly rows: readonly unknown[];
  readonly sheet: string;
  readonly topLeft: string;
  readonly hidden: ReadonlySet<number>;
  private ref: string | undefined;
  private origin = { row: 0, col: 0 };
  private readonly letters = new Map<number, string>();

  constructor(grid: Grid, problems: Problem[]) {
    const g: Partial<Grid> = grid && typeof grid === "object" ? grid : {};
    this.rows = Array.isArray(g.values) ? g.values : [];
    this.sheet = typeof g.sheet === "string" ? g.sheet : plainText(g.sheet);
    let topLeft = "A1";
    if (typeof g.topLeft === "string" && /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/u.test(g.topLeft.trim())) {
      const { row, col } = parseAddress(g.topLeft);
      if (row >= 0 && col >= 0) topLeft = `${columnLetters(col)}${row + 1}`;
    }
    if (g.topLeft !== undefined && topLeft === "A1" && !/^\$?A\$?1$/iu.test(plainText(g.topLeft).trim())) {
      problems.push(
        problem(
          "warning",
          "bad-top-left",
          null,
          `无法识别区域左上角地址“${plainText(g.topLeft)}”，按 A1 标注单元格。`,
          `The range's top-left address "${plainText(g.topLeft)}" is not an A1 address; cells are named from A1.`,
        ),
      );
    }
    this.topLeft = topLeft;
    this.hidden = new Set(
      Array.isArray(g.hiddenRows) ? g.hiddenRows.filter((r) => typeof r === "number") : [],
    );
  }

  get height(): number {
    return this.rows.length;
  }

  row(r: number): readonly unknown[] {
    const row = this.rows[r];
    return Array.isArray(row) ? row : [];
  }

  width(r: number): number {
    return this.row(r).length;
  }

  value(r: number, c: number): CellValue {
    return this.row(r)[c] as CellValue;
  }

  /** the same as cellAddress(grid, r, c), with the sheet's part and the column letters worked out once */
  address(r: number, c: number): string {
    if (this.ref === undefined) {
      this.ref = sheetRef(this.sheet);
      this.origin = parseAddress(this.topLeft);
    }
    let letters = this.letters.get(c);
    if (letters === undefined) {
      letters = columnLetters(this.origin.col + c);
      this.letters.set(c, letters);
    }
    return `${this.ref}!${letters}${this.origin.row + r + 1}`;
  }

  /** 1-based row number in the sheet */
  sheetRow(r: number): number {
    return parseAddress(this.topLeft).row + r + 1;
  }

  text(r: number, c: number): string {
    const t = readText(this.value(r, c));
    return t.kind === "text" ? t.text : "";
  }

  isBlankRow(r: number): boolean {
    const row = this.row(r);
    for (let c = 0; c < row.length; c++) if (readCell(row[c]).kind !== "blank") return false;
    return true;
  }
}

// ─── the header ──────────────────────────────────────────────────────────────────────────────────────────────

interface HeaderCell {
  col: number;
  header: string;
  /** row of the cell holding the text (the upper row of a two-row header when the lower one is blank) */
  row: number;
  id: string | null;
  /** the column this header repeats (a second "学校名称"): not read */
  duplicateOf?: string;
}

interface HeaderReading {
  row: number;
  cells: HeaderCell[];
  ids: Set<string>;
}

/** Reads row h as the header; with twoRow, row h−1 holds group headers ("小学" above "在校生数") or vertically merged ones. */
function readHeader(sheet: Sheet, h: number, twoRow: boolean): HeaderReading {
  const width = Math.max(sheet.width(h), twoRow ? sheet.width(h - 1) : 0);
  const cells: HeaderCell[] = [];
  const ids = new Set<string>();
  const take = (cell: Omit<HeaderCell, "id" | "duplicateOf">, id: string | null) => {
    // a second column with the same meaning is not read: it is listed as unmatched and reported
    const fresh = id !== null && !ids.has(id);
    if (fresh) ids.add(id);
    cells.push({ ...cell, id: fresh ? id : null, ...(id !== null && !fresh ? { duplicateOf: id } : {}) });
  };
  for (let c = 0; c < width; c++) {
    const text = sheet.text(h, c);
    if (!twoRow) {
      if (text) take({ col: c, header: text, row: h }, matchHeader(text));
      continue;
    }
    const above = sheet.text(h - 1, c);
    if (!text) {
      if (above) take({ col: c, header: above, row: h - 1 }, matchHeader(above));
      continue;
    }
    const own = matchHeader(text);
    if (own) {
      take({ col: c, header: text, row: h }, own);
      continue;
    }
    const group = groupAbove(sheet, h - 1, c);
    const combined = group ? matchHeader(group + text) : null;
    take({ col: c, header: combined ? `${group} ${text}` : text, row: h }, combined);
  }
  return { row: h, cells, ids };
}

/** The group header over column c: the text above it, or the nearest to its left across blanks (a merged cell). */
function groupAbove(sheet: Sheet, r: number, c: number): string | null {
  for (let k = c; k >= 0; k--) {
    const text = sheet.text(r, k);
    if (!text) continue;
    return matchHeader(text) ? null : text;
  }
  return null;
}

/** Header readings by their rows' text: the same header is read again and again by the functions. */
const HEADER_READINGS = new Map<string, HeaderReading>();
const HEADER_READINGS_LIMIT = 256;

function readHeaderCached(sheet: Sheet, h: number, twoRow: boolean): HeaderReading {
  const width = Math.max(sheet.width(h), twoRow ? sheet.width(h - 1) : 0);
  let key = `${h}:${twoRow ? 2 : 1}`;
  for (let c = 0; c < width; c++)
    key += `\u0001${sheet.text(h, c)}${twoRow ? `\u0002${sheet.text(h - 1, c)}` : ""}`;
  let reading = HEADER_READINGS.get(key);
  if (!reading) {
    reading = readHeader(sheet, h, twoRow);
    if (HEADER_READINGS.size >= HEADER_READINGS_LIMIT) HEADER_READINGS.clear();
    HEADER_READINGS.set(key, reading);
  }
  return reading;
}

function findHeader(sheet: Sheet, nameMapped: boolean, knownRow?: number): HeaderReading | null {
  let best: HeaderReading | null = null;
  const known =
    knownRow !== undefined && Number.isInteger(knownRow) && knownRow >= 0 && knownRow < sheet.height;
  const first = known ? (knownRow as number) : 0;
  const limit = known ? first + 1 : Math.min(HEADER_SEARCH_ROWS, sheet.height);
  for (let h = first; h < limit; h++) {
    for (const twoRow of h > 0 ? [false, true] : [false]) {
      const reading = known ? readHeaderCached(sheet, h, twoRow) : readHeader(sheet, h, twoRow);
      const hasName = reading.ids.has("name") || nameMapped;
      const others = reading.ids.size - (reading.ids.has("name") ? 1 : 0);
      if (!hasName || others < MIN_OTHER_HEADERS) continue;
      // ties go to the earlier, single-row reading
      if (!best || reading.ids.size > best.ids.size) best = reading;
    }
  }
  return best;
}

// ─── the reader ──────────────────────────────────────────────────────────────────────────────────────────────

type Field =
  | { state: "absent" }
  | { state: "blank"; cell: string }
  | { state: "invalid"; cell: string }
  | { state: "ok"; cell: string; value: number };

/** Reads a school table from a grid (TEMPLATE.md). Never throws. */
export function readSchoolTable(grid: Grid, options: ReadOptions = {}): ReadResult {
  const problems: Problem[] = [];
  const sheet = new Sheet(grid, problems);
  const profile = options?.profile ?? NATIONAL_2017;
  const mapping = options?.mapping && typeof options.mapping === "object" ? options.mapping : {};
  const mappedCol = (id: string): number | null | undefined => {
    if (!Object.prototype.hasOwnProperty.call(mapping, id)) return undefined;
    const target = mapping[id];
    if (target === null) return null;
    return typeof target === "number" && Number.isInteger(target) && target >= 0 && target < MAX_COLUMNS
      ? target
      : undefined;
  };

  const empty = (headerRow: number | null): ReadResult => ({
    records: [],
    problems,
    headerRow,
    columns: [],
    unmatchedHeaders: [],
    equipmentUnit: profile.equipmentDefaultUnit,
    rows: [],
  });

  const header = findHeader(sheet, typeof mappedCol("name") === "number", options?.headerRow);
  if (!header) {
    problems.push(
      problem(
        "error",
        "no-header-row",
        null,
        `前 ${HEADER_SEARCH_ROWS} 行中找不到表头：表头行须包含“学校名称”及至少 ${MIN_OTHER_HEADERS} 个其他已知列（如“学校类型”“小学在校生数”）。`,
        `No header row in the first ${HEADER_SEARCH_ROWS} rows: the header must name the school column ("学校名称" / School) and at least ${MIN_OTHER_HEADERS} other known columns (such as Type, Primary students).`,
      ),
    );
    return empty(null);
  }
  const headerRow = header.row;

  // columns: the header's matches, then the user's corrections
  const byId = new Map<string, ColumnMatch>();
  for (const cell of header.cells) {
    if (cell.id)
      byId.set(cell.id, {
        columnId: cell.id,
        col: cell.col,
        header: cell.header,
        cell: sheet.address(cell.row, cell.col),
      });
  }
  const headerAt = (col: number) => header.cells.find((c) => c.col === col);
  for (const [id, target] of Object.entries(mapping)) {
    if (!columnById(id)) {
      problems.push(
        problem(
          "warning",
          "mapping-unknown-column",
          null,
          `列对应中的“${id}”不是已知的列，已忽略。`,
          `"${id}" in the column mapping is not a known column; ignored.`,
        ),
      );
      continue;
    }
    const col = mappedCol(id);
    if (col === null) {
      byId.delete(id);
      continue;
    }
    if (col === undefined) {
      problems.push(
        problem(
          "warning",
          "mapping-invalid",
          null,
          `列对应中“${columnName(id).zh}”的列号 ${String(target)} 无效，已忽略。`,
          `The column number ${String(target)} given for ${columnName(id).en} in the column mapping is not valid; ignored.`,
        ),
      );
      continue;
    }
    for (const [other, match] of byId) {
      if (other !== id && match.col === col && typeof mappedCol(other) !== "number") byId.delete(other);
    }
    const h = headerAt(col);
    byId.set(id, {
      columnId: id,
      col,
      header: h?.header ?? "",
      cell: sheet.address(h?.row ?? headerRow, col),
    });
  }
  const columns = COLUMNS.filter((c) => byId.has(c.id)).map((c) => byId.get(c.id) as ColumnMatch);
  const usedCols = new Set(columns.map((c) => c.col));
  const unmatchedHeaders = header.cells
    .filter((c) => !usedCols.has(c.col))
    .map((c) => ({ header: c.header, col: c.col, cell: sheet.address(c.row, c.col) }));
  for (const cell of header.cells) {
    const duplicateOf = cell.duplicateOf;
    if (!duplicateOf || usedCols.has(cell.col)) continue;
    const first = byId.get(duplicateOf);
    problems.push(
      problem(
        "warning",
        "duplicate-column",
        sheet.address(cell.row, cell.col),
        `“${cell.header}”与${first ? ` ${first.cell} ` : "前面"}的列重复，只读取前一列。`,
        `"${cell.header}" repeats the column at ${first ? first.cell : "an earlier column"}; only the first is read.`,
      ),
    );
  }

  const colOf = (id: string): number | undefined => byId.get(id)?.col;

  // the equipment unit: its header says 万元 or 元; otherwise the profile's default (STANDARD.md §2: 万元)
  const unitOfColumn = (id: string): "万元" | "元" | "other" | null => {
    const m = byId.get(id);
    return m ? equipmentUnitOf(m.header) : null;
  };
  const mainUnit = unitOfColumn("equipmentValue");
  const equipmentUnit: "万元" | "元" =
    mainUnit === "万元" || mainUnit === "元"
      ? mainUnit
      : ((["primaryEquipmentValue", "juniorEquipmentValue"]
          .map(unitOfColumn)
          .find((u) => u === "万元" || u === "元") as "万元" | "元" | undefined) ??
        profile.equipmentDefaultUnit);
  const unitFor = (id: string): "万元" | "元" => {
    const u = unitOfColumn(id);
    return u === "万元" || u === "元" ? u : equipmentUnit;
  };
  for (const id of ["equipmentValue", "primaryEquipmentValue", "juniorEquipmentValue"]) {
    const m = byId.get(id);
    if (m && unitOfColumn(id) === "other") {
      problems.push(
        problem(
          "error",
          "equipment-unit-unknown",
          m.cell,
          `“${m.header}”的金额单位无法换算，请使用万元或元。`,
          `The money unit of "${m.header}" cannot be converted; use 万元 (10k yuan) or 元 (yuan).`,
        ),
      );
    }
  }

  const nameCol = colOf("name");
  const typeCol = colOf("type");
  const missingColumns = new Set<string>();
  const requireColumn = (id: string) => {
    if (colOf(id) === undefined) missingColumns.add(id);
  };
  requireColumn("name");
  requireColumn("type");

  // ─── the data rows: up to a total row, a note, or the first fully blank row
  const dataRows: number[] = [];
  let end = sheet.height;
  for (let r = headerRow + 1; r < sheet.height; r++) {
    if (sheet.isBlankRow(r)) {
      end = r;
      break;
    }
    // a subtotal between groups of schools (城区小计) is skipped: the schools below it still belong to the table
    if (isTotalRow(sheet, r, nameCol, SUBTOTAL_ROW)) continue;
    if (dataRows.length === 0 && isLegendRow(sheet, r, nameCol)) continue;
    if (isTotalRow(sheet, r, nameCol) || isNoteRow(sheet, r)) {
      end = sheet.height;
      break;
    }
    dataRows.push(r);
  }
  if (end < sheet.height) {
    for (let r = end + 1; r < sheet.height; r++) {
      if (sheet.isBlankRow(r)) continue;
      if (isTotalRow(sheet, r, nameCol) || isNoteRow(sheet, r)) break;
      const firstCol = sheet.row(r).findIndex((v) => readCell(v).kind !== "blank");
      problems.push(
        problem(
          "warning",
          "rows-after-blank",
          sheet.address(r, Math.max(0, firstCol)),
          `第 ${sheet.sheetRow(end)} 行为空行，表格到此结束；其下从第 ${sheet.sheetRow(r)} 行起的数据未读取。`,
          `Row ${sheet.sheetRow(end)} is blank, so the table ends there; the data from row ${sheet.sheetRow(r)} on was not read.`,
        ),
      );
      break;
    }
  }

  const records: SchoolRecord[] = [];
  const rows: number[] = [];
  const firstRowOfName = new Map<string, { cell: string; name: string }>();
  const parentChecks: { index: number; cell: string | null; nameCell: string }[] = [];

  for (const r of dataRows) {
    const cells: Record<string, string> = {};
    for (const c of columns) cells[c.columnId] = sheet.address(r, c.col);
    const cellOf = (id: string) => cells[id] ?? null;

    if (sheet.hidden.has(r)) {
      problems.push(
        problem(
          "warning",
          "hidden-row",
          sheet.address(r, nameCol ?? 0),
          `第 ${sheet.sheetRow(r)} 行是隐藏行，仍已读取。`,
          `Row ${sheet.sheetRow(r)} is hidden; it was read all the same.`,
        ),
      );
    }

    const num = (id: string, kind: ColumnDefinition["kind"] = columnById(id)?.kind ?? "count"): Field => {
      const col = colOf(id);
      if (col === undefined) return { state: "absent" };
      const cell = sheet.address(r, col);
      const reading = readNumber(sheet.value(r, col));
      const name = columnName(id);
      if (reading.kind === "blank") return { state: "blank", cell };
      if (reading.kind === "notNumber") {
        problems.push(notANumber(reading.cell, cell, name));
        return { state: "invalid", cell };
      }
      let value = reading.value;
      if (value < 0) {
        problems.push(
          problem(
            "error",
            "negative-number",
            cell,
            `${cell}“${name.zh}”为负数（${value}），应不小于 0。`,
            `${cell} (${name.en}) is negative (${value}); it must be 0 or more.`,
          ),
        );
        return { state: "invalid", cell };
      }
      if (kind === "count" || kind === "rooms") {
        const whole = Math.round(value);
        if (Math.abs(value - whole) > 1e-9) {
          problems.push(
            problem(
              "error",
              "fractional-count",
              cell,
              `${cell}“${name.zh}”为 ${value}，人数和间数应为整数。`,
              `${cell} (${name.en}) is ${value}; counts of people and rooms are whole numbers.`,
            ),
          );
          return { state: "invalid", cell };
        }
        value = whole;
      }
      return { state: "ok", cell, value };
    };
    const valueOf = (f: Field): number | undefined => (f.state === "ok" ? f.value : undefined);
    const blankRequired = (id: string, f: Field, why: { zh: string; en: string }) => {
      if (f.state === "absent") missingColumns.add(id);
      else if (f.state === "blank") {
        const name = columnName(id);
        problems.push(
          problem(
            "error",
            "blank-required",
            f.cell,
            `${f.cell}“${name.zh}”为空，${why.zh}。`,
            `${f.cell} (${name.en}) is blank; ${why.en}.`,
          ),
        );
      }
    };

    // name
    let name: string | null = null;
    if (nameCol !== undefined) {
      const cell = sheet.address(r, nameCol);
      const t = readText(sheet.value(r, nameCol));
      if (t.kind === "text") name = t.text;
      else if (t.kind === "blank") {
        problems.push(
          problem(
            "error",
            "blank-required",
            cell,
            `${cell}“学校名称”为空，每行须填写学校名称。`,
            `${cell} (School) is blank; every row needs the school's name.`,
          ),
        );
      } else problems.push(notText(t.cell, cell, columnName("name")));
      if (name !== null) {
        const key = foldText(name);
        const first = firstRowOfName.get(key);
        if (first) {
          problems.push(
            problem(
              "error",
              "duplicate-name",
              cell,
              `${cell}学校名称“${name}”与 ${first.cell} 重复，学校名称在表中须唯一。`,
              `${cell}: the school name "${name}" repeats ${first.cell}; names must be unique in the table.`,
            ),
          );
        } else firstRowOfName.set(key, { cell, name });
      }
    }

    // type
    let type: SchoolType | null = null;
    if (typeCol !== undefined) {
      const cell = sheet.address(r, typeCol);
      const t = readText(sheet.value(r, typeCol));
      if (t.kind === "text") {
        type = parseSchoolType(t.text);
        if (!type) {
          problems.push(
            problem(
              "error",
              "unknown-school-type",
              cell,
              `${cell}学校类型“${t.text}”无法识别，应为小学、初中、九年一贯制学校、十二年一贯制学校、完全中学、教学点、特殊教育学校或职业学校。`,
              `${cell}: the school type "${t.text}" is not known; use 小学, 初中, 九年一贯制学校, 十二年一贯制学校, 完全中学, 教学点, 特殊教育学校 or 职业学校.`,
            ),
          );
        }
      } else if (t.kind === "blank") {
        problems.push(
          problem(
            "error",
            "blank-required",
            cell,
            `${cell}“学校类型”为空，每行须填写学校类型。`,
            `${cell} (Type) is blank; every row needs the school type.`,
          ),
        );
      } else problems.push(notText(t.cell, cell, columnName("type")));
    }

    // locale and parent: optional text
    let locale: SchoolRecord["locale"];
    const localeCol = colOf("locale");
    if (localeCol !== undefined) {
      const cell = sheet.address(r, localeCol);
      const t = readText(sheet.value(r, localeCol));
      if (t.kind === "text") {
        locale = parseLocale(t.text) ?? undefined;
        if (!locale) {
          problems.push(
            problem(
              "warning",
              "unknown-locale",
              cell,
              `${cell}城乡类型“${t.text}”无法识别（应为城区、镇区或乡村），已忽略。`,
              `${cell}: the locale "${t.text}" is not known (use 城区, 镇区 or 乡村); ignored.`,
            ),
          );
        }
      } else if (t.kind === "notText") problems.push(notText(t.cell, cell, columnName("locale"), "warning"));
    }
    let parent: string | undefined;
    const parentCol = colOf("parent");
    if (parentCol !== undefined) {
      const t = readText(sheet.value(r, parentCol));
      if (t.kind === "text") parent = t.text;
      else if (t.kind === "notText") {
        problems.push(notText(t.cell, sheet.address(r, parentCol), columnName("parent"), "warning"));
      }
    }

    // enrolment
    const studentField: Record<EnrolmentLevel, Field> = {
      primary: num("primaryStudents"),
      junior: num("juniorStudents"),
      senior: num("seniorStudents"),
    };
    const students = {
      primary: valueOf(studentField.primary) ?? 0,
      junior: valueOf(studentField.junior) ?? 0,
      senior: valueOf(studentField.senior) ?? 0,
    };
    for (const level of ["primary", "junior", "senior"] as const) {
      const f = studentField[level];
      if (f.state === "ok" && f.value > IMPLAUSIBLE.sectionStudents) {
        problems.push(
          implausible(
            f.cell,
            columnName(STUDENT_COLUMNS[level]),
            f.value,
            `超过 ${IMPLAUSIBLE.sectionStudents} 人`,
            `above ${IMPLAUSIBLE.sectionStudents}`,
          ),
        );
      }
    }

    // teachers, per section
    const teacherFields = {} as Record<Level, Record<TeacherIndicatorId, Field>>;
    for (const level of LEVELS_OF_SECTIONS) {
      teacherFields[level] = {} as Record<TeacherIndicatorId, Field>;
      for (const t of TEACHER_IDS) teacherFields[level][t] = num(TEACHER_COLUMNS[level][t]);
    }
    const teachers = {} as Record<Level, SectionTeachers>;
    for (const level of LEVELS_OF_SECTIONS) {
      teachers[level] = {
        qualifiedTeachers: valueOf(teacherFields[level].qualifiedTeachers) ?? 0,
        keyTeachers: valueOf(teacherFields[level].keyTeachers) ?? 0,
        peArtTeachers: valueOf(teacherFields[level].peArtTeachers) ?? 0,
      };
    }

    // facilities: whole school, and per section where the workbook gives them
    const facilityFields = {} as Record<FacilityIndicatorId, Field>;
    for (const f of FACILITY_IDS) facilityFields[f] = num(FACILITY_COLUMNS[f]);
    const sectionFields = {} as Record<Level, Record<FacilityIndicatorId, Field>>;
    for (const level of LEVELS_OF_SECTIONS) {
      sectionFields[level] = {} as Record<FacilityIndicatorId, Field>;
      for (const f of FACILITY_IDS) sectionFields[level][f] = num(SECTION_FACILITY_COLUMNS[level][f]);
    }
    const money = (f: Field, id: string): number | undefined => {
      const v = valueOf(f);
      return v === undefined ? undefined : unitFor(id) === "万元" ? tenThousand(v) : v;
    };
    const wholeFacilities: Partial<Record<FacilityIndicatorId, number>> = {};
    for (const f of FACILITY_IDS) {
      const v =
        f === "equipmentValue" ? money(facilityFields[f], "equipmentValue") : valueOf(facilityFields[f]);
      if (v !== undefined) wholeFacilities[f] = v;
    }
    const sectionGiven: Partial<Record<Level, boolean>> = {};
    const sectionFacilities: Partial<Record<Level, Facilities>> = {};
    for (const level of LEVELS_OF_SECTIONS) {
      const fields = sectionFields[level];
      sectionGiven[level] = FACILITY_IDS.some(
        (f) => fields[f].state === "ok" || fields[f].state === "invalid",
      );
      if (!sectionGiven[level]) continue;
      const values = {} as Facilities;
      let complete = true;
      for (const f of FACILITY_IDS) {
        const id = SECTION_FACILITY_COLUMNS[level][f];
        const v = f === "equipmentValue" ? money(fields[f], id) : valueOf(fields[f]);
        if (v === undefined) {
          complete = false;
          const field = fields[f];
          if (field.state === "absent" || field.state === "blank") {
            const col = columnName(id);
            const cell = field.state === "blank" ? field.cell : null;
            problems.push(
              problem(
                "error",
                "section-facilities-incomplete",
                cell,
                `${cell ?? `第 ${sheet.sheetRow(r)} 行`}：按学段填报设施时四项须齐全，缺少“${col.zh}”${field.state === "absent" ? "列" : ""}。`,
                `${cell ?? `Row ${sheet.sheetRow(r)}`}: facilities given per section need all four figures; ${col.en} is ${field.state === "absent" ? "not a column of the table" : "blank"}.`,
              ),
            );
          }
        } else values[f] = v;
      }
      if (complete) sectionFacilities[level] = values;
    }

    // the rest of the row follows the school type
    if (type) {
      const excluded =
        (type === "special" && profile.exclusions.specialEducation) ||
        (type === "vocational" && profile.exclusions.vocational);

      for (const level of ["primary", "junior", "senior"] as const) {
        const f = studentField[level];
        if (f.state === "ok" && f.value > 0 && !ENROLMENT_LEVELS[type].includes(level)) {
          const col = columnName(STUDENT_COLUMNS[level]);
          problems.push(
            problem(
              "error",
              "type-contradicts-enrolment",
              f.cell,
              `${f.cell}：学校类型为“${typeWord(type)}”，却填报了“${col.zh}”${f.value} 人；请核对学校类型或在校生数。`,
              `${f.cell}: the school is a ${typeWordEn(type)} yet reports ${f.value} in ${col.en}; check the type or the enrolment.`,
            ),
          );
        }
      }
      for (const level of REQUIRED_ENROLMENT[type]) {
        const id = STUDENT_COLUMNS[level];
        const f = studentField[level];
        if (isCombinedSchool(type)) {
          if (f.state === "absent") missingColumns.add(id);
          else if (f.state === "blank" || (f.state === "ok" && f.value === 0)) {
            const col = columnName(id);
            problems.push(
              problem(
                "error",
                "combined-missing-section",
                f.cell,
                `${f.cell}：“${typeWord(type)}”须分学段填报在校生数，“${col.zh}”为${f.state === "blank" ? "空" : " 0"}。`,
                `${f.cell}: a ${typeWordEn(type)} reports its enrolment per section, but ${col.en} is ${f.state === "blank" ? "blank" : "0"}.`,
              ),
            );
          }
        } else {
          blankRequired(id, f, {
            zh: `${typeWord(type)}须填写在校生数`,
            en: `a ${typeWordEn(type)} must report its enrolment`,
          });
        }
      }

      if (!excluded) {
        for (const level of LEVELS_OF_SECTIONS) {
          // a level the type cannot have is reported once, as a contradiction, not again for its teachers
          if (!(students[level] > 0) || !ENROLMENT_LEVELS[type].includes(level)) continue;
          for (const t of TEACHER_IDS) {
            const id = TEACHER_COLUMNS[level][t];
            const f = teacherFields[level][t];
            if (f.state === "absent") missingColumns.add(id);
            else if (f.state === "blank") {
              const col = columnName(id);
              problems.push(
                problem(
                  "error",
                  "section-teachers-blank",
                  f.cell,
                  `${f.cell}“${col.zh}”为空：该校有${level === "primary" ? "小学" : "初中"}在校生，须填写该学段教师数（没有请填 0）。`,
                  `${f.cell} (${col.en}) is blank: the school has ${level} students, so this section's teachers must be given (0 if none).`,
                ),
              );
            }
          }
        }
        // whole-school facilities are needed unless every section of the school has its own
        const sectionsOfSchool = LEVELS_OF_SECTIONS.filter(
          (level) => students[level] > 0 || REQUIRED_ENROLMENT[type as SchoolType].includes(level),
        );
        const allGiven =
          sectionsOfSchool.length > 0 && sectionsOfSchool.every((level) => sectionGiven[level]);
        if (!allGiven) {
          for (const f of FACILITY_IDS) {
            blankRequired(FACILITY_COLUMNS[f], facilityFields[f], {
              zh: "校舍和设备数据每校必填（没有请填 0）",
              en: "every school reports its buildings and equipment (0 if none)",
            });
          }
        }
      }
    }

    // guarantee items (STANDARD.md §5): blank stays undefined, so the item is "missing", not failing
    const optional = (id: string) => valueOf(num(id));
    const classes = compact({ primary: optional("primaryClasses"), junior: optional("juniorClasses") });
    const rooms = compact({
      music: optional("musicRooms"),
      art: optional("artRooms"),
      smallestMusic: optional("smallestMusicRoom"),
      smallestArt: optional("smallestArtRoom"),
    });
    const largestFields = {
      primary: num("primaryLargestClass"),
      junior: num("juniorLargestClass"),
      grade1: num("grade1LargestClass"),
      grade7: num("grade7LargestClass"),
    };
    const largestClass = compact({
      primary: valueOf(largestFields.primary),
      junior: valueOf(largestFields.junior),
      grade1: valueOf(largestFields.grade1),
      grade7: valueOf(largestFields.grade7),
    });
    for (const [key, f] of Object.entries(largestFields)) {
      if (f.state === "ok" && f.value > IMPLAUSIBLE.largestClass) {
        const id = `${key}LargestClass`;
        problems.push(
          implausible(
            f.cell,
            columnName(id),
            f.value,
            `超过 ${IMPLAUSIBLE.largestClass} 人`,
            `above ${IMPLAUSIBLE.largestClass}`,
          ),
        );
      }
    }
    const indoor = num("indoorSportsArea");

    if (name === null || type === null) continue;

    // plausibility: values no school reports
    const totalStudents = students.primary + students.junior + students.senior;
    const sectionSum = (f: FacilityIndicatorId): number | undefined => {
      const given = LEVELS_OF_SECTIONS.filter((level) => sectionFacilities[level]);
      return given.length
        ? given.reduce((s, level) => s + (sectionFacilities[level] as Facilities)[f], 0)
        : undefined;
    };
    const facilities = {} as Facilities;
    for (const f of FACILITY_IDS) facilities[f] = wholeFacilities[f] ?? sectionSum(f) ?? 0;

    if (totalStudents > 0) {
      const perStudent = (f: FacilityIndicatorId) => facilities[f] / totalStudents;
      const areaChecks: [FacilityIndicatorId, number][] = [
        ["teachingArea", IMPLAUSIBLE.teachingAreaPerStudent],
        ["sportsArea", IMPLAUSIBLE.sportsAreaPerStudent],
      ];
      for (const [f, limit] of areaChecks) {
        if (perStudent(f) > limit) {
          const cell =
            facilityFields[f].state === "ok"
              ? cellOf(FACILITY_COLUMNS[f])
              : cellOf(SECTION_FACILITY_COLUMNS.primary[f]);
          const col = columnName(FACILITY_COLUMNS[f]);
          problems.push(
            problem(
              "warning",
              "implausible-value",
              cell,
              `${cell ?? name}：“${col.zh}”折合生均 ${round(perStudent(f))} ㎡，超过 ${limit} ㎡，请核对。`,
              `${cell ?? name}: ${col.en} comes to ${round(perStudent(f))} m² per student, above ${limit} m²; please check.`,
            ),
          );
        }
      }
      const equipment = facilities.equipmentValue;
      const equipmentCell =
        facilityFields.equipmentValue.state === "ok"
          ? cellOf("equipmentValue")
          : (cellOf("primaryEquipmentValue") ?? cellOf("juniorEquipmentValue"));
      if (equipment > 0 && equipment / totalStudents < profile.equipmentImplausibleBelow) {
        const per = round(equipment / totalStudents);
        problems.push(
          problem(
            "warning",
            "equipment-implausible",
            equipmentCell,
            `${equipmentCell ?? name}：按单位“${equipmentUnit}”读取，生均教学仪器设备值仅 ${per} 元，低于 ${profile.equipmentImplausibleBelow} 元；${equipmentUnit === "元" ? "该列可能以万元填报，请在表头注明（万元）" : "请核对数值和单位"}。`,
            `${equipmentCell ?? name}: read in ${equipmentUnit === "元" ? "yuan" : "10k yuan"}, the equipment value is only ${per} yuan per student, below ${profile.equipmentImplausibleBelow}; ${equipmentUnit === "元" ? "the column is probably in 万元 (10k yuan): say so in its header" : "please check the figure and its unit"}.`,
          ),
        );
      } else if (equipment / totalStudents > IMPLAUSIBLE.equipmentPerStudentAbove) {
        const per = round(equipment / totalStudents);
        problems.push(
          problem(
            "warning",
            "equipment-implausible",
            equipmentCell,
            `${equipmentCell ?? name}：按单位“${equipmentUnit}”读取，生均教学仪器设备值达 ${per} 元；${equipmentUnit === "万元" ? "该列可能以元填报，请在表头注明（元）" : "请核对数值"}。`,
            `${equipmentCell ?? name}: read in ${equipmentUnit === "元" ? "yuan" : "10k yuan"}, the equipment value comes to ${per} yuan per student; ${equipmentUnit === "万元" ? "the column is probably in 元 (yuan): say so in its header" : "please check the figure"}.`,
          ),
        );
      }
    }
    for (const level of LEVELS_OF_SECTIONS) {
      for (const t of TEACHER_IDS) {
        const f = teacherFields[level][t];
        if (f.state === "ok" && students[level] > 0 && f.value > students[level]) {
          const col = columnName(TEACHER_COLUMNS[level][t]);
          problems.push(
            problem(
              "warning",
              "implausible-value",
              f.cell,
              `${f.cell}“${col.zh}”为 ${f.value}，多于该学段在校生 ${students[level]} 人，请核对。`,
              `${f.cell}: ${col.en} is ${f.value}, more than the section's ${students[level]} students; please check.`,
            ),
          );
        }
      }
    }

    const record: SchoolRecord = {
      name,
      type,
      ...(locale ? { locale } : {}),
      ...(parent !== undefined ? { parent } : {}),
      students,
      ...(classes ? { classes } : {}),
      teachers,
      facilities,
      ...(Object.keys(sectionFacilities).length ? { sectionFacilities } : {}),
      ...(valueOf(indoor) !== undefined ? { indoorSportsArea: valueOf(indoor) } : {}),
      ...(rooms ? { rooms } : {}),
      ...(largestClass ? { largestClass } : {}),
      source: { sheet: sheet.sheet, row: sheet.sheetRow(r), cells },
    };
    if (type === "teachingPoint" || parent !== undefined) {
      parentChecks.push({
        index: records.length,
        cell: cellOf("parent"),
        nameCell: sheet.address(r, nameCol ?? 0),
      });
    }
    records.push(record);
    rows.push(r);
  }

  // teaching points and their parent schools (所属学校)
  for (const check of parentChecks) {
    const record = records[check.index];
    if (record.parent === undefined) {
      if (record.type !== "teachingPoint") continue;
      problems.push(
        problem(
          "warning",
          "teaching-point-no-parent",
          check.cell ?? check.nameCell,
          `${check.cell ?? check.nameCell}：教学点“${record.name}”未填写所属学校。`,
          `${check.cell ?? check.nameCell}: the teaching point "${record.name}" names no parent school (所属学校).`,
        ),
      );
      continue;
    }
    const found = firstRowOfName.get(foldText(record.parent));
    if (found) {
      // the parent as the table spells it, so that merging finds it
      record.parent = found.name;
    } else {
      problems.push(
        problem(
          "warning",
          "parent-not-found",
          check.cell,
          `${check.cell}：所属学校“${record.parent}”不在本表中。`,
          `${check.cell}: the parent school "${record.parent}" is not in this table.`,
        ),
      );
    }
  }

  for (const id of missingColumns) {
    const col = columnName(id);
    problems.push(
      problem(
        "error",
        "missing-column",
        null,
        `表中缺少“${col.zh}”列${id === "name" || id === "type" ? "" : "，而有学校需要该数据"}。`,
        `The table has no ${col.en} (${col.zh}) column${id === "name" || id === "type" ? "" : ", which some schools need"}.`,
      ),
    );
  }

  if (dataRows.length === 0) {
    // a header with no school under it must not read as a county where every school passes
    problems.push(
      problem(
        "error",
        "no-schools",
        sheet.address(headerRow + 1, nameCol ?? 0),
        `表头（第 ${sheet.sheetRow(headerRow)} 行）下没有学校数据。`,
        `There is no school under the header (row ${sheet.sheetRow(headerRow)}).`,
      ),
    );
  }

  return { records, problems, headerRow, columns, unmatchedHeaders, equipmentUnit, rows };
}

// ─── helpers ─────────────────────────────────────────────────────────────────────────────────────────────────

function isTotalRow(
  sheet: Sheet,
  r: number,
  nameCol: number | undefined,
  pattern: RegExp = TOTAL_ROW,
): boolean {
  const last = Math.min(nameCol ?? 0, sheet.width(r) - 1);
  for (let c = 0; c <= last; c++) {
    const text = sheet.text(r, c);
    if (text && pattern.test(foldText(text))) return true;
  }
  return false;
}

/**
 * Statistical forms put a legend under the header: the units of each column (（人） （㎡）) or the column numbers
 * (甲 乙 1 2 3 …, 栏次). It is no school.
 */
function isLegendRow(sheet: Sheet, r: number, nameCol: number | undefined): boolean {
  const name = foldText(sheet.text(r, nameCol ?? 0));
  if (name === "甲" || name === "栏次" || name === "(甲)") return true;
  const filled = sheet.row(r).filter((v) => readCell(v).kind !== "blank");
  return (
    filled.length > 1 &&
    filled.every((v) => {
      const t = readText(v);
      return t.kind === "text" && /^[(（【[][^()（）]*[)）】\]]$/u.test(t.text.trim());
    })
  );
}

function isNoteRow(sheet: Sheet, r: number): boolean {
  const filled = sheet.row(r).filter((v) => readCell(v).kind !== "blank");
  if (filled.length !== 1) return false;
  const t = readText(filled[0]);
  return t.kind === "text" && NOTE_ROW.test(foldText(t.text));
}

function compact<T extends Record<string, number | undefined>>(value: T): Partial<T> | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

function round(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

function typeWord(type: SchoolType): string {
  return SCHOOL_TYPE_ZH[type];
}
function typeWordEn(type: SchoolType): string {
  return SCHOOL_TYPE_EN[type];
}
const SCHOOL_TYPE_ZH: Record<SchoolType, string> = {
  primary: "小学",
  junior: "初中",
  nineYear: "九年一贯制学校",
  twelveYear: "十二年一贯制学校",
  complete: "完全中学",
  teachingPoint: "教学点",
  special: "特殊教育学校",
  vocational: "职业学校",
};
const SCHOOL_TYPE_EN: Record<SchoolType, string> = {
  primary: "primary school",
  junior: "junior secondary school",
  nineYear: "nine-year school",
  twelveYear: "twelve-year school",
  complete: "complete secondary school",
  teachingPoint: "teaching point",
  special: "special-education school",
  vocational: "vocational school",
};

function implausible(
  cell: string,
  col: { zh: string; en: string },
  value: number,
  zh: string,
  en: string,
): Problem {
  return problem(
    "warning",
    "implausible-value",
    cell,
    `${cell}“${col.zh}”为 ${value}，${zh}，远超一般学校，请核对。`,
    `${cell}: ${col.en} is ${value}, ${en}, far beyond what any school reports; please check.`,
  );
}

function notANumber(reading: CellReading, cell: string, col: { zh: string; en: string }): Problem {
  const shown = shownValue(reading);
  switch (reading.kind) {
    case "error":
      return problem(
        "error",
        "excel-error",
        cell,
        `${cell}“${col.zh}”是 Excel 错误值 ${shown}，应为数字。`,
        `${cell} (${col.en}) holds the Excel error ${shown}; a number belongs there.`,
      );
    case "date":
      return problem(
        "error",
        "date-not-number",
        cell,
        `${cell}“${col.zh}”是日期（${shown}），应为数字；请把单元格格式改为“常规”或“数值”。`,
        `${cell} (${col.en}) holds a date (${shown}); a number belongs there: set the cell's format to General or Number.`,
      );
    default:
      return problem(
        "error",
        "not-a-number",
        cell,
        `${cell}“${col.zh}”的内容“${shown}”不是数字。`,
        `${cell} (${col.en}) holds "${shown}", which is not a number.`,
      );
  }
}

function notText(
  reading: CellReading,
  cell: string,
  col: { zh: string; en: string },
  severity: Problem["severity"] = "error",
): Problem {
  const shown = shownValue(reading);
  return reading.kind === "error"
    ? problem(
        severity,
        "excel-error",
        cell,
        `${cell}“${col.zh}”是 Excel 错误值 ${shown}。`,
        `${cell} (${col.en}) holds the Excel error ${shown}.`,
      )
    : problem(
        severity,
        "not-text",
        cell,
        `${cell}“${col.zh}”的内容“${shown}”不是文字。`,
        `${cell} (${col.en}) holds "${shown}", which is not text.`,
      );
}
