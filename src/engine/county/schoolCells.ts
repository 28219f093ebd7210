import type { Bilingual } from "../../standard/county";
import type { Level } from "../../standard/indicators";
import { SECTIONS_OF_TYPE, sourceCell, type SchoolRecord, type SchoolType } from "../records";
import { combine, type ColumnLocation, type DerivedItem, type SchoolFinding } from "./results";

/*
 * What the items derived from the school table share (schoolItems.ts, classSize.ts): which schools they check,
 * and how a finding names the cell it is about, even a blank one.
 */

/**
 * Which schools items 3–5 check (docs/standard.md#guarantee-3, docs/standard.md#guarantee-4,
 * docs/standard.md#guarantee-5). The standard says "every primary and junior school" (所有小学、初中). Items 3 and 4 therefore apply to
 * 小学, 初中, 九年一贯制, 十二年一贯制 and the junior part of 完全中学; teaching points (教学点) are parts of
 * their central school, and special-education and vocational schools are not ordinary compulsory schools.
 * Item 5 speaks of every class, so it also holds for the classes of teaching points.
 */
export const ROOMS_AND_SIZE_TYPES: readonly SchoolType[] = [
  "primary",
  "junior",
  "nineYear",
  "twelveYear",
  "complete",
];
export const CLASS_SIZE_TYPES: readonly SchoolType[] = [...ROOMS_AND_SIZE_TYPES, "teachingPoint"];

/** The sections a school actually has: a level of its type with enrolment above 0. */
export function presentLevels(record: SchoolRecord): Level[] {
  return SECTIONS_OF_TYPE[record.type].filter((level) => record.students[level] > 0);
}

/**
 * The school table's columns by id, made once per item from where they were found (`ColumnLocation`): the
 * start of a cell address in each column (`学校!T`), so that a blank cell of any row is named without a search.
 * `undefined` when the table's columns are not known at all.
 */
export type ColumnPrefixes = ReadonlyMap<string, string | null> | undefined;

export function columnPrefixes(columns: readonly ColumnLocation[] | undefined): ColumnPrefixes {
  if (!columns) return undefined;
  const prefixes = new Map<string, string | null>();
  for (const column of columns) {
    // the first column of an id is the one read
    if (prefixes.has(column.columnId)) continue;
    const bang = column.cell.lastIndexOf("!");
    const sheetPart = bang >= 0 ? column.cell.slice(0, bang + 1) : "";
    const letters = /([A-Za-z]+)\$?\d+$/.exec(column.cell.slice(bang + 1))?.[1];
    prefixes.set(column.columnId, letters ? `${sheetPart}${letters.toUpperCase()}` : null);
  }
  return prefixes;
}

/** Address of a field of a record: the cell it was read from, or the blank cell in its column. */
export function cellOf(record: SchoolRecord, columnId: string, columns: ColumnPrefixes): string | null {
  const read = sourceCell(record.source, columnId);
  if (read) return read;
  const prefix = columns?.get(columnId);
  return prefix && record.source ? `${prefix}${record.source.row}` : null;
}

const NO_NOTE: Bilingual = { zh: "", en: "" };
const NO_COLUMN_NOTE: Bilingual = { zh: "（学校表无此列）", en: " (the school table has no such column)" };

export function columnMissingNote(columnId: string, columns: ColumnPrefixes): Bilingual {
  return columns && !columns.has(columnId) ? NO_COLUMN_NOTE : NO_NOTE;
}

export function derivedItem(checked: number, findings: SchoolFinding[]): DerivedItem {
  // with no school to check there is nothing to show it holds: missing, not pass
  const status = checked === 0 ? "missing" : combine(findings.map((f) => f.status));
  return { status, checked, findings };
}
