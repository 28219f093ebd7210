import * as React from "react";
import { writeSheetsNote } from "../writeSheets";
import { Badge, Button, Field, Select, Text } from "@fluentui/react-components";
import type { ViewProps } from "../viewProps";
import { evaluate } from "../../engine/evaluate";
import { SECTIONS_OF_TYPE, type SchoolRecord } from "../../engine/records";
import { evaluateScenario, type Edit } from "../../engine/scenario";
import { whatIfCost } from "../../engine/whatifCost";
import { DEFAULT_UNIT_COSTS } from "../../engine/plan/costs";
import { sectionVerdict } from "../../engine/scenarioDiff";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVEL_NAMES,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type Level,
  type TeacherIndicatorId,
} from "../../standard/indicators";
import { RELATIVE_TOLERANCE, nearlyEqual } from "../../standard/comparison";
import { formatCoefficient, formatNumber, PUNCTUATION } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { NumberField } from "../components/NumberField";
import { PrintedPage, printedTitle } from "../components/PrintedPage";
import { usePaneStyles } from "../styles";
import { scenarioSheet, verdictText } from "../../report/scenarioSheet";
import { SchoolIndicators } from "./SchoolIndicators";
import { EditList } from "./EditList";
import { StructuralEditForm } from "./StructuralEditForm";
import { EQUIPMENT_DISPLAY, wanToYuan } from "./equipment";
import { useWhatIfEdits } from "./useWhatIfEdits";
const STEP: Record<FacilityIndicatorId, number> = {
  teachingArea: 100,
  sportsArea: 100,
  equipmentValue: 1,
  multimediaRooms: 1,
};

type Field =
  | { kind: "students"; level: Level }
  | { kind: "teachers"; level: Level; resource: TeacherIndicatorId }
  | { kind: "facility"; resource: FacilityIndicatorId };

function fieldValue(record: SchoolRecord, f: Field): number {
  if (f.kind === "students") return record.students[f.level];
  if (f.kind === "teachers") return record.teachers[f.level][f.resource];
  const v = record.facilities[f.resource];
  return f.resource === "equipmentValue" ? v / EQUIPMENT_DISPLAY : v;
}

/** The decimals JavaScript writes a number with, shortest (7550.7 → 1); 15 for one it writes with an exponent. */
function decimalsOf(n: number): number {
  const text = String(n);
  return /e/iu.test(text) ? 15 : (text.split(".")[1]?.length ?? 0);
}

/**
 * a − b as the clerk reads the two numbers: 7550.7 − 7550 is 0.7, not the 0.6999999999998181 of binary floating
 * point, which the list of edits, the scenario sheet and the edits saved would carry. Exact to the decimals written.
 */
function decimalDifference(a: number, b: number): number {
  return Number((a - b).toFixed(Math.min(15, Math.max(decimalsOf(a), decimalsOf(b)))));
}

function editFor(school: string, f: Field, delta: number): Edit {
  if (f.kind === "students") return { kind: "addStudents", school, level: f.level, value: delta };
  if (f.kind === "teachers")
    return { kind: "hireTeachers", school, level: f.level, resource: f.resource, count: delta };
  const amount = f.resource === "equipmentValue" ? wanToYuan(delta) : delta;
  return { kind: "addFacility", school, resource: f.resource, amount };
}

/**
 * Consecutive changes to the same number become one edit, so the list reads like decisions, not keystrokes. A
 * change after one the engine refused (`lastRefused`: part of a teacher, a school below 0) takes its place: the
 * number shown never included it.
 */
function withChange(edits: readonly Edit[], edit: Edit, lastRefused: boolean): Edit[] {
  const last = edits[edits.length - 1];
  const same =
    last &&
    last.kind === edit.kind &&
    "school" in last &&
    "school" in edit &&
    last.school === edit.school &&
    (!("level" in last) || !("level" in edit) || last.level === edit.level) &&
    (!("resource" in last) || !("resource" in edit) || last.resource === edit.resource);
  if (!same) return [...edits, edit];
  if (lastRefused) return [...edits.slice(0, -1), edit];
  let merged: Edit | null = null;
  if (last.kind === "addStudents" && edit.kind === "addStudents")
    merged = { ...last, value: last.value + edit.value };
  if (last.kind === "hireTeachers" && edit.kind === "hireTeachers")
    merged = { ...last, count: last.count + edit.count };
  if (last.kind === "addFacility" && edit.kind === "addFacility")
    merged = { ...last, amount: decimalDifference(last.amount, -edit.amount) };
  if (!merged) return [...edits, edit];
  const zero =
    (merged.kind === "addStudents" && merged.value === 0) ||
    (merged.kind === "hireTeachers" && merged.count === 0) ||
    (merged.kind === "addFacility" && nearlyEqual(merged.amount, 0));
  return zero ? edits.slice(0, -1) : [...edits.slice(0, -1), merged];
}

