import { Text } from "@fluentui/react-components";
import type { SectionResult } from "../../engine/evaluate";
import { standardAndFloor } from "../../engine/sectionResult";
import { decimalsBeside, exactPlaces, formatNumber, type Lang } from "../../i18n/format";
import { INDICATOR_STATUS_KEY, t } from "../../i18n/messages";
import { INDICATOR_IDS, LEVEL_NAMES, type IndicatorId } from "../../standard/indicators";
import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import type { Profile } from "../../standard/profile";
import { usePaneStyles } from "../styles";

export interface SchoolIndicatorsProps {
  lang: Lang;
  profile: Profile;
  /** the section before the edits (absent when the edits created it) and after them */
  before: SectionResult | undefined;
  after: SectionResult;
}

/** values of every indicator as the report's 达标情况 sheet shows them */
const DECIMALS = 2;

/**
 * One section of the chosen school: its seven indicator values before and after the edits, against the standard
 * and the 85 % line, each marked as the engine decided it (met, at or above the line, short). Nothing is decided
 * here; the line is shown because the pass rule lets one indicator sit between it and the standard.
 */
export function SchoolIndicators(props: SchoolIndicatorsProps) {
  const { lang, profile, before, after } = props;
  const styles = usePaneStyles();
  const level = after.level;
  const thresholds = (id: IndicatorId) => {
    const { standard, floor } = standardAndFloor(profile, id, level);
    return [standard, floor];
  };
  // 2 decimals, or the places a value takes to stand on its side of the standard and of the 85 % line (7.495
  // beside 7.50, not 7.50 marked short of 7.50), as the report and the command line show it
  const value = (section: SectionResult | undefined, id: IndicatorId) => {
    const v = section?.values[id];
    if (v === null || v === undefined) return "—";
    const places = Math.max(...thresholds(id).map((t) => decimalsBeside(v, t, DECIMALS, RELATIVE_TOLERANCE)));
    return formatNumber(v, places, lang);
  };
  // a threshold as it is: 85 % of 4.50 is 3.825, not 3.82
  const exact = (x: number) => formatNumber(x, exactPlaces(x, DECIMALS, RELATIVE_TOLERANCE), lang);
  const statusClass = (section: SectionResult | undefined, id: IndicatorId) => {
    const status = section?.status[id];
    if (status === "met") return styles.statusMet;
    if (status === "floor") return styles.statusFloor;
    return status ? styles.statusUnmet : "";
  };
  const statusText = (section: SectionResult | undefined, id: IndicatorId) => {
    const status = section?.status[id];
    return status ? t(lang, INDICATOR_STATUS_KEY[status]) : "";
  };
  const title = t(lang, "whatifIndicatorsTitle", { school: after.school, level: LEVEL_NAMES[level][lang] });
  return (
    <div data-indicators={`${after.school}:${level}`}>
      <Text weight="semibold" block>
        {title}
      </Text>
      <table className={styles.indicatorTable} aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t(lang, "whatifIndicator")}</th>
            <th scope="col">{t(lang, "whatifStandard")}</th>
            <th scope="col">{t(lang, "whatifBefore")}</th>
            <th scope="col">{t(lang, "whatifAfter")}</th>
          </tr>
        </thead>
        <tbody>
          {INDICATOR_IDS.map((id) => {
            const def = profile.indicators[id];
            const [standard, floor] = thresholds(id);
            return (
              <tr key={id} data-indicator={id} data-status-after={after.status[id] ?? ""}>
                <th scope="row" style={{ fontWeight: "normal" }}>
                  {def.shortName[lang]}
                  <div className={styles.cellNote}>{def.unit[lang]}</div>
                </th>
                <td>
                  {exact(standard)}
                  <div className={styles.cellNote}>{t(lang, "whatifFloor", { floor: exact(floor) })}</div>
                </td>
                <td className={statusClass(before, id)} title={statusText(before, id)}>
                  {value(before, id)}
                  <div className={styles.cellStatus}>{statusText(before, id)}</div>
                </td>
                <td className={statusClass(after, id)} title={statusText(after, id)}>
                  {value(after, id)}
                  <div className={styles.cellStatus}>{statusText(after, id)}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Text size={100} className={styles.note} block>
        {t(lang, "whatifFloorNote")}
      </Text>
    </div>
  );
}
