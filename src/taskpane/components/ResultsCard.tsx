import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Evaluation } from "../../engine";
import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import { formatCoefficient, formatNumber, type Lang, PUNCTUATION } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import { failingSections, indicatorsShort, weakestIndicators } from "../results";
import { usePaneStyles } from "../styles";

export interface ResultsCardProps {
  lang: Lang;
  evaluation: Evaluation;
  profile: Profile;
  /** report sheets written, each opened by a button */
  sheets: string[];
  onOpenSheet(name: string): void;
}

const SHOWN_FAILING = 5;

/** What the engine decided, in a few lines: verdict, counts, weakest indicators, links to the sheets. */
export function ResultsCard(props: ResultsCardProps) {
  const { lang, evaluation, profile } = props;
  const styles = usePaneStyles();
  const [allFailing, setAllFailing] = useState(false);
  const sep = PUNCTUATION[lang].list;
  const n0 = (n: number) => formatNumber(n, 0, lang);
  const weakest = weakestIndicators(evaluation, 3);
  const failing = failingSections(evaluation);
  const shortName = (id: (typeof INDICATOR_IDS)[number]) => profile.indicators[id].shortName[lang];

  return (
    <section className={styles.step} aria-labelledby="step-results" data-printed>
      <h2 id="step-results" className={styles.stepTitle}>
        {t(lang, "stepResults")}
      </h2>
      <Text
        size={400}
        role="status"
        className={evaluation.resourcesPass ? styles.verdictPass : styles.verdictFail}
        data-verdict={evaluation.resourcesPass ? "pass" : "fail"}
      >
        {evaluation.resourcesPass ? t(lang, "verdictPass") : t(lang, "verdictFail")}
      </Text>
      <Text size={200} className={styles.note}>
        {t(lang, "verdictNote")}
      </Text>
      <ul className={styles.list}>
        {LEVELS.map((level) => {
          const r = evaluation.levels[level];
          const name = LEVEL_NAMES[level][lang];
          return (
            <li key={level} className={styles.small}>
              {r.sections === 0
                ? t(lang, "levelNone", { level: name })
                : t(lang, "levelLine", {
                    level: name,
                    passing: n0(r.passingSections),
                    sections: n0(r.sections),
                    cvPassing: n0(INDICATOR_IDS.filter((id) => r.balance[id].pass).length),
                  })}
            </li>
          );
        })}
      </ul>

      {weakest.length > 0 && (
        <div>
          <h3 className={styles.stepTitle}>{t(lang, "weakestTitle")}</h3>
          <ol className={styles.list} aria-label={t(lang, "weakestTitle")}>
            {weakest.map((w) => (
              <li key={`${w.level}-${w.indicator}`} className={styles.small}>
                <span className={w.pressure > 1 ? styles.verdictFail : undefined}>
                  {LEVEL_NAMES[w.level][lang]} · {shortName(w.indicator)}
                </span>
                {PUNCTUATION[lang].label}
                {t(lang, "weakestCv", {
                  cv: formatCoefficient(w.cv, w.limit, RELATIVE_TOLERANCE, lang),
                  limit: formatNumber(w.limit, 2, lang),
                })}
                {w.sectionsShort > 0 && `${sep}${t(lang, "weakestFailing", { n: n0(w.sectionsShort) })}`}
              </li>
            ))}
          </ol>
        </div>
      )}

      {failing.length > 0 && (
        <div>
          <h3 className={styles.stepTitle}>
            {t(lang, "failingSectionsTitle")}
            {lang === "zh" ? `（${n0(failing.length)}）` : ` (${n0(failing.length)})`}
          </h3>
          <ul className={styles.list} aria-label={t(lang, "failingSectionsTitle")}>
            {/* every section is in the page, the rest hidden on screen until asked for, and printed */}
            {failing.map((s, i) => {
              const shown = allFailing || i < SHOWN_FAILING;
              return (
                <li
                  key={`${s.recordIndex}-${s.level}`}
                  className={`${styles.small} ${shown ? "" : styles.printedOnly}`}
                  data-printed-only={shown ? undefined : ""}
                >
                  {t(lang, "failingSectionLine", {
                    school: s.school,
                    level: LEVEL_NAMES[s.level][lang],
                    indicators: indicatorsShort(s).map(shortName).join(sep),
                  })}
                </li>
              );
            })}
          </ul>
          {failing.length > SHOWN_FAILING && (
            <Button
              size="small"
              appearance="subtle"
              className={styles.screenOnly}
              onClick={() => setAllFailing(!allFailing)}
            >
              {allFailing ? t(lang, "failingFewer") : t(lang, "failingMore", { n: n0(failing.length) })}
            </Button>
          )}
        </div>
      )}

      {props.sheets.length > 0 && (
        <div className={styles.screenOnly}>
          <h3 className={styles.stepTitle}>{t(lang, "sheetsTitle")}</h3>
          <div className={styles.row}>
            {props.sheets.map((name) => (
              <Button key={name} size="small" appearance="secondary" onClick={() => props.onOpenSheet(name)}>
                {t(lang, "openSheet", { sheet: name })}
              </Button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
