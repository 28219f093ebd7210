/**
 * The tolerant reader of the school table (docs/school-table.md#columns): a grid of cells → school records + problems.
 * Host-neutral and total: any grid yields records or problems, never an exception.
 */
import type { Facilities, RecordSource, SchoolRecord, SchoolType, SectionTeachers } from "../engine/records";
import { COLUMNS, TEMPLATE_COLUMNS, type ColumnDefinition } from "../standard/columns";
import type { FacilityIndicatorId, Level, TeacherIndicatorId } from "../standard/indicators";
import { NATIONAL_2017 } from "../standard/national2017";
import type { Profile } from "../standard/profile";
import { readCell, readNumber, readText, shownValue, type CellReading } from "./cells";
import { columnLetters, parseAddress, sheetRef, type CellValue, type Grid } from "./grid";
import { equipmentUnitOf, matchHeader } from "./headers";
import type { Problem } from "./problems";
import { templateHeaderRow } from "./template";
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

/** docs/school-table.md#headers: the header is found within the first 10 rows. */
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
  const yuan = value * 10000;
  // a whole number of 元 below 10¹⁵ is exact already: toPrecision(15) would give it back unchanged
  if (Number.isInteger(yuan) && Math.abs(yuan) < 1e15) return yuan;
  return Number(yuan.toPrecision(15));
}

// ─── the grid, made total ────────────────────────────────────────────────────────────────────────────────────

/** Text of any value a host passes, without calling an object's own toString (which may be anything). */
function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" || typeof value === "function"
    ? Object.prototype.toString.call(value)
    : String(value);
}

/** The same as readCell(value).kind === "blank", without building a reading for the common kinds of cell. */
function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case "number":
    case "boolean":
      return false;
    case "string":
      return value.trim() === "";
    default:
      return readCell(value).kind === "blank";
  }
}

/** foldText of the text last folded: a row's name is folded by each test of the row (total, legend, note, name). */
let lastFolded = { text: "", folded: "" };
function foldedText(text: string): string {
  if (text !== lastFolded.text) lastFolded = { text, folded: foldText(text) };
  return lastFolded.folded;
}

/** Column letters by 0-based index, worked out once per process (every read names cells). */
const LETTERS: string[] = [];
function lettersOf(index: number): string {
  let letters = LETTERS[index];
  if (letters === undefined) {
    letters = columnLetters(index);
    if (index < MAX_COLUMNS * 2) LETTERS[index] = letters;
  }
  return letters;
}

/** Sheet names as the part of an address before the cell ('My sheet'!), by name: the functions read a sheet of
 * the same name on every call. */
const SHEET_REFS = new Map<string, string>();
function sheetPrefixOf(sheet: string): string {
  let ref = SHEET_REFS.get(sheet);
  if (ref === undefined) {
    ref = `${sheetRef(sheet)}!`;
    if (SHEET_REFS.size >= 256) SHEET_REFS.clear();
    SHEET_REFS.set(sheet, ref);
  }
  return ref;
}

const NO_HIDDEN_ROWS: ReadonlySet<number> = new Set();

class Sheet {
  readonly rows: readonly unknown[];
  readonly sheet: string;
  readonly topLeft: string;
  readonly hidden: ReadonlySet<number>;
  /** the sheet's part of an address with its "!" (学校!), and the origin of the grid in the sheet */
  readonly prefix: string;
  readonly originRow: number;
  readonly originCol: number;

