/**
 * The edits of a what-if scenario (docs/plans.md#edits): what an edits file may say, checked with its schema, and
 * each edit in words. Applying them is ./scenario.ts, each kind in its module under ./scenario/.
 */
import { z } from "zod";
import type { Profile } from "../standard/profile";
import { computableNumber } from "../standard/figureSchema";
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
import { controlsRemovedWords, nearestName, withoutControls } from "./names";
import { SCHOOL_TYPE_NAMES, SCHOOL_TYPES, type EnrolmentLevel } from "./records";
import { foldWord, levelOfWord, parseLocale, parseSchoolType } from "./words";
import type { EquipmentUnitDoubt } from "./equipmentUnit";
import { countOf } from "../i18n/count";

/**
 * What each kind of edit is called (the pane's list and forms, the codes' glossary). An edits file may write the
 * Chinese name for the code: `"kind": "撤并学校"` is `"kind": "mergeSchool"`.
 */
export const EDIT_KIND_NAMES = {
  setStudents: { zh: "设定在校生数", en: "Set enrolment" },
  addStudents: { zh: "增减在校生", en: "Add or remove students" },
  moveStudents: { zh: "调整学区", en: "Move students" },
  addFacility: { zh: "增减设施", en: "Add or remove facilities" },
  hireTeachers: { zh: "招聘教师", en: "Hire teachers" },
  transferTeachers: { zh: "交流教师", en: "Transfer teachers" },
  mergeSchool: { zh: "撤并学校", en: "Merge a school" },
  openSchool: { zh: "新建学校", en: "Open a school" },
  closeSchool: { zh: "撤销学校", en: "Close a school" },
} as const;

/**
 * A code written in words: the word's code from `codeOf` when it names one of `codes`, else the value as written
 * (so that a word naming nothing is refused as written, "这里是 “高中”"). Codes themselves pass unchanged.
 */
function fromWords<T extends string>(codes: readonly T[], codeOf: (text: string) => string | null) {
  return (value: unknown): unknown => {
    if (typeof value !== "string" || (codes as readonly string[]).includes(value)) return value;
    const code = codeOf(value);
    return code !== null && (codes as readonly string[]).includes(code) ? code : value;
  };
}

/** The mark of a level written twice in a new school (`"primary"` and `"小学"`), for `checkEdit` to say so. */
const GIVEN_TWICE = "edit-level-given-twice";

/**
 * An object by level (a new school's pupils, its teachers) whose keys may be 学段 words (`"小学": 600`): each key that
 * names one of `levels` as its code. A level written twice (`"primary"` and `"小学"`) is refused as given twice,
 * naming both keys, rather than one figure silently taking the other's place.
 */
function levelKeys(levels: readonly EnrolmentLevel[]) {
  const codeOf = fromWords(levels, (text) => levelOfWord(foldWord(text)));
  return (value: unknown, ctx: z.core.$RefinementCtx): unknown => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const entries = Object.entries(value);
    const out: Record<string, unknown> = {};
    const keyOf = new Map<string, string>();
    for (const [key, v] of entries) {
      const code = codeOf(key) as string;
      const earlier = keyOf.get(code);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: GIVEN_TWICE,
          path: [code],
          params: { keys: [earlier, key] },
        });
        continue;
      }
      keyOf.set(code, key);
      out[code] = v;
    }
    return out;
  };
}

/** Indicators by their names in the national standard (高学历教师, 教学用房 …), folded. */
const INDICATOR_BY_NAME: ReadonlyMap<string, string> = new Map(
  INDICATOR_IDS.flatMap((id) => {
    const names = [NATIONAL_2017.indicators[id].shortName, NATIONAL_2017.indicators[id].name];
    return names.flatMap((n) => [n.zh, n.en]).map((n) => [foldWord(n), id] as const);
  }),
);
const KIND_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(EDIT_KIND_NAMES).map(([kind, n]) => [foldWord(n.zh), kind] as const),
);

