/**
 * A row's record as the engine takes it, its members always in the same order, whichever path read the row.
 */
import type { Facilities, RecordSource, SchoolRecord, SchoolType } from "../../engine/records";
import type { Level } from "../../standard/indicators";
import type { ColumnPlan } from "./columnPlan";
import { LARGEST_CLASS_AT, LARGEST_CLASS_KEYS } from "./fields";

/** What a row's record is made of. */
export interface RecordParts {
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
 * The record. The guarantee items (docs/standard.md#guarantee) keep a blank as undefined, so that the item is
 * "missing", not failing.
 */
export function schoolRecord(parts: RecordParts): SchoolRecord {
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
  const [, , music, art, smallestMusic, smallestArt] = guarantee;
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

/**
 * Where a table row's record came from. Its cells' addresses (`cells`), some thirty a row, are made when first
 * asked for: a county's verdict names a few cells of a few schools, and addresses made for every field of every
 * row would only be kept to the end of the run. `address` names one field's cell without making the others.
 */
export class RowSource implements RecordSource {
  private made: Readonly<Record<string, string>> | null = null;

  constructor(
    readonly sheet: string,
    readonly row: number,
    private readonly plan: ColumnPlan,
  ) {}

  get cells(): Readonly<Record<string, string>> {
    return (this.made ??= sourceCells(this.plan, this.row));
  }

  address(field: string): string | undefined {
    if (this.made !== null) return this.made[field];
    // as addressesOf fills them in: a field read from two columns is named by the later one
    const at = this.plan.cellIds.lastIndexOf(field);
    return at < 0 ? undefined : this.plan.cellPrefixes[at] + String(this.row);
  }

  /** As JSON, what a source is (`RecordSource`): its sheet, row and cells, not the plan it makes them from. */
  toJSON(): Pick<RecordSource, "sheet" | "row" | "cells"> {
    return { sheet: this.sheet, row: this.row, cells: this.cells };
  }
}

/**
 * The addresses of the cells of a row read, by column id: each record gets its own copy. A table's rows are each
 * read once, and their addresses are made once, for the record; a row read again at once (the functions read row
 * 2 of their argument on every call) is kept by the plan from its second read on, and copied.
 */
export function sourceCells(plan: ColumnPlan, rowNumber: number): Record<string, string> {
  const last = plan.lastRow;
  if (last === null || last.rowNumber !== rowNumber) {
    plan.lastRow = { rowNumber, cells: null };
    return addressesOf(plan, rowNumber);
  }
  last.cells ??= addressesOf(plan, rowNumber);
  return { ...last.cells };
}

function addressesOf(plan: ColumnPlan, rowNumber: number): Record<string, string> {
  // a copy of the plan's cells in their order, then each address filled in: no new shape per row, and an object
  // of one shape is copied fast
  const cells: Record<string, string> = { ...plan.cellTemplate };
  const { cellIds, cellPrefixes } = plan;
  const suffix = String(rowNumber);
  for (let i = 0; i < cellIds.length; i++) cells[cellIds[i]] = cellPrefixes[i] + suffix;
  return cells;
}
