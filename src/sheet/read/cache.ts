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
import type { GridView } from "./gridView";
import type { HeaderReading } from "./headerPaths";

/** Each memo is emptied when it reaches this many entries: a workbook uses a few hundred distinct words. */
const LIMIT = 1024;
/** Known headers kept: the functions of a workbook read rows under a few headers. */
const RECENT_HEADERS = 4;

interface RecentHeader {
  prefix: string;
  topLeft: string;
  bottom: number;
  nameMapped: boolean;
  /** copies of the rows the header may span */
  rows: (readonly unknown[])[];
  reading: HeaderReading | null;
}

const isPlain = (v: unknown) => v === null || v === undefined || typeof v !== "object";
const isPlainRow = (row: readonly unknown[]) => row.every(isPlain);

function samePlainRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || !isPlain(b[i])) return false;
  return true;
}

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
  /** the header readings at a known row asked for last, with the cells they were read from */
  private readonly recentHeaders: RecentHeader[] = [];
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

  /**
   * The header at a known row (the functions give it): the reading kept for the same cells at the same place,
   * compared cell by cell, or `read` of it. Rows holding anything but plain values (an object may change) are
   * read afresh.
   */
  knownHeader(
    view: GridView,
    bottom: number,
    nameMapped: boolean,
    read: () => HeaderReading | null,
  ): HeaderReading | null {
    const top = Math.max(0, bottom - 2);
    const rows: (readonly unknown[])[] = [];
    for (let r = top; r <= bottom; r++) rows.push(view.row(r));
    for (const recent of this.recentHeaders) {
      if (
        recent.bottom === bottom &&
        recent.nameMapped === nameMapped &&
        recent.prefix === view.prefix &&
        recent.topLeft === view.topLeft &&
        recent.rows.length === rows.length &&
        recent.rows.every((row, i) => samePlainRow(row, rows[i]))
      )
        return recent.reading;
    }
    const reading = read();
    if (!rows.every(isPlainRow)) return reading;
    if (this.recentHeaders.length >= RECENT_HEADERS) this.recentHeaders.pop();
    this.recentHeaders.unshift({
      prefix: view.prefix,
      topLeft: view.topLeft,
      bottom,
      nameMapped,
      rows: rows.map((row) => row.slice()),
      reading,
    });
    return reading;
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
