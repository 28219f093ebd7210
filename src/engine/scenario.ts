import type { Profile } from "../standard/profile";
import type { FacilityIndicatorId, TeacherIndicatorId } from "../standard/indicators";
import type { SchoolRecord } from "./records";
import { nameKey } from "./names";
import { evaluate, type Evaluation } from "./evaluate";
import { describeEdit, wholeIssues, type Edit, type EditProblem } from "./edits";
import { diffEvaluations, type ScenarioDiff } from "./scenarioDiff";
import { EditedSchools } from "./scenario/schools";
import { EditStep } from "./scenario/step";
import { addStudents, setStudents } from "./scenario/students";
import { addFacility } from "./scenario/addFacility";
import { hireTeachers, transferTeachers } from "./scenario/teachers";
import { mergeSchool } from "./scenario/mergeSchool";
import { openSchool } from "./scenario/openSchool";
import { closeSchool } from "./scenario/closeSchool";
import { moveStudents } from "./scenario/moveStudents";
import { withSections, type EditEffect } from "./scenario/effects";
import { implausibleBefore, warnImplausible } from "./scenario/plausible";

/*
 * What-if scenarios: a list of edits applied to copies of the school records, then the one evaluation path.
 * Nothing here recomputes a rule of the standard: the verdicts come from `evaluate`. What each kind of edit does,
 * and when it is refused, is in a module of its own under ./scenario/, named for the kind (`applyEdit` below).
 */

export interface AppliedScenario {
  records: SchoolRecord[];
  /** edits that were not applied, by index and field, and warnings about those applied */
  problems: EditProblem[];
  /** indexes of the edits applied */
  applied: number[];
  /** what each structural edit applied moved or dropped, in the order applied (docs/plans.md#effects) */
  effects: EditEffect[];
}

/**
 * Applies edits in order to copies of the records; the input is never changed. An edit that cannot apply
 * (school not found, a result below zero, a level the school does not have) is skipped and reported.
 */
export function applyEdits(
  records: readonly SchoolRecord[],
  edits: readonly Edit[],
  profile: Profile,
  /** the edits' positions in the file they came from, for the problems (default: their order here) */
  indexes?: readonly number[],
): AppliedScenario {
  const schools = new EditedSchools(records, profile);
  const problems: EditProblem[] = [];
  const applied: number[] = [];
  const effects: EditEffect[] = [];
  edits.forEach((edit, index) => {
    const step = new EditStep(schools, profile, indexes?.[index] ?? index, problems, effects);
    // docs/school-table.md#plausible: an edit warns of a value no school reports that it gives a school
    const implausible = implausibleBefore(schools, edit);
    if (!applyEdit(edit, step)) return;
    applied.push(index);
    warnImplausible(step, edit, implausible);
  });
  return { records: schools.records, problems, applied, effects };
}

/**
 * Applies one edit by its kind's module: whether it applied (if not, its problems say why). An edit a host made
 * itself is held to the profile's whole counts as a file's is (`wholeIssues`, `checkEdit`).
 */
function applyEdit(edit: Edit, step: EditStep): boolean {
  const fractions = wholeIssues(edit, step.profile);
  for (const f of fractions) step.refuse("edit-invalid", f.field, f.zh, f.en);
  if (fractions.length > 0) return false;
  switch (edit.kind) {
    case "setStudents":
      return setStudents(edit, step);
    case "addStudents":
      return addStudents(edit, step);
    case "addFacility":
      return addFacility(edit, step);
    case "hireTeachers":
      return hireTeachers(edit, step);
    case "transferTeachers":
      return transferTeachers(edit, step);
    case "mergeSchool":
      return mergeSchool(edit, step);
    case "openSchool":
      return openSchool(edit, step);
    case "closeSchool":
      return closeSchool(edit, step);
    case "moveStudents":
      return moveStudents(edit, step);
  }
}

/** The county a plan is made for after a what-if's edits, and the edits applied, in words, for the plan to say. */
export interface EditedCounty extends AppliedScenario {
  /** the edits applied, each as the edit list says it */
  described: string[];
}

/**
 * The county after a what-if's edits, for a plan (docs/plans.md#plan-edits): `balance plan --edits` and the
 * pane's 规划 alike apply them here, and name the edits applied so that no one takes the plan for the table's.
 */
export function editedCounty(
  records: readonly SchoolRecord[],
  edits: readonly Edit[],
  profile: Profile,
  lang: "zh" | "en",
  /** the edits' positions in the file they came from, for the problems */
  indexes?: readonly number[],
): EditedCounty {
  const scenario = applyEdits(records, edits, profile, indexes);
  return { ...scenario, described: scenario.applied.map((i) => describeEdit(edits[i], profile, lang)) };
}

export interface ScenarioResult {
  evaluation: Evaluation;
  baseline: Evaluation;
  records: SchoolRecord[];
  diff: ScenarioDiff;
  problems: EditProblem[];
  applied: number[];
  /** what each structural edit moved or dropped, with the sections it left at the scenario's end */
  effects: EditEffect[];
}

/**
 * Evaluates a scenario against its baseline. `baseline` may be passed in when it is already known (the
 * task pane re-evaluates on every keystroke).
 */
export function evaluateScenario(
  records: readonly SchoolRecord[],
  edits: readonly Edit[],
  profile: Profile,
  baseline: Evaluation = evaluate(records, profile),
  indexes?: readonly number[],
): ScenarioResult {
  const scenario = applyEdits(records, edits, profile, indexes);
  const evaluation = evaluate(scenario.records, profile);
  return {
    evaluation,
    baseline,
    records: scenario.records,
    diff: diffEvaluations(baseline, evaluation),
    problems: scenario.problems,
    applied: scenario.applied,
    effects: withSections(scenario.effects, evaluation, profile),
  };
}

/** The edit that undoes `edit` on the records it was applied to (for edits that have one). */
export function inverseEdit(edit: Edit, before: readonly SchoolRecord[]): Edit | null {
  switch (edit.kind) {
    case "setStudents": {
      const r = before.find((x) => nameKey(x.name) === nameKey(edit.school));
      return r ? { ...edit, value: r.students[edit.level] } : null;
    }
    case "addStudents":
      return { ...edit, value: -edit.value };
    case "addFacility":
      return { ...edit, amount: -edit.amount };
    case "hireTeachers":
      return { ...edit, count: -edit.count };
    case "transferTeachers":
      return { ...edit, from: edit.to, to: edit.from, fromLevel: edit.toLevel, toLevel: edit.fromLevel };
    case "openSchool":
      return { kind: "closeSchool", school: edit.record.name };
    default:
      return null;
  }
}

export type { TeacherIndicatorId, FacilityIndicatorId };
export { addFacilityTo, EQUIPMENT_EDIT_BELOW } from "./scenario/addFacility";
export type { EditEffect, EffectSection, Holdings } from "./scenario/effects";
export {
  checkEdit,
  describeEdit,
  parseEdits,
  wholeIssues,
  type Edit,
  type EditIssue,
  type EditKind,
  type EditProblem,
} from "./edits";
