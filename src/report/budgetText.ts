import { formatNumber, formatWan, PUNCTUATION, type Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import type { BudgetPlan } from "../engine/plan/budget";
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
  const list = PUNCTUATION[lang].list;
  const open = lang === "zh" ? "（" : " (";
  const close = lang === "zh" ? "）" : ")";
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
      remaining:
        result.remainingSections.length === 0
          ? null
          : t(lang, "planBudgetRemaining", {
              n: n(result.remainingSections.length),
              sections: result.remainingSections
                .map((s) => `${s.school} ${LEVEL_NAMES[s.level][lang]}`)
                .join(list),
            }),
      coefficients:
        plan.cv.remaining.length === 0
          ? null
          : t(lang, "planBudgetCoefficients", {
              coefficients: plan.cv.remaining
                .map(
                  (c) =>
                    `${LEVEL_NAMES[c.level][lang]} ${profile.indicators[c.indicator].shortName[lang]} ${c.cv === null ? "—" : formatNumber(c.cv, 3, lang)}${open}${t(lang, "planBudgetLimit")} ${formatNumber(c.limit, 2, lang)}${close}`,
                )
                .join(list),
            }),
    },
  };
}
