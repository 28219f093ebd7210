/**
 * Teaching points and their parent schools (所属学校, docs/standard.md#teaching-points). A parent is looked up in
 * the table and spelt as the table spells it, so that merging finds it. Where the profile merges teaching points
 * into their parents, a point must be mergeable: its parent must have the primary section its pupils join
 * (a 初中 or 完全中学 has none), must be evaluated (not a special-education school the profile leaves out), and
 * must be another school, not the point itself nor another teaching point (a cycle of parents). Anything else is
 * an error naming the point's 所属学校 cell, so that no pupil is dropped.
 */
import { SECTIONS_OF_TYPE, type SchoolRecord } from "../../engine/records";
import type { Profile } from "../../standard/profile";
import type { Problem } from "../../problems/problem";
import { revealed } from "../../engine/names";
import { foldText } from "../vocabulary";
import { problem, typeWord, typeWordEn } from "./problems";

/** A record that names a parent, or a teaching point that should. */
export interface ParentCheck {
  /** index in the records */
  index: number;
  /** its 所属学校 cell, null where the table has no such column */
  cell: string | null;
  nameCell: string;
}

export function checkParents(
  records: SchoolRecord[],
  checks: readonly ParentCheck[],
  names: ReadonlyMap<string, { cell: string; name: string }>,
  profile: Profile,
  problems: Problem[],
): void {
  const merging = profile.teachingPoints === "mergeIntoParent";
  const recordOf = new Map<string, SchoolRecord>();
  if (merging)
    for (const r of records) if (!recordOf.has(foldText(r.name))) recordOf.set(foldText(r.name), r);
  for (const check of checks) {
    const record = records[check.index];
    if (record.parent === undefined) {
      if (record.type !== "teachingPoint") continue;
      const cell = check.cell ?? check.nameCell;
      problems.push(
        problem(
          "warning",
          "teaching-point-no-parent",
          cell,
          `${cell}：教学点“${record.name}”未填写所属学校。`,
          `${cell}: the teaching point "${record.name}" names no parent school (所属学校).`,
        ),
      );
      continue;
    }
    const key = foldText(record.parent);
    const found = names.get(key);
    if (!found) {
      problems.push(
        problem(
          "warning",
          "parent-not-found",
          check.cell,
          `${check.cell}：所属学校“${record.parent}”不在本表中。`,
          `${check.cell}: the parent school "${record.parent}" is not in this table.`,
        ),
      );
      continue;
    }
    if (found.name !== record.parent)
      // one name by docs/school-table.md#names, spelt otherwise: matched, and the clerk told which cells differ
      problems.push(
        problem(
          "warning",
          "parent-spelled-otherwise",
          check.cell,
          `${check.cell}：所属学校“${revealed(record.parent)}”与 ${found.cell} 的校名“${revealed(found.name)}”写法不同（空格、不可见字符或全角半角），已按同一所学校匹配；请核对。`,
          `${check.cell}: the parent school "${revealed(record.parent)}" is spelt otherwise than the name "${revealed(found.name)}" in ${found.cell} (spaces, invisible characters or full-width forms); matched as one school: please check.`,
        ),
      );
    // the parent as the table spells it, so that merging finds it
    record.parent = found.name;
    const parent = recordOf.get(key);
    if (!merging || record.type !== "teachingPoint" || !parent) continue;
    const cell = check.cell ?? check.nameCell;
    if (parent === record || parent.type === "teachingPoint") {
      const self = parent === record;
      problems.push(
        problem(
          "error",
          "parent-cycle",
          cell,
          self
            ? `${cell}：教学点“${record.name}”的所属学校是它自己，无法并入所属学校计算。`
            : `${cell}：教学点“${record.name}”的所属学校“${parent.name}”（${found.cell}）也是教学点，无法并入计算；请填写其所属的完小或中心校。`,
          self
            ? `${cell}: the teaching point "${record.name}" names itself as its parent; it cannot be merged into its parent.`
            : `${cell}: the parent of the teaching point "${record.name}", "${parent.name}" (${found.cell}), is a teaching point too; name the school it belongs to.`,
        ),
      );
    } else if (parent.type === "special" && profile.exclusions.specialEducation) {
      // the special school is not evaluated: pupils merged into it would leave the evaluation with it
      problems.push(
        problem(
          "error",
          "parent-excluded",
          cell,
          `${cell}：教学点“${record.name}”的所属学校“${parent.name}”（${found.cell}）是特殊教育学校，不参评，教学点的学生并入后将不计入评估；请填写其所属的完小或中心校。`,
          `${cell}: the parent of the teaching point "${record.name}", "${parent.name}" (${found.cell}), is a special-education school, which is not evaluated: the point's pupils would leave the evaluation with it; name the school it belongs to.`,
        ),
      );
    } else if (!SECTIONS_OF_TYPE[parent.type].includes("primary")) {
      problems.push(
        problem(
          "error",
          "parent-lacks-level",
          cell,
          `${cell}：教学点“${record.name}”的所属学校“${parent.name}”（${found.cell}）是${typeWord(parent.type)}，没有小学学段，教学点的学生无法并入；请填写有小学的学校。`,
          `${cell}: the parent of the teaching point "${record.name}", "${parent.name}" (${found.cell}), is a ${typeWordEn(parent.type)} without a primary section, so the point's pupils cannot join it; name a school with primary pupils.`,
        ),
      );
    }
  }
}
