import { formatNumber, formatWan, PUNCTUATION, type Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import type { BudgetPlan, SectionName } from "../engine/plan/budget";
import type { CvStatus, LeastCostPlan } from "../engine/plan/leastCost";
import type { Profile } from "../standard/profile";
import { LEVEL_NAMES } from "../standard/indicators";

/**
 * What a budget buys in words (docs/plans.md#budget), as the CLI prints it and the pane shows it: first whether
 * it buys a pass and what the full plan costs, then, when it does not, the plan within it and what still fails.
 */
export interface BudgetWords {
  /** the verdict on the budget, and what the proven bound says of it */
  verdict: string[];
  /** when the budget does not buy a pass: the plan within it, summed up; null when it does */
  within: {
    title: string;
    /** said when the plan within the budget adds nothing */
    none: string | null;
    passing: string;
    remaining: string | null;
    coefficients: string | null;
  } | null;
}

export function budgetWords(result: BudgetPlan, profile: Profile, lang: Lang): BudgetWords {
  const { full, plan } = result;
  const budget = formatWan(result.budget, lang);
  const cost = formatWan(full.totalCost, lang);
  if (result.fits)
    return {
      verdict: [
        t(lang, "planBudgetFits", { budget, cost, left: formatWan(result.budget - full.totalCost, lang) }),
      ],
      within: null,
    };
  const verdict = [t(lang, full.passesAfter ? "planBudgetShort" : "planBudgetShortFails", { budget, cost })];
  const bound = full.cv.lowerBound;
  if (full.method === "coefficients" && bound !== null)
    verdict.push(
      t(lang, result.provenShort ? "planBudgetProven" : "planBudgetUnproven", {
        bound: formatWan(bound, lang),
      }),
    );
  const n = (x: number) => formatNumber(x, 0, lang);
  return {
    verdict,
    within: {
      title: t(lang, "planBudgetTitle"),
      none: plan.additions.length === 0 ? t(lang, "planBudgetNone") : null,
      passing: t(lang, "planBudgetPassing", {
        before: n(result.passingBefore),
        after: n(result.passingAfter),
        included: n(result.included),
        cost: formatWan(plan.totalCost, lang),
      }),
      remaining: remainingSectionsLine(result.remainingSections, lang),
      coefficients: remainingCoefficientsLine(plan.cv.remaining, profile, lang),
    },
  };
}

/** “仍未达标的学校（校区）2 个：甲小学 小学、乙中学 初中”: the sections a plan leaves failing; null for none. */
export function remainingSectionsLine(sections: readonly SectionName[], lang: Lang): string | null {
  if (sections.length === 0) return null;
  return t(lang, "planBudgetRemaining", {
    n: formatNumber(sections.length, 0, lang),
    sections: sections.map((s) => `${s.school} ${LEVEL_NAMES[s.level][lang]}`).join(PUNCTUATION[lang].list),
  });
}

/** “超过限值的差异系数：小学 运动场馆 0.562（限值 0.50）”: the coefficients a plan leaves over; null for none. */
export function remainingCoefficientsLine(
  remaining: readonly CvStatus[],
  profile: Profile,
  lang: Lang,
): string | null {
  if (remaining.length === 0) return null;
  const open = lang === "zh" ? "（" : " (";
  const close = lang === "zh" ? "）" : ")";
  return t(lang, "planBudgetCoefficients", {
    coefficients: remaining
      .map(
        (c) =>
          `${LEVEL_NAMES[c.level][lang]} ${profile.indicators[c.indicator].shortName[lang]} ${c.cv === null ? "—" : formatNumber(c.cv, 3, lang)}${open}${t(lang, "planBudgetLimit")} ${formatNumber(c.limit, 2, lang)}${close}`,
      )
      .join(PUNCTUATION[lang].list),
  });
}

/**
 * What is proven of a least-cost plan that passes, in a bureau's words (docs/plans.md#method): exact when no
 * coefficient binds; otherwise the proven lower bound in 万元 beside the plan's cost and the gap between them. Null
 * for a plan that does not pass, or a plan within a budget (its own words say what is proven).
 */
export function planProofLine(plan: LeastCostPlan, lang: Lang): string | null {
  if (!plan.passesAfter) return null;
  if (plan.method === "perSchool") return t(lang, "planProofExact");
  if (plan.method !== "coefficients" || plan.cv.lowerBound === null || plan.cv.gap === null) return null;
  return t(lang, "planProofBound", {
    bound: formatWan(plan.cv.lowerBound, lang),
    total: formatWan(plan.totalCost, lang),
    gap: formatNumber(plan.cv.gap * 100, 2, lang),
  });
}
