import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { IndicatorStatus } from "../../engine/evaluate";
import type { Regression, SectionVerdict, Trend } from "../../engine/trend";
import { revealed } from "../../engine/names";
import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import { formatCoefficient, formatNumber, type Lang, PUNCTUATION } from "../../i18n/format";
import { INDICATOR_STATUS_KEY, t, type MessageKey } from "../../i18n/messages";
import { LEVELS, LEVEL_NAMES, type IndicatorId } from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import { noSchoolInCommonLabel, projectionLabel, unchangedLabel } from "../../report/comparison";
import { usePaneStyles } from "../styles";
import { RenameSchools } from "./RenameSchools";

const VERDICT_KEY: Record<SectionVerdict, MessageKey> = {
  pass: "verdictWordPass",
  fail: "verdictWordFail",
  excluded: "verdictWordExcluded",
};
const SHOWN_SECTIONS = 8;

/**
 * A status change's mark by the way it moved: a fall is ▼ whether or not it counts as a regression (in red when
 * it does), and a change to or from no figure is neither.
 */
const DIRECTION_MARK: Record<"better" | "worse" | "none", string> = { better: "▲ ", worse: "▼ ", none: "· " };

export interface TrendResultProps {
  lang: Lang;
  profile: Profile;
  trend: Trend;
  /** null when not known: the heading names the years only */
  county: string | null;
  renames: Record<string, string>;
  onRenames(renames: Record<string, string>): void;
}

/**
 * What `balance compare` shows, for two years: the regressions first, the schools opened and closed, each level's
 * coefficients before → after against the limit, the sections whose indicators changed, enrolment and the
 * projection. Every figure and status is the engine's (src/engine/trend.ts).
 */
