/** A county of the plan found by name, and its readiness for its target year, part by part. */
import { PART_NAMES, XING_AN_LEAGUE_PLAN, type Bilingual, type CountyTarget } from "../../standard/county";
import { LEVEL_NAMES, type Level } from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import { columnsOf, rowOf } from "../columns";
import type { Evaluation } from "../evaluate";
import type { SchoolRecord } from "../records";
import { countyStem, nameKey } from "../names";
import { inForceOn, yearOfDay, yearsLeft, type CalendarDay } from "../years";
import type {
  CountyVerdict,
  ItemResult,
  ItemStatus,
  SchoolFinding,
  VerdictPart,
  VetoResult,
} from "./results";

/** A county of the profile (or of the Xing'an plan) by name: exact, then without the 市/旗/县/区 suffix. */
/** The counties the profile's plan sets target years for: its own, else the Xing'an League's plan. */
export function plannedCounties(profile: Profile | null): readonly CountyTarget[] {
  return profile?.counties ?? XING_AN_LEAGUE_PLAN.counties;
}

export function findCounty(profile: Profile | null, name: string): CountyTarget | undefined {
  const counties = plannedCounties(profile);
  const wanted = nameKey(name);
  if (wanted === "") return undefined;
  // by its name or another it goes by (its full official name), else by either without its 市, 旗, 县 or 区
  const names = (c: CountyTarget) => [c.name, ...(c.aliases ?? [])];
  const exact = counties.find((c) => names(c).some((n) => nameKey(n) === wanted));
  if (exact) return exact;
  return counties.find((c) => names(c).some((n) => countyStem(n) === countyStem(wanted)));
}

/**
 * Every name the county called `name` goes by in the profile's plan (its name and its aliases), for finding it in a
 * table that writes another; none when the plan does not list it.
 */
export function countyNames(profile: Profile | null, name: string): string[] {
  const county = findCounty(profile, name);
  return county ? [county.name, ...(county.aliases ?? [])] : [];
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

/**
 * The school and level of each section `failingSections` gives, in its order, read from the evaluation's columns
 * (included, and not passing: docs/standard.md#pass-rule) without making each section's result: readiness
 * names them, nothing more.
 */
function failingSectionNames(evaluation: Evaluation): { school: string; level: Level }[] {
  const county = evaluation.columns;
  const names: { school: string; level: Level }[] = [];
  for (let n = 0; n < county.order.length; n++) {
    const columns = columnsOf(county, n);
    const row = rowOf(county, n);
    if (columns.exclusion[row] !== 0 || columns.pass[row]) continue;
    names.push({
      school: (columns.schools[columns.recordIndex[row]] as SchoolRecord).name,
      level: columns.level,
    });
  }
  return names;
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
    for (const s of failingSectionNames(evaluation)) {
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
