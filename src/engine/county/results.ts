/** The shapes of the county verdict (docs/standard.md#parts): each item, measure and veto with its status. */
import type { Bilingual, CountyPart, ItemKind, MeasureKind } from "../../standard/county";
import type { Level } from "../../standard/indicators";
import type { Evaluation } from "../evaluate";
import type { SchoolRecord } from "../records";

export type ItemStatus = "pass" | "fail" | "missing";

/** A county's answer to one measure, read from the county sheet. */
export interface CountyAnswer {
  /** shares as fractions (0.95), 元, ratios, levels 1–4; true/false for 是/否; null when blank or unreadable */
  value: number | boolean | null;
  /** the cell the value was read from, e.g. 县级指标!E5 */
  cell?: string | null;
  evidence?: string | null;
  notes?: string | null;
  /** what the cell held when it could not be read (the value is then null): "待定", "—" */
  unread?: string | null;
}

/** Answers by measure id (MeasureDefinition.id). A measure without an answer is missing. */
export type CountyAnswers = Partial<Record<string, CountyAnswer>>;

/** Where a column of the school table was found: lets a blank cell be named even though nothing was read. */
export interface ColumnLocation {
  columnId: string;
  /** the header cell, e.g. 学校!T2 */
  cell: string;
}

export type SchoolCheck =
  | "musicRooms"
  | "artRooms"
  | "smallestMusicRoom"
  | "smallestArtRoom"
  | "schoolSize"
  | "classSize"
  | "startingGradeClassSize";

/** One check of one school (or one section) for an item derived from the school table. */
export interface SchoolFinding {
  school: string;
  /** the section checked; null for whole-school checks */
  level: Level | null;
  check: SchoolCheck;
  status: ItemStatus;
  /** the value found (rooms, m², students); null when blank */
  value: number | null;
  /** the limit it is held to: a minimum for rooms and areas, a maximum for sizes */
  limit: number | null;
  /** the offending cell (or the blank one), e.g. 学校!X7; null when the workbook has no such column */
  cell: string | null;
  message: Bilingual;
}

/** An item derived from the school table: how many schools it applies to, and the checks that do not pass. */
export interface DerivedItem {
  status: ItemStatus;
  /** schools (or sections, for class size) the item applies to */
  checked: number;
  /** the checks that fail or are missing, in the order of the records (a passing check is only counted) */
  findings: SchoolFinding[];
}

export interface LargeClassSection {
  school: string;
  level: Level;
  largestClass: number;
  cell: string | null;
}

export interface DerivedItems {
  musicArtRooms: DerivedItem;
  schoolSize: DerivedItem;
  classSize: DerivedItem;
  /** Xing'an plan (docs/standard.md#guarantee, docs/standard.md#league-plan): grade 1 and grade 7 classes within the standard from autumn 2026 */
  startingGrades: DerivedItem;
  /** sections with at least one 大班额 class (largest class ≥ 56) */
  largeClasses: LargeClassSection[];
  /** sections with at least one 超大班额 class (largest class ≥ 66) */
  veryLargeClasses: LargeClassSection[];
  /** sections whose largest class is not given: whether they hold a 大班额 class is not known */
  largeClassesUnknown: number;
}

export interface MeasureResult {
  id: string;
  key: string;
  code: string;
  text: Bilingual;
  kind: MeasureKind;
  status: ItemStatus;
  value: number | boolean | null;
  requirement: Bilingual;
  cell: string | null;
  evidence: string | null;
  notes: string | null;
  /** what the cell held when it could not be read: the measure is missing, though not blank */
  unread: string | null;
}

export type ItemValue = number | boolean | null | Record<string, number | boolean | null>;

/** One guarantee, quality or recognition item with its status: the data the checklist and the report render. */
export interface ItemResult {
  part: CountyPart;
  item: number;
  key: string;
  title: Bilingual;
  text: Bilingual;
  kind: ItemKind;
  status: ItemStatus;
  /** one measure: its value; several: { key: value }; derived: counts of schools checked, failing, missing */
  value: ItemValue;
  requirement: Bilingual;
  measures: MeasureResult[];
  /** derived items: the checks that fail or are missing, each naming its cell (passing checks are left out) */
  schools: SchoolFinding[];
  /** evidence the county gave (documents, links), one entry per measure that has some */
  evidence: string[];
  /** §5 item 5 only: 大班额 / 超大班额 sections and the starting-grade rule of the Xing'an plan */
  classSize?: {
    largeClasses: LargeClassSection[];
    veryLargeClasses: LargeClassSection[];
    /** sections checked whose largest class is not given, left out of the two lists */
    largeClassesUnknown: number;
    startingGrades: { status: ItemStatus; checked: number; schools: SchoolFinding[] };
  };
}

export interface VetoResult {
  veto: number;
  key: string;
  title: Bilingual;
  /** pass: the veto does not apply; fail: it applies; missing: not answered */
  status: ItemStatus;
  applies: boolean | null;
  requirement: Bilingual;
  /** the answer as given (true = 是); for the recognition veto the recognition share */
  value: number | boolean | null;
  cell: string | null;
  evidence: string | null;
  notes: string | null;
  /** what the cell held when it could not be read (value and applies are then null) */
  unread: string | null;
  derivedFrom?: "recognition";
}

export type VerdictPart = "resources" | "guarantee" | "quality" | "recognition" | "vetoes";
export const VERDICT_PARTS: readonly VerdictPart[] = [
  "resources",
  "guarantee",
  "quality",
  "recognition",
  "vetoes",
];

export interface CountyVerdict {
  /** docs/standard.md#parts resource allocation (from `evaluate`); null when the school table could not be evaluated */
  resourcesPass: boolean | null;
  guarantee: ItemResult[];
  quality: ItemResult[];
  recognition: ItemResult;
  vetoes: VetoResult[];
  /** status of each part: a part passes when all its items pass; vetoes pass when none applies */
  parts: Record<VerdictPart, ItemStatus>;
  /** whether a county sheet was given at all */
  countySheet: boolean;
  /** true only when every part passes and no veto applies; anything missing is not a pass */
  countyPass: boolean;
  derived: DerivedItems;
}

export interface CountyInput {
  /** the school table's records; null or empty when there is none (the derived items are then missing) */
  records: readonly SchoolRecord[] | null;
  /** the resource evaluation; null when input errors blocked it */
  evaluation: Evaluation | null;
  /** the county sheet's answers; null when the workbook has no county sheet */
  answers: CountyAnswers | null;
  /** where the school table's columns were found, to name blank cells */
  columns?: readonly ColumnLocation[];
}

// ---------------------------------------------------------------------------------------------------------------
// Items derived from the school table (docs/standard.md#guarantee-3, docs/standard.md#guarantee-4, docs/standard.md#guarantee-5)

/** The status of several checks together: any fail fails, else any missing is missing. */
export function combine(statuses: readonly ItemStatus[]): ItemStatus {
  if (statuses.includes("fail")) return "fail";
  if (statuses.includes("missing")) return "missing";
  return "pass";
}