const LOCALES = ["urban", "town", "rural"] as const;
const level = z.preprocess(
  fromWords(LEVELS, (text) => levelOfWord(foldWord(text))),
  z.enum(LEVELS),
);
const indicator = <T extends string>(ids: readonly [T, ...T[]]) =>
  z.preprocess(
    fromWords(ids, (text) => INDICATOR_BY_NAME.get(foldWord(text)) ?? null),
    z.enum(ids),
  );
const teacherResource = indicator(TEACHER_INDICATORS);
const facilityResource = indicator(FACILITY_INDICATORS);
const schoolName = z.string().trim().min(1);
/** A figure the evaluation can compute with: 1e308 ㎡ or Infinity would overflow its sums to Infinity. */
const finite = computableNumber();
/** Pupils are counted whole; an amount of an indicator's resource is whole where the profile says (`wholeIssues`). */
const wholeNumber = computableNumber().int();

// every object strict: a misspelt field (`"primry": 600`) is refused with its path, never left out so that a new
// school would open without pupils
const facilitiesSchema = z.strictObject({
  teachingArea: finite.min(0),
  sportsArea: finite.min(0),
  equipmentValue: finite.min(0),
  multimediaRooms: finite.min(0),
});
const teachersSchema = z.strictObject({
  qualifiedTeachers: finite.min(0),
  keyTeachers: finite.min(0),
  peArtTeachers: finite.min(0),
});

/** A new school (开办新校): the fields the evaluation needs, equipment in 元. */
const newSchoolSchema = z.strictObject({
  name: schoolName,
  type: z.preprocess(fromWords(SCHOOL_TYPES, parseSchoolType), z.enum(SCHOOL_TYPES)),
  locale: z.preprocess(fromWords(LOCALES, parseLocale), z.enum(LOCALES)).optional(),
  parent: z.string().optional(),
  students: z.preprocess(
    levelKeys(["primary", "junior", "senior"]),
    z.strictObject({
      primary: wholeNumber.min(0).default(0),
      junior: wholeNumber.min(0).default(0),
      senior: wholeNumber.min(0).default(0),
    }),
  ),
  teachers: z.preprocess(
    levelKeys(LEVELS),
    z
      .strictObject({ primary: teachersSchema.optional(), junior: teachersSchema.optional() })
      .default({ primary: undefined, junior: undefined }),
  ),
  facilities: facilitiesSchema,
});

/** An edit whose kind is written as its Chinese name, with the code in its place. */
function kindFromName(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const kind = (raw as { kind?: unknown }).kind;
  const code = typeof kind === "string" ? KIND_BY_NAME.get(foldWord(kind)) : undefined;
  return code === undefined ? raw : { ...raw, kind: code };
}

const editUnion = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("setStudents"), school: schoolName, level, value: wholeNumber.min(0) }),
  z.strictObject({ kind: z.literal("addStudents"), school: schoolName, level, value: wholeNumber }),
  // pupils redrawn from one school's catchment to another's (调整学区划片): a whole number of them, at least one
  z.strictObject({
    kind: z.literal("moveStudents"),
    from: schoolName,
    to: schoolName,
    level,
    count: wholeNumber.min(1),
  }),
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
    count: finite,
  }),
  z.strictObject({
    kind: z.literal("transferTeachers"),
    from: schoolName,
    to: schoolName,
    fromLevel: level,
    toLevel: level,
    resource: teacherResource,
    count: finite.min(0),
  }),
  z.strictObject({ kind: z.literal("mergeSchool"), school: schoolName, into: schoolName }),
  z.strictObject({ kind: z.literal("openSchool"), record: newSchoolSchema }),
  z.strictObject({ kind: z.literal("closeSchool"), school: schoolName }),
]);
const editSchema = z.preprocess(kindFromName, editUnion);

export type Edit = z.infer<typeof editUnion>;

