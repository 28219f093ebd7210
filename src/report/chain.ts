/**
 * The audit chain as Excel formulas: how each section's enrolment, apportioning share and resource amounts
 * are computed from the cells of 学校数据, written in the same order of operations as the engine
 * (src/engine/sections.ts), so that Excel, WPS and LibreOffice recompute the engine's numbers to the last bits.
 * Nothing here decides a rule: each formula restates the one the engine applied to this section.
 */
import type { SectionResult } from "../engine/evaluate";
import type { SchoolRecord } from "../engine/records";
import { teachingPointParents } from "../engine/sections";
import { RELATIVE_TOLERANCE } from "../standard/comparison";
import { decimalsBeside, exactPlaces } from "../i18n/format";
import type { FacilityIndicatorId, IndicatorId, Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import type { SchoolData } from "./schoolData";
import { columnIdOf } from "../sheet/template";

/** Excel's spelling of a number in a formula (1.1, 1.32, 1E-9). */
export function formulaNumber(x: number): string {
  return String(x).replace("e", "E");
}

/** The engine's tolerance as formulas write it: `value >= t - ABS(t)*1E-9` is the engine's `atLeast`. */
export const TOLERANCE = formulaNumber(RELATIVE_TOLERANCE);

/**
 * The number format of a figure judged against `thresholds`: `places` decimals ("0.00", or "#,##0.00" `grouped`),
 * or as many more as it takes for the figure printed to stand on its side of each threshold (i18n/format.ts
 * `decimalsBeside`, docs/standard.md#comparison): a coefficient of 0.50000002 is not printed 0.500 beside its limit
 * of 0.50, nor a value of 4.499 printed 4.50 beside its standard.
 */
export function formatBeside(
  value: number | null,
  thresholds: readonly number[],
  places: number,
  grouped = false,
): string {
  let shown = places;
  for (const t of thresholds) shown = Math.max(shown, decimalsBeside(value, t, places, RELATIVE_TOLERANCE));
  return fixedFormat(shown, grouped);
}

/** Excel's number format of `places` decimals: 0.000, or #,##0.000 grouped by thousands. */
function fixedFormat(places: number, grouped: boolean): string {
  return `${grouped ? "#,##0" : "0"}${places > 0 ? `.${"0".repeat(places)}` : ""}`;
}

/**
 * The number format of a threshold: `places` decimals (grouped by thousands or not), or the places that write it as
 * it is (i18n/format.ts `exactPlaces`): 85 % of 4.5 printed 3.825, not 3.82.
 */
export function formatExact(value: number, places: number, grouped = false): string {
  return fixedFormat(exactPlaces(value, places, RELATIVE_TOLERANCE), grouped);
}

/** A sum of cells in the engine's order of addition: (a+b+c), or a alone. */
function sum(cells: string[]): string {
  return cells.length === 1 ? cells[0] : `(${cells.join("+")})`;
}

/** The formulas of one section's figures, over 学校数据. */
export interface SectionChain {
  /** its enrolment */
  students: string;
  /**
   * its share of the whole school's facilities (docs/standard.md#apportioning) as a formula, 1 for a school of
   * one level, or null when the facilities are given per section
   */
  share: string | null;
  /** the amount of a resource the section has, `shareCell` standing for the cell that holds the share */
  amount(id: IndicatorId, shareCell: string): string;
}

/** The formula chains of every section, from the records the evaluation was computed from. */
export function sectionChains(
  records: readonly SchoolRecord[],
  profile: Profile,
  data: SchoolData,
): (section: SectionResult) => SectionChain {
  // docs/standard.md#teaching-points: under the merge option a school's figures include its teaching points'
  const merged = new Map<number, number[]>();
  if (profile.teachingPoints === "mergeIntoParent") {
    teachingPointParents(records).forEach((p, i) => {
      if (p < 0) return;
      const list = merged.get(p) ?? [];
      list.push(i);
      merged.set(p, list);
    });
  }
  return (section) => {
    const index = section.recordIndex;
    const record = records[index];
    const points = merged.get(index) ?? [];
    /** the cell of a column for the school, plus its teaching points' for primary figures */
    const cells = (id: string, withPoints: boolean) => [
      data.cell(id, index),
      ...(withPoints ? points.map((p) => data.cell(id, p)) : []),
    ];
    const studentsOf = (level: Level | "senior") =>
      sum(cells(columnIdOf({ students: level }), level === "primary"));
    const level = section.level;
    const students = studentsOf(level);
    const given = record.sectionFacilities?.[level];
    const w = profile.apportioning;
    const weighted = (weight: number, level: Level | "senior") =>
      `${formulaNumber(weight)}*${studentsOf(level)}`;
    let share: string | null = null;
    if (!given) {
      const part = (weights: Partial<Record<Level | "senior", number>>) => {
        const terms = (Object.keys(weights) as (Level | "senior")[]).map((l) => weighted(weights[l]!, l));
        const total = terms.join("+");
        const own = weights[level] === undefined ? "0" : weighted(weights[level]!, level);
        return `=IF(${total}>0,${own}/(${total}),0)`;
      };
      switch (record.type) {
        case "nineYear":
          share = part({ primary: w.nineYear.primary, junior: w.nineYear.junior });
          break;
        case "twelveYear":
          share = part({
            primary: w.twelveYear.primary,
            junior: w.twelveYear.junior,
            senior: w.twelveYear.senior,
          });
          break;
        case "complete":
          share = part({ junior: w.complete.junior, senior: w.complete.senior });
          break;
        case "special":
          share = `=IF(${studentsOf("primary")}+${studentsOf("junior")}>0,${studentsOf(level)}/(${studentsOf("primary")}+${studentsOf("junior")}),0)`;
          break;
        default:
          share = "1";
      }
    }
    const indoor =
      profile.indoorSportsMovesToSportsArea && record.indoorSportsArea && data.has("indoorSportsArea")
        ? data.cell("indoorSportsArea", index)
        : null;
    return {
      students,
      share,
      amount(id, shareCell) {
        if (id === "qualifiedTeachers" || id === "keyTeachers" || id === "peArtTeachers") {
          return sum(cells(columnIdOf({ teachers: id, level }), level === "primary"));
        }
        const facility = id as FacilityIndicatorId;
        if (given) {
          // a teaching point's facilities join the primary facilities given per section
          const own = data.cell(columnIdOf({ facility, level }), index);
          return sum([own, ...(level === "primary" ? points.map((p) => data.cell(id, p)) : [])]);
        }
        // … and otherwise the whole school's
        let whole = sum(cells(id, !record.sectionFacilities?.primary));
        if (indoor && id === "teachingArea") whole = `(${whole}-${indoor})`;
        if (indoor && id === "sportsArea") whole = `(${whole}+${indoor})`;
        return `${whole}*${shareCell}`;
      },
    };
  };
}
