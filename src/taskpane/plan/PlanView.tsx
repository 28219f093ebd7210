import * as React from "react";
import {
  Badge,
  Button,
  Field,
  SpinButton,
  Spinner,
  Text,
  makeStyles,
  tokens,
  type SpinButtonChangeEvent,
  type SpinButtonOnChangeData,
} from "@fluentui/react-components";
import type { ViewProps } from "../viewProps";
import {
  DEFAULT_PROJECT_SIZES,
  DEFAULT_UNIT_COSTS,
  isRecurring,
  type UnitCosts,
} from "../../engine/plan/costs";
import { planLeastCost, type LeastCostPlan } from "../../engine/plan/leastCost";
import { planRotation, type RotationPlan } from "../../engine/plan/rotation";
import { INDICATOR_IDS, LEVEL_NAMES, type IndicatorId } from "../../standard/indicators";
import { formatNumber, formatWan, type Lang } from "../../i18n/format";
import { planSheet, rotationSheet } from "../../report/planSheets";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", maxWidth: "350px", padding: "4px" },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: "8px", rowGap: "4px" },
  row: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

const STEP: Record<IndicatorId, number> = {
  qualifiedTeachers: 10000,
  keyTeachers: 10000,
  peArtTeachers: 10000,
  teachingArea: 100,
  sportsArea: 50,
  equipmentValue: 0.1,
  multimediaRooms: 5000,
};

function amountText(props: ViewProps, resource: IndicatorId, amount: number): string {
  const { profile, lang } = props;
  if (resource === "equipmentValue") return formatWan(amount, lang);
  const integral = profile.indicators[resource].integral || Number.isInteger(amount);
  return `${formatNumber(amount, integral ? 0 : 2, lang)} ${profile.indicators[resource].resourceUnit[lang]}`;
}

