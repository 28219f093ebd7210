/**
 * What the reader may keep from one read to the next, in one object with an owner. A read given none makes its
 * own, which lives as long as that read. A caller that reads many tables or rows under the same header keeps one
 * for as long as it reads them: the custom functions' runtime keeps one per runtime (BALANCE.CHECK reads one row
 * under the same header on every call). Nothing in it changes what a read gives, only how soon.
 */
import type { Locale, SchoolType } from "../../engine/records";
import { matchHeader } from "../headers";
import { parseLocale, parseSchoolType } from "../vocabulary";
import type { ColumnPlan } from "./columnPlan";
import type { HeaderReading } from "./headerPaths";

/** Each memo is emptied when it reaches this many entries: a workbook uses a few hundred distinct words. */
const LIMIT = 1024;

function remembered<T>(memo: Map<string, T>, key: string, make: (key: string) => T): T {
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) {
    value = make(key);
    if (memo.size >= LIMIT) memo.clear();
    memo.set(key, value);
  }
  return value as T;
}

export class ReaderCache {
  private readonly headerMatches = new Map<string, string | null>();
  private readonly schoolTypes = new Map<string, SchoolType | null>();
  private readonly locales = new Map<string, Locale | null>();
  /** header readings by the text of their rows and where they stand (see table.ts knownHeaderKey) */
  private readonly readings = new Map<string, HeaderReading | null>();
  /** plans made without a user's mapping, by header reading and what else they follow from */
  private readonly plans = new WeakMap<HeaderReading, Map<string, ColumnPlan>>();
  /** the template's plan by sheet and equipment unit; null where the template-row path cannot rely on it */
  private readonly templatePlans = new Map<string, ColumnPlan | null>();
  private lastTemplate: { sheet: string; unit: string; plan: ColumnPlan | null } | null = null;

  /** Header text → column id (headers.ts matchHeader), each text matched once. */
  readonly matchHeader = (text: string): string | null => remembered(this.headerMatches, text, matchHeader);

  schoolType(text: string): SchoolType | null {
    return remembered(this.schoolTypes, text, parseSchoolType);
  }

  locale(text: string): Locale | null {
    return remembered(this.locales, text, parseLocale);
  }

  headerReading(key: string, read: () => HeaderReading | null): HeaderReading | null {
    return remembered(this.readings, key, read);
  }

  plan(reading: HeaderReading, key: string, make: () => ColumnPlan): ColumnPlan {
    let plans = this.plans.get(reading);
    if (!plans) {
      plans = new Map();
      this.plans.set(reading, plans);
    }
    return remembered(plans, key, make);
  }

  /** The template's plan on a sheet in a unit, made by `make` the first time (templateRow.ts). */
  templatePlan(
    sheet: string,
    unit: "万元" | "元",
    make: (sheet: string, unit: "万元" | "元") => ColumnPlan | null,
  ): ColumnPlan | null {
    const last = this.lastTemplate;
    // the functions ask for the same sheet and unit on every call
    if (last !== null && last.sheet === sheet && last.unit === unit) return last.plan;
    const plan = remembered(this.templatePlans, `${unit}\u0000${sheet}`, () => make(sheet, unit));
    this.lastTemplate = { sheet, unit, plan };
    return plan;
  }
}
