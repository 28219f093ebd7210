import * as React from "react";
import { writeSheetsNote } from "../writeSheets";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from "@fluentui/react-components";
import type { ViewProps } from "../viewProps";
import {
  DEFAULT_PROJECT_SIZES,
  DEFAULT_UNIT_COSTS,
  costWarnings,
  isRecurring,
  projectWarnings,
  type ProjectSizes,
  type UnitCosts,
} from "../../engine/plan/costs";
import { planLeastCost, type LeastCostPlan } from "../../engine/plan/leastCost";
import { planRotation, type RotationPlan } from "../../engine/plan/rotation";
import { SolverUnavailable } from "../../engine/plan/highs";
import { planWithinBudget, type BudgetPlan } from "../../engine/plan/budget";
import { budgetWords, planProofLine } from "../../report/budgetText";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVEL_NAMES,
  type FacilityIndicatorId,
  type IndicatorId,
} from "../../standard/indicators";
import { formatNumber, formatWan } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { NumberField, fieldText } from "../components/NumberField";
import { PrintedPage, printedTitle } from "../components/PrintedPage";
import { usePaneStyles } from "../styles";
import { planSheet, rotationSheet } from "../../report/planSheets";
import { plannedEditRows } from "../../report/editRows";
import { editedCounty, type EditedCounty, type Edit } from "../../engine/scenario";
import {
  editCostWords,
  whatIfCost,
  whatIfCostWords,
  withEditsCost,
  withEditsCostWords,
  type WhatIfCost,
} from "../../engine/whatifCost";

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

const NO_EDITS: readonly Edit[] = [];

/**
 * 规划 Plan: unit costs, the least-cost plan and the rotation, written as sheets on request; for the table as read
 * or, once 模拟 has edits, for the county after them (docs/plans.md#plan-edits), as `balance plan --edits` plans.
 */
