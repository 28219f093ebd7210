import { SCHOOL_TABLE_LIMITS, type Bilingual } from "../../standard/county";
import { LEVEL_NAMES, type Level } from "../../standard/indicators";
import { atLeast, atMost } from "../../standard/comparison";
import type { SchoolRecord } from "../records";
import type { ColumnLocation, DerivedItems, LargeClassSection, SchoolFinding } from "./results";
import {
  CLASS_SIZE_TYPES,
  cellOf,
  columnMissingNote,
  columnPrefixes,
  derivedItem,
  presentLevels,
  type ColumnPrefixes,
} from "./schoolCells";

/* Item 5 of the government's guarantee, derived from the school table (docs/standard.md#guarantee-5). */

/** What a largest-class check of a level reads (a field of `largestClass`, its column) and how it is named. */
interface LargestClassCheck {
  field: keyof NonNullable<SchoolRecord["largestClass"]>;
  columnId: string;
  zh: string;
  en: string;
}

const LARGEST_CLASS_CHECKS: Record<
  "classSize" | "startingGradeClassSize",
  Record<Level, LargestClassCheck>
> = {
  classSize: {
    primary: {
      field: "primary",
      columnId: "primaryLargestClass",
      zh: `${LEVEL_NAMES.primary.zh}最大班额`,
      en: `${LEVEL_NAMES.primary.en} largest class`,
    },
    junior: {
      field: "junior",
      columnId: "juniorLargestClass",
      zh: `${LEVEL_NAMES.junior.zh}最大班额`,
      en: `${LEVEL_NAMES.junior.en} largest class`,
    },
  },
  startingGradeClassSize: {
    primary: {
      field: "grade1",
      columnId: "grade1LargestClass",
      zh: "小学起始年级（一年级）最大班额",
      en: "Grade 1 largest class",
    },
    junior: {
      field: "grade7",
      columnId: "grade7LargestClass",
      zh: "初中起始年级（七年级）最大班额",
      en: "Grade 7 largest class",
    },
  },
};

/** Each check's message for a blank cell, the same for every section: made once per table and shared. */
type NotGivenMessages = Record<"classSize" | "startingGradeClassSize", Record<Level, Bilingual>>;

function notGivenMessages(columns: ColumnPrefixes): NotGivenMessages {
  const of = (what: LargestClassCheck): Bilingual => {
    const note = columnMissingNote(what.columnId, columns);
    return { zh: `${what.zh}未填写${note.zh}`, en: `${what.en} not given${note.en}` };
  };
  const checks = LARGEST_CLASS_CHECKS;
  return {
    classSize: { primary: of(checks.classSize.primary), junior: of(checks.classSize.junior) },
    startingGradeClassSize: {
      primary: of(checks.startingGradeClassSize.primary),
      junior: of(checks.startingGradeClassSize.junior),
    },
  };
}

/** A section's largest class (or its grade 1 or grade 7 class) that is over its limit or blank; null within it. */
function largestClassFinding(
  record: SchoolRecord,
  level: Level,
  check: "classSize" | "startingGradeClassSize",
  columns: ColumnPrefixes,
  notGiven: NotGivenMessages,
): SchoolFinding | null {
  const limit = SCHOOL_TABLE_LIMITS.classSize[level];
  const what = LARGEST_CLASS_CHECKS[check][level];
  const value = record.largestClass?.[what.field];
  if (value !== undefined && atMost(value, limit)) return null;
  const cell = cellOf(record, what.columnId, columns);
  if (value === undefined) {
    return {
      school: record.name,
      level,
      check,
      status: "missing",
      value: null,
      limit,
      cell,
      message: notGiven[check][level],
    };
  }
  return {
    school: record.name,
    level,
    check,
    status: "fail",
    value,
    limit,
    cell,
    message: { zh: `${what.zh} ${value} 人，应 ≤ ${limit} 人`, en: `${what.en} ${value}; limit ${limit}` },
  };
}

/** The columns item 5 reads of each section it checks (docs/standard.md#guarantee-5), with the schools needing each. */
export function classSizeColumns(
  records: readonly SchoolRecord[],
  into: Map<string, { derived: "classSize" | "musicArtRooms"; schools: string[] }>,
): void {
  for (const record of records) {
    if (!CLASS_SIZE_TYPES.includes(record.type)) continue;
    for (const level of presentLevels(record)) {
      for (const check of ["classSize", "startingGradeClassSize"] as const) {
        const id = LARGEST_CLASS_CHECKS[check][level].columnId;
        const entry = into.get(id) ?? { derived: "classSize" as const, schools: [] };
        entry.schools.push(record.name);
        into.set(id, entry);
      }
    }
  }
}

/**
 * docs/standard.md#guarantee-5: every class within 45 (primary) / 50 (junior), checked through each section's largest
 * class; with the Xing'an plan's starting-grade rule (grades 1 and 7) and the 大班额 (≥ 56) and 超大班额 (≥ 66)
 * sections.
 */
export function classSize(
  records: readonly SchoolRecord[],
  columnLocations?: readonly ColumnLocation[],
): Pick<
  DerivedItems,
  "classSize" | "startingGrades" | "largeClasses" | "veryLargeClasses" | "largeClassesUnknown"
> {
  const columns = columnPrefixes(columnLocations);
  const notGiven = notGivenMessages(columns);
  const findings: SchoolFinding[] = [];
  const starting: SchoolFinding[] = [];
  const largeClasses: LargeClassSection[] = [];
  const veryLargeClasses: LargeClassSection[] = [];
  let largeClassesUnknown = 0;
  let checked = 0;
  for (const record of records) {
    if (!CLASS_SIZE_TYPES.includes(record.type)) continue;
    for (const level of presentLevels(record)) {
      checked++;
      const finding = largestClassFinding(record, level, "classSize", columns, notGiven);
      if (finding) findings.push(finding);
      const startingGrade = largestClassFinding(record, level, "startingGradeClassSize", columns, notGiven);
      if (startingGrade) starting.push(startingGrade);
      const largest = record.largestClass?.[LARGEST_CLASS_CHECKS.classSize[level].field];
      if (largest === undefined) largeClassesUnknown++;
      if (largest !== undefined && atLeast(largest, SCHOOL_TABLE_LIMITS.largeClass)) {
        const cell = finding
          ? finding.cell
          : cellOf(record, LARGEST_CLASS_CHECKS.classSize[level].columnId, columns);
        const entry = { school: record.name, level, largestClass: largest, cell };
        largeClasses.push(entry);
        if (atLeast(largest, SCHOOL_TABLE_LIMITS.veryLargeClass)) veryLargeClasses.push(entry);
      }
    }
  }
  return {
    classSize: derivedItem(checked, findings),
    startingGrades: derivedItem(checked, starting),
    largeClasses,
    veryLargeClasses,
    largeClassesUnknown,
  };
}
