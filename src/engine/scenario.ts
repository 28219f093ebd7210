import type { Profile } from "../standard/profile";
import {
  FACILITY_INDICATORS,
  LEVELS,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type Level,
  type TeacherIndicatorId,
} from "../standard/indicators";
import {
  ENROLMENT_LEVELS,
  SECTIONS_OF_TYPE,
  emptyTeachers,
  type EnrolmentLevel,
  type Facilities,
  type SchoolRecord,
  type SchoolType,
  type SectionTeachers,
} from "./records";
import { EQUIPMENT_PER_STUDENT_ABOVE, equipmentUnitDoubt } from "../standard/equipmentUnit";
import { SCHOOL_TABLE_LIMITS } from "../standard/county";
import { schoolSize } from "./county/schoolItems";
import { absorbedPupils, additionShares } from "./sections";
import { nameKey, revealed, spelledOtherwise } from "./names";
import { evaluate, type Evaluation } from "./evaluate";
import { describeEdit, editOrdinal, editProblem, type Edit, type EditProblem } from "./edits";
import { diffEvaluations, type ScenarioDiff } from "./scenarioDiff";

/*
 * What-if scenarios: a list of edits applied to copies of the school records, then the one evaluation path.
 * Nothing here recomputes a rule of the standard: the verdicts come from `evaluate`.
 */

function cloneRecord(r: SchoolRecord): SchoolRecord {
  return {
    ...r,
    students: { ...r.students },
    teachers: { primary: { ...r.teachers.primary }, junior: { ...r.teachers.junior } },
    facilities: { ...r.facilities },
    sectionFacilities: r.sectionFacilities
      ? Object.fromEntries(Object.entries(r.sectionFacilities).map(([k, v]) => [k, v ? { ...v } : v]))
      : undefined,
  };
}

/** Small sums like 0.1 + 0.2 − 0.3 should not leave a "negative" residue behind. */
function cleanSum(a: number, b: number): number {
  const s = a + b;
  return Math.abs(s) <= (Math.abs(a) + Math.abs(b)) * 1e-12 ? 0 : s;
}

/**
 * Adds `amount` of a facility to a whole school. Where the workbook gives facilities per section, the addition
 * is apportioned to the sections like shared facilities (docs/standard.md#apportioning), so that the two readings agree.
 */
export function addFacilityTo(
  record: SchoolRecord,
  resource: FacilityIndicatorId,
  amount: number,
  profile: Profile,
  /** primary pupils the school takes in from merged teaching points (`absorbedPupils`) */
  absorbed = 0,
): void {
  record.facilities[resource] = cleanSum(record.facilities[resource], amount);
  if (record.sectionFacilities) {
    const shares = additionShares(record, absorbed, profile);
    for (const l of LEVELS) {
      const given = record.sectionFacilities[l];
      if (given) given[resource] = cleanSum(given[resource], amount * (shares[l] ?? 0));
    }
  }
}

function sectionFacilitiesNegative(record: SchoolRecord, resource: FacilityIndicatorId): boolean {
  if (record.facilities[resource] < 0) return true;
  return LEVELS.some((l) => (record.sectionFacilities?.[l]?.[resource] ?? 0) < 0);
}

export interface AppliedScenario {
  records: SchoolRecord[];
  /** edits that were not applied, by index and field, and warnings about those applied */
  problems: EditProblem[];
  /** indexes of the edits applied */
  applied: number[];
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
  let out: SchoolRecord[] = records.map(cloneRecord);
  const problems: EditProblem[] = [];
  const applied: number[] = [];
  // schools by name, made again after an edit that adds or removes one (names are unique in a table; the first
  // one counts where they are not)
  let byName: Map<string, number> | null = null;
  const find = (name: string) => {
    if (!byName) {
      const index = new Map<string, number>();
      out.forEach((r, i) => {
        const key = nameKey(r.name);
        if (!index.has(key)) index.set(key, i);
      });
      byName = index;
    }
    return byName.get(nameKey(name)) ?? -1;
  };
  // the primary pupils each school takes in from merged teaching points, made again after an edit that changes
  // enrolments or the schools
  let absorbed: Float64Array | null = null;
  const absorbedBy = (i: number) => (absorbed ??= absorbedPupils(out, profile))[i];
  // schools an earlier edit closed or merged away, by name: a later edit naming one is told which edit did it
  const gone = new Map<string, { edit: number; into?: string }>();