export function PlanView(props: ViewProps): React.JSX.Element {
  const { profile, lang } = props;
  const styles = usePaneStyles();
  const edits = props.whatIf?.edits ?? NO_EDITS;
  // after the what-if's edits unless the planner asks for the table as read
  const [afterEdits, setAfterEdits] = React.useState(true);
  // the engine applies the edits, as for `balance plan --edits`; those it cannot apply are left out, as in 模拟
  const edited = React.useMemo(
    () => (edits.length > 0 ? editedCounty(props.records, edits, profile, lang) : null),
    [props.records, edits, profile, lang],
  );
  const scenario = afterEdits ? edited : null;
  const records = scenario ? scenario.records : props.records;
  /** the edits the plan is made after, in words, for the sheets to say */
  const described = scenario?.described;
  // the pane's unit costs, which 模拟 prices its edits with, else the view's own
  const own = React.useState<UnitCosts>({ ...DEFAULT_UNIT_COSTS });
  const [costs, setCosts] = props.unitCosts ? [props.unitCosts.costs, props.unitCosts.setCosts] : own;
  // what the edits themselves cost at the plan's unit costs (docs/plans.md#plan-edits), as 模拟 prices them
  const editsCost = scenario ? whatIfCost(edits, scenario, costs) : null;
  /** the edits for the plan's sheets: each with what it moved and cost, those left out counted, as on screen */
  const planned =
    scenario && editsCost
      ? { ...scenario, cost: editsCost, notApplied: edits.length - scenario.applied.length }
      : undefined;
  const [projects, setProjects] = React.useState<ProjectSizes>(() => ({
    minimum: { ...DEFAULT_PROJECT_SIZES.minimum },
    step: { ...DEFAULT_PROJECT_SIZES.step },
  }));
  /** 万元; 0: no budget */
  const [budget, setBudget] = React.useState(0);
  const [plan, setPlan] = React.useState<LeastCostPlan | null>(null);
  const [within, setWithin] = React.useState<BudgetPlan | null>(null);
  const [rotation, setRotation] = React.useState<RotationPlan | null>(null);
  const [busy, setBusy] = React.useState<null | "plan" | "rotation" | "write">(null);
  const [message, setMessage] = React.useState<string | null>(null);

  // a new table or profile, other edits or the other table to plan for make earlier results stale
  React.useEffect(() => {
    setPlan(null);
    setWithin(null);
    setRotation(null);
  }, [props.records, profile, edits, afterEdits]);

  const changeCost = (id: IndicatorId) => (value: number) => {
    setCosts((c) => ({ ...c, [id]: value }));
    setPlan(null);
  };

  const changeProject = (part: keyof ProjectSizes, id: FacilityIndicatorId) => (value: number) => {
    setProjects((p) => ({ ...p, [part]: { ...p[part], [id]: value } }));
    setPlan(null);
  };

  const fail = (e: unknown) =>
    setMessage(
      e instanceof SolverUnavailable
        ? t(lang, "planSolverUnavailable")
        : t(lang, "planFailed", { message: String((e as Error)?.message ?? e) }),
    );

  const runPlan = async () => {
    setBusy("plan");
    setMessage(null);
    try {
      // facilities as projects a bureau can carry out (docs: plan defaults), never a few square metres
      const full = await planLeastCost(records, profile, costs, { projects });
      setPlan(full);
      setWithin(
        budget > 0
          ? await planWithinBudget(records, profile, budget * 10000, costs, { projects, full })
          : null,
      );
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
    if (plan) sheets.push(planSheet(plan, costs, profile, lang, { projects, edits: planned }));
    if (within && !within.fits)
      sheets.push(planSheet(within.plan, costs, profile, lang, { projects, edits: planned }));
    if (rotation) sheets.push(rotationSheet(rotation, profile, lang, { edits: described }));
    if (sheets.length === 0) return;
    setBusy("write");
    setMessage(null);
    setMessage(await writeSheetsNote(props.onWriteSheets, sheets, lang));
    setBusy(null);
  };

  if (props.records.length === 0) {
    return (
      <div className={styles.view}>
        <Text>{t(lang, "viewReadFirst")}</Text>
      </div>
    );
  }

  const costLabel = (id: IndicatorId) =>
    t(lang, "planCostLabel", {
      name: profile.indicators[id].shortName[lang],
      unit:
        lang === "zh"
          ? profile.indicators[id].resourceUnit.zh
          : (ONE_OF[profile.indicators[id].resourceUnit.en] ?? profile.indicators[id].resourceUnit.en),
      perYear: isRecurring(id) ? t(lang, "planPerYear") : "",
    });

  // on paper: the prices the plan was made at (the boxes they were typed in are not printed), the plan, what the
  // budget buys and the rotation, under a title and over a line to sign once there is a plan
  return (
    <PrintedPage
      lang={lang}
      name="plan"
      className={styles.view}
      title={printedTitle(props.print?.parts ?? {}, "printPlan", lang)}
      read={props.print?.read}
      signed={plan !== null || rotation !== null}
    >
      {edited && (
        <Field label={t(lang, "planBasis")}>
          <RadioGroup
            value={afterEdits ? "edited" : "table"}
            disabled={busy !== null}
            onChange={(_e, data) => setAfterEdits(data.value === "edited")}
          >
            <Radio value="edited" label={t(lang, "planBasisEdited", { n: edited.applied.length })} />
            <Radio value="table" label={t(lang, "planBasisTable")} />
          </RadioGroup>
        </Field>
      )}
      {scenario && editsCost && (
        <PlannedAfter {...props} scenario={scenario} edits={edits.length} cost={editsCost} />
      )}
      <h2 className={styles.stepTitle}>{t(lang, "planUnitCosts")}</h2>
      <div className={styles.fieldGrid}>
        {INDICATOR_IDS.map((id) => (
          <NumberField
            key={id}
            lang={lang}
            label={costLabel(id)}
            value={costs[id]}
            decimals={2}
            step={STEP[id]}
            onValue={changeCost(id)}
          />
        ))}
      </div>
      {(plan || rotation) && (
        <table
          className={`${styles.indicatorTable} ${styles.printedOnly}`}
          aria-label={t(lang, "planUnitCosts")}
          data-printed
          data-plan-costs
        >
          <thead>
            <tr>
              <th scope="col" colSpan={2}>
                {t(lang, "planUnitCosts")}
              </th>
            </tr>
          </thead>
          <tbody>
            {INDICATOR_IDS.map((id) => (
              <tr key={id}>
                <th scope="row">{costLabel(id)}</th>
                <td>{fieldText(costs[id], 2, lang)}</td>
              </tr>
            ))}
            {budget > 0 && (
              <tr>
                <th scope="row">{t(lang, "printPlanBudget")}</th>
                <td>{fieldText(budget, 2, lang)}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <Text className={styles.note} size={200}>
        {t(lang, "planCostNote")}
      </Text>
      {costWarnings(costs).map((w) => (
        <Text key={w.message.en} className={styles.note} size={200} block role="status">
          {w.message[lang]}
        </Text>
      ))}
      <Accordion collapsible>
        <AccordionItem value="projects">
          <AccordionHeader size="small">{t(lang, "planProjects")}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.fieldGrid}>
              {FACILITY_INDICATORS.flatMap((id) => {
                const name = profile.indicators[id].shortName[lang];
                const unit = profile.indicators[id].resourceUnit[lang];
                return (["minimum", "step"] as const).map((part) => (
                  <NumberField
                    key={`${part}-${id}`}
                    lang={lang}
                    label={t(lang, part === "minimum" ? "planProjectMinimum" : "planProjectStep", {
                      name,
                      unit,
                    })}
                    value={projects[part][id]}
                    decimals={0}
                    step={Math.max(1, DEFAULT_PROJECT_SIZES.step[id])}
                    onValue={changeProject(part, id)}
                  />
                ));
              })}
            </div>
            <Text className={styles.note} size={200}>
              {t(lang, "planProjectsNote")}
            </Text>
            {projectWarnings(projects).map((w) => (
              <Text key={w.message.en} className={styles.note} size={200} block role="status">
                {w.message[lang]}
              </Text>
            ))}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <NumberField
        lang={lang}
        label={t(lang, "planBudget")}
        value={budget}
        decimals={2}
        step={10}
        onValue={(value) => {
          setBudget(value);
          setPlan(null);
        }}
      />
      <Text className={styles.note} size={200}>
        {t(lang, "planBudgetNote")}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={runPlan}>
          {t(lang, "planRun")}
        </Button>
        <Button disabled={busy !== null} onClick={runRotation}>
          {t(lang, "planRotation")}
        </Button>
      </div>
      {(busy === "plan" || busy === "rotation") && <Spinner size="tiny" label={t(lang, "planCalculating")} />}

      {plan && (
        <section aria-label={t(lang, "planTitle")} data-printed>
          {/* what the plan costs and whether it passes, read out when it appears: the answer to the click */}
          <div className={styles.row} role="status">
            <Text weight="semibold">
              {t(lang, "planTotal", {
                recurring: formatWan(plan.recurringCost, lang),
                oneOff: formatWan(plan.oneOffCost, lang),
              })}
            </Text>
            <Badge appearance="filled" color={plan.passesAfter ? "success" : "danger"}>
              {plan.passesAfter ? t(lang, "planPassesAfter") : t(lang, "planStillFails")}
            </Badge>
          </div>
          <Text className={styles.note} size={200} block>
            {t(lang, "planSimple", {
              recurring: formatWan(plan.baselineRecurringCost, lang),
              oneOff: formatWan(plan.baselineOneOffCost, lang),
            })}
          </Text>
          {editsCost && (
            <Text size={200} block data-plan-with-edits>
              {withEditsCostWords(withEditsCost(plan, editsCost), editsCost, lang)}
            </Text>
          )}
          {planProofLine(plan, lang) && (
            <Text className={styles.note} size={200} block>
              {planProofLine(plan, lang)}
            </Text>
          )}
          {plan.additions.length === 0 ? (
            <Text>{t(lang, "planNothing")}</Text>
          ) : (
            <Additions {...props} plan={plan} />
          )}
        </section>
      )}

      {plan && within && <BudgetResult {...props} result={within} />}

      {rotation && (
        <section aria-label={t(lang, "rotationTitle")} data-printed>
          <Text weight="semibold" block role="status">
            {t(lang, "rotationSummary", {
              before: rotation.passingBefore,
              after: rotation.passingAfter,
              moved: rotation.teachersMoved,
            })}
          </Text>
          {rotation.moves.length === 0 ? (
            <Text>{t(lang, "rotationNone")}</Text>
          ) : (
            <ul className={styles.bullets}>
              {rotation.moves.map((m, i) => (
                <li key={i}>
                  {t(lang, "rotationMove", {
                    from: m.from,
                    to: m.to,
                    level: LEVEL_NAMES[m.level][lang],
                    indicator: profile.indicators[m.resource].shortName[lang],
                    count: formatNumber(m.count, 0, lang),
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {(plan || rotation) && (
        <Button disabled={busy !== null} onClick={write}>
          {t(lang, "planWrite")}
        </Button>
      )}
      {message && <Text>{message}</Text>}
    </PrintedPage>
  );
}

/** The what-if's edits a plan is made after, on screen and on paper: no one takes the plan for the table's. */
function PlannedAfter(
  props: ViewProps & { scenario: EditedCounty; edits: number; cost: WhatIfCost },
): React.JSX.Element {
  const { lang, scenario, cost } = props;
  const styles = usePaneStyles();
  const left = props.edits - scenario.applied.length;
  return (
    <section aria-label={t(lang, "planEditsApplied")} data-printed data-plan-edits>
      <h2 className={styles.stepTitle}>{t(lang, "planEditsApplied")}</h2>
      <ol className={styles.bullets}>
        {plannedEditRows({ ...scenario, cost }).map((row, i) => (
          <li key={i}>
            {row.text}
            {row.effects.map((e, k) => (
              <Text key={`effect-${k}`} block size={200} data-edit-effect>
                {e.words[lang]}
              </Text>
            ))}
            <Text block size={200} className={styles.note} data-edit-cost>
              {t(lang, "whatifCostOf", { cost: editCostWords(cost.edits[i], lang) })}
            </Text>
          </li>
        ))}
      </ol>
      <Text size={200} block>
        {whatIfCostWords(cost, lang)}
      </Text>
      {left > 0 && (
        <Text className={styles.note} size={200} block role="status">
          {t(lang, "planEditsNotApplied", { n: left })}
        </Text>
      )}
    </section>
  );
}

/** One of a resource, as an English cost says it: yuan per teacher, per room. */
const ONE_OF: Record<string, string> = { teachers: "teacher", rooms: "room" };

/**
 * A plan's additions: one bullet each on screen, a table on paper (school, level, what, how much, what it costs),
 * whose header row is printed again on each page it runs onto.
 */
function Additions(props: ViewProps & { plan: LeastCostPlan }): React.JSX.Element {
  const { profile, lang, plan } = props;
  const styles = usePaneStyles();
  const cost = (a: LeastCostPlan["additions"][number]) =>
    `${formatWan(a.cost, lang)}${isRecurring(a.resource) ? t(lang, "planCostPerYear") : ""}`;
  return (
    <>
      <ul className={`${styles.bullets} ${styles.screenOnly}`}>
        {plan.additions.map((a, i) => (
          <li key={i}>
            {t(lang, "planAddition", {
              school: a.school,
              level: a.level ? ` ${LEVEL_NAMES[a.level][lang]}` : t(lang, "planWholeSchool"),
              indicator: profile.indicators[a.resource].shortName[lang],
              amount: amountText(props, a.resource, a.amount),
              cost: cost(a),
              perYear: "",
            })}
          </li>
        ))}
      </ul>
      <table className={`${styles.indicatorTable} ${styles.printedOnly}`} data-plan-additions>
        <thead>
          <tr>
            <th scope="col">{t(lang, "whatifSchool")}</th>
            <th scope="col">{t(lang, "printPlanLevel")}</th>
            <th scope="col">{t(lang, "whatifIndicator")}</th>
            <th scope="col">{t(lang, "printPlanAmount")}</th>
            <th scope="col">{t(lang, "printPlanCost")}</th>
          </tr>
        </thead>
        <tbody>
          {plan.additions.map((a, i) => (
            <tr key={i}>
              <td>{a.school}</td>
              <td>{a.level ? LEVEL_NAMES[a.level][lang] : t(lang, "printPlanWholeSchool")}</td>
              <td>{profile.indicators[a.resource].shortName[lang]}</td>
              <td>+{amountText(props, a.resource, a.amount)}</td>
              <td>{cost(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** What the budget buys (docs/plans.md#budget): the verdict first, then the plan within it and what still fails. */
function BudgetResult(props: ViewProps & { result: BudgetPlan }): React.JSX.Element {
  const { profile, lang, result } = props;
  const styles = usePaneStyles();
  const words = budgetWords(result, profile, lang);
  const within = words.within;
  return (
    <section aria-label={t(lang, "planBudget")} data-printed>
      {words.verdict.map((line) => (
        <Text key={line} weight="semibold" block role="status">
          {line}
        </Text>
      ))}
      {within && (
        <>
          <Text block>{within.title}</Text>
          {within.none ? <Text block>{within.none}</Text> : <Additions {...props} plan={result.plan} />}
          {[within.passing, within.remaining, within.coefficients].map(
            (line) =>
              line && (
                <Text key={line} className={styles.note} size={200} block>
                  {line}
                </Text>
              ),
          )}
        </>
      )}
    </section>
  );
}
