/**
 * The full county verdict (docs/standard.md#parts): resource allocation, the 15 government-guarantee items (#guarantee), the 9
 * education-quality items (§6), social recognition and the one-vote vetoes. Items 3–5 of §5 are checked per
 * school from the school table, naming the cell; the rest compare what the county reports on its county sheet
 * (already parsed into numbers and 是/否 by src/sheet/countySheet.ts). A blank is "missing", never "pass".
 */
import {
  GUARANTEE_ITEMS,
  PART_NAMES,
  QUALITY_ITEMS,
  RECOGNITION_ITEM,
  SCHOOL_TABLE_LIMITS,
  VETOES,
  XING_AN_LEAGUE_PLAN,
  type Bilingual,
  type CountyItemDefinition,
  type CountyPart,
  type CountyTarget,
  type ItemKind,
  type MeasureDefinition,
  type MeasureKind,
} from "../standard/county";
import { LEVEL_NAMES, type Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { atLeast, atMost } from "./compare";
import { failingSections, type Evaluation } from "./evaluate";
import { SECTIONS_OF_TYPE, type SchoolRecord, type SchoolType } from "./records";
import { inForceOn, yearOfDay, yearsLeft, type CalendarDay } from "./years";

export type ItemStatus = "pass" | "fail" | "missing";

/** A county's answer to one measure, read from the county sheet. */
export interface CountyAnswer {
  /** shares as fractions (0.95), 元, ratios, levels 1–4; true/false for 是/否; null when blank or unreadable */
  value: number | boolean | null;
  /** the cell the value was read from, e.g. 县级指标!E5 */
  cell?: string | null;
  evidence?: string | null;
  notes?: string | null;
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

/** An item derived from the school table: every check of every school it applies to. */
export interface DerivedItem {
  status: ItemStatus;
  /** schools (or sections, for class size) the item applies to */
  checked: number;
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
  derivedFrom?: "recognition";
}

export type VerdictPart = "resources" | "guarantee" | "quality" | "recognition" | "vetoes";
const VERDICT_PARTS: readonly VerdictPart[] = ["resources", "guarantee", "quality", "recognition", "vetoes"];

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

/**
 * The standard says "every primary and junior school" (所有小学、初中). Items 3 and 4 therefore apply to
 * 小学, 初中, 九年一贯制, 十二年一贯制 and the junior part of 完全中学; teaching points (教学点) are parts of
 * their central school, and special-education and vocational schools are not ordinary compulsory schools.
 * Item 5 speaks of every class, so it also holds for the classes of teaching points.
 */
const ROOMS_AND_SIZE_TYPES: readonly SchoolType[] = [
  "primary",
  "junior",
  "nineYear",
  "twelveYear",
  "complete",
];
const CLASS_SIZE_TYPES: readonly SchoolType[] = [...ROOMS_AND_SIZE_TYPES, "teachingPoint"];

/** The sections a school actually has: a level of its type with enrolment above 0. */
function presentLevels(record: SchoolRecord): Level[] {
  return SECTIONS_OF_TYPE[record.type].filter((level) => record.students[level] > 0);
}

/** Address of a field of a record: the cell it was read from, or the blank cell in its column. */
export function cellOf(
  record: SchoolRecord,
  columnId: string,
  columns: readonly ColumnLocation[] | undefined,
): string | null {
  const read = record.source?.cells[columnId];
  if (read) return read;
  const column = columns?.find((c) => c.columnId === columnId);
  if (!column || !record.source) return null;
  const bang = column.cell.lastIndexOf("!");
  const sheetPart = bang >= 0 ? column.cell.slice(0, bang + 1) : "";
  const letters = /([A-Za-z]+)\$?\d+$/.exec(column.cell.slice(bang + 1))?.[1];
  return letters ? `${sheetPart}${letters.toUpperCase()}${record.source.row}` : null;
}

function columnMissingNote(columnId: string, columns: readonly ColumnLocation[] | undefined): Bilingual {
  if (columns && !columns.some((c) => c.columnId === columnId)) {
    return { zh: "（学校表无此列）", en: " (the school table has no such column)" };
  }
  return { zh: "", en: "" };
}

function combine(statuses: readonly ItemStatus[]): ItemStatus {
  if (statuses.includes("fail")) return "fail";
  if (statuses.includes("missing")) return "missing";
  return "pass";
}

function derivedItem(checked: number, findings: SchoolFinding[]): DerivedItem {
  // with no school to check there is nothing to show it holds: missing, not pass
  const status = checked === 0 ? "missing" : combine(findings.map((f) => f.status));
  return { status, checked, findings };
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/**
 * docs/standard.md#guarantee-3: at least ⌈classes ÷ 12⌉ music rooms and as many art rooms (one at the least), the
 * smallest music room ≥ 96 m² and the smallest art room ≥ 90 m². Classes are the primary plus junior classes.
 */
export function musicArtRooms(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): DerivedItem {
  const L = SCHOOL_TABLE_LIMITS;
  const findings: SchoolFinding[] = [];
  let checked = 0;
  for (const record of records) {
    if (!ROOMS_AND_SIZE_TYPES.includes(record.type)) continue;
    const levels = presentLevels(record);
    if (levels.length === 0) continue;
    checked++;
    const classCounts = levels.map((level) => record.classes?.[level]);
    const classes = classCounts.every((c) => c !== undefined)
      ? classCounts.reduce((sum: number, c) => sum + (c as number), 0)
      : null;
    const required = classes === null ? null : Math.max(1, Math.ceil(classes / L.classesPerRoom));
    const kinds = [
      {
        check: "musicRooms" as const,
        areaCheck: "smallestMusicRoom" as const,
        count: record.rooms?.music,
        area: record.rooms?.smallestMusic,
        countColumn: "musicRooms",
        areaColumn: "smallestMusicRoom",
        minArea: L.smallestMusicRoom,
        zh: "音乐",
        en: "music",
      },
      {
        check: "artRooms" as const,
        areaCheck: "smallestArtRoom" as const,
        count: record.rooms?.art,
        area: record.rooms?.smallestArt,
        countColumn: "artRooms",
        areaColumn: "smallestArtRoom",
        minArea: L.smallestArtRoom,
        zh: "美术",
        en: "art",
      },
    ];
    for (const k of kinds) {
      const countCell = cellOf(record, k.countColumn, columns);
      if (k.count === undefined) {
        const note = columnMissingNote(k.countColumn, columns);
        findings.push({
          school: record.name,
          level: null,
          check: k.check,
          status: "missing",
          value: null,
          limit: required,
          cell: countCell,
          message: { zh: `${k.zh}专用教室数未填写${note.zh}`, en: `${k.en} rooms not given${note.en}` },
        });
      } else if (required === null) {
        // classes unknown: one room is needed whatever the number of classes
        const blankLevel = levels.find((level) => record.classes?.[level] === undefined);
        const classCell = blankLevel ? cellOf(record, `${blankLevel}Classes`, columns) : null;
        findings.push(
          k.count < 1
            ? {
                school: record.name,
                level: null,
                check: k.check,
                status: "fail",
                value: k.count,
                limit: 1,
                cell: countCell,
                message: { zh: `无${k.zh}专用教室`, en: `no ${k.en} room` },
              }
            : {
                school: record.name,
                level: null,
                check: k.check,
                status: "missing",
                value: k.count,
                limit: null,
                cell: classCell,
                message: {
                  zh: `班级数未填写，无法核对${k.zh}专用教室数`,
                  en: `classes not given: ${k.en} rooms cannot be checked`,
                },
              },
        );
      } else {
        const pass = k.count >= required;
        findings.push({
          school: record.name,
          level: null,
          check: k.check,
          status: pass ? "pass" : "fail",
          value: k.count,
          limit: required,
          cell: countCell,
          message: {
            zh: `${k.zh}专用教室 ${k.count} 间，${classes} 个班需 ${required} 间`,
            en: `${k.count} ${k.en} rooms; ${classes} classes need ${required}`,
          },
        });
      }
      // the smallest room matters only where there is a room
      if (k.count !== undefined && k.count < 1 && k.area === undefined) continue;
      if (k.count === undefined && k.area === undefined) continue;
      const areaCell = cellOf(record, k.areaColumn, columns);
      if (k.area === undefined) {
        const note = columnMissingNote(k.areaColumn, columns);
        findings.push({
          school: record.name,
          level: null,
          check: k.areaCheck,
          status: "missing",
          value: null,
          limit: k.minArea,
          cell: areaCell,
          message: {
            zh: `${k.zh}专用教室最小面积未填写${note.zh}`,
            en: `smallest ${k.en} room not given${note.en}`,
          },
        });
      } else {
        const pass = atLeast(k.area, k.minArea);
        findings.push({
          school: record.name,
          level: null,
          check: k.areaCheck,
          status: pass ? "pass" : "fail",
          value: k.area,
          limit: k.minArea,
          cell: areaCell,
          message: {
            zh: `最小${k.zh}专用教室 ${fmt(k.area)} ㎡，应 ≥ ${k.minArea} ㎡`,
            en: `smallest ${k.en} room ${fmt(k.area)} m², needs ≥ ${k.minArea} m²`,
          },
        });
      }
    }
  }
  return derivedItem(checked, findings);
}

/**
 * docs/standard.md#guarantee-4: primary and junior schools (and the junior part of 完全中学) ≤ 2,000 students;
 * 九年一贯制 and 十二年一贯制 schools ≤ 2,500 in their compulsory (primary + junior) part.
 */
export function schoolSize(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): DerivedItem {
  const limits = SCHOOL_TABLE_LIMITS.schoolSize;
  const findings: SchoolFinding[] = [];
  let checked = 0;
  for (const record of records) {
    if (!ROOMS_AND_SIZE_TYPES.includes(record.type)) continue;
    const levels = presentLevels(record);
    if (levels.length === 0) continue;
    checked++;
    const students = levels.reduce((sum, level) => sum + record.students[level], 0);
    const combined = record.type === "nineYear" || record.type === "twelveYear";
    const limit = combined ? limits.combined : limits.single;
    const pass = atMost(students, limit);
    // the largest section's enrolment is the cell to look at
    const largest = levels.reduce((a, l) => (record.students[l] > record.students[a] ? l : a), levels[0]);
    findings.push({
      school: record.name,
      level: null,
      check: "schoolSize",
      status: pass ? "pass" : "fail",
      value: students,
      limit,
      cell: cellOf(record, `${largest}Students`, columns),
      message: {
        zh: `义务教育阶段在校生 ${students} 人，上限 ${limit} 人`,
        en: `${students} students in the compulsory part; limit ${limit}`,
      },
    });
  }
  return derivedItem(checked, findings);
}

function largestClassFinding(
  record: SchoolRecord,
  level: Level,
  check: "classSize" | "startingGradeClassSize",
  columns: readonly ColumnLocation[] | undefined,
): SchoolFinding {
  const limit = SCHOOL_TABLE_LIMITS.classSize[level];
  const field = check === "classSize" ? level : level === "primary" ? "grade1" : "grade7";
  const columnId = `${field}LargestClass`;
  const value = record.largestClass?.[field];
  const cell = cellOf(record, columnId, columns);
  const what =
    check === "classSize"
      ? { zh: `${LEVEL_NAMES[level].zh}最大班额`, en: `${LEVEL_NAMES[level].en} largest class` }
      : level === "primary"
        ? { zh: "小学起始年级（一年级）最大班额", en: "Grade 1 largest class" }
        : { zh: "初中起始年级（七年级）最大班额", en: "Grade 7 largest class" };
  if (value === undefined) {
    const note = columnMissingNote(columnId, columns);
    return {
      school: record.name,
      level,
      check,
      status: "missing",
      value: null,
      limit,
      cell,
      message: { zh: `${what.zh}未填写${note.zh}`, en: `${what.en} not given${note.en}` },
    };
  }
  const pass = atMost(value, limit);
  return {
    school: record.name,
    level,
    check,
    status: pass ? "pass" : "fail",
    value,
    limit,
    cell,
    message: { zh: `${what.zh} ${value} 人，应 ≤ ${limit} 人`, en: `${what.en} ${value}; limit ${limit}` },
  };
}

/**
 * docs/standard.md#guarantee-5: every class within 45 (primary) / 50 (junior), checked through each section's largest
 * class; with the Xing'an plan's starting-grade rule (grades 1 and 7) and the 大班额 (≥ 56) and 超大班额 (≥ 66)
 * sections.
 */
export function classSize(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): Pick<DerivedItems, "classSize" | "startingGrades" | "largeClasses" | "veryLargeClasses"> {
  const findings: SchoolFinding[] = [];
  const starting: SchoolFinding[] = [];
  const largeClasses: LargeClassSection[] = [];
  const veryLargeClasses: LargeClassSection[] = [];
  let checked = 0;
  for (const record of records) {
    if (!CLASS_SIZE_TYPES.includes(record.type)) continue;
    for (const level of presentLevels(record)) {
      checked++;
      const finding = largestClassFinding(record, level, "classSize", columns);
      findings.push(finding);
      starting.push(largestClassFinding(record, level, "startingGradeClassSize", columns));
      const largest = finding.value;
      if (largest !== null && largest >= SCHOOL_TABLE_LIMITS.largeClass) {
        const entry = { school: record.name, level, largestClass: largest, cell: finding.cell };
        largeClasses.push(entry);
        if (largest >= SCHOOL_TABLE_LIMITS.veryLargeClass) veryLargeClasses.push(entry);
      }
    }
  }
  return {
    classSize: derivedItem(checked, findings),
    startingGrades: derivedItem(checked, starting),
    largeClasses,
    veryLargeClasses,
  };
}

/** All items derived from the school table. */
export function deriveSchoolItems(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): DerivedItems {
  return {
    musicArtRooms: musicArtRooms(records, columns),
    schoolSize: schoolSize(records, columns),
    ...classSize(records, columns),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Items reported on the county sheet

/**
 * Status of one measure against its requirement. atLeast: exactly at the threshold passes; below: strictly
 * below (0.15 itself fails, docs/standard.md#quality-9 "低于0.15"); yes: 是 passes. A value of the wrong kind (a
 * number for a 是/否 question) is treated as not given.
 */
export function measureStatus(
  measure: MeasureDefinition,
  value: number | boolean | null | undefined,
): ItemStatus {
  if (value === null || value === undefined) return "missing";
  if (typeof value === "boolean") {
    if (measure.kind === "attested" || measure.kind === "percentOrAttested") return value ? "pass" : "fail";
    return "missing";
  }
  if (!Number.isFinite(value) || measure.kind === "attested" || measure.threshold === undefined)
    return "missing";
  switch (measure.comparison) {
    case "atLeast":
      return atLeast(value, measure.threshold) ? "pass" : "fail";
    case "below":
      return atLeast(value, measure.threshold) ? "fail" : "pass";
    case "yes":
      return "missing";
  }
}

function measureResult(measure: MeasureDefinition, answers: CountyAnswers | null): MeasureResult {
  const answer = answers?.[measure.id];
  const value = answer?.value ?? null;
  return {
    id: measure.id,
    key: measure.key,
    code: measure.code,
    text: measure.text,
    kind: measure.kind,
    status: measureStatus(measure, value),
    value,
    requirement: measure.requirement,
    cell: answer?.cell ?? null,
    evidence: nonBlank(answer?.evidence),
    notes: nonBlank(answer?.notes),
  };
}

function nonBlank(text: string | null | undefined): string | null {
  return text && text.trim() !== "" ? text.trim() : null;
}

/** Evaluates one item from the county's answers (and, for §5 items 3–5, the school table). */
export function evaluateItem(
  definition: CountyItemDefinition,
  answers: CountyAnswers | null,
  derived: DerivedItems | null,
): ItemResult {
  const measures = definition.measures.map((m) => measureResult(m, answers));
  let status = combine(measures.map((m) => m.status));
  let value: ItemValue =
    measures.length === 1
      ? measures[0].value
      : Object.fromEntries(measures.map((m) => [m.key, m.value] as [string, number | boolean | null]));
  let schools: SchoolFinding[] = [];
  let classSizeDetail: ItemResult["classSize"];
  if (definition.derived) {
    const item = derived ? derived[definition.derived] : null;
    status = item ? item.status : "missing";
    const findings = item?.findings ?? [];
    schools = findings.filter((f) => f.status !== "pass");
    const failing = new Set(findings.filter((f) => f.status === "fail").map((f) => f.school));
    const missing = new Set(
      findings.filter((f) => f.status === "missing" && !failing.has(f.school)).map((f) => f.school),
    );
    const counts: Record<string, number> = {
      checked: item?.checked ?? 0,
      failing: failing.size,
      missing: missing.size,
    };
    value = counts;
    if (definition.derived === "classSize" && derived) {
      counts.largeClasses = derived.largeClasses.length;
      counts.veryLargeClasses = derived.veryLargeClasses.length;
      classSizeDetail = {
        largeClasses: derived.largeClasses,
        veryLargeClasses: derived.veryLargeClasses,
        startingGrades: {
          status: derived.startingGrades.status,
          checked: derived.startingGrades.checked,
          schools: derived.startingGrades.findings.filter((f) => f.status !== "pass"),
        },
      };
    }
  }
  const result: ItemResult = {
    part: definition.part,
    item: definition.item,
    key: definition.key,
    title: definition.title,
    text: definition.text,
    kind: definition.kind,
    status,
    value,
    requirement: definition.requirement,
    measures,
    schools,
    evidence: measures.flatMap((m) => (m.evidence ? [m.evidence] : [])),
  };
  if (classSizeDetail) result.classSize = classSizeDetail;
  return result;
}

/** The one-vote vetoes (docs/standard.md#veto): 是 means the veto applies; recognition below 85 % is one too. */
function evaluateVetoes(answers: CountyAnswers | null, recognition: ItemResult): VetoResult[] {
  return VETOES.map((veto) => {
    if (veto.derivedFrom === "recognition") {
      const status = recognition.status;
      return {
        veto: veto.veto,
        key: veto.key,
        title: veto.title,
        status,
        applies: status === "missing" ? null : status === "fail",
        requirement: RECOGNITION_ITEM.requirement,
        value: recognition.measures[0].value,
        cell: recognition.measures[0].cell,
        evidence: recognition.measures[0].evidence,
        notes: recognition.measures[0].notes,
        derivedFrom: "recognition",
      };
    }
    const m = veto.measure as MeasureDefinition;
    const answer = answers?.[m.id];
    const given = answer?.value;
    const applies = typeof given === "boolean" ? given : null;
    return {
      veto: veto.veto,
      key: veto.key,
      title: veto.title,
      status: applies === null ? "missing" : applies ? "fail" : "pass",
      applies,
      requirement: m.requirement,
      value: given ?? null,
      cell: answer?.cell ?? null,
      evidence: nonBlank(answer?.evidence),
      notes: nonBlank(answer?.notes),
    };
  });
}

/**
 * The county's full verdict (docs/standard.md#parts): countyPass only when resources pass, every guarantee and quality
 * item passes, recognition passes and no veto applies. Missing anywhere is not a pass.
 */
export function evaluateCounty(input: CountyInput): CountyVerdict {
  const records = input.records ?? [];
  const derived = deriveSchoolItems(records, input.columns);
  const guarantee = GUARANTEE_ITEMS.map((d) => evaluateItem(d, input.answers, derived));
  const quality = QUALITY_ITEMS.map((d) => evaluateItem(d, input.answers, derived));
  const recognition = evaluateItem(RECOGNITION_ITEM, input.answers, derived);
  const vetoes = evaluateVetoes(input.answers, recognition);
  const resourcesPass = input.evaluation ? input.evaluation.resourcesPass : null;
  const parts: Record<VerdictPart, ItemStatus> = {
    resources: resourcesPass === null ? "missing" : resourcesPass ? "pass" : "fail",
    guarantee: combine(guarantee.map((i) => i.status)),
    quality: combine(quality.map((i) => i.status)),
    recognition: recognition.status,
    vetoes: combine(vetoes.map((v) => v.status)),
  };
  return {
    resourcesPass,
    guarantee,
    quality,
    recognition,
    vetoes,
    parts,
    countySheet: input.answers !== null,
    countyPass: VERDICT_PARTS.every((p) => parts[p] === "pass"),
    derived,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The checklist and readiness for the target year

/** One line of the checklist: every item and veto, flat, in the standard's order. */
export interface ChecklistEntry {
  part: CountyPart | "vetoes";
  partName: Bilingual;
  key: string;
  /** the item or veto number within its part */
  number: number;
  title: Bilingual;
  status: ItemStatus;
  value: ItemValue;
  requirement: Bilingual;
  measures: MeasureResult[];
  evidence: string[];
  schools: SchoolFinding[];
  /** the first cell to look at: the county-sheet answer, or the first offending school cell */
  cell: string | null;
}

/** Every item and veto as a flat list, for the task pane's checklist and the report's 全部指标 sheet. */
export function countyChecklist(verdict: CountyVerdict): ChecklistEntry[] {
  const fromItem = (i: ItemResult): ChecklistEntry => ({
    part: i.part,
    partName: PART_NAMES[i.part],
    key: i.key,
    number: i.item,
    title: i.title,
    status: i.status,
    value: i.value,
    requirement: i.requirement,
    measures: i.measures,
    evidence: i.evidence,
    schools: i.schools,
    cell:
      i.measures.find((m) => m.status !== "pass" && m.cell)?.cell ??
      i.schools.find((s) => s.cell)?.cell ??
      i.measures.find((m) => m.cell)?.cell ??
      null,
  });
  const fromVeto = (v: VetoResult): ChecklistEntry => ({
    part: "vetoes",
    partName: PART_NAMES.vetoes,
    key: v.key,
    number: v.veto,
    title: v.title,
    status: v.status,
    value: v.value,
    requirement: v.requirement,
    measures: [],
    evidence: v.evidence ? [v.evidence] : [],
    schools: [],
    cell: v.cell,
  });
  return [
    ...verdict.guarantee.map(fromItem),
    ...verdict.quality.map(fromItem),
    fromItem(verdict.recognition),
    ...verdict.vetoes.map(fromVeto),
  ];
}

/** A county of the profile (or of the Xing'an plan) by name: exact, then without the 市/旗/县/区 suffix. */
export function findCounty(profile: Profile | null, name: string): CountyTarget | undefined {
  const counties = profile?.counties ?? XING_AN_LEAGUE_PLAN.counties;
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
  const wanted = norm(name);
  if (wanted === "") return undefined;
  const exact = counties.find((c) => norm(c.name) === wanted);
  if (exact) return exact;
  const stem = (s: string) => s.replace(/(市|旗|县|区)$/, "");
  return counties.find((c) => stem(norm(c.name)) === stem(wanted));
}

export interface ReadinessPart {
  part: VerdictPart;
  partName: Bilingual;
  status: ItemStatus;
  /** what fails: item keys with titles (for resources: failing sections and balance indicators) */
  failing: { key: string; title: Bilingual }[];
  missing: { key: string; title: Bilingual }[];
}

export interface Readiness {
  county: string;
  targetYear: number;
  /** the year the day of the readiness counts in (src/engine/years.ts: its calendar year) */
  year: number;
  /** target year − this year (negative once the year has passed) */
  yearsRemaining: number;
  parts: ReadinessPart[];
  /** the plan's starting-grade rule (docs/standard.md#starting-grades), in force from the profile's
   * `startingGradesFrom` (YYYY-MM; the League plan: 2026-09); null, and never in force, when the profile sets none */
  startingGrades: { from: string | null; inForce: boolean; status: ItemStatus; schools: SchoolFinding[] };
  /** the county passes today */
  ready: boolean;
}

/** Readiness of one county for its target year: part by part, what still fails or is missing. */
export function readiness(
  verdict: CountyVerdict,
  evaluation: Evaluation | null,
  profile: Profile | null,
  target: CountyTarget,
  today: CalendarDay,
): Readiness {
  const year = yearOfDay(today);
  const items = (list: readonly ItemResult[], status: ItemStatus) =>
    list.filter((i) => i.status === status).map((i) => ({ key: i.key, title: i.title }));
  const resourcesFailing: { key: string; title: Bilingual }[] = [];
  if (evaluation) {
    for (const s of failingSections(evaluation)) {
      const level = LEVEL_NAMES[s.level];
      resourcesFailing.push({
        key: `${s.school}/${s.level}`,
        title: { zh: `${s.school}（${level.zh}）`, en: `${s.school} (${level.en})` },
      });
    }
    for (const level of Object.values(evaluation.levels)) {
      for (const [id, balance] of Object.entries(level.balance)) {
        if (balance.pass) continue;
        const name = profile?.indicators[id as keyof typeof level.balance]?.shortName ?? { zh: id, en: id };
        const levelName = LEVEL_NAMES[level.level];
        resourcesFailing.push({
          key: `cv/${level.level}/${id}`,
          title: {
            zh: `${levelName.zh}${name.zh}差异系数`,
            en: `${levelName.en} ${name.en} difference coefficient`,
          },
        });
      }
    }
  }
  const vetoList = (pred: (v: VetoResult) => boolean) =>
    verdict.vetoes.filter(pred).map((v) => ({ key: v.key, title: v.title }));
  const parts: ReadinessPart[] = [
    {
      part: "resources",
      partName: PART_NAMES.resources,
      status: verdict.parts.resources,
      failing: resourcesFailing,
      missing: evaluation ? [] : [{ key: "resources", title: PART_NAMES.resources }],
    },
    {
      part: "guarantee",
      partName: PART_NAMES.guarantee,
      status: verdict.parts.guarantee,
      failing: items(verdict.guarantee, "fail"),
      missing: items(verdict.guarantee, "missing"),
    },
    {
      part: "quality",
      partName: PART_NAMES.quality,
      status: verdict.parts.quality,
      failing: items(verdict.quality, "fail"),
      missing: items(verdict.quality, "missing"),
    },
    {
      part: "recognition",
      partName: PART_NAMES.recognition,
      status: verdict.parts.recognition,
      failing: items([verdict.recognition], "fail"),
      missing: items([verdict.recognition], "missing"),
    },
    {
      part: "vetoes",
      partName: PART_NAMES.vetoes,
      status: verdict.parts.vetoes,
      failing: vetoList((v) => v.status === "fail"),
      missing: vetoList((v) => v.status === "missing"),
    },
  ];
  const from = profile?.startingGradesFrom;
  const inForce = from !== undefined && inForceOn(from, today);
  const sg = verdict.derived.startingGrades;
  return {
    county: target.name,
    targetYear: target.targetYear,
    year,
    yearsRemaining: yearsLeft(target.targetYear, year),
    parts,
    startingGrades: {
      from: from ? `${from.year}-${String(from.month).padStart(2, "0")}` : null,
      inForce,
      status: sg.status,
      schools: sg.findings.filter((f) => f.status !== "pass"),
    },
    ready: verdict.countyPass,
  };
}