  constructor(grid: Grid, problems: Problem[]) {
    const g: Partial<Grid> = grid && typeof grid === "object" ? grid : {};
    this.rows = Array.isArray(g.values) ? g.values : [];
    this.sheet = typeof g.sheet === "string" ? g.sheet : plainText(g.sheet);
    let topLeft = "A1";
    let originRow = 0;
    let originCol = 0;
    if (g.topLeft === "A1") {
      // the common case, as the functions and most hosts give it
    } else if (typeof g.topLeft === "string" && /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/u.test(g.topLeft.trim())) {
      const { row, col } = parseAddress(g.topLeft);
      if (row >= 0 && col >= 0) {
        topLeft = `${columnLetters(col)}${row + 1}`;
        originRow = row;
        originCol = col;
      }
    }
    if (
      g.topLeft !== undefined &&
      g.topLeft !== "A1" &&
      topLeft === "A1" &&
      !/^\$?A\$?1$/iu.test(plainText(g.topLeft).trim())
    ) {
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
    this.originRow = originRow;
    this.originCol = originCol;
    this.prefix = sheetPrefixOf(this.sheet);
    this.hidden = Array.isArray(g.hiddenRows)
      ? new Set(g.hiddenRows.filter((r) => typeof r === "number"))
      : NO_HIDDEN_ROWS;
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

  /** the column letters of grid column c in the sheet */
  letters(c: number): string {
    return lettersOf(this.originCol + c);
  }

  /** the same as cellAddress(grid, r, c), with the sheet's part and the column letters worked out once */
  address(r: number, c: number): string {
    return this.prefix + lettersOf(this.originCol + c) + (this.originRow + r + 1);
  }

  /** 1-based row number in the sheet */
  sheetRow(r: number): number {
    return this.originRow + r + 1;
  }

  text(r: number, c: number): string {
    const t = readText(this.value(r, c));
    return t.kind === "text" ? t.text : "";
  }

  isBlankRow(r: number): boolean {
    const row = this.row(r);
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
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

/**
 * A header cell's part of the key of its row: a text cell as it is (the same string reads the same), any other
 * cell by the text the reader takes from it; each part prefixed by its length so that no two rows share a key.
 */
function headerKeyOf(value: CellValue): string {
  if (typeof value === "string") return `s${value.length}:${value}`;
  const t = readText(value);
  const text = t.kind === "text" ? t.text : "";
  return `t${text.length}:${text}`;
}

/**
 * The last header rows read, by their cells: a function reads its row under the same header on every call, and
 * comparing the cells one by one is cheaper than building the key of their text. Only rows of plain values
 * (text, numbers, blanks) are compared: an object cell may have changed since.
 */
interface RecentHeader {
  h: number;
  twoRow: boolean;
  lower: readonly unknown[];
  upper: readonly unknown[] | null;
  reading: HeaderReading;
}
const RECENT_HEADERS: RecentHeader[] = [];
const RECENT_HEADERS_LIMIT = 4;

function samePlainRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== b[i] || (typeof v === "object" && v !== null)) return false;
  }
  return true;
}

function readHeaderCached(sheet: Sheet, h: number, twoRow: boolean): HeaderReading {
  const lower = sheet.row(h);
  const upper = twoRow ? sheet.row(h - 1) : null;
  for (const recent of RECENT_HEADERS) {
    if (
      recent.h === h &&
      recent.twoRow === twoRow &&
      samePlainRow(recent.lower, lower) &&
      (upper === null || (recent.upper !== null && samePlainRow(recent.upper, upper)))
    )
      return recent.reading;
  }
  const reading = readHeaderByKey(sheet, h, twoRow);
  if (RECENT_HEADERS.length >= RECENT_HEADERS_LIMIT) RECENT_HEADERS.pop();
  RECENT_HEADERS.unshift({ h, twoRow, lower: lower.slice(), upper: upper ? upper.slice() : null, reading });
  return reading;
}

function readHeaderByKey(sheet: Sheet, h: number, twoRow: boolean): HeaderReading {
  const width = Math.max(sheet.width(h), twoRow ? sheet.width(h - 1) : 0);
  let key = `${h}:${twoRow ? 2 : 1}`;
  for (let c = 0; c < width; c++) {
    key += headerKeyOf(sheet.value(h, c));
    if (twoRow) key += headerKeyOf(sheet.value(h - 1, c));
  }
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

const ABSENT: Field = { state: "absent" };

/**
 * What the header and the options decide for every row: the columns read and their cells' letters, the money
 * unit of each equipment column, the problems of the header itself. The functions read one row under the same
 * header on every call, so a plan is kept per header reading (read once per header text) and sheet.
 */
interface ColumnPlan {
  problems: Problem[];
  byId: Map<string, ColumnMatch>;
  columns: ColumnMatch[];
  unmatchedHeaders: ReadResult["unmatchedHeaders"];
  equipmentUnit: "万元" | "元";
  /** equipment columns read in 万元 (the others in 元) */
  inTenThousand: Set<string>;
  nameCol: number | undefined;
  typeCol: number | undefined;
  /** column ids of the columns read, in order */
  cellIds: string[];
  /** the sheet's part and the column letters of each cell's address (学校!C), and the cells of a row in order */
  cellPrefixes: string[];
  cellTemplate: Record<string, string>;
  /** the cells of the row read last, by its row number in the sheet (never handed out: records get copies) */
  lastRow: {
    rowNumber: number;
    cells: Readonly<Record<string, string>>;
    cellList: readonly string[];
    /** the fields of its blank cells, by index in the columns read: a field is never changed once made, so the
     * reads of the same row share them */
    blanks: (Field | undefined)[];
  } | null;
  /** each figure of FIGURE_IDS, where the table has its column: where it is, whether it counts people or rooms
   * (whole numbers), its index in the columns read */
  figureList: ({ col: number; whole: boolean; index: number } | undefined)[];
  /** required columns the table lacks whatever its rows hold (学校名称, 学校类型) */
  missing: string[];
}

const PLANS = new WeakMap<
  HeaderReading,
  { prefix: string; topLeft: string; unit: Profile["equipmentDefaultUnit"]; plan: ColumnPlan }[]
>();

type MappedCol = (id: string) => number | null | undefined;

function planColumns(
  sheet: Sheet,
  header: HeaderReading,
  mapping: Record<string, number | null>,
  mappedCol: MappedCol,
  profile: Profile,
): ColumnPlan {
  // without a mapping, the plan follows from the header reading, the sheet's addresses and the default unit
  if (Object.keys(mapping).length > 0) return planColumnsUncached(sheet, header, mapping, mappedCol, profile);
  const unit = profile.equipmentDefaultUnit;
  let plans = PLANS.get(header);
  if (plans) {
    for (const p of plans) {
      if (p.prefix === sheet.prefix && p.topLeft === sheet.topLeft && p.unit === unit) return p.plan;
    }
  } else {
    plans = [];
    PLANS.set(header, plans);
  }
  const plan = planColumnsUncached(sheet, header, mapping, mappedCol, profile);
  if (plans.length >= 64) plans.length = 0;
  plans.push({ prefix: sheet.prefix, topLeft: sheet.topLeft, unit, plan });
  return plan;
}

function planColumnsUncached(
  sheet: Sheet,
  header: HeaderReading,
  mapping: Record<string, number | null>,
  mappedCol: MappedCol,
  profile: Profile,
): ColumnPlan {
  const problems: Problem[] = [];
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

  // the equipment unit: its header says 万元 or 元; otherwise the profile's default (docs/standard.md#equipment-unit: 万元)
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
  const inTenThousand = new Set<string>();
  for (const id of EQUIPMENT_COLUMNS) {
    const u = unitOfColumn(id);
    if ((u === "万元" || u === "元" ? u : equipmentUnit) === "万元") inTenThousand.add(id);
  }
  for (const id of EQUIPMENT_COLUMNS) {
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

  const missing: string[] = [];
  for (const id of ["name", "type"]) if (!byId.has(id)) missing.push(id);
  return {
    problems,
    byId,
    columns,
    unmatchedHeaders,
    equipmentUnit,
    inTenThousand,
    nameCol: byId.get("name")?.col,
    typeCol: byId.get("type")?.col,
    cellIds: columns.map((c) => c.columnId),
    cellPrefixes: columns.map((c) => sheet.prefix + sheet.letters(c.col)),
    cellTemplate: Object.fromEntries(columns.map((c) => [c.columnId, ""])),
    lastRow: null,
    figureList: FIGURE_IDS.map((id) => {
      const index = columns.findIndex((c) => c.columnId === id);
      if (index < 0) return undefined;
      const kind = KIND_OF.get(id) ?? "count";
      return { col: columns[index].col, whole: kind === "count" || kind === "rooms", index };
    }),
    missing,
  };
}

const EQUIPMENT_COLUMNS = ["equipmentValue", "primaryEquipmentValue", "juniorEquipmentValue"] as const;
const KIND_OF = new Map(COLUMNS.map((c) => [c.id, c.kind]));

/** Reads a school table from a grid (docs/school-table.md#columns). Never throws. */
export function readSchoolTable(grid: Grid, options: ReadOptions = {}): ReadResult {
  return readTable(grid, options, true);
}

/**
 * The records and problems of a school table, exactly as readSchoolTable gives them, without the list of matched
 * and unmatched headers: the custom functions read one row per call and never show which header matched what.
 */
export function readSchoolRecords(
  grid: Grid,
  options: ReadOptions = {},
): Pick<ReadResult, "records" | "problems"> {
  return readTable(grid, options, false);
}

function readTable(grid: Grid, options: ReadOptions, withColumns: boolean): ReadResult {
  const problems: Problem[] = [];
  const sheet = new Sheet(grid, problems);
  const profile = options?.profile ?? NATIONAL_2017;
  const mapping = options?.mapping && typeof options.mapping === "object" ? options.mapping : {};
  const mappedCol: MappedCol = (id) => {
    if (!Object.prototype.hasOwnProperty.call(mapping, id)) return undefined;
    const target = mapping[id];
    if (target === null) return null;
    return typeof target === "number" && Number.isInteger(target) && target >= 0 && target < MAX_COLUMNS
      ? target
      : undefined;
  };

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
    return {
      records: [],
      problems,
      headerRow: null,
      columns: [],
      unmatchedHeaders: [],
      equipmentUnit: profile.equipmentDefaultUnit,
      rows: [],
    };
  }
  const headerRow = header.row;
  const plan = planColumns(sheet, header, mapping, mappedCol, profile);
  // a plan may be shared by many reads: each read hands out its own copies
  for (const p of plan.problems) problems.push({ ...p, message: { ...p.message } });
  const columns: ColumnMatch[] = withColumns
    ? plan.columns.map((c) => ({ columnId: c.columnId, col: c.col, header: c.header, cell: c.cell }))
    : [];
  const unmatchedHeaders = withColumns
    ? plan.unmatchedHeaders.map((h) => ({ header: h.header, col: h.col, cell: h.cell }))
    : [];
  const nameCol = plan.nameCol;

  const dataRows = findDataRows(sheet, headerRow, nameCol, problems);
  const reading: TableReading = {
    sheet,
    profile,
    plan,
    problems,
    missingColumns: plan.missing.length === 0 ? [] : [...new Set(plan.missing)],
    records: [],
    rows: [],
    firstRowOfName: new Map(),
    parentChecks: [],
  };
  for (const r of dataRows) readDataRow(reading, r);
  const records = reading.records;

  // teaching points and their parent schools (所属学校)
  for (const check of reading.parentChecks) {
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
    const found = reading.firstRowOfName.get(foldText(record.parent));
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

  for (const id of reading.missingColumns) {
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

  return {
    records,
    problems,
    headerRow,
    columns,
    unmatchedHeaders,
    equipmentUnit: plan.equipmentUnit,
    rows: reading.rows,
  };
}

/** The data rows: up to a total row, a note, or the first fully blank row. */
function findDataRows(
  sheet: Sheet,
  headerRow: number,
  nameCol: number | undefined,
  problems: Problem[],
): number[] {
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
      const firstCol = sheet.row(r).findIndex((v) => !isBlank(v));
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
  return dataRows;
}

/** The state of one read of a table, shared by the steps that read its rows. */
interface TableReading {
  sheet: Sheet;
  profile: Profile;
  plan: ColumnPlan;
  problems: Problem[];
  /** without repeats, in the order first found (an array: most reads find none, and a Set costs more to make) */
  missingColumns: string[];
  records: SchoolRecord[];
  rows: number[];
  firstRowOfName: Map<string, { cell: string; name: string }>;
  parentChecks: { index: number; cell: string | null; nameCell: string }[];
}

/** One data row being read: its grid row and the address of each of its cells, by column id. */
interface RowReading {
  table: TableReading;
  r: number;
  cells: Record<string, string>;
  /** the same addresses in the order of the columns read */
  cellList: readonly string[];
  /** the fields of blank cells, by the same order (shared by the reads of rows with the same number) */
  blanks: (Field | undefined)[];
}

function blankField(row: RowReading, index: number, cell: string): Field {
  return (row.blanks[index] ??= { state: "blank", cell });
}

/**
 * What the reader takes from a cell where a number belongs (docs/school-table.md#figures: blank, a number, a number written as text)
 * when it has nothing to report about it: the number, made whole where people or rooms are counted; NaN for a
 * blank cell; undefined for a cell it reports (not a number, negative, a fractional count: see figureProblem).
 */
function plainFigure(raw: unknown, whole: boolean): number | undefined {
  let value: number;
  if (typeof raw === "number" && Number.isFinite(raw)) value = raw;
  else if (raw === null || raw === undefined) return NaN;
  else {
    const reading = readNumber(raw);
    if (reading.kind === "blank") return NaN;
    if (reading.kind === "notNumber") return undefined;
    value = reading.value;
  }
  if (value < 0) return undefined;
  if (whole) {
    const rounded = Math.round(value);
    if (Math.abs(value - rounded) > 1e-9) return undefined;
    value = rounded;
  }
  return value;
}

/** The problem of a cell that plainFigure does not take. */
function figureProblem(raw: unknown, id: string, cell: string): Problem {
  const reading = readNumber(raw);
  const name = columnName(id);
  if (reading.kind === "notNumber") return notANumber(reading.cell, cell, name);
  const value = reading.kind === "number" ? reading.value : 0;
  if (value < 0) {
    return problem(
      "error",
      "negative-number",
      cell,
      `${cell}“${name.zh}”为负数（${value}），应不小于 0。`,
      `${cell} (${name.en}) is negative (${value}); it must be 0 or more.`,
    );
  }
  return problem(
    "error",
    "fractional-count",
    cell,
    `${cell}“${name.zh}”为 ${value}，人数和间数应为整数。`,
    `${cell} (${name.en}) is ${value}; counts of people and rooms are whole numbers.`,
  );
}

/** A cell where a number belongs, checked for its kind. */
function num(row: RowReading, figure: number): Field {
  const { table, r } = row;
  const column = table.plan.figureList[figure];
  if (column === undefined) return ABSENT;
  const cell = row.cellList[column.index];
  const raw = table.sheet.value(r, column.col);
  const value = plainFigure(raw, column.whole);
  if (value === undefined) {
    table.problems.push(figureProblem(raw, FIGURE_IDS[figure], cell));
    return { state: "invalid", cell };
  }
  if (Number.isNaN(value)) return blankField(row, column.index, cell);
  return { state: "ok", cell, value };
}

function noteMissing(table: TableReading, id: string): void {
  if (!table.missingColumns.includes(id)) table.missingColumns.push(id);
}

function valueOf(f: Field): number | undefined {
  return f.state === "ok" ? f.value : undefined;
}

function blankRequired(table: TableReading, id: string, f: Field, why: { zh: string; en: string }): void {
  if (f.state === "absent") noteMissing(table, id);
  else if (f.state === "blank") {
    const name = columnName(id);
    table.problems.push(
      problem(
        "error",
        "blank-required",
        f.cell,
        `${f.cell}“${name.zh}”为空，${why.zh}。`,
        `${f.cell} (${name.en}) is blank; ${why.en}.`,
      ),
    );
  }
}

/** What the figures of a row read as: their fields (for problems and cells) and values. */
interface RowFigures {
  studentField: Record<EnrolmentLevel, Field>;
  students: Record<EnrolmentLevel, number>;
  /** per section (LEVELS_OF_SECTIONS), per teacher indicator (TEACHER_IDS) */
  teacherFields: Field[][];
  teachers: Record<Level, SectionTeachers>;
  /** per FACILITY_IDS */
  facilityFields: Field[];
  wholeFacilities: (number | undefined)[];
  sectionGiven: boolean[];
  sectionFacilities: Partial<Record<Level, Facilities>>;
}

/**
 * The addresses of the cells of a row, by its number in the sheet. The functions read row 2 of their argument on
 * every call: its addresses are the plan's last ones. Each record gets its own copy of the cells all the same.
 */
function rowCells(plan: ColumnPlan, rowNumber: number): NonNullable<ColumnPlan["lastRow"]> {
  let last = plan.lastRow;
  if (last === null || last.rowNumber !== rowNumber) {
    // a copy of the plan's cells in their order, then each address filled in: no new shape per row
    const cells: Record<string, string> = { ...plan.cellTemplate };
    const { cellIds, cellPrefixes } = plan;
    const suffix = String(rowNumber);
    const cellList: string[] = new Array(cellIds.length);
    for (let i = 0; i < cellIds.length; i++) {
      const cell = cellPrefixes[i] + suffix;
      cellList[i] = cell;
      cells[cellIds[i]] = cell;
    }
    last = { rowNumber, cells, cellList, blanks: new Array<Field | undefined>(cellIds.length) };
    plan.lastRow = last;
  }
  return last;
}

function readDataRow(table: TableReading, r: number): void {
  const { sheet, plan, problems } = table;
  const rowNumber = sheet.sheetRow(r);
  const last = rowCells(plan, rowNumber);
  const cells: Record<string, string> = { ...last.cells };
  const row: RowReading = { table, r, cells, cellList: last.cellList, blanks: last.blanks };
  const nameCol = plan.nameCol;

  if (sheet.hidden.has(r)) {
    problems.push(
      problem(
        "warning",
        "hidden-row",
        sheet.address(r, nameCol ?? 0),
        `第 ${rowNumber} 行是隐藏行，仍已读取。`,
        `Row ${rowNumber} is hidden; it was read all the same.`,
      ),
    );
  }

  const name = readName(row);
  const type = readType(row);
  const locale = readLocale(row);
  let parent: string | undefined;
  const parentCol = plan.byId.get("parent")?.col;
  if (parentCol !== undefined) {
    const t = readText(sheet.value(r, parentCol));
    if (t.kind === "text") parent = t.text;
    else if (t.kind === "notText") {
      problems.push(notText(t.cell, sheet.address(r, parentCol), columnName("parent"), "warning"));
    }
  }

  const figures = readFigures(row);
  if (type) checkAgainstType(row, type, figures);

  const guarantee: (number | undefined)[] = new Array(GUARANTEE_FIGURES.length);
  const largestFields: Field[] = new Array(LARGEST_CLASS_FIGURES.length);
  for (let i = 0; i < GUARANTEE_FIGURES.length; i++) {
    const f = num(row, GUARANTEE_FIGURES[i]);
    guarantee[i] = valueOf(f);
    if (i >= LARGEST_CLASS_AT) largestFields[i - LARGEST_CLASS_AT] = f;
  }
  for (let i = 0; i < LARGEST_CLASS_KEYS.length; i++) {
    const f = largestFields[i];
    if (f.state === "ok" && f.value > IMPLAUSIBLE.largestClass) {
      problems.push(
        implausible(
          f.cell,
          columnName(`${LARGEST_CLASS_KEYS[i]}LargestClass`),
          f.value,
          `超过 ${IMPLAUSIBLE.largestClass} 人`,
          `above ${IMPLAUSIBLE.largestClass}`,
        ),
      );
    }
  }
  const indoor = valueOf(num(row, FIGURE.indoorSportsArea));

  if (name === null || type === null) return;

  const facilities = checkPlausibility(row, name, figures);
  const record = schoolRecord({
    name,
    type,
    locale,
    parent,
    students: figures.students,
    teachers: figures.teachers,
    facilities,
    sectionFacilities: figures.sectionFacilities,
    indoor,
    guarantee,
    source: { sheet: sheet.sheet, row: rowNumber, cells },
  });
  if (type === "teachingPoint" || parent !== undefined) {
    table.parentChecks.push({
      index: table.records.length,
      cell: cells.parent ?? null,
      nameCell: sheet.address(r, nameCol ?? 0),
    });
  }
  table.records.push(record);
  table.rows.push(r);
}

/** What a row's record is made of, however the row was read. */
interface RecordParts {
  name: string;
  type: SchoolType;
  locale: SchoolRecord["locale"];
  parent: string | undefined;
  students: SchoolRecord["students"];
  teachers: SchoolRecord["teachers"];
  facilities: Facilities;
  sectionFacilities: Partial<Record<Level, Facilities>>;
  indoor: number | undefined;
  /** the figures of GUARANTEE_FIGURES, undefined where blank */
  guarantee: readonly (number | undefined)[];
  source: RecordSource;
}

/**
 * A row's record, its members always in the same order. The guarantee items (docs/standard.md#guarantee) keep a blank as
 * undefined, so that the item is "missing", not failing.
 */
function schoolRecord(parts: RecordParts): SchoolRecord {
  const { locale, parent, guarantee, sectionFacilities, indoor } = parts;
  const record = { name: parts.name, type: parts.type } as SchoolRecord;
  if (locale) record.locale = locale;
  if (parent !== undefined) record.parent = parent;
  record.students = parts.students;
  const primaryClasses = guarantee[0];
  const juniorClasses = guarantee[1];
  if (primaryClasses !== undefined || juniorClasses !== undefined) {
    const classes: NonNullable<SchoolRecord["classes"]> = {};
    if (primaryClasses !== undefined) classes.primary = primaryClasses;
    if (juniorClasses !== undefined) classes.junior = juniorClasses;
    record.classes = classes;
  }
  record.teachers = parts.teachers;
  record.facilities = parts.facilities;
  if (sectionFacilities.primary || sectionFacilities.junior) record.sectionFacilities = sectionFacilities;
  if (indoor !== undefined) record.indoorSportsArea = indoor;
  const music = guarantee[2];
  const art = guarantee[3];
  const smallestMusic = guarantee[4];
  const smallestArt = guarantee[5];
  if (music !== undefined || art !== undefined || smallestMusic !== undefined || smallestArt !== undefined) {
    const rooms: NonNullable<SchoolRecord["rooms"]> = {};
    if (music !== undefined) rooms.music = music;
    if (art !== undefined) rooms.art = art;
    if (smallestMusic !== undefined) rooms.smallestMusic = smallestMusic;
    if (smallestArt !== undefined) rooms.smallestArt = smallestArt;
    record.rooms = rooms;
  }
  let largestClass: SchoolRecord["largestClass"];
  for (let i = 0; i < LARGEST_CLASS_KEYS.length; i++) {
    const v = guarantee[LARGEST_CLASS_AT + i];
    if (v === undefined) continue;
    largestClass ??= {};
    largestClass[LARGEST_CLASS_KEYS[i]] = v;
  }
  if (largestClass) record.largestClass = largestClass;
  record.source = parts.source;
  return record;
}

const LARGEST_CLASS_KEYS = ["primary", "junior", "grade1", "grade7"] as const;

/** School types and locales as written: a county writes the same few words in every row. */
const SCHOOL_TYPES = new Map<string, SchoolType | null>();
const LOCALES = new Map<string, SchoolRecord["locale"] | null>();
function remembered<T>(known: Map<string, T>, text: string, parse: (text: string) => T): T {
  let value = known.get(text);
  if (value === undefined && !known.has(text)) {
    value = parse(text);
    if (known.size >= 256) known.clear();
    known.set(text, value);
  }
  return value as T;
}

/** The columns where a number belongs, numbered: a row's figures are found by number, not by name. */
const FIGURE_IDS: readonly string[] = [
  ...Object.values(STUDENT_COLUMNS),
  ...LEVELS_OF_SECTIONS.flatMap((level) => TEACHER_IDS.map((t) => TEACHER_COLUMNS[level][t])),
  ...FACILITY_IDS.map((f) => FACILITY_COLUMNS[f]),
  ...LEVELS_OF_SECTIONS.flatMap((level) => FACILITY_IDS.map((f) => SECTION_FACILITY_COLUMNS[level][f])),
  "primaryClasses",
  "juniorClasses",
  "musicRooms",
  "artRooms",
  "smallestMusicRoom",
  "smallestArtRoom",
  ...LARGEST_CLASS_KEYS.map((key) => `${key}LargestClass`),
  "indoorSportsArea",
];
const FIGURE: Record<string, number> = Object.fromEntries(FIGURE_IDS.map((id, i) => [id, i]));
const FACILITY_FIGURES = FACILITY_IDS.map((f) => FIGURE[FACILITY_COLUMNS[f]]);
const SECTION_FACILITY_FIGURES: Record<Level, number[]> = {
  primary: FACILITY_IDS.map((f) => FIGURE[SECTION_FACILITY_COLUMNS.primary[f]]),
  junior: FACILITY_IDS.map((f) => FIGURE[SECTION_FACILITY_COLUMNS.junior[f]]),
};
const LARGEST_CLASS_FIGURES = LARGEST_CLASS_KEYS.map((key) => FIGURE[`${key}LargestClass`]);
/** The guarantee items' figures (docs/standard.md#guarantee-3, docs/standard.md#guarantee-5) in the order a row's are read: classes, rooms, then
 * the largest classes from LARGEST_CLASS_AT on. */
const GUARANTEE_FIGURES: readonly number[] = [
  FIGURE.primaryClasses,
  FIGURE.juniorClasses,
  FIGURE.musicRooms,
  FIGURE.artRooms,
  FIGURE.smallestMusicRoom,
  FIGURE.smallestArtRoom,
  ...LARGEST_CLASS_FIGURES,
];
const LARGEST_CLASS_AT = 6;

function readName(row: RowReading): string | null {
  const { table, r } = row;
  const nameCol = table.plan.nameCol;
  if (nameCol === undefined) return null;
  const { problems } = table;
  const cell = row.cells.name;
  const t = readText(table.sheet.value(r, nameCol));
  let name: string | null = null;
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
    const key = foldedText(name);
    const first = table.firstRowOfName.get(key);
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
    } else table.firstRowOfName.set(key, { cell, name });
  }
  return name;
}

function readType(row: RowReading): SchoolType | null {
  const { table, r } = row;
  const typeCol = table.plan.typeCol;
  if (typeCol === undefined) return null;
  const { problems } = table;
  const cell = row.cells.type;
  const t = readText(table.sheet.value(r, typeCol));
  let type: SchoolType | null = null;
  if (t.kind === "text") {
    type = remembered(SCHOOL_TYPES, t.text, parseSchoolType);
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
  return type;
}

/** 城乡类型: optional text; a word the reader does not know is a warning and ignored. */
function readLocale(row: RowReading): SchoolRecord["locale"] {
  const { table, r } = row;
  const localeCol = table.plan.byId.get("locale")?.col;
  if (localeCol === undefined) return undefined;
  const cell = row.cells.locale;
  const t = readText(table.sheet.value(r, localeCol));
  let locale: SchoolRecord["locale"];
  if (t.kind === "text") {
    locale = remembered(LOCALES, t.text, parseLocale) ?? undefined;
    if (!locale) {
      table.problems.push(
        problem(
          "warning",
          "unknown-locale",
          cell,
          `${cell}城乡类型“${t.text}”无法识别（应为城区、镇区或乡村），已忽略。`,
          `${cell}: the locale "${t.text}" is not known (use 城区, 镇区 or 乡村); ignored.`,
        ),
      );
    }
  } else if (t.kind === "notText")
    table.problems.push(notText(t.cell, cell, columnName("locale"), "warning"));
  return locale;
}

/** A figure in money, in 元 whatever the unit of its column. */
function moneyOf(plan: ColumnPlan, f: Field, id: string): number | undefined {
  const v = valueOf(f);
  return v === undefined ? undefined : plan.inTenThousand.has(id) ? tenThousand(v) : v;
}

/** Enrolment, teachers per section, facilities for the whole school and per section where the workbook gives them. */
function readFigures(row: RowReading): RowFigures {
  const { table } = row;
  const { problems, plan } = table;
  // enrolment
  const studentField: Record<EnrolmentLevel, Field> = {
    primary: num(row, FIGURE.primaryStudents),
    junior: num(row, FIGURE.juniorStudents),
    senior: num(row, FIGURE.seniorStudents),
  };
  const students = {
    primary: valueOf(studentField.primary) ?? 0,
    junior: valueOf(studentField.junior) ?? 0,
    senior: valueOf(studentField.senior) ?? 0,
  };
  for (const level of ENROLMENT_ORDER) {
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
  const teacherFields: Field[][] = [];
  for (const level of LEVELS_OF_SECTIONS) {
    const ids = TEACHER_COLUMNS[level];
    teacherFields.push([
      num(row, FIGURE[ids.qualifiedTeachers]),
      num(row, FIGURE[ids.keyTeachers]),
      num(row, FIGURE[ids.peArtTeachers]),
    ]);
  }
  const teachers = {} as Record<Level, SectionTeachers>;
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const fields = teacherFields[l];
    teachers[LEVELS_OF_SECTIONS[l]] = {
      qualifiedTeachers: valueOf(fields[0]) ?? 0,
      keyTeachers: valueOf(fields[1]) ?? 0,
      peArtTeachers: valueOf(fields[2]) ?? 0,
    };
  }

  // facilities: whole school, and per section where the workbook gives them
  // loops rather than maps of closures: every call of a custom function reads one row
  const facilityFields: Field[] = new Array(FACILITY_FIGURES.length);
  for (let i = 0; i < FACILITY_FIGURES.length; i++) facilityFields[i] = num(row, FACILITY_FIGURES[i]);
  const sectionFields: Field[][] = new Array(LEVELS_OF_SECTIONS.length);
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const figures = SECTION_FACILITY_FIGURES[LEVELS_OF_SECTIONS[l]];
    const fields: Field[] = new Array(figures.length);
    for (let i = 0; i < figures.length; i++) fields[i] = num(row, figures[i]);
    sectionFields[l] = fields;
  }
  const money = (f: Field, id: string): number | undefined => moneyOf(plan, f, id);
  const wholeFacilities: (number | undefined)[] = new Array(FACILITY_IDS.length);
  for (let i = 0; i < FACILITY_IDS.length; i++) {
    wholeFacilities[i] =
      FACILITY_IDS[i] === "equipmentValue"
        ? moneyOf(plan, facilityFields[i], "equipmentValue")
        : valueOf(facilityFields[i]);
  }
  const sectionGiven: boolean[] = [];
  const sectionFacilities: Partial<Record<Level, Facilities>> = {};
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const level = LEVELS_OF_SECTIONS[l];
    const fields = sectionFields[l];
    const given = fields.some((f) => f.state === "ok" || f.state === "invalid");
    sectionGiven.push(given);
    if (!given) continue;
    const values = {} as Facilities;
    let complete = true;
    for (let i = 0; i < FACILITY_IDS.length; i++) {
      const f = FACILITY_IDS[i];
      const id = SECTION_FACILITY_COLUMNS[level][f];
      const field = fields[i];
      const v = f === "equipmentValue" ? money(field, id) : valueOf(field);
      if (v === undefined) {
        complete = false;
        if (field.state === "absent" || field.state === "blank") {
          const col = columnName(id);
          // a missing column is named at the cell where this section's facilities were given
          const givenCell = fields.find((g) => g.state === "ok" || g.state === "invalid");
          const cell =
            field.state === "blank" ? field.cell : givenCell && "cell" in givenCell ? givenCell.cell : null;
          const rowNumber = table.sheet.sheetRow(row.r);
          problems.push(
            problem(
              "error",
              "section-facilities-incomplete",
              cell,
              `${cell ?? `第 ${rowNumber} 行`}：按学段填报设施时四项须齐全，缺少“${col.zh}”${field.state === "absent" ? "列" : ""}。`,
              `${cell ?? `Row ${rowNumber}`}: facilities given per section need all four figures; ${col.en} is ${field.state === "absent" ? "not a column of the table" : "blank"}.`,
            ),
          );
        }
      } else values[f] = v;
    }
    if (complete) sectionFacilities[level] = values;
  }
  return {
    studentField,
    students,
    teacherFields,
    teachers,
    facilityFields,
    wholeFacilities,
    sectionGiven,
    sectionFacilities,
  };
}

const ENROLMENT_ORDER = ["primary", "junior", "senior"] as const;
const FACILITIES_WHY = {
  zh: "校舍和设备数据每校必填（没有请填 0）",
  en: "every school reports its buildings and equipment (0 if none)",
};

/** Special-education and vocational schools the profile leaves out (docs/standard.md#scope) need no teachers or facilities. */
function isExcludedType(type: SchoolType, profile: Profile): boolean {
  return (
    (type === "special" && profile.exclusions.specialEducation) ||
    (type === "vocational" && profile.exclusions.vocational)
  );
}

/** The rest of the row follows the school type: enrolment it may (and must) have, teachers, facilities. */
function checkAgainstType(row: RowReading, type: SchoolType, figures: RowFigures): void {
  const { table } = row;
  const { problems, profile } = table;
  const { studentField, students } = figures;
  const excluded = isExcludedType(type, profile);

  for (const level of ENROLMENT_ORDER) {
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
      if (f.state === "absent") noteMissing(table, id);
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
    } else if (f.state === "absent" || f.state === "blank") {
      // the reason is worded only for a cell that needs it
      blankRequired(table, id, f, {
        zh: `${typeWord(type)}须填写在校生数`,
        en: `a ${typeWordEn(type)} must report its enrolment`,
      });
    }
  }
  if (excluded) return;

  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const level = LEVELS_OF_SECTIONS[l];
    // a level the type cannot have is reported once, as a contradiction, not again for its teachers
    if (!(students[level] > 0) || !ENROLMENT_LEVELS[type].includes(level)) continue;
    for (let t = 0; t < TEACHER_IDS.length; t++) {
      const id = TEACHER_COLUMNS[level][TEACHER_IDS[t]];
      const f = figures.teacherFields[l][t];
      if (f.state === "absent") noteMissing(table, id);
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
  let sections = 0;
  let allGiven = true;
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const level = LEVELS_OF_SECTIONS[l];
    if (!(students[level] > 0 || REQUIRED_ENROLMENT[type].includes(level))) continue;
    sections++;
    if (!figures.sectionGiven[l]) allGiven = false;
  }
  if (!(sections > 0 && allGiven)) {
    for (let i = 0; i < FACILITY_IDS.length; i++) {
      blankRequired(table, FACILITY_COLUMNS[FACILITY_IDS[i]], figures.facilityFields[i], FACILITIES_WHY);
    }
  }
}

