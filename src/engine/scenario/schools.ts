import type { Profile } from "../../standard/profile";
import type { SchoolRecord } from "../records";
import { absorbedPupils } from "../sections";
import { nameKey } from "../names";

/** A copy of a school record that an edit may change without touching the record given. */
export function cloneRecord(r: SchoolRecord): SchoolRecord {
  return {
    ...r,
    students: { ...r.students },
    teachers: { primary: { ...r.teachers.primary }, junior: { ...r.teachers.junior } },
    facilities: { ...r.facilities },
    sectionFacilities: r.sectionFacilities
      ? Object.fromEntries(Object.entries(r.sectionFacilities).map(([k, v]) => [k, v ? { ...v } : v]))
      : undefined,
  };
}

/** How a school left the scenario: the edit (its place in the file) that closed it, or merged it `into` another. */
export interface GoneSchool {
  edit: number;
  into?: string;
}

/**
 * The schools of one scenario as the edits so far have left them: copies of the records given, found by name,
 * with what the standard's reading needs of them kept until an edit changes it. One for each `applyEdits` call.
 */
export class EditedSchools {
  /** the schools, in the table's order, those opened at the end; an edit may change them in place */
  records: SchoolRecord[];
  // schools by name, made again after an edit that adds or removes one (names are unique in a table; the first
  // one counts where they are not)
  private byName: Map<string, number> | null = null;
  // the primary pupils each school takes in from merged teaching points, made again after an edit that changes
  // enrolments or the schools
  private absorbed: Float64Array | null = null;
  // schools an earlier edit closed or merged away, by name: a later edit naming one is told which edit did it
  private readonly gone = new Map<string, GoneSchool>();

  constructor(
    records: readonly SchoolRecord[],
    private readonly profile: Profile,
  ) {
    this.records = records.map(cloneRecord);
  }

  /** The index of the school named `name` as names are matched (`nameKey`), or -1. */
  find(name: string): number {
    if (!this.byName) {
      const index = new Map<string, number>();
      this.records.forEach((r, i) => {
        const key = nameKey(r.name);
        if (!index.has(key)) index.set(key, i);
      });
      this.byName = index;
    }
    return this.byName.get(nameKey(name)) ?? -1;
  }

  /** The primary pupils school `i` takes in from merged teaching points (`absorbedPupils`). */
  absorbedBy(i: number): number {
    this.absorbed ??= absorbedPupils(this.records, this.profile);
    return this.absorbed[i];
  }

  /** How the school named `name` left the scenario, if an earlier edit closed or merged it. */
  goneBy(name: string): GoneSchool | undefined {
    return this.gone.get(nameKey(name));
  }

  /** To be called after an edit changes a school's enrolment. */
  enrolmentChanged(): void {
    this.absorbed = null;
  }

  /** A new school, at the end. */
  add(record: SchoolRecord): void {
    this.records.push(record);
    this.schoolsChanged();
  }

  /** School `i` leaves the scenario, as `how` says. */
  remove(i: number, how: GoneSchool): void {
    this.gone.set(nameKey(this.records[i].name), how);
    this.records = this.records.filter((_, j) => j !== i);
    this.schoolsChanged();
  }

  private schoolsChanged(): void {
    this.byName = null;
    this.absorbed = null;
  }
}
