/**
 * The edits of a what-if scenario (docs/plans.md#edits): what an edits file may say, checked with its schema, and
 * each edit in words. Applying them is ./scenario.ts.
 */
import { z } from "zod";
import type { Profile } from "../standard/profile";
import { computableNumber } from "../standard/figures";
import { schemaIssueText, WITH_INPUT, type Glossary } from "../problems/schemaIssue";
import { NATIONAL_2017 } from "../standard/national2017";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVEL_NAMES,
  LEVELS,
  TEACHER_INDICATORS,
  type IndicatorId,
  type Level,
} from "../standard/indicators";
import type { Problem } from "../problems/problem";
import { SCHOOL_TYPE_NAMES, SCHOOL_TYPES } from "./records";

const level = z.enum(LEVELS);
const teacherResource = z.enum(TEACHER_INDICATORS);
const facilityResource = z.enum(FACILITY_INDICATORS);
const schoolName = z.string().trim().min(1);
/** A figure the evaluation can compute with: 1e308 ㎡ or Infinity would overflow its sums to Infinity. */
const finite = computableNumber();
const wholeNumber = computableNumber().int();

// every object strict: a misspelt field (`"primry": 600`) is refused with its path, never left out so that a new
// school would open without pupils
const facilitiesSchema = z.strictObject({
  teachingArea: finite.min(0),
  sportsArea: finite.min(0),
  equipmentValue: finite.min(0),
  multimediaRooms: wholeNumber.min(0),
});
const teachersSchema = z.strictObject({
  qualifiedTeachers: wholeNumber.min(0),
  keyTeachers: wholeNumber.min(0),
  peArtTeachers: wholeNumber.min(0),
});

/** A new school (开办新校): the fields the evaluation needs, equipment in 元. */
const newSchoolSchema = z.strictObject({
  name: schoolName,
  type: z.enum(SCHOOL_TYPES),
  locale: z.enum(["urban", "town", "rural"]).optional(),
  parent: z.string().optional(),
  students: z.strictObject({
    primary: wholeNumber.min(0).default(0),
    junior: wholeNumber.min(0).default(0),
    senior: wholeNumber.min(0).default(0),
  }),
  teachers: z
    .strictObject({ primary: teachersSchema.optional(), junior: teachersSchema.optional() })
    .default({ primary: undefined, junior: undefined }),
  facilities: facilitiesSchema,
});

const editSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("setStudents"), school: schoolName, level, value: wholeNumber.min(0) }),
  z.strictObject({ kind: z.literal("addStudents"), school: schoolName, level, value: wholeNumber }),
  z.strictObject({
    kind: z.literal("addFacility"),
    school: schoolName,
    resource: facilityResource,
    amount: finite,
  }),
  z.strictObject({
    kind: z.literal("hireTeachers"),
    school: schoolName,
    level,
    resource: teacherResource,
    count: wholeNumber,
  }),
  z.strictObject({
    kind: z.literal("transferTeachers"),
    from: schoolName,
    to: schoolName,
    fromLevel: level,
    toLevel: level,
    resource: teacherResource,
    count: wholeNumber.min(0),
  }),
  z.strictObject({ kind: z.literal("mergeSchool"), school: schoolName, into: schoolName }),
  z.strictObject({ kind: z.literal("openSchool"), record: newSchoolSchema }),
  z.strictObject({ kind: z.literal("closeSchool"), school: schoolName }),
]);

export type Edit = z.infer<typeof editSchema>;

/** What the codes of an edits file mean, shown beside them when a field holds none of them. */
const EDIT_GLOSSARY: Glossary = {
  setStudents: "设定在校生数",
  addStudents: "增减在校生",
  addFacility: "增减设施",
  hireTeachers: "招聘教师",
  transferTeachers: "交流教师",
  mergeSchool: "撤并学校",
  openSchool: "新建学校",
  closeSchool: "撤销学校",
  ...Object.fromEntries(LEVELS.map((l) => [l, LEVEL_NAMES[l].zh])),
  ...Object.fromEntries(SCHOOL_TYPES.map((t) => [t, SCHOOL_TYPE_NAMES[t].zh])),
  ...Object.fromEntries(INDICATOR_IDS.map((id) => [id, NATIONAL_2017.indicators[id].shortName.zh])),
  urban: "城区",
  town: "镇区",
  rural: "乡村",
};
export type EditKind = Edit["kind"];

/** The edits file: a bare list, or `{ "edits": [...] }`. */
const editsFileSchema = z.union([z.array(z.unknown()), z.object({ edits: z.array(z.unknown()) })]);

/**
 * A problem with an edit, named as a person counts the edits (第 3 项, edit 3) and by its path in the file
 * (`edits[2].count`, the list's index from 0), so that neither reading leaves a doubt which edit is meant. `index`
 * null: the file as a whole. `field`: a path inside the edit, or none.
 */