/** The school's facilities (whole school, or the sum of its sections), warned about where no school reports them. */
function checkPlausibility(row: RowReading, name: string, figures: RowFigures): Facilities {
  const { table, cells } = row;
  const { problems, profile, plan } = table;
  const { students, sectionFacilities, facilityFields } = figures;
  const equipmentUnit = plan.equipmentUnit;
  const totalStudents = students.primary + students.junior + students.senior;
  const facilities = {} as Facilities;
  for (let i = 0; i < FACILITY_IDS.length; i++) {
    const f = FACILITY_IDS[i];
    let v = figures.wholeFacilities[i];
    if (v === undefined) {
      const p = sectionFacilities.primary;
      const j = sectionFacilities.junior;
      if (p || j) {
        v = 0;
        if (p) v += p[f];
        if (j) v += j[f];
      }
    }
    facilities[f] = v ?? 0;
  }

  if (totalStudents > 0) {
    for (let i = 0; i < AREA_CHECKS.length; i++) {
      const [f, limit] = AREA_CHECKS[i];
      const perStudent = facilities[f] / totalStudents;
      if (perStudent > limit) {
        const cell =
          facilityFields[FACILITY_IDS.indexOf(f)].state === "ok"
            ? (cells[FACILITY_COLUMNS[f]] ?? null)
            : (cells[SECTION_FACILITY_COLUMNS.primary[f]] ?? null);
        const col = columnName(FACILITY_COLUMNS[f]);
        problems.push(
          problem(
            "warning",
            "implausible-value",
            cell,
            `${cell ?? name}：“${col.zh}”折合生均 ${round(perStudent)} ㎡，超过 ${limit} ㎡，请核对。`,
            `${cell ?? name}: ${col.en} comes to ${round(perStudent)} m² per student, above ${limit} m²; please check.`,
          ),
        );
      }
    }
    const equipment = facilities.equipmentValue;
    const perStudent = equipment / totalStudents;
    if (
      (equipment > 0 && perStudent < profile.equipmentImplausibleBelow) ||
      perStudent > IMPLAUSIBLE.equipmentPerStudentAbove
    ) {
      const equipmentCell =
        facilityFields[FACILITY_IDS.indexOf("equipmentValue")].state === "ok"
          ? (cells.equipmentValue ?? null)
          : (cells.primaryEquipmentValue ?? cells.juniorEquipmentValue ?? null);
      const per = round(perStudent);
      if (equipment > 0 && perStudent < profile.equipmentImplausibleBelow) {
        problems.push(
          problem(
            "warning",
            "equipment-implausible",
            equipmentCell,
            `${equipmentCell ?? name}：按单位“${equipmentUnit}”读取，生均教学仪器设备值仅 ${per} 元，低于 ${profile.equipmentImplausibleBelow} 元；${equipmentUnit === "元" ? "该列可能以万元填报，请在表头注明（万元）" : "请核对数值和单位"}。`,
            `${equipmentCell ?? name}: read in ${equipmentUnit === "元" ? "yuan" : "10k yuan"}, the equipment value is only ${per} yuan per student, below ${profile.equipmentImplausibleBelow}; ${equipmentUnit === "元" ? "the column is probably in 万元 (10k yuan): say so in its header" : "please check the figure and its unit"}.`,
          ),
        );
      } else {
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
  }
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const level = LEVELS_OF_SECTIONS[l];
    for (let t = 0; t < TEACHER_IDS.length; t++) {
      const f = figures.teacherFields[l][t];
      if (f.state === "ok" && students[level] > 0 && f.value > students[level]) {
        const col = columnName(TEACHER_COLUMNS[level][TEACHER_IDS[t]]);
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
  return facilities;
}

const AREA_CHECKS: readonly (readonly [FacilityIndicatorId, number])[] = [
  ["teachingArea", IMPLAUSIBLE.teachingAreaPerStudent],
  ["sportsArea", IMPLAUSIBLE.sportsAreaPerStudent],
];

// ─── one row of the template ─────────────────────────────────────────────────────────────────────────────────

/** The reader's plan of the template's header (docs/school-table.md#headers) on a sheet, and the columns readTemplateRow reads. */
interface TemplatePlan {
  sheet: string;
  unit: "万元" | "元";
  /** null when the plan is not the one readTemplateRow relies on (then every row goes to the reader) */
  plan: ColumnPlan | null;
  nameCol: number;
  typeCol: number;
  localeCol: number | undefined;
  parentCol: number | undefined;
}
const TEMPLATE_PLANS: TemplatePlan[] = [];

function templatePlan(sheetName: string, unit: "万元" | "元", profile: Profile): TemplatePlan {
  for (const t of TEMPLATE_PLANS) if (t.sheet === sheetName && t.unit === unit) return t;
  const problems: Problem[] = [];
  const sheet = new Sheet({ sheet: sheetName, topLeft: "A1", values: [templateHeaderRow(unit)] }, problems);
  const plan = planColumns(sheet, readHeaderByKey(sheet, 0, false), {}, () => undefined, profile);
  // what readTemplateRow relies on: a header with nothing to report, in the unit asked for, whose columns are the
  // template's and no others (no facilities per section, no indoor sports area), each in its place
  const fits =
    problems.length === 0 &&
    plan.problems.length === 0 &&
    plan.equipmentUnit === unit &&
    plan.columns.length === TEMPLATE_COLUMNS.length &&
    plan.columns.every((c) => TEMPLATE_COLUMNS[c.col].id === c.columnId);
  const t: TemplatePlan = {
    sheet: sheetName,
    unit,
    plan: fits ? plan : null,
    nameCol: plan.nameCol ?? 0,
    typeCol: plan.typeCol ?? 0,
    localeCol: plan.byId.get("locale")?.col,
    parentCol: plan.byId.get("parent")?.col,
  };
  if (TEMPLATE_PLANS.length >= 16) TEMPLATE_PLANS.length = 0;
  TEMPLATE_PLANS.push(t);
  return t;
}

/** Text of a cell where text belongs: "" when blank, undefined when it is no text (a boolean, an error, a date). */
function textOf(value: unknown): string | undefined {
  const t = readText(value);
  return t.kind === "text" ? t.text : t.kind === "blank" ? "" : undefined;
}

/** The figures of the row readTemplateRow reads, by FIGURE_IDS, NaN where blank: one array for every call. */
const TEMPLATE_FIGURES = new Float64Array(FIGURE_IDS.length);
/** by ENROLMENT_ORDER, whose first two are LEVELS_OF_SECTIONS */
const STUDENT_FIGURES = ENROLMENT_ORDER.map((level) => FIGURE[STUDENT_COLUMNS[level]]);
const TEACHER_FIGURES = LEVELS_OF_SECTIONS.map((level) =>
  TEACHER_IDS.map((t) => FIGURE[TEACHER_COLUMNS[level][t]]),
);
const NO_SECTION_FACILITIES: Partial<Record<Level, Facilities>> = Object.freeze({});
const orZero = (figure: number): number => (Number.isNaN(figure) ? 0 : figure);

/** The teachers of the section LEVELS_OF_SECTIONS[l] from a row's figures. */
function teachersOf(figures: Float64Array, l: number): SectionTeachers {
  const [qualified, key, peArt] = TEACHER_FIGURES[l];
  return {
    qualifiedTeachers: orZero(figures[qualified]),
    keyTeachers: orZero(figures[key]),
    peArtTeachers: orZero(figures[peArt]),
  };
}

/**
 * One row of the template (docs/school-table.md#columns), in its column order, read as readSchoolRecords reads it as the second row
 * of a grid at A1 under templateHeaderRow(equipmentUnit): the same record, built without the table's header, rows
 * and problems. It answers only for a row of plain cells, where the reader reports no error: a name that is not a
 * total or a legend, a known school type, a known locale or none, the parent school blank or another school's name,
 * numbers (or numbers as text) that are finite, not negative and whole where people or rooms are counted, and
 * blanks only where the school type leaves a cell optional. For any other row it answers undefined, and the caller
 * reads the row with readSchoolRecords, which reports every problem with its cell. Warnings are not looked for: they
 * block nothing and change no record of such a row. The custom functions read one row on every call.
 */
export function readTemplateRow(
  row: readonly CellValue[],
  options: { sheet: string; equipmentUnit: "万元" | "元"; profile: Profile },
): SchoolRecord | undefined {
  const { profile } = options;
  const t = templatePlan(options.sheet, options.equipmentUnit, profile);
  const plan = t.plan;
  if (plan === null || row.length > TEMPLATE_COLUMNS.length) return undefined;

  // a row the reader skips (a total, a legend under the header) or reports (no name, an unknown type)
  const name = textOf(row[t.nameCol]);
  if (!name) return undefined;
  const folded = foldedText(name);
  if (TOTAL_ROW.test(folded) || LEGEND_NAMES.has(folded)) return undefined;
  const typeText = textOf(row[t.typeCol]);
  if (!typeText) return undefined;
  const type = remembered(SCHOOL_TYPES, typeText, parseSchoolType);
  if (!type) return undefined;
  let locale: SchoolRecord["locale"];
  if (t.localeCol !== undefined) {
    const text = textOf(row[t.localeCol]);
    if (text === undefined) return undefined;
    if (text) {
      locale = remembered(LOCALES, text, parseLocale) ?? undefined;
      if (!locale) return undefined;
    }
  }
  let parent: string | undefined;
  if (t.parentCol !== undefined) {
    const text = textOf(row[t.parentCol]);
    // a school named as its own parent is spelt as its name by the reader
    if (text === undefined || (text && foldText(text) === folded)) return undefined;
    if (text) parent = text;
  }

  const figures = TEMPLATE_FIGURES;
  const list = plan.figureList;
  for (let i = 0; i < list.length; i++) {
    const column = list[i];
    if (column === undefined) {
      figures[i] = NaN;
      continue;
    }
    const value = plainFigure(row[column.col], column.whole);
    if (value === undefined) return undefined;
    figures[i] = value;
  }

  // what checkAgainstType reports: enrolment the type cannot have, or that it needs and lacks; blank teachers of
  // a section with students; blank facilities of a school the profile evaluates
  const may = ENROLMENT_LEVELS[type];
  const must = REQUIRED_ENROLMENT[type];
  const combined = isCombinedSchool(type);
  for (let e = 0; e < ENROLMENT_ORDER.length; e++) {
    const level = ENROLMENT_ORDER[e];
    const v = figures[STUDENT_FIGURES[e]];
    if (v > 0 && !may.includes(level)) return undefined;
    if (must.includes(level) && (Number.isNaN(v) || (combined && v === 0))) return undefined;
  }
  if (!isExcludedType(type, profile)) {
    for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
      if (!(figures[STUDENT_FIGURES[l]] > 0)) continue;
      for (const figure of TEACHER_FIGURES[l]) if (Number.isNaN(figures[figure])) return undefined;
    }
    for (const figure of FACILITY_FIGURES) if (Number.isNaN(figures[figure])) return undefined;
  }

  const equipment = orZero(figures[FIGURE.equipmentValue]);
  const guarantee: (number | undefined)[] = new Array(GUARANTEE_FIGURES.length);
  for (let i = 0; i < GUARANTEE_FIGURES.length; i++) {
    const v = figures[GUARANTEE_FIGURES[i]];
    guarantee[i] = Number.isNaN(v) ? undefined : v;
  }
  const indoor = figures[FIGURE.indoorSportsArea];
  return schoolRecord({
    name,
    type,
    locale,
    parent,
    students: {
      primary: orZero(figures[STUDENT_FIGURES[0]]),
      junior: orZero(figures[STUDENT_FIGURES[1]]),
      senior: orZero(figures[STUDENT_FIGURES[2]]),
    },
    teachers: { primary: teachersOf(figures, 0), junior: teachersOf(figures, 1) },
    facilities: {
      teachingArea: orZero(figures[FIGURE.teachingArea]),
      sportsArea: orZero(figures[FIGURE.sportsArea]),
      equipmentValue: plan.inTenThousand.has("equipmentValue") ? tenThousand(equipment) : equipment,
      multimediaRooms: orZero(figures[FIGURE.multimediaRooms]),
    },
    sectionFacilities: NO_SECTION_FACILITIES,
    indoor: Number.isNaN(indoor) ? undefined : indoor,
    guarantee,
    source: { sheet: options.sheet, row: 2, cells: { ...rowCells(plan, 2).cells } },
  });
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
    if (text && pattern.test(foldedText(text))) return true;
  }
  return false;
}

/**
 * Statistical forms put a legend under the header: the units of each column (（人） （㎡）) or the column numbers
 * (甲 乙 1 2 3 …, 栏次). It is no school.
 */
function isLegendRow(sheet: Sheet, r: number, nameCol: number | undefined): boolean {
  if (LEGEND_NAMES.has(foldedText(sheet.text(r, nameCol ?? 0)))) return true;
  // more than one filled cell, each a bracketed unit
  let filled = 0;
  for (const v of sheet.row(r)) {
    if (isBlank(v)) continue;
    filled++;
    const t = readText(v);
    if (!(t.kind === "text" && LEGEND_CELL.test(t.text.trim()))) return false;
  }
  return filled > 1;
}
const LEGEND_CELL = /^[(（【[][^()（）]*[)）】\]]$/u;
/** What a legend row holds in the name column, folded. */
const LEGEND_NAMES: ReadonlySet<string> = new Set(["甲", "栏次", "(甲)"]);

function isNoteRow(sheet: Sheet, r: number): boolean {
  let only: unknown;
  let filled = 0;
  for (const v of sheet.row(r)) {
    if (isBlank(v)) continue;
    if (++filled > 1) return false;
    only = v;
  }
  if (filled !== 1) return false;
  const t = readText(only);
  return t.kind === "text" && NOTE_ROW.test(foldedText(t.text));
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