/** 规划 Plan: unit costs, the least-cost plan and the rotation, written as sheets on request. */
export function PlanView(props: ViewProps): React.JSX.Element {
  const { records, profile, lang } = props;
  const styles = useStyles();
  const [costs, setCosts] = React.useState<UnitCosts>({ ...DEFAULT_UNIT_COSTS });
  const [plan, setPlan] = React.useState<LeastCostPlan | null>(null);
  const [rotation, setRotation] = React.useState<RotationPlan | null>(null);
  const [busy, setBusy] = React.useState<null | "plan" | "rotation" | "write">(null);
  const [message, setMessage] = React.useState<string | null>(null);

  // a new table or profile makes earlier results stale
  React.useEffect(() => {
    setPlan(null);
    setRotation(null);
  }, [records, profile]);

  const changeCost = (id: IndicatorId) => (_e: SpinButtonChangeEvent, data: SpinButtonOnChangeData) => {
    const raw =
      data.value ?? (data.displayValue !== undefined ? Number(data.displayValue.replace(/,/g, "")) : NaN);
    if (raw === null || !Number.isFinite(raw) || raw < 0) return;
    setCosts((c) => ({ ...c, [id]: raw }));
    setPlan(null);
  };

  const fail = (e: unknown) =>
    setMessage(t(lang, "计算失败：", "The calculation failed: ") + String((e as Error)?.message ?? e));

  const runPlan = async () => {
    setBusy("plan");
    setMessage(null);
    try {
      // facilities as projects a bureau can carry out (docs: plan defaults), never a few square metres
      setPlan(await planLeastCost(records, profile, costs, { projects: DEFAULT_PROJECT_SIZES }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  const runRotation = async () => {
    setBusy("rotation");
    setMessage(null);
    try {
      setRotation(await planRotation(records, profile));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  const write = async () => {
    const sheets = [];
    if (plan) sheets.push(planSheet(plan, costs, profile, lang, { projects: DEFAULT_PROJECT_SIZES }));
    if (rotation) sheets.push(rotationSheet(rotation, profile, lang));
    if (sheets.length === 0) return;
    setBusy("write");
    setMessage(null);
    try {
      await props.onWriteSheets(sheets);
      setMessage(t(lang, "已写入工作表。", "The sheets were written."));
    } catch (e) {
      setMessage(t(lang, "写入失败：", "Could not write: ") + String((e as Error)?.message ?? e));
    } finally {
      setBusy(null);
    }
  };

  if (records.length === 0) {
    return (
      <div className={styles.root}>
        <Text>{t(lang, "请先读取学校表。", "Read the school table first.")}</Text>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <Text weight="semibold">{t(lang, "单位成本（元）", "Unit costs (yuan)")}</Text>
      <div className={styles.grid}>
        {INDICATOR_IDS.map((id) => {
          const label = `${profile.indicators[id].shortName[lang]}／${profile.indicators[id].resourceUnit[lang]}${
            TEACHER_PER_YEAR.has(id) ? t(lang, "·年", "·year") : ""
          }`;
          return (
            <Field label={label} key={id}>
              <SpinButton
                value={costs[id]}
                displayValue={formatNumber(costs[id], id === "equipmentValue" ? 2 : 0, lang)}
                min={0}
                step={STEP[id]}
                onChange={changeCost(id)}
                aria-label={label}
              />
            </Field>
          );
        })}
      </div>
      <Text className={styles.note}>
        {t(
          lang,
          "默认值为估算，请按本地价格修改：教师按每人每年计，其余按一次性投入计。",
          "The defaults are estimates; put in local prices. Teachers are costed per person per year, the rest once.",
        )}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={runPlan}>
          {t(lang, "计算最低成本方案", "Find the least-cost plan")}
        </Button>
        <Button disabled={busy !== null} onClick={runRotation}>
          {t(lang, "计算交流轮岗方案", "Plan the teacher rotation")}
        </Button>
      </div>
      {(busy === "plan" || busy === "rotation") && (
        <Spinner size="tiny" label={t(lang, "正在计算…", "Calculating…")} />
      )}

      {plan && (
        <section aria-label={t(lang, "补充方案", "Plan")}>
          <div className={styles.row}>
            <Text weight="semibold">
              {t(lang, "经常性支出", "Recurring")}：{formatWan(plan.recurringCost, lang)}
              {t(lang, "/年；一次性投入", " a year; one-off")}：{formatWan(plan.oneOffCost, lang)}
            </Text>
            <Badge appearance="filled" color={plan.passesAfter ? "success" : "danger"}>
              {plan.passesAfter
                ? t(lang, "补充后达标", "Passes after")
                : t(lang, "补充后仍未达标", "Still fails")}
            </Badge>
          </div>
          <Text className={styles.note} block>
            {t(lang, "逐校补足的简单方案：", "Simple per-school top-up: ")}
            {formatWan(plan.baselineRecurringCost, lang)}
            {t(lang, "/年 + ", " a year + ")}
            {formatWan(plan.baselineOneOffCost, lang)}
            {plan.method === "coefficients" && plan.cv.gap !== null
              ? t(
                  lang,
                  `；与下界差距 ${formatNumber(plan.cv.gap * 100, 3, lang)}%`,
                  `; gap to the lower bound ${formatNumber(plan.cv.gap * 100, 3, lang)}%`,
                )
              : ""}
          </Text>
          {plan.additions.length === 0 ? (
            <Text>{t(lang, "无需补充。", "Nothing to add.")}</Text>
          ) : (
            <ul className={styles.list}>
              {plan.additions.map((a, i) => (
                <li key={i}>
                  {a.school}
                  {a.level ? ` ${LEVEL_NAMES[a.level][lang]}` : t(lang, "（全校）", " (whole school)")}{" "}
                  {profile.indicators[a.resource].shortName[lang]} +{amountText(props, a.resource, a.amount)}
                  ，{formatWan(a.cost, lang)}
                  {isRecurring(a.resource) ? t(lang, "/年", " a year") : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {rotation && (
        <section aria-label={t(lang, "交流轮岗", "Rotation")}>
          <Text weight="semibold" block>
            {t(
              lang,
              `交流轮岗：达标 ${rotation.passingBefore} → ${rotation.passingAfter}，交流 ${rotation.teachersMoved} 人`,
              `Rotation: passing ${rotation.passingBefore} → ${rotation.passingAfter}, ${rotation.teachersMoved} teachers move`,
            )}
          </Text>
          {rotation.moves.length === 0 ? (
            <Text>{t(lang, "无可行的轮岗。", "No useful move.")}</Text>
          ) : (
            <ul className={styles.list}>
              {rotation.moves.map((m, i) => (
                <li key={i}>
                  {m.from} → {m.to}（{LEVEL_NAMES[m.level][lang]}）
                  {profile.indicators[m.resource].shortName[lang]} {formatNumber(m.count, 0, lang)}
                  {t(lang, " 人", "")}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {(plan || rotation) && (
        <Button disabled={busy !== null} onClick={write}>
          {t(lang, "写入工作表", "Write as sheets")}
        </Button>
      )}
      {message && <Text>{message}</Text>}
    </div>
  );
}

const TEACHER_PER_YEAR = new Set<IndicatorId>(["qualifiedTeachers", "keyTeachers", "peArtTeachers"]);
