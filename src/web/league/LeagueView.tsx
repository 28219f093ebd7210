import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { CountyFileResult } from "../../countyWorkbook";
import { countedFirst, type CountyStanding, type LeagueSummary } from "../../engine/league";
import type { CountyYears } from "../../engine/monitor";
import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import { formatCoefficient, formatNumber, formatYuan, type Lang, PUNCTUATION } from "../../i18n/format";
import { t } from "../../i18n/messages";
import {
  NOT_COUNTED,
  NOT_COUNTED_HEADING,
  NOT_COUNTED_WHY,
  RISK_TEXT,
  countyYearLabel,
  courseLabel,
  noYearsProjectionLabel,
  offCourseNote,
  planTotalLabel,
  passingLine,
  projectionOverLabel,
  repeatedLabel,
  unchangedYearsLabel,
  weakLine,
  yearsFilesLabel,
} from "../../report/leagueCounty";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../../standard/indicators";
import { cellInMessage, groupProblems } from "../../problems/problem";
import type { Profile } from "../../standard/profile";
import { usePaneStyles } from "../../taskpane/styles";

export interface LeagueViewProps {
  lang: Lang;
  profile: Profile;
  summary: LeagueSummary;
  /** parallel to summary.counties: what reading and evaluating each file gave */
  results: readonly CountyFileResult[];
  /** the counties given in files of several years (`countiesByYear`), shown year by year as `balance batch` does */
  byYear?: readonly CountyYears[];
}

const SHOWN_PROBLEMS = 3;
const SHOWN_WEAK = 10;

/** Years left as a clerk says them: 剩余 2 年 / 已过 1 年. */
function yearsLeftText(yearsLeft: number, lang: Lang): string {
  const n = Math.abs(yearsLeft);
  return t(lang, yearsLeft >= 0 ? "leagueYearsLeft" : "leagueYearsPast", { n });
}

function verdictBadge(label: string, pass: boolean | null, lang: Lang, data: string) {
  const word = pass === null ? "—" : pass ? t(lang, "statusPass") : t(lang, "statusFail");
  return (
    <Badge
      appearance="tint"
      color={pass === null ? "informative" : pass ? "success" : "danger"}
      data-verdict={`${data}:${pass === null ? "none" : pass ? "pass" : "fail"}`}
    >
      {label}
      {PUNCTUATION[lang].label}
      {word}
    </Badge>
  );
}

