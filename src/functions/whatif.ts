import { evaluateScenario, type Edit } from "../engine/scenario";
import { withoutEditPlace } from "../engine/edits";
import { SECTIONS_OF_TYPE } from "../engine/records";
import { LEVEL_NAMES, isTeacherIndicator, type IndicatorId, type Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { FunctionError, valueError } from "./errors";
import {
  ARGUMENT,
  changeArgument,
  passOnErrors,
  normalizeName,
  optionalLevel,
  resolveIndicator,
  type ArgumentCell,
  type ArgumentMatrix,
} from "./args";
import { readRowInUnit, SchoolRowCache, VERDICT, type Verdict } from "./school";

const STUDENT_NAMES = new Set(
  ["students", "在校生", "在校生数", "学生", "学生数", "enrolment", "enrollment"].map(normalizeName),
);

/** The resource of WHATIF: one of the seven indicators' resources, or the enrolment (在校生). */
function resolveResource(value: ArgumentCell, profile: Profile): IndicatorId | "students" {
  if (typeof value === "string" && STUDENT_NAMES.has(normalizeName(value))) return "students";
  return resolveIndicator(value, profile);
}

/**
 * BALANCE.WHATIF: the verdict of one row of the school table after one change, through the scenario engine
 * (the same path as the task pane's 模拟 view). Teachers and enrolment change in one section (the level may be
 * left out for a school with one section); facilities change for the whole school and are apportioned like the
 * existing ones (docs/standard.md#scope). Equipment is changed in the unit of the row's table: the header's
 * (仪器设备值（元）), or the template's 万元 without headers. With `level` the
 * verdict is that section's; without, the school's, as BALANCE.CHECK gives it.
 */
export function whatifRow(
  profile: Profile,
  row: ArgumentMatrix,
  headers: ArgumentMatrix | null | undefined,
  resourceArgument: ArgumentCell,
  deltaArgument: ArgumentCell,
  levelArgument?: ArgumentCell,
  cache: SchoolRowCache = new SchoolRowCache(),
): Verdict {
  passOnErrors(
    [resourceArgument, ARGUMENT.resource],
    [deltaArgument, ARGUMENT.delta],
    [levelArgument, ARGUMENT.level],
  );
  const { record, equipmentUnit } = readRowInUnit(profile, row, headers, cache);
  const resource = resolveResource(resourceArgument, profile);
  const level = optionalLevel(levelArgument);
  const levels = SECTIONS_OF_TYPE[record.type];
  if (level !== undefined && !levels.includes(level)) {
    throw new FunctionError("#N/A", {
      zh: `${record.name}没有${LEVEL_NAMES[level].zh}学段`,
      en: `${record.name} has no ${LEVEL_NAMES[level].en.toLowerCase()} section`,
    });
  }
  const sectionLevel = (): Level => {
    if (level !== undefined) return level;
    if (levels.length === 1) return levels[0];
    throw valueError(
      `${record.name}有小学和初中两个学段：请给出学段`,
      `${record.name} has a primary and a junior section: give the level`,
    );
  };
  let edit: Edit;
  if (resource === "students") {
    edit = {
      kind: "addStudents",
      school: record.name,
      level: sectionLevel(),
      value: changeArgument(deltaArgument, true),
    };
  } else if (isTeacherIndicator(resource)) {
    edit = {
      kind: "hireTeachers",
      school: record.name,
      level: sectionLevel(),
      resource,
      count: changeArgument(deltaArgument, profile.indicators[resource].integral),
    };
  } else {
    // equipment changes in the unit the row is written in: the header's (仪器设备值（元）) or the template's
    const factor = resource === "equipmentValue" && equipmentUnit === "万元" ? 10000 : 1;
    edit = {
      kind: "addFacility",
      school: record.name,
      resource,
      amount: changeArgument(deltaArgument, profile.indicators[resource].integral, factor),
    };
  }
  const result = evaluateScenario([record], [edit], profile);
  // an error stops the change; a warning (an equipment amount that looks like 万元) does not concern a function
  // that converts the units of its delta itself
  const p = result.problems.find((x) => x.severity === "error");
  if (p) throw valueError(withoutEditPlace(p.message.zh), withoutEditPlace(p.message.en));
  const sections = result.evaluation.sections.filter((s) => level === undefined || s.level === level);
  const included = sections.filter((s) => s.included);
  if (included.length === 0) return VERDICT.excluded;
  return included.every((s) => s.pass) ? VERDICT.pass : VERDICT.fail;
}