  edits.forEach((edit, index) => {
    // the edit's place in the file it came from
    const place = indexes?.[index] ?? index;
    const notFound = (field: string, name: string) => {
      const earlier = gone.get(nameKey(name));
      const near = earlier ? [] : nearNames(name, out);
      const [zh, en] = !earlier
        ? near.length === 0
          ? ["", ""]
          : [
              `；是否指${near.map((n) => `“${n}”`).join("或")}？`,
              `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?`,
            ]
        : earlier.into === undefined
          ? [
              `（已由${editOrdinal(earlier.edit, "zh")}撤销）`,
              ` (closed by ${editOrdinal(earlier.edit, "en")})`,
            ]
          : [
              `（已由${editOrdinal(earlier.edit, "zh")}并入“${earlier.into}”）`,
              ` (merged into "${earlier.into}" by ${editOrdinal(earlier.edit, "en")})`,
            ];
      problems.push(
        editProblem(
          "edit-school-not-found",
          place,
          field,
          `找不到学校“${name}”${zh}`,
          `no school named "${name}"${en}`,
        ),
      );
    };
    // a school found by `nameKey` but spelt otherwise in the table (docs/school-table.md#names): the edit applies to
    // it, and the clerk is told
    const named = (field: string, name: string) => {
      const i = find(name);
      if (i >= 0 && spelledOtherwise(name, out[i].name))
        problems.push(
          editProblem(
            "edit-school-spelled-otherwise",
            place,
            field,
            `“${revealed(name)}”与表中校名“${revealed(out[i].name)}”写法不同（空格、不可见字符或全角半角），已按同一所学校修改；请核对`,
            `"${revealed(name)}" is spelt otherwise than the table's "${revealed(out[i].name)}" (spaces, invisible characters or full-width forms); applied to that school: please check`,
            "warning",
          ),
        );
      return i;
    };
    // what the section has, so that the clerk sees why (docs/plans.md#edits): "只有 3 人，不能派出 10 人"
    const negative = (field: string, has?: { zh: string; en: string }) =>
      problems.push(
        editProblem(
          "edit-negative-result",
          place,
          field,
          has ? `${has.zh}，未应用` : "修改后数值小于 0，未应用",
          has ? `${has.en}; not applied` : "the result would be below 0; not applied",
        ),
      );
    const teachersHas = (i: number, l: Level, k: TeacherIndicatorId, change: number, sent: boolean) => {
      const name = profile.indicators[k].shortName;
      const has = out[i].teachers[l][k];
      return {
        zh: `学校“${out[i].name}”${ENROLMENT_NAMES[l].zh}${name.zh}只有 ${has} 人，${sent ? "不能派出" : "不能减少"} ${Math.abs(change)} 人`,
        en: `"${out[i].name}" has ${has} ${ENROLMENT_NAMES[l].en} ${name.en.toLowerCase()}: ${Math.abs(change)} cannot ${sent ? "be sent" : "leave"}`,
      };
    };
    const noLevel = (field: string, name: string, l: EnrolmentLevel, what?: { zh: string; en: string }) =>
      problems.push(
        editProblem(
          "edit-level-not-in-school",
          place,
          field,
          `学校“${name}”没有${ENROLMENT_NAMES[l].zh}学段${what ? `，${what.zh}无处计入，未应用` : ""}`,
          `"${name}" has no ${ENROLMENT_NAMES[l].en} section${what ? `: ${what.en} would be lost; not applied` : ""}`,
        ),
      );
    const hasLevel = (r: SchoolRecord, l: Level) => SECTIONS_OF_TYPE[r.type].includes(l);
    // teachers given to a section without pupils count in no section's evaluation (docs/plans.md#edits)
    const unseenTeachers = (i: number, l: Level, count: number, field: string) => {
      const pupils = out[i].students[l] + (l === "primary" ? absorbedBy(i) : 0);
      if (count <= 0 || pupils > 0) return;
      problems.push(
        editProblem(
          "edit-teachers-no-students",
          place,
          field,
          `学校“${out[i].name}”${ENROLMENT_NAMES[l].zh}没有在校生，这 ${count} 名教师不计入任何学校（校区）的评估`,
          `"${out[i].name}" has no ${ENROLMENT_NAMES[l].en} students: these ${count} teachers count in no section's evaluation`,
          "warning",
        ),
      );
    };

    // pupils added to a section whose classes the edit leaves as they were: more than the limit per class on
    // average means some class is over it (docs/standard.md#guarantee, item 5)
    const crowded = (i: number, l: EnrolmentLevel, field: string) => {
      if (l === "senior") return;
      const classes = out[i].classes?.[l] ?? 0;
      const limit = SCHOOL_TABLE_LIMITS.classSize[l];
      const pupils = out[i].students[l];
      if (classes <= 0 || pupils <= classes * limit) return;
      const mean = Math.round((pupils / classes) * 10) / 10;
      problems.push(
        editProblem(
          "edit-class-size",
          place,
          field,
          `学校“${out[i].name}”${ENROLMENT_NAMES[l].zh} ${classes} 个班、在校生 ${pupils} 人，平均每班 ${mean} 人，至少有一个班超过 ${limit} 人；修改不改变班级数，请同时规划增加班级`,
          `"${out[i].name}" has ${classes} ${ENROLMENT_NAMES[l].en} classes for ${pupils} students, ${mean} a class on average: some class is over ${limit}; the edit does not change the classes, so plan new ones too`,
          "warning",
        ),
      );
    };

    // a school the edit takes over its size limit (docs/standard.md#guarantee-4), judged by the engine's own item
    const oversized = (i: number, was: SchoolRecord, field: string) => {
      const now = schoolSize([out[i]]).findings[0];
      if (!now || schoolSize([was]).findings.length > 0) return;
      problems.push(
        editProblem(
          "edit-school-size",
          place,
          field,
          `学校“${out[i].name}”修改后${now.message.zh}`,
          `"${out[i].name}" after the edit: ${now.message.en}`,
          "warning",
        ),
      );
    };

    switch (edit.kind) {
      case "setStudents":
      case "addStudents": {
        const i = named("school", edit.school);
        if (i < 0) return notFound("school", edit.school);
        if (!hasLevel(out[i], edit.level)) return noLevel("level", edit.school, edit.level);
        const value = edit.kind === "setStudents" ? edit.value : out[i].students[edit.level] + edit.value;
        if (value < 0) {
          const has = out[i].students[edit.level];
          const level = ENROLMENT_NAMES[edit.level];
          return negative("value", {
            zh: `学校“${out[i].name}”${level.zh}在校生只有 ${has} 人，不能减少 ${-edit.value} 人`,
            en: `"${out[i].name}" has ${has} ${level.en} students: ${-edit.value} cannot leave`,
          });
        }
        const before = out[i].students[edit.level];
        out[i].students[edit.level] = value;
        absorbed = null;
        if (value > before) {
          crowded(i, edit.level, "value");
          oversized(i, { ...out[i], students: { ...out[i].students, [edit.level]: before } }, "value");
        }
        break;
      }
      case "addFacility": {
        const i = named("school", edit.school);
        if (i < 0) return notFound("school", edit.school);
        const copy = cloneRecord(out[i]);
        addFacilityTo(copy, edit.resource, edit.amount, profile, absorbedBy(i));
        if (sectionFacilitiesNegative(copy, edit.resource)) return negative("amount");
        out[i] = copy;
        if (
          edit.resource === "equipmentValue" &&
          edit.amount !== 0 &&
          Math.abs(edit.amount) < EQUIPMENT_EDIT_BELOW
        ) {
          const wan = edit.amount * 10000;
          problems.push({
            ...editProblem(
              "edit-equipment-unit",
              place,
              "amount",
              `仪器设备值以元计，这里是 ${edit.amount} 元；若指 ${edit.amount} 万元，请写 ${wan}`,
              `equipment is in yuan, and this is ${edit.amount} yuan; for ${edit.amount} 万元 (10k yuan) write ${wan}`,
              "warning",
            ),
            equipment: { doubt: "small", amount: edit.amount },
          });
        }
        break;
      }
      case "hireTeachers": {
        const i = named("school", edit.school);
        if (i < 0) return notFound("school", edit.school);
        if (!hasLevel(out[i], edit.level)) return noLevel("level", edit.school, edit.level);
        const value = out[i].teachers[edit.level][edit.resource] + edit.count;
        if (value < 0) return negative("count", teachersHas(i, edit.level, edit.resource, edit.count, false));
        out[i].teachers[edit.level][edit.resource] = value;
        unseenTeachers(i, edit.level, edit.count, "level");
        break;
      }
      case "transferTeachers": {
        const from = named("from", edit.from);
        const to = named("to", edit.to);
        if (from < 0) return notFound("from", edit.from);
        if (to < 0) return notFound("to", edit.to);
        if (!hasLevel(out[from], edit.fromLevel)) return noLevel("fromLevel", edit.from, edit.fromLevel);
        if (!hasLevel(out[to], edit.toLevel)) return noLevel("toLevel", edit.to, edit.toLevel);
        if (from === to && edit.fromLevel === edit.toLevel) {
          problems.push(
            editProblem(
              "edit-transfer-to-itself",
              place,
              "to",
              "派出和接收是同一学校的同一学段，交流不改变任何数值",
              "the sending and receiving section are the same: the transfer changes nothing",
            ),
          );
          return;
        }
        const left = out[from].teachers[edit.fromLevel][edit.resource] - edit.count;
        if (left < 0)
          return negative("count", teachersHas(from, edit.fromLevel, edit.resource, edit.count, true));
        out[from].teachers[edit.fromLevel][edit.resource] = left;
        out[to].teachers[edit.toLevel][edit.resource] += edit.count;
        unseenTeachers(to, edit.toLevel, edit.count, "toLevel");
        if (
          edit.resource === "qualifiedTeachers" &&
          edit.fromLevel === "primary" &&
          edit.toLevel === "junior"
        ) {
          // docs/standard.md#indicators: above the required qualification is 专科 in a primary school, 本科 in a junior one
          problems.push(
            editProblem(
              "edit-qualification-across-levels",
              place,
              "toLevel",
              "小学的高学历教师指专科及以上，初中指本科及以上：调入初中的教师只有本科及以上学历才计入，请核对",
              "above the required qualification means 专科 (college) in a primary school and 本科 (a degree) in a junior one: only teachers with a degree count in the junior section; please check",
              "warning",
            ),
          );
        }
        break;
      }
      case "mergeSchool": {
        const from = named("school", edit.school);
        const to = named("into", edit.into);
        if (from < 0) return notFound("school", edit.school);
        if (to < 0) return notFound("into", edit.into);
        if (from === to) {
          problems.push(
            editProblem(
              "edit-merge-into-itself",
              place,
              "into",
              `学校“${out[from].name}”不能并入自身`,
              `"${out[from].name}" cannot merge into itself`,
            ),
          );
          return;
        }
        const source = out[from];
        const target = cloneRecord(out[to]);
        // students or teachers of a level the receiving school does not have would vanish: refuse rather than lose them
        const lost = lostLevel(target.type, source.students, source.teachers);
        if (lost) return noLevel("into", edit.into, lost.level, lost.what);
        for (const l of ENROLMENT_ORDER) target.students[l] += source.students[l];
        for (const l of LEVELS) {
          for (const k of TEACHER_INDICATORS) target.teachers[l][k] += source.teachers[l][k];
        }
        // the merged school's facilities are one pool, apportioned afresh (docs/standard.md#apportioning)
        const sourceFacilities = sourceFacilitiesOf(source);
        const targetFacilities = sourceFacilitiesOf(target);
        for (const f of FACILITY_INDICATORS) target.facilities[f] = targetFacilities[f] + sourceFacilities[f];
        target.sectionFacilities = undefined;
        out[to] = target;
        gone.set(nameKey(source.name), { edit: place, into: target.name });
        out = out.filter((_, j) => j !== from);
        byName = null;
        absorbed = null;
        break;
      }
      case "openSchool": {
        if (find(edit.record.name) >= 0) {
          problems.push(
            editProblem(
              "edit-duplicate-school",
              place,
              "record.name",
              `已有名为“${edit.record.name}”的学校`,
              `a school named "${edit.record.name}" already exists`,
            ),
          );
          return;
        }
        const r = edit.record;
        // pupils or teachers of a level the new school's type does not have would be left out of the evaluation
        const lost = lostLevel(r.type, r.students, r.teachers);
        if (lost) return noLevel(`record.${lost.field}`, r.name, lost.level, lost.what);
        const pupils = r.students.primary + r.students.junior + r.students.senior;
        const doubt = equipmentUnitDoubt(
          r.facilities.equipmentValue,
          pupils,
          profile.equipmentImplausibleBelow,
        );
        if (doubt) {
          const per = Math.round((r.facilities.equipmentValue / pupils) * 100) / 100;
          const below = profile.equipmentImplausibleBelow;
          problems.push({
            ...editProblem(
              "edit-equipment-unit",
              place,
              "record.facilities.equipmentValue",
              doubt === "low"
                ? `仪器设备值以元计，折合生均仅 ${per} 元，低于 ${profile.equipmentImplausibleBelow} 元；是否按万元填写？请换算为元`
                : `仪器设备值以元计，折合生均达 ${per} 元；请核对数值`,
              doubt === "low"
                ? `equipment is in yuan, and this comes to only ${per} yuan per student, below ${profile.equipmentImplausibleBelow}: given in 万元 (10k yuan)? Write it in yuan`
                : `equipment is in yuan, and this comes to ${per} yuan per student; please check the figure`,
              "warning",
            ),
            equipment: {
              doubt,
              value: r.facilities.equipmentValue,
              perStudent: per,
              below,
              above: EQUIPMENT_PER_STUDENT_ABOVE,
            },
          });
        }
        out.push({
          name: r.name,
          type: r.type,
          locale: r.locale,
          parent: r.parent,
          students: { ...r.students },
          teachers: {
            primary: { ...emptyTeachers(), ...r.teachers.primary },
            junior: { ...emptyTeachers(), ...r.teachers.junior },
          },
          facilities: { ...r.facilities },
        });
        byName = null;
        absorbed = null;
        break;
      }
      case "closeSchool": {
        const i = named("school", edit.school);
        if (i < 0) return notFound("school", edit.school);
        const pupils = out[i].students.primary + out[i].students.junior + out[i].students.senior;
        if (pupils > 0) {
          problems.push(
            editProblem(
              "edit-close-drops-students",
              place,
              "school",
              `撤销后，“${out[i].name}”的 ${pupils} 名学生不再计入任何学校；要把学生和教师转入另一所学校，请改用“撤并学校”`,
              `once closed, the ${pupils} students of "${out[i].name}" count in no school; to move its students and teachers to another school, use mergeSchool`,
              "warning",
            ),
          );
        }
        gone.set(nameKey(out[i].name), { edit: place });
        out = out.filter((_, j) => j !== i);
        byName = null;
        absorbed = null;
        break;
      }
    }
    applied.push(index);
  });
  return { records: out, problems, applied };
}