/** What the codes of an edits file mean, shown beside them when a field holds none of them. */
const EDIT_GLOSSARY: Glossary = {
  ...Object.fromEntries(Object.entries(EDIT_KIND_NAMES).map(([kind, n]) => [kind, n.zh])),
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
 * What an edit's equipment makes doubtful about its unit (edit-equipment-unit, docs/standard.md#equipment-unit), as
 * figures, for a host that takes equipment in another unit than the edits' 元 to say it in its own: "small", an
 * addition of fewer than EQUIPMENT_EDIT_BELOW 元 (万元 written where 元 is meant); "low" or "high", a new school's
 * equipment per pupil below `below` or above `above` 元 (equipmentUnitDoubt, engine/equipmentUnit.ts).
 */
export type EquipmentDoubt =
  | { doubt: "small"; amount: number }
  | { doubt: EquipmentUnitDoubt; value: number; perStudent: number; below: number; above: number };

/** A problem with an edit, with the edit's index (null: the file as a whole) and its field for a host to place it. */
export interface EditProblem extends Problem {
  edit: number | null;
  field: string | null;
  /** edit-equipment-unit: the doubt, in figures (元) */
  equipment?: EquipmentDoubt;
}

/** What the fields of an edit hold, in Chinese: an edits file names them in English (`into`, `count`). */
const FIELD_ZH: Readonly<Record<string, string>> = {
  kind: "修改方式",
  school: "学校",
  into: "并入学校",
  from: "派出学校",
  to: "接收学校",
  level: "学段",
  fromLevel: "派出学段",
  toLevel: "接收学段",
  resource: "指标项",
  count: "人数",
  value: "在校生数",
  amount: "增减量",
  record: "新学校",
  "record.name": "新学校名称",
  "record.type": "学校类型",
  "record.locale": "城乡类型",
  "record.parent": "所属学校",
  "record.students": "新学校在校生",
  "record.teachers": "新学校教师",
  "record.facilities": "新学校设施",
  ...Object.fromEntries(
    (["primary", "junior", "senior"] as const).map((l) => [
      `record.students.${l}`,
      `新学校${l === "senior" ? "高中" : LEVEL_NAMES[l].zh}在校生数`,
    ]),
  ),
  ...Object.fromEntries(LEVELS.map((l) => [`record.teachers.${l}`, `新学校${LEVEL_NAMES[l].zh}教师`])),
  ...Object.fromEntries(
    LEVELS.flatMap((l) =>
      TEACHER_INDICATORS.map((id) => [
        `record.teachers.${l}.${id}`,
        `新学校${LEVEL_NAMES[l].zh}${NATIONAL_2017.indicators[id].shortName.zh}`,
      ]),
    ),
  ),
  ...Object.fromEntries(
    FACILITY_INDICATORS.map((id) => [
      `record.facilities.${id}`,
      `新学校${NATIONAL_2017.indicators[id].shortName.zh}`,
    ]),
  ),
};

/**
 * A problem with an edit, named as a person counts the edits (第 3 项, edit 3) and by its path in the file
 * (`edits[2].count`, the list's index from 0), so that neither reading leaves a doubt which edit is meant; in
 * Chinese the field's meaning comes first (第 3 项的人数（edits[2].count）). `index` null: the file as a whole.
 * `field`: a path inside the edit, or none.
 */
export function editProblem(
  code: string,
  index: number | null,
  field: string | null,
  zh: string,
  en: string,
  severity: Problem["severity"] = "error",
): EditProblem {
  const path = index === null ? "edits" : `edits[${index}]${field ? `.${field}` : ""}`;
  const meaning = field ? FIELD_ZH[field] : undefined;
  const message =
    index === null
      ? { zh: `${path}：${zh}`, en: `${path}: ${en}` }
      : {
          zh: `${editOrdinal(index, "zh")}${meaning ? `的${meaning}` : ""}（${path}）：${zh}`,
          en: `${editOrdinal(index, "en")} (${path}): ${en}`,
        };
  return { severity, code, cell: null, message, edit: index, field };
}

/** A message of `editProblem` without the edit's place, for a host that changes one edit it made itself. */
export function withoutEditPlace(message: string): string {
  return message.replace(
    /^(第 \d+ 项(?:的[^（]+)?（edits\[\d+\][^）]*）：|edit \d+ \(edits\[\d+\][^)]*\): )/u,
    "",
  );
}