/** 模拟 What-if: change a school's numbers and see its verdict, the county's and the coefficients at once. */
export function WhatIfView(props: ViewProps): React.JSX.Element {
  const { records, profile, lang } = props;
  const styles = usePaneStyles();
  // the pane's edits where it keeps them (规划 plans after them), else the view's own
  const own = useWhatIfEdits(records, profile);
  const { edits, setEdits } = props.whatIf ?? own;
  const [chosen, setSchool] = React.useState<string>(records[0]?.name ?? "");
  const [saving, setSaving] = React.useState(false);
  const [message, setMessage] = React.useState<string | null>(null);

  // another table (or profile) starts a new scenario (useWhatIfEdits): its first school is shown
  React.useEffect(() => {
    setSchool((current) => (records.some((r) => r.name === current) ? current : (records[0]?.name ?? "")));
  }, [records, profile]);

  const baseline = React.useMemo(() => evaluate(records, profile), [records, profile]);
  const result = React.useMemo(
    () => evaluateScenario(records, edits, profile, baseline),
    [records, edits, profile, baseline],
  );
  // at the unit costs 规划 plans with (docs/plans.md#whatif-cost)
  const costs = props.unitCosts?.costs ?? DEFAULT_UNIT_COSTS;
  const cost = React.useMemo(() => whatIfCost(edits, result, costs), [edits, result, costs]);
  // the forms of schools opened, merged and closed render again only when the schools change, not at each step:
  // they read the edits so far when an edit is added
  const editsNow = React.useRef(edits);
  editsNow.current = edits;
  const currentEdits = React.useCallback(() => editsNow.current, []);
  const addEdit = React.useCallback((edit: Edit) => setEdits((list) => [...list, edit]), []);
  const namesKey = result.records.map((r) => r.name).join("\n");
  const schools = React.useMemo(() => (namesKey === "" ? [] : namesKey.split("\n")), [namesKey]);
  // a school an edit merged or closed is no longer there to step: the first school is shown instead
  const current = result.records.find((r) => r.name === chosen) ?? result.records[0];
  const school = current?.name ?? "";

  if (records.length === 0) {
    return (
      <div className={styles.view}>
        <Text>{t(lang, "viewReadFirst")}</Text>
      </div>
    );
  }

  const change = (f: Field) => (value: number) => {
    if (!current) return;
    // pupils are counted whole; a part of a teacher or a room is the engine's to refuse, as the profile counts it
    // (`wholeIssues`), with the edit and its field named in the list of edits
    const next = f.kind === "students" ? Math.round(value) : value;
    const now = fieldValue(current, f);
    if (nearlyEqual(next, now)) return;
    const delta = decimalDifference(next, now);
    const lastRefused = edits.length > 0 && !result.applied.includes(edits.length - 1);
    setEdits((list) => withChange(list, editFor(school, f, delta), lastRefused && list === edits));
  };

  const field = (label: string, f: Field, step: number) => (
    <NumberField
      key={label}
      lang={lang}
      label={label}
      value={current ? fieldValue(current, f) : 0}
      decimals={2}
      step={step}
      onValue={change(f)}
    />
  );

  const levels = current ? SECTIONS_OF_TYPE[current.type] : [];
  const sectionsAfter = result.evaluation.sections.filter((s) => s.school === school);
  const sectionsBefore = new Map(
    baseline.sections.filter((s) => s.school === school).map((s) => [s.level, s]),
  );
  const deltas = result.diff.valuesChanged.filter((v) => v.school === school && v.field !== "students");
  const levelName = (level: Level) => LEVEL_NAMES[level][lang];
  const unitLabel = (name: string, unit: string) => t(lang, "whatifUnitLabel", { name, unit });

  const save = async () => {
    setSaving(true);
    setMessage(null);
    setMessage(
      await writeSheetsNote(props.onWriteSheets, [scenarioSheet(edits, result, cost, profile, lang)], lang),
    );
    setSaving(false);
  };

  // on paper: the county's verdict, the school's indicators, what changed and the list of edits made, under a
  // title and over a line to sign
  return (
    <PrintedPage
      lang={lang}
      name="whatif"
      className={styles.view}
      title={printedTitle(props.print?.parts ?? {}, "printWhatIf", lang)}
      read={props.print?.read}
      signed
    >
      <Field label={t(lang, "whatifSchool")}>
        <Select value={school} onChange={(_e, d) => setSchool(d.value)} aria-label={t(lang, "whatifSchool")}>
          {result.records.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>

      <div className={styles.row} aria-live="polite" data-printed>
        {sectionsAfter.map((s) => {
          const before = sectionVerdict(sectionsBefore.get(s.level));
          const after = sectionVerdict(s);
          return (
            <Badge
              key={s.level}
              appearance="filled"
              color={after === "pass" ? "success" : after === "fail" ? "danger" : "informative"}
            >
              {levelName(s.level)}
              {PUNCTUATION[lang].label}
              {verdictText(after, lang)}
              {before !== after
                ? lang === "zh"
                  ? `（${t(lang, "whatifWas")} ${verdictText(before, lang)}）`
                  : ` (${t(lang, "whatifWas")} ${verdictText(before, lang)})`
                : ""}
            </Badge>
          );
        })}
        <Badge appearance="outline" color={result.evaluation.resourcesPass ? "success" : "danger"}>
          {result.evaluation.resourcesPass ? t(lang, "whatifCountyPass") : t(lang, "whatifCountyFail")}
        </Badge>
      </div>

      <div className={styles.column} data-printed>
        {sectionsAfter.map((s) => (
          <SchoolIndicators
            key={s.level}
            lang={lang}
            profile={profile}
            before={sectionsBefore.get(s.level)}
            after={s}
          />
        ))}
      </div>

      {levels.map((level) => (
        <div key={level}>
          <h2 className={styles.stepTitle}>{levelName(level)}</h2>
          <div className={styles.fieldGrid}>
            {field(t(lang, "whatifStudents", { level: levelName(level) }), { kind: "students", level }, 10)}
            {TEACHER_INDICATORS.map((id) =>
              field(
                `${levelName(level)} ${profile.indicators[id].shortName[lang]}`,
                { kind: "teachers", level, resource: id },
                1,
              ),
            )}
          </div>
        </div>
      ))}
      {current && (
        <div>
          <h2 className={styles.stepTitle}>{t(lang, "whatifFacilities")}</h2>
          <div className={styles.fieldGrid}>
            {FACILITY_INDICATORS.map((id) =>
              field(
                unitLabel(
                  profile.indicators[id].shortName[lang],
                  id === "equipmentValue"
                    ? t(lang, "unitWanyuan")
                    : profile.indicators[id].resourceUnit[lang],
                ),
                { kind: "facility", resource: id },
                STEP[id],
              ),
            )}
          </div>
        </div>
      )}

      {deltas.length > 0 && (
        <div data-printed>
          <h2 className={styles.stepTitle}>{t(lang, "whatifChanges")}</h2>
          <ul className={styles.bullets}>
            {deltas.map((d) => (
              <li key={`${d.level}-${d.field}`}>
                {levelName(d.level)}{" "}
                {profile.indicators[d.field as (typeof INDICATOR_IDS)[number]].shortName[lang]}
                {PUNCTUATION[lang].label}
                {formatNumber(d.before, 2, lang)} → {formatNumber(d.after, 2, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.diff.cvChanged.length > 0 && (
        <div data-printed>
          <h2 className={styles.stepTitle}>{t(lang, "whatifCoefficients")}</h2>
          <ul className={styles.bullets}>
            {result.diff.cvChanged.map((c) => {
              const crossed = result.diff.cvCrossed.find(
                (x) => x.level === c.level && x.indicator === c.indicator,
              );
              return (
                <li key={`${c.level}-${c.indicator}`}>
                  {levelName(c.level)} {profile.indicators[c.indicator].shortName[lang]}
                  {PUNCTUATION[lang].label}
                  {formatCoefficient(c.before, profile.cvLimit[c.level], RELATIVE_TOLERANCE, lang)} →{" "}
                  {formatCoefficient(c.after, profile.cvLimit[c.level], RELATIVE_TOLERANCE, lang)}
                  {crossed ? t(lang, crossed.passesAfter ? "whatifNowWithin" : "whatifNowOver") : ""}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <StructuralEditForm
        lang={lang}
        profile={profile}
        records={records}
        edits={currentEdits}
        schools={schools}
        onAdd={addEdit}
      />

      <EditList
        lang={lang}
        profile={profile}
        edits={edits}
        applied={result.applied}
        problems={result.problems}
        cost={cost}
        effects={result.effects}
        onRemove={(index) => setEdits((list) => list.filter((_, i) => i !== index))}
        onUndo={() => setEdits((list) => list.slice(0, -1))}
        onClear={() => setEdits([])}
      />

      <Button appearance="primary" disabled={saving} onClick={save}>
        {t(lang, "whatifSave")}
      </Button>
      {message && <Text>{message}</Text>}
    </PrintedPage>
  );
}