/** One county: its verdicts, target year and risk, sections passing, and every coefficient against its limit. */
function CountyCard({
  lang,
  profile,
  standing: s,
}: {
  lang: Lang;
  profile: Profile;
  standing: CountyStanding;
}) {
  const styles = usePaneStyles();
  const n0 = (n: number) => formatNumber(n, 0, lang);
  return (
    <article className={styles.countyCard} data-county={s.county} aria-label={s.county}>
      <h3 className={styles.countyCardTitle}>{s.county}</h3>
      <Text size={200} className={styles.fileName}>
        {t(lang, "leagueFile", { file: s.file })}
      </Text>
      {!s.levels ? (
        <Text size={200} className={styles.verdictFail}>
          {t(lang, "leagueNotEvaluated")}
        </Text>
      ) : (
        <>
          <div className={styles.row}>
            {verdictBadge(t(lang, "leagueResources"), s.resourcesPass, lang, "resources")}
            {verdictBadge(t(lang, "leagueCountyVerdict"), s.countyPass, lang, "county")}
          </div>
          <Text size={200} data-items>
            {t(lang, "leagueSchools", { n: n0(s.schools) })}
            {lang === "zh" ? "，" : "; "}
            {t(lang, "leagueItems", { failing: n0(s.failingItems ?? 0), missing: n0(s.missingItems ?? 0) })}
          </Text>
          <Text size={200} data-target>
            {s.targetYear === null || s.yearsLeft === null
              ? t(lang, "leagueNoTarget")
              : t(lang, "leagueTarget", { year: s.targetYear, left: yearsLeftText(s.yearsLeft, lang) })}
          </Text>
          {s.plan && (
            <Text size={200} data-plan={s.plan.total}>
              {t(lang, "leaguePlanLine", {
                total: formatYuan(s.plan.total, lang),
                recurring: formatYuan(s.plan.recurring, lang),
                oneOff: formatYuan(s.plan.oneOff, lang),
              })}
              {!s.plan.passesAfter && (
                <span className={styles.verdictFail}> {t(lang, "leaguePlanStillFails")}</span>
              )}
            </Text>
          )}
          {!s.counted && (
            <Text size={200} className={styles.small} data-not-counted>
              {NOT_COUNTED[lang]}
            </Text>
          )}
          {s.atRisk && s.risk && (
            <Text size={200} className={styles.verdictFail} data-at-risk={s.risk}>
              {t(lang, "leagueAtRisk", { reason: RISK_TEXT[s.risk][lang] })}
            </Text>
          )}
          <ul className={styles.list}>
            {LEVELS.map((level) => {
              const l = s.levels![level];
              return (
                <li key={level} className={styles.small} data-passing={level}>
                  {passingLine(level, l, lang)}
                </li>
              );
            })}
          </ul>
          <table className={styles.indicatorTable}>
            <thead>
              <tr>
                <th scope="col">{t(lang, "trendIndicator")}</th>
                {LEVELS.map((level) => (
                  <th key={level} scope="col">
                    {t(lang, "leagueCvHeader", {
                      level: LEVEL_NAMES[level][lang],
                      limit: formatNumber(s.levels![level].limit, 2, lang),
                    })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {INDICATOR_IDS.map((id) => (
                <tr key={id}>
                  <th scope="row">{profile.indicators[id].shortName[lang]}</th>
                  {LEVELS.map((level) => {
                    const l = s.levels![level];
                    return (
                      <td
                        key={level}
                        className={l.cvPass[id] ? undefined : styles.statusUnmet}
                        data-cv={`${level}:${id}`}
                        data-pass={l.cvPass[id] ? "pass" : "fail"}
                      >
                        {formatCoefficient(l.cv[id], l.limit, RELATIVE_TOLERANCE, lang)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}

/**
 * The counties given in files of several years, after the league's view, in the words of `balance batch`: a line
 * per year, then the projection to the target year and the course it gives, both labelled as a projection.
 */
function YearByYear({
  lang,
  profile,
  byYear,
}: {
  lang: Lang;
  profile: Profile;
  byYear: readonly CountyYears[];
}) {
  const styles = usePaneStyles();
  return (
    <section className={styles.step} aria-labelledby="league-years" data-years>
      <h2 id="league-years" className={styles.stepTitle}>
        {t(lang, "leagueYearsTitle")}
      </h2>
      <Text size={200} className={styles.note}>
        {t(lang, "leagueYearsHelp")}
      </Text>
      {byYear.map((c) => (
        <article key={c.county} data-years-county={c.county} aria-label={c.county}>
          <h3 className={styles.countyCardTitle}>
            {c.targetYear === null
              ? c.county
              : t(lang, "leagueYearsCounty", { county: c.county, year: c.targetYear })}
          </h3>
          <ul className={styles.bullets}>
            {c.years.map(({ year, standing }) => (
              <li
                key={year}
                data-year={year}
                className={standing.ok && standing.countyPass ? undefined : styles.verdictFail}
              >
                {countyYearLabel(year, standing, lang)}
              </li>
            ))}
            <li className={styles.note} data-projection={c.projection ? c.projection.targetYear : "none"}>
              {c.projection
                ? projectionOverLabel(c.projection, profile, lang)
                : noYearsProjectionLabel(c, lang)}
            </li>
            {c.projection && (
              <li
                className={c.course.onCourse === false ? styles.verdictFail : styles.note}
                data-course={c.course.onCourse === null ? "none" : c.course.onCourse ? "on" : "off"}
              >
                {courseLabel(c, lang)}
              </li>
            )}
          </ul>
        </article>
      ))}
    </section>
  );
}

/**
 * The league's view of `balance batch`: the files that could not be evaluated with their problems, each county's
 * standing, the weakest indicators and the counties at risk — all from the engine's league view
 * (src/engine/league.ts).
 */
export function LeagueView(props: LeagueViewProps) {
  const { lang, profile, summary, results, byYear = [] } = props;
  const styles = usePaneStyles();
  const failed = results.filter((r) => !r.ok);
  const weak = summary.indicators.filter((r) => r.countiesFailing > 0).slice(0, SHOWN_WEAK);
  const evaluated = summary.counties.some((c) => c.ok && c.counted);
  const order = countedFirst(summary.counties);
  const card = (i: number) => (
    <CountyCard
      key={`${summary.counties[i].file}-${i}`}
      lang={lang}
      profile={profile}
      standing={summary.counties[i]}
    />
  );

  return (
    <div className={styles.column} data-league>
      {failed.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-failed-files={failed.length}>
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "leagueFailedTitle", { n: failed.length })}</MessageBarTitle>
            <ul className={styles.bullets}>
              {failed.map((r, i) => {
                // many cells of a column with the same problem are one (their range and count), as the check lists them
                const errors = groupProblems(r.problems.filter((p) => p.severity === "error"));
                return (
                  <li key={i} data-failed-file={r.source.file}>
                    {t(lang, "leagueFailedLine", { file: r.source.file })}
                    {errors.slice(0, SHOWN_PROBLEMS).map((p, k) => (
                      <span key={k}>
                        {k > 0 && PUNCTUATION[lang].clause}
                        {p.cell && cellInMessage(p.message[lang], p.cell) < 0 && (
                          <span className={styles.cell}>{p.cell} </span>
                        )}
                        {/* one stop between problems: the clause mark, not the message's own full stop too */}
                        {p.message[lang].replace(/[。.]$/u, "")}
                      </span>
                    ))}
                    {errors.length > SHOWN_PROBLEMS &&
                      `${PUNCTUATION[lang].clause}${t(lang, "leagueProblemsMore", { n: errors.length - SHOWN_PROBLEMS })}`}
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {/* genuine problems above the cards: two files of one year for a county, two years of the same figures */}
      {summary.repeated.map((r) => {
        const text = repeatedLabel(r, lang);
        return (
          text && (
            <MessageBar key={r.county} intent="warning" layout="multiline" data-repeated={r.county}>
              <MessageBarBody>{text}</MessageBarBody>
            </MessageBar>
          )
        );
      })}
      {byYear.flatMap((y) =>
        y.unchanged.map((u) => (
          <MessageBar
            key={`${y.county}-${u.yearAfter}`}
            intent="warning"
            layout="multiline"
            data-unchanged={`${y.county}:${u.yearBefore}-${u.yearAfter}`}
          >
            <MessageBarBody>{unchangedYearsLabel(y.county, u, lang)}</MessageBarBody>
          </MessageBar>
        )),
      )}

      <section className={styles.step} aria-labelledby="league-counties">
        <h2 id="league-counties" className={styles.stepTitle}>
          {t(lang, "leagueCounties", { n: summary.counties.length })}
        </h2>
        {/* the counted line of each county first; the earlier years and copies under a heading of their own */}
        <div className={styles.countyCards} data-counted-cards>
          {order.counted.map(card)}
        </div>
        {summary.planTotal && (
          <Text weight="semibold" data-plan-total={summary.planTotal.total}>
            {planTotalLabel(summary.planTotal, lang)}
          </Text>
        )}
        {order.others.length > 0 && (
          <>
            <h3 className={styles.stepTitle} data-not-counted-heading>
              {NOT_COUNTED_HEADING[lang]}
            </h3>
            <Text size={200} className={styles.note}>
              {NOT_COUNTED_WHY[lang]}
            </Text>
            <div className={styles.countyCards} data-not-counted-cards>
              {order.others.map(card)}
            </div>
          </>
        )}
        {yearsFilesLabel(summary.repeated, lang) && (
          <Text size={200} className={styles.note} data-years-files>
            {yearsFilesLabel(summary.repeated, lang)}
          </Text>
        )}
      </section>

      <section className={styles.step} aria-labelledby="league-weakest">
        <h2 id="league-weakest" className={styles.stepTitle}>
          {t(lang, "leagueWeakest")}
        </h2>
        {weak.length === 0 ? (
          // no county evaluated is no evidence that every indicator passes
          <Text size={200} data-no-weak={evaluated ? "passing" : "none-evaluated"}>
            {t(lang, evaluated ? "leagueNoWeak" : "leagueNoneEvaluated")}
          </Text>
        ) : (
          <ol className={styles.bullets} data-weakest>
            {weak.map((r) => (
              <li key={`${r.level}-${r.indicator}`} data-weak={`${r.level}:${r.indicator}`}>
                <strong>
                  {t(lang, "leagueWeakName", {
                    level: LEVEL_NAMES[r.level][lang],
                    indicator: profile.indicators[r.indicator].shortName[lang],
                  })}
                </strong>
                {weakLine(r, lang)}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className={styles.step} aria-labelledby="league-risk">
        <h2 id="league-risk" className={styles.stepTitle}>
          {t(lang, "leagueRiskTitle")}
        </h2>
        {summary.atRisk.length === 0 ? (
          <Text size={200}>{t(lang, "leagueNoRisk")}</Text>
        ) : (
          <ul className={styles.bullets} data-risks>
            {summary.atRisk.map((s, i) => (
              <li key={i} className={styles.verdictFail} data-risk={s.county}>
                {t(lang, "leagueRiskLine", {
                  county: s.county,
                  year: s.targetYear ?? "—",
                  left: s.yearsLeft === null ? "—" : yearsLeftText(s.yearsLeft, lang),
                  reason: s.risk ? RISK_TEXT[s.risk][lang] : "",
                })}
              </li>
            ))}
          </ul>
        )}
        {offCourseNote(byYear, lang) && (
          <Text size={200} className={styles.statusFloor} data-off-course>
            {offCourseNote(byYear, lang)}
          </Text>
        )}
      </section>

      {byYear.length > 0 && <YearByYear lang={lang} profile={profile} byYear={byYear} />}
    </div>
  );
}
