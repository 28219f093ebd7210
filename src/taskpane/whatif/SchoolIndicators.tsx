import { Text } from "@fluentui/react-components";
import type { SectionResult } from "../../engine/evaluate";
import { formatNumber, type Lang } from "../../i18n/format";
import { INDICATOR_STATUS_KEY, t } from "../../i18n/messages";
import { INDICATOR_IDS, LEVEL_NAMES, type IndicatorId } from "../../standard/indicators";
import { standardOf, type Profile } from "../../standard/profile";
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
  const value = (section: SectionResult | undefined, id: IndicatorId) => {
    const v = section?.values[id];
    return v === null || v === undefined ? "—" : formatNumber(v, DECIMALS, lang);
  };
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
            const standard = standardOf(profile, id, level);
            const floor = standard * profile.passRule.floorRatio;
            return (
              <tr key={id} data-indicator={id} data-status-after={after.status[id] ?? ""}>
                <th scope="row" style={{ fontWeight: "normal" }}>
                  {def.shortName[lang]}
                  <div className={styles.cellNote}>{def.unit[lang]}</div>
                </th>
                <td>
                  {formatNumber(standard, DECIMALS, lang)}
                  <div className={styles.cellNote}>
                    {t(lang, "whatifFloor", { floor: formatNumber(floor, DECIMALS, lang) })}
                  </div>
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