export function editProblem(
  code: string,
  index: number | null,
  field: string | null,
  zh: string,
  en: string,
  severity: Problem["severity"] = "error",
): Problem {
  const path = index === null ? "edits" : `edits[${index}]${field ? `.${field}` : ""}`;
  const message =
    index === null
      ? { zh: `${path}：${zh}`, en: `${path}: ${en}` }
      : {
          zh: `${editOrdinal(index, "zh")}（${path}）：${zh}`,
          en: `${editOrdinal(index, "en")} (${path}): ${en}`,
        };
  return { severity, code, cell: null, message };
}

/** A message of `editProblem` without the edit's place, for a host that changes one edit it made itself. */
export function withoutEditPlace(message: string): string {
  return message.replace(/^(第 \d+ 项（edits\[\d+\][^）]*）：|edit \d+ \(edits\[\d+\][^)]*\): )/u, "");
}

/** An edit as a person counts them from 1: 第 3 项, edit 3 (the list's index 2). */
export function editOrdinal(index: number, lang: "zh" | "en"): string {
  return lang === "zh" ? `第 ${index + 1} 项` : `edit ${index + 1}`;
}

/**
 * Reads an edits file already parsed from JSON. Each invalid edit is a problem naming its index and field
 * (`edits[2].count`); the valid ones are kept in order.
 */
export function parseEdits(json: unknown): {
  edits: Edit[];
  problems: Problem[];
  indexes: number[];
  /** how many edits the file lists, valid or not */
  count: number;
} {
  const file = editsFileSchema.safeParse(json);
  if (!file.success) {
    return {
      edits: [],
      indexes: [],
      count: 0,
      problems: [
        editProblem(
          "edits-not-a-list",
          null,
          null,
          "修改清单应为数组，或含 edits 数组的对象",
          "the edits file must be a list, or an object with an `edits` list",
        ),
      ],
    };
  }
  const list = Array.isArray(file.data) ? file.data : file.data.edits;
  const edits: Edit[] = [];
  const indexes: number[] = [];
  const problems: Problem[] = [];
  list.forEach((raw, index) => {
    const parsed = editSchema.safeParse(raw, WITH_INPUT);
    if (parsed.success) {
      edits.push(parsed.data);
      indexes.push(index);
      return;
    }
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const field = [...issue.path, key].join(".");
          problems.push(
            editProblem("edit-invalid", index, field, "未知字段（拼写有误？）", "unknown field (misspelt?)"),
          );
        }
        continue;
      }
      const text = schemaIssueText(issue, EDIT_GLOSSARY);
      problems.push(
        editProblem(
          "edit-invalid",
          index,
          issue.path.join("."),
          `修改无效（${text.zh}）`,
          `invalid edit (${text.en})`,
        ),
      );
    }
  });
  // indexes: where each valid edit stood in the file, so that later problems name the same edit
  return { edits, problems, indexes, count: list.length };
}

const LEVEL_ZH: Record<Level, string> = { primary: "小学", junior: "初中" };

/** One edit in words, for the list of edits in the pane and the scenario sheet. */
export function describeEdit(edit: Edit, profile: Profile, lang: "zh" | "en"): string {
  const name = (id: IndicatorId) => profile.indicators[id].shortName[lang];
  const unit = (id: IndicatorId) => profile.indicators[id].resourceUnit[lang];
  const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
  const zh = lang === "zh";
  const lv = (l: Level) => (zh ? LEVEL_ZH[l] : l);
  switch (edit.kind) {
    case "setStudents":
      return zh
        ? `${edit.school} ${lv(edit.level)}在校生设为 ${edit.value}`
        : `${edit.school}: ${lv(edit.level)} students set to ${edit.value}`;
    case "addStudents":
      return zh
        ? `${edit.school} ${lv(edit.level)}在校生 ${signed(edit.value)}`
        : `${edit.school}: ${lv(edit.level)} students ${signed(edit.value)}`;
    case "addFacility":
      return zh
        ? `${edit.school} ${name(edit.resource)} ${signed(edit.amount)} ${unit(edit.resource)}`
        : `${edit.school}: ${name(edit.resource)} ${signed(edit.amount)} ${unit(edit.resource)}`;
    case "hireTeachers":
      return zh
        ? `${edit.school} ${lv(edit.level)}${name(edit.resource)} ${signed(edit.count)} 人`
        : `${edit.school}: ${lv(edit.level)} ${name(edit.resource)} ${signed(edit.count)}`;
    case "transferTeachers":
      return zh
        ? `${name(edit.resource)} ${edit.count} 人：${edit.from}（${lv(edit.fromLevel)}）→ ${edit.to}（${lv(edit.toLevel)}）`
        : `${name(edit.resource)} ×${edit.count}: ${edit.from} (${lv(edit.fromLevel)}) → ${edit.to} (${lv(edit.toLevel)})`;
    case "mergeSchool":
      return zh ? `${edit.school} 并入 ${edit.into}` : `${edit.school} merged into ${edit.into}`;
    case "openSchool":
      return zh ? `新建学校 ${edit.record.name}` : `New school ${edit.record.name}`;
    case "closeSchool":
      return zh ? `撤销学校 ${edit.school}` : `School ${edit.school} closed`;
  }
}