/**
 * The schools whose names are one character away from `name` (one typed wrong, left out or added), as names are
 * matched (`nameKey`), at most three: what a clerk most likely meant by a name no school has. Names of fewer than
 * NEAR_NAME_LENGTH characters are too short for one character to be a slip (丙小学, 丁小学).
 */
function nearNames(name: string, records: readonly SchoolRecord[]): string[] {
  const wanted = [...nameKey(name)];
  if (wanted.length < NEAR_NAME_LENGTH) return [];
  const near: string[] = [];
  for (const r of records) {
    if (oneEditApart(wanted, [...nameKey(r.name)])) near.push(r.name);
    if (near.length === 3) break;
  }
  return near;
}

const NEAR_NAME_LENGTH = 5;

/** Whether two strings (as arrays of characters) differ by at most one character changed, added or left out. */
function oneEditApart(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // after the first difference the rest must agree, shifted by the character added or left out
  const rest = (x: number, y: number) => a.slice(x).join("") === b.slice(y).join("");
  return a.length === b.length ? rest(i + 1, i + 1) : a.length < b.length ? rest(i, i + 1) : rest(i + 1, i);
}

/** A school's whole facilities: the per-section figures summed where the workbook gives them so. */
function sourceFacilitiesOf(r: SchoolRecord): Facilities {
  if (!r.sectionFacilities) return r.facilities;
  const sum: Facilities = { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 };
  let any = false;
  for (const l of LEVELS) {
    const given = r.sectionFacilities[l];
    if (!given) continue;
    any = true;
    for (const f of FACILITY_INDICATORS) sum[f] += given[f];
  }
  return any ? sum : r.facilities;
}

