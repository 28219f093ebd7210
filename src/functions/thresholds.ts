import { evaluateSection, indicatorValue, type Section } from "../engine";
import { INDICATOR_IDS, type IndicatorId } from "../standard/indicators";
import { standardOf, type Profile } from "../standard/profile";
import { FunctionError, valueError } from "./errors";
import { nearlyEqual } from "../standard/comparison";
import { numberFromText } from "../sheet/cells";
import { formatNumber } from "../i18n/format";
import {
  amountArgument,
  ARGUMENT,
  passOnErrors,
  normalizeName,
  optionalText,
  resolveIndicator,
  resolveLevel,
  shown,
  shownEn,
  studentCount,
  type ArgumentCell,
} from "./args";

function noStudents(profile: Profile, indicator: IndicatorId): FunctionError {
  return new FunctionError("#DIV/0!", {
    zh: `在校生数为 0：${profile.indicators[indicator].shortName.zh}是按在校生数计算的比值`,
    en: `students is 0: ${profile.indicators[indicator].shortName.en.toLowerCase()} is a ratio to enrolment`,
  });
}

/** BALANCE.INDICATOR: the indicator's value for an amount of the resource and an enrolment (docs/standard.md#indicators). */
export function indicatorOf(
  profile: Profile,
  indicator: ArgumentCell,
  level: ArgumentCell,
  amount: ArgumentCell,
  students: ArgumentCell,
  unit?: ArgumentCell,
): number {
  passOnErrors(
    [indicator, ARGUMENT.indicator],
    [level, ARGUMENT.level],
    [amount, ARGUMENT.amount],
    [students, ARGUMENT.students],
    [unit, ARGUMENT.unit],
  );
  const id = resolveIndicator(indicator, profile);
  resolveLevel(level);
  const a = amountArgument(amount, unit, id, profile).amount;
  const p = studentCount(students);
  const value = indicatorValue(profile, id, a, p);
  if (value === null) throw noStudents(profile, id);
  return value;
}

/** BALANCE.STANDARD: the threshold of an indicator at a level, from the active profile. */
export function standardFor(profile: Profile, indicator: ArgumentCell, level: ArgumentCell): number {
  passOnErrors([indicator, ARGUMENT.indicator], [level, ARGUMENT.level]);
  return standardOf(profile, resolveIndicator(indicator, profile), resolveLevel(level));
}

/** BALANCE.CVLIMIT: the limit on every indicator's difference coefficient at a level. */
export function cvLimitFor(profile: Profile, level: ArgumentCell): number {
  passOnErrors([level, ARGUMENT.level]);
  return profile.cvLimit[resolveLevel(level)];
}

export type ShortfallTarget = "standard" | "floor";

const TARGETS = new Map<string, ShortfallTarget>([
  ["standard", "standard"],
  ["标准", "standard"],
  ["达标", "standard"],
  ["floor", "floor"],
  ["底线", "floor"],
]);

/** A percentage as a target: the number 0.85 (85% typed in the formula or a cell so formatted) or the text "85%". */
function targetRatio(value: ArgumentCell): number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return null;
  const percent = /^(.*)%$/u.exec(normalizeName(value));
  const n = percent ? numberFromText(percent[1]) : null;
  return n === null ? null : n / 100;
}

/**
 * The target of SHORTFALL: the standard (标准, standard, 100%, the default) or its floor (floor, 底线, or the profile's
 * floor as a percentage: 85% in the national standard, docs/standard.md#pass-rule).
 */
export function resolveTarget(value: ArgumentCell, profile: Profile): ShortfallTarget {
  const text = optionalText(value);
  if (text === undefined) return "standard";
  const named = typeof value === "string" ? TARGETS.get(normalizeName(text)) : undefined;
  if (named) return named;
  const ratio = targetRatio(value);
  if (ratio !== null && nearlyEqual(ratio, 1)) return "standard";
  if (ratio !== null && nearlyEqual(ratio, profile.passRule.floorRatio)) return "floor";
  const floor = `${formatNumber(profile.passRule.floorRatio * 100, 0)}%`;
  throw valueError(
    `未知的目标${shown(value)}：用“标准”（默认）或“${floor}”（标准的 ${floor}），也可写 standard、floor`,
    `unknown target ${shownEn(value)}: use "standard" (the default) or "floor" (${floor} of the standard)`,
  );
}

/**
 * BALANCE.SHORTFALL: how much more of the resource a section needs to reach the standard or its floor, in the
 * unit the amount was given in. The figure is the engine's own (evaluateSection's shortfalls), so it agrees
 * with the gap lists of the report: whole numbers for people and rooms, 0 when met.
 */
export function shortfallOf(
  profile: Profile,
  indicator: ArgumentCell,
  level: ArgumentCell,
  amount: ArgumentCell,
  students: ArgumentCell,
  target?: ArgumentCell,
  unit?: ArgumentCell,
): number {
  passOnErrors(
    [indicator, ARGUMENT.indicator],
    [level, ARGUMENT.level],
    [amount, ARGUMENT.amount],
    [students, ARGUMENT.students],
    [target, ARGUMENT.target],
    [unit, ARGUMENT.unit],
  );
  const id = resolveIndicator(indicator, profile);
  const lvl = resolveLevel(level);
  const goal = resolveTarget(target, profile);
  const { amount: a, factor } = amountArgument(amount, unit, id, profile);
  const p = studentCount(students);
  if (!(p > 0)) throw noStudents(profile, id);
  const amounts = Object.fromEntries(INDICATOR_IDS.map((i) => [i, 0])) as Record<IndicatorId, number>;
  amounts[id] = a;
  const section: Section = {
    recordIndex: 0,
    school: "",
    level: lvl,
    students: p,
    included: true,
    amounts,
    facilityShare: null,
  };
  const gap = evaluateSection(profile, section).shortfalls.find((s) => s.indicator === id);
  if (!gap) return 0;
  return (goal === "floor" ? gap.toFloor : gap.toStandard) / factor;
}