export function TrendResult(props: TrendResultProps) {
  const { lang, profile, trend } = props;
  const styles = usePaneStyles();
  const [allSections, setAllSections] = useState(false);
  const sep = PUNCTUATION[lang].list;
  const n0 = (n: number) => formatNumber(n, 0, lang);
  const cv = (v: number | null, limit: number) => formatCoefficient(v, limit, RELATIVE_TOLERANCE, lang);
  const figure = (v: number | null) => formatNumber(v, 2, lang);
  const level = (l: (typeof LEVELS)[number]) => LEVEL_NAMES[l][lang];
  const indicator = (id: IndicatorId) => profile.indicators[id].shortName[lang];
  const status = (s: IndicatorStatus | null) => (s === null ? "—" : t(lang, INDICATOR_STATUS_KEY[s]));
  const { schools } = trend;
  // the coefficient tables' columns: the indicator's name, a figure a year and the limit sharing what is left, and
  // the badge of a limit crossed (wrapping in a narrow pane); the same in the 小学 and the 初中 table, so that the two
  // line up
  const figures = trend.years.length + 1;
  const coefficientColumns = [
    "26%",
    ...Array.from({ length: figures }, () => `${(48 / figures).toFixed(2)}%`),
    "26%",
  ];
  // all of them in the page, those past the first few hidden on screen only: a printout lists them all
  const shown = allSections ? trend.sections.length : SHOWN_SECTIONS;

  const regressionText = (r: Regression) => {
    if (r.kind === "coefficient")
      return t(lang, "trendCoefficientRegression", {
        level: level(r.level),
        indicator: indicator(r.indicator),
        before: cv(r.before, r.limit),
        after: cv(r.after, r.limit),
        limit: formatNumber(r.limit, 2, lang),
      });
    if (r.kind === "section")
      return t(lang, "trendSectionRegression", { school: r.school, level: level(r.level) });
    return t(lang, "trendIndicatorRegression", {
      school: r.school,
      level: level(r.level),
      indicator: indicator(r.indicator),
      before: figure(r.before),
      after: figure(r.after),
      statusBefore: status(r.statusBefore),
      statusAfter: status(r.statusAfter),
    });
  };

  return (
    <section className={styles.step} aria-labelledby="trend-heading" data-trend data-printed>
      <h2 id="trend-heading" className={styles.stepTitle}>
        {props.county === null
          ? trend.years.join(" → ")
          : t(lang, "trendHeading", { county: props.county, years: trend.years.join(" → ") })}
      </h2>

      <YearPairWarnings
        pairs={trend.unchanged}
        label={(pair) => unchangedLabel(pair, lang)}
        mark="data-unchanged"
      />
      <YearPairWarnings
        pairs={trend.noSchoolInCommon}
        label={(pair) => noSchoolInCommonLabel(pair, lang)}
        mark="data-no-school-in-common"
      />

      <MessageBar
        intent={trend.regressions.length > 0 ? "error" : "success"}
        // no indicator worse: a result said politely, not as an error
        politeness={trend.regressions.length > 0 ? undefined : "polite"}
        layout="multiline"
        data-regressions={trend.regressions.length}
      >
        <MessageBarBody>
          <MessageBarTitle>
            {trend.regressions.length > 0
              ? t(lang, "trendRegressions", { n: n0(trend.regressions.length) })
              : t(lang, "trendNoRegression")}
          </MessageBarTitle>
          {trend.regressions.length > 0 && (
            <ul
              className={styles.bullets}
              aria-label={t(lang, "trendRegressions", { n: trend.regressions.length })}
            >
              {trend.regressions.map((r, i) => (
                <li key={i} data-regression={r.kind}>
                  <span className={r.kind === "indicator" ? undefined : styles.verdictFail}>
                    {r.kind === "indicator" ? "△ " : "✗ "}
                    {regressionText(r)}
                  </span>
                  {t(lang, "trendYearsSuffix", { years: `${r.yearBefore} → ${r.yearAfter}` })}
                </li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>

      <div>
        <h3 className={styles.stepTitle}>{t(lang, "trendSchools")}</h3>
        <ul className={styles.list}>
          {schools.added.length > 0 && (
            <li className={styles.small} data-schools="added">
              {t(lang, "trendAdded", { schools: schools.added.map((x) => x.school).join(sep) })}
            </li>
          )}
          {schools.removed.length > 0 && (
            <li className={styles.small} data-schools="removed">
              {t(lang, "trendRemoved", { schools: schools.removed.map((x) => x.school).join(sep) })}
            </li>
          )}
          {schools.renamed.length > 0 && (
            <li className={styles.small} data-schools="renamed">
              {t(lang, "trendRenamed", {
                schools: schools.renamed.map((x) => `${x.from} → ${x.to}`).join(sep),
              })}
            </li>
          )}
          {schools.respelled.length > 0 && (
            <li className={styles.small} data-schools="respelled">
              {t(lang, "trendRespelled", {
                // what tells the spellings apart, which the screen would not show: a zero-width space as <U+200B>
                schools: schools.respelled.map((x) => `${revealed(x.from)} → ${revealed(x.to)}`).join(sep),
              })}
            </li>
          )}
          {schools.merged.length > 0 && (
            <li className={styles.small} data-schools="merged">
              {t(lang, "trendMerged", {
                schools: schools.merged.map((x) => `${x.from.join(sep)} → ${x.school}`).join(sep),
              })}
            </li>
          )}
          {schools.added.length +
            schools.removed.length +
            schools.renamed.length +
            schools.respelled.length +
            schools.merged.length ===
            0 && <li className={styles.small}>{t(lang, "trendNoSchoolChange")}</li>}
        </ul>
        {/* on paper the schools' changes are listed above; nothing to pair by hand */}
        <div className={styles.screenOnly}>
          <RenameSchools
            lang={lang}
            removed={schools.removed.map((x) => x.school)}
            added={schools.added.map((x) => x.school)}
            renames={props.renames}
            onRenames={props.onRenames}
          />
        </div>
      </div>

      <div>
        <h3 className={styles.stepTitle}>{t(lang, "trendCoefficients")}</h3>
        {LEVELS.map((l) => {
          const rows = trend.coefficients.filter((c) => c.level === l);
          if (rows.every((c) => c.values.every((v) => v === null)))
            return (
              <Text key={l} size={200} block>
                {t(lang, "levelNone", { level: level(l) })}
              </Text>
            );
          return (
            <table
              key={l}
              className={`${styles.indicatorTable} ${styles.fixedColumns}`}
              data-coefficients={l}
              data-fixed-columns
            >
              {/* the same widths in the 小学 and the 初中 table, whatever their names and figures: the two line up */}
              <colgroup>
                {coefficientColumns.map((width, i) => (
                  <col key={i} style={{ width }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{level(l)}</th>
                  {trend.years.map((y) => (
                    <th key={y} scope="col">
                      {y}
                    </th>
                  ))}
                  <th scope="col">{t(lang, "trendLimit")}</th>
                  <th scope="col">{t(lang, "trendCrossed")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.indicator} data-indicator={c.indicator} data-crossed={c.crossed ?? "none"}>
                    <th scope="row">{indicator(c.indicator)}</th>
                    {c.values.map((v, i) => (
                      <td key={i} className={c.pass[i] ? undefined : styles.statusUnmet}>
                        {cv(v, c.limit)}
                      </td>
                    ))}
                    <td>{formatNumber(c.limit, 2, lang)}</td>
                    <td>
                      {c.crossed === "up" && (
                        <Badge
                          size="small"
                          appearance="filled"
                          color="danger"
                          className={styles.wrappingBadge}
                        >
                          {t(lang, "trendCrossedUp")}
                        </Badge>
                      )}
                      {c.crossed === "down" && (
                        <Badge
                          size="small"
                          appearance="filled"
                          color="success"
                          className={styles.wrappingBadge}
                        >
                          {t(lang, "trendCrossedDown")}
                        </Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>

      <div>
        <h3 className={styles.stepTitle}>{t(lang, "trendSections", { n: n0(trend.sections.length) })}</h3>
        {trend.sections.length === 0 && <Text size={200}>{t(lang, "trendNoSectionChange")}</Text>}
        <ul className={styles.list}>
          {trend.sections.map((s, i) => {
            const fell = s.before === "pass" && s.after === "fail";
            return (
              <li
                key={`${s.school}-${s.level}-${s.yearAfter}`}
                className={`${styles.small} ${i < shown ? "" : styles.printedOnly}`}
                data-printed-only={i < shown ? undefined : ""}
                data-section={s.school}
              >
                <span className={fell ? styles.verdictFail : undefined}>
                  {t(lang, "trendSectionLine", {
                    school: s.school,
                    level: level(s.level),
                    before: t(lang, VERDICT_KEY[s.before]),
                    after: t(lang, VERDICT_KEY[s.after]),
                  })}
                </span>
                <ul className={styles.bullets}>
                  {s.changes.map((c) => (
                    <li key={c.indicator} className={c.regression ? styles.statusUnmet : undefined}>
                      {DIRECTION_MARK[c.direction ?? "none"]}
                      {t(lang, "trendChange", {
                        indicator: indicator(c.indicator),
                        before: figure(c.before),
                        after: figure(c.after),
                        statusBefore: status(c.statusBefore),
                        statusAfter: status(c.statusAfter),
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
        {trend.sections.length > SHOWN_SECTIONS && (
          <Button size="small" appearance="subtle" onClick={() => setAllSections(!allSections)}>
            {allSections
              ? t(lang, "trendShowFewer")
              : t(lang, "trendShowAll", { n: n0(trend.sections.length) })}
          </Button>
        )}
      </div>

      <div>
        <h3 className={styles.stepTitle}>{t(lang, "trendEnrolment")}</h3>
        <ul className={styles.list}>
          {trend.enrolment.map((e) => (
            <li key={e.level} className={styles.small}>
              {t(lang, "trendEnrolmentLine", {
                level: level(e.level),
                values: e.values.map(n0).join(" → "),
                change: `${e.change > 0 ? "+" : ""}${n0(e.change)}`,
              })}
            </li>
          ))}
        </ul>
      </div>

      <Projection {...props} />
    </section>
  );
}

/** The straight-line projection, labelled as one (report/comparison.ts projectionLabel's words). */
type YearPair = Trend["unchanged"][number];

/**
 * A warning bar for each pair of consecutive years the comparison warns of (`Trend.unchanged`,
 * `Trend.noSchoolInCommon`), worded by `label` and marked by the data attribute `mark`.
 */
function YearPairWarnings(props: { pairs: YearPair[]; label: (pair: YearPair) => string; mark: string }) {
  return (
    <>
      {props.pairs.map((pair) => (
        <MessageBar
          key={`${pair.yearBefore}\u0000${pair.yearAfter}`}
          intent="warning"
          layout="multiline"
          {...{ [props.mark]: true }}
        >
          <MessageBarBody>{props.label(pair)}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

function Projection({ lang, profile, trend }: TrendResultProps) {
  const styles = usePaneStyles();
  const p = trend.projection;
  if (!p)
    return (
      <Text size={200} className={styles.note}>
        {t(lang, "trendProjectionNone")}
      </Text>
    );
  const over = p.coefficients.filter((c) => c.pass === false);
  return (
    <div data-projection>
      <Text size={200} weight="semibold" block>
        {projectionLabel(p.targetYear, lang)}
      </Text>
      {over.length === 0 ? (
        <Text size={200}>{t(lang, "trendProjectionPass", { year: p.targetYear })}</Text>
      ) : (
        <ul className={styles.bullets}>
          {over.map((c) => (
            <li key={`${c.level}-${c.indicator}`}>
              {t(lang, "trendProjectionFail", {
                level: LEVEL_NAMES[c.level][lang],
                indicator: profile.indicators[c.indicator].shortName[lang],
                value: formatCoefficient(c.value, c.limit, RELATIVE_TOLERANCE, lang),
                limit: formatNumber(c.limit, 2, lang),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