/** An edit as a person counts them from 1: 第 3 项, edit 3 (the list's index 2). */
export function editOrdinal(index: number, lang: "zh" | "en"): string {
  return lang === "zh" ? `第 ${index + 1} 项` : `edit ${index + 1}`;
}

/** What is wrong with one field of an edit (`field`: its path inside the edit, `record.students.primary`). */
export interface EditIssue {
  field: string;
  zh: string;
  en: string;
}

/** The fields of an edit that name a school, and those of a new school (`record`): names as the clerk typed them. */
const NAME_FIELDS = ["school", "into", "from", "to"] as const;
const RECORD_NAME_FIELDS = ["name", "parent"] as const;

/**
 * An edit as given with each name typed in it without controls (`withoutControls`, docs/school-table.md#names), as
 * a name read from a workbook is: a new school named with U+202E would show reversed, or pass for another, in every
 * result. What was removed is said of each field (`removed`), for the warning `name-controls-removed`.
 */
function namesWithoutControls(raw: unknown): { raw: unknown; removed: EditIssue[] } {
  const removed: EditIssue[] = [];
  const clean = (object: Record<string, unknown>, fields: readonly string[], path: string) => {
    const out = { ...object };
    for (const field of fields) {
      const text = out[field];
      if (typeof text !== "string") continue;
      const cleaned = withoutControls(text);
      if (cleaned.removed.length === 0) continue;
      out[field] = cleaned.name;
      const words = controlsRemovedWords(cleaned.removed, cleaned.name);
      removed.push({ field: `${path}${field}`, zh: `名称中${words.zh}`, en: `the name ${words.en}` });
    }
    return out;
  };
  if (!isObject(raw)) return { raw, removed };
  const edit = clean(raw, NAME_FIELDS, "");
  if (isObject(edit.record)) edit.record = clean(edit.record, RECORD_NAME_FIELDS, "record.");
  return { raw: edit, removed };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The amounts of an edit that are fractions of a resource the profile counts whole (`integral`: teachers and rooms
 * in the national standard, docs/standard.md#indicators): 2.5 teachers hired, 1.5 rooms added, a new school with
 * 10.5 key teachers. The one rule of whole counts in an edit, for an edits file (`checkEdit`) and for an edit a host
 * makes itself (`applyEdits`), as the school table's reader refuses such a cell (`fractional-count`).
 */
export function wholeIssues(edit: Edit, profile: Profile): EditIssue[] {
  const amounts: [field: string, id: IndicatorId, value: number][] = [];
  if (edit.kind === "hireTeachers" || edit.kind === "transferTeachers")
    amounts.push(["count", edit.resource, edit.count]);
  else if (edit.kind === "addFacility") amounts.push(["amount", edit.resource, edit.amount]);
  else if (edit.kind === "openSchool") {
    const { teachers, facilities } = edit.record;
    for (const l of LEVELS)
      for (const id of TEACHER_INDICATORS) {
        const count = teachers[l]?.[id];
        if (count !== undefined) amounts.push([`record.teachers.${l}.${id}`, id, count]);
      }
    for (const id of FACILITY_INDICATORS) amounts.push([`record.facilities.${id}`, id, facilities[id]]);
  }
  return amounts
    .filter(([, id, value]) => profile.indicators[id].integral && !Number.isInteger(value))
    .map(([field, id, value]) => {
      const def = profile.indicators[id];
      return {
        field,
        zh: `修改无效（应为整数，这里是 ${value}：${def.shortName.zh}按整${def.resourceUnit.zh}计）`,
        en: `invalid edit (expected a whole number, found ${value}: ${def.shortName.en.toLowerCase()} are counted in whole ${def.resourceUnit.en})`,
      };
    });
}

/** The fields a schema takes where it is an object (through optional, defaulted, preprocessed and record values). */
function shapeOf(schema: unknown): Record<string, unknown> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, unknown>;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return shapeOf(schema.unwrap());
  if (schema instanceof z.ZodPipe) return shapeOf(schema.out);
  if (schema instanceof z.ZodRecord) return shapeOf(schema.valueType);
  return null;
}

/** The fields an edit of `raw`'s kind takes at `path` inside it (none when the kind is unknown). */
function fieldsAt(raw: unknown, path: readonly PropertyKey[]): string[] {
  const kind = (kindFromName(raw) as { kind?: unknown } | null)?.kind;
  let schema: unknown = editUnion.options.find((o) => o.shape.kind.value === kind);
  for (const key of path) schema = shapeOf(schema)?.[String(key)];
  return Object.keys(shapeOf(schema) ?? {}).filter((f) => f !== "kind");
}

/**
 * Checks one edit as a file or a form gives it, by the edits' schema and the profile's whole counts (`wholeIssues`):
 * the edit with its codes (a Chinese name read as its code) and its names without controls (`removed`: what was
 * taken out of which field, for a warning), or what is wrong with each field. The one check of an edit's shape, for the edits file and the pane's forms alike.
 */
export function checkEdit(
  given: unknown,
  profile: Profile,
): { ok: true; edit: Edit; removed: EditIssue[] } | { ok: false; issues: EditIssue[] } {
  const { raw, removed } = namesWithoutControls(given);
  const parsed = editSchema.safeParse(raw, WITH_INPUT);
  if (parsed.success) {
    const fractions = wholeIssues(parsed.data, profile);
    return fractions.length > 0 ? { ok: false, issues: fractions } : { ok: true, edit: parsed.data, removed };
  }
  const issues: EditIssue[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join(".");
        // the field of this place in an edit the key is a slip for (cuont for count), if one is near
        const near = nearestName(key, fieldsAt(raw, issue.path));
        issues.push(
          near === null
            ? { field, zh: "未知字段（拼写有误？）", en: "unknown field (misspelt?)" }
            : {
                field,
                zh: `未知字段（拼写有误？是否指 ${near}？）`,
                en: `unknown field (misspelt? did you mean ${near}?)`,
              },
        );
      }
      continue;
    }
    if (issue.code === "custom" && issue.message === GIVEN_TWICE) {
      const [first, second] = (issue.params as { keys: [string, string] }).keys;
      issues.push({
        field: issue.path.join("."),
        zh: `同一学段写了两次（“${first}”和“${second}”），只能写一次`,
        en: `the same level is given twice ("${first}" and "${second}"); give it once`,
      });
      continue;
    }
    const text = schemaIssueText(issue, EDIT_GLOSSARY);
    issues.push({
      field: issue.path.join("."),
      zh: `修改无效（${text.zh}）`,
      en: `invalid edit (${text.en})`,
    });
  }
  return { ok: false, issues };
}

/**
 * Reads an edits file already parsed from JSON. Each invalid edit is a problem naming its index and field
 * (`edits[2].count`); the valid ones are kept in order, and a name typed in one with controls is read without them,
 * with the warning `name-controls-removed` naming its field (`edits[2].record.name`).
 */
export function parseEdits(
  json: unknown,
  profile: Profile,
): {
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
    const checked = checkEdit(raw, profile);
    if (checked.ok) {
      edits.push(checked.edit);
      indexes.push(index);
      for (const r of checked.removed)
        problems.push(editProblem("name-controls-removed", index, r.field, r.zh, r.en, "warning"));
      return;
    }
    for (const issue of checked.issues) {
      problems.push(editProblem("edit-invalid", index, issue.field, issue.zh, issue.en));
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
    case "moveStudents":
      return zh
        ? `调整学区 ${lv(edit.level)}在校生 ${edit.count} 人：${edit.from} → ${edit.to}`
        : `${countOf(edit.count, `${lv(edit.level)} student`)} moved: ${edit.from} → ${edit.to}`;
  }
}