/**
 * An addition of equipment below this many 元 to a whole school is most likely a figure in 万元, the unit of the
 * statistics and of the school table (docs/standard.md#equipment-unit), written where edits take 元: a warning.
 */
export const EQUIPMENT_EDIT_BELOW = 1000;

const ENROLMENT_ORDER = ["primary", "junior", "senior"] as const;

const ENROLMENT_NAMES: Record<EnrolmentLevel, { zh: string; en: string }> = {
  primary: { zh: "小学", en: "primary" },
  junior: { zh: "初中", en: "junior" },
  senior: { zh: "高中", en: "senior" },
};

/**
 * The first level at which a school of `type` would lose pupils or teachers given to it (a 小学 given junior pupils,
 * an 初中 taking in a 完全中学's senior pupils), with the field that holds them and what they are; null when it
 * has every level they need (ENROLMENT_LEVELS for pupils, SECTIONS_OF_TYPE for teachers).
 */
function lostLevel(
  type: SchoolType,
  students: Record<EnrolmentLevel, number>,
  teachers: Partial<Record<Level, Partial<SectionTeachers> | undefined>>,
): { level: EnrolmentLevel; field: string; what: { zh: string; en: string } } | null {
  for (const l of ENROLMENT_ORDER) {
    if (students[l] > 0 && !ENROLMENT_LEVELS[type].includes(l)) {
      const what = {
        zh: `${ENROLMENT_NAMES[l].zh}在校生 ${students[l]} 人`,
        en: `${students[l]} ${l} students`,
      };
      return { level: l, field: `students.${l}`, what };
    }
  }
  for (const l of LEVELS) {
    const given = TEACHER_INDICATORS.reduce((sum, k) => sum + (teachers[l]?.[k] ?? 0), 0);
    if (given > 0 && !SECTIONS_OF_TYPE[type].includes(l)) {
      const what = { zh: `${ENROLMENT_NAMES[l].zh}教师 ${given} 人`, en: `${given} ${l} teachers` };
      return { level: l, field: `teachers.${l}`, what };
    }
  }
  return null;
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
export {
  checkEdit,
  describeEdit,
  parseEdits,
  type Edit,
  type EditIssue,
  type EditKind,
  type EditProblem,
} from "./edits";
