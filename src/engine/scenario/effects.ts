import type { Profile } from "../../standard/profile";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVEL_NAMES,
  LEVELS,
  TEACHER_INDICATORS,
  type IndicatorId,
  type Level,
} from "../../standard/indicators";
import { formatNumber, formatWan } from "../../i18n/format";
import { countOf } from "../../i18n/count";
import type { Evaluation } from "../evaluate";
import {
  SCHOOL_TYPE_NAMES,
  type EnrolmentLevel,
  type Facilities,
  type SchoolRecord,
  type SchoolType,
  type SectionTeachers,
} from "../records";
import { ENROLMENT_NAMES, ENROLMENT_ORDER } from "./levels";

/*
 * What each structural edit moved or dropped (docs/plans.md#effects): made once, here, as the edit applies, and
 * returned with the applied edits, so that the command, the pane and the web app say the same figures and none of
 * them works them out again.
 */

/** Pupils by level, teachers of each kind by section, and whole-school facilities (equipment in 元). */
export interface Holdings {
  students: Record<EnrolmentLevel, number>;
  teachers: Record<Level, SectionTeachers>;
  facilities: Facilities;
}

/** A section of a school an edit made or changed, as the scenario's evaluation judged it at its end. */
export interface EffectSection {
  school: string;
  level: Level;
  included: boolean;
  pass: boolean;
  metCount: number;
  values: Record<IndicatorId, number | null>;
}

/** The kinds of edit that change which schools there are or move people between them. */
export type StructuralKind =
  "mergeSchool" | "openSchool" | "closeSchool" | "transferTeachers" | "moveStudents";

/**
 * What one applied structural edit did. `moved`: what a merge moved into `into`, what a closure dropped from every
 * school, what a new school brings, the teachers a transfer moved (by the section they left), the pupils a move
 * moved. `holds`: what the receiving school has once the edit applied (merge, transfer, move); `left`: what the
 * sending school has then (transfer, move). `words`: all of it in a sentence, each language.
 */
export interface EditEffect {
  /** the edit's place in the file it came from, as problems give it */
  edit: number;
  kind: StructuralKind;
  /** the school merged, closed or opened; the sending school of a transfer or a move */
  school: string;
  /** the receiving school of a merge, a transfer or a move */
  into: string | null;
  moved: Holdings;
  holds: Holdings | null;
  /** what the sending school has once the edit applied (transfer, move) */
  left: Holdings | null;
  /** a transfer: the section the teachers teach in now */
  toLevel: Level | null;
  /** a merge or a move whose receiving school gains a section: its type before and after (docs/plans.md#merge-type) */
  type: { before: SchoolType; after: SchoolType } | null;
  /** teaching points that belonged to the merged school and now belong to `into`, or to a closed school and to none */
  teachingPoints: string[];
  /** a merge, a closure or a move that widens a type: facilities the workbook gave by section, now one pool */
  pooled: boolean;
  /** a merge of a teaching point its receiving school already took in for the evaluation (mergeIntoParent) */
  alreadyCounted: boolean;
  /** the receiving school's or the new school's sections at the scenario's end, a move's both schools' (`withSections`) */
  sections: EffectSection[];
  words: { zh: string; en: string };
}

/** What a school has, as an edit moves it: copies of its figures, facilities summed over its sections. */
export function holdingsOf(r: SchoolRecord): Holdings {
  return {
    students: { ...r.students },
    teachers: { primary: { ...r.teachers.primary }, junior: { ...r.teachers.junior } },
    facilities: { ...wholeFacilitiesOf(r) },
  };
}

/** Nothing: the holdings of a transfer before its teachers are counted in. */
export function noHoldings(): Holdings {
  const none = () => ({ qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 });
  return {
    students: { primary: 0, junior: 0, senior: 0 },
    teachers: { primary: none(), junior: none() },
    facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
  };
}

/** A school's whole facilities: the per-section figures summed where the workbook gives them so. */
export function wholeFacilitiesOf(r: SchoolRecord): Facilities {
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

/** An effect as an edit's module makes it, before its words. */
export type EffectFigures = Omit<EditEffect, "words" | "sections" | "edit">;

/**
 * The effects with the sections of the schools they made or changed as `evaluation` judged them (the scenario's
 * end), and their words again with them.
 */
export function withSections(effects: readonly EditEffect[], evaluation: Evaluation, profile: Profile) {
  return effects.map((e) => {
    const names =
      e.kind === "mergeSchool"
        ? [e.into]
        : e.kind === "openSchool"
          ? [e.school]
          : e.kind === "moveStudents"
            ? [e.school, e.into]
            : [];
    if (names.length === 0) return e;
    const sections: EffectSection[] = names
      .flatMap((name) => evaluation.sections.filter((s) => s.school === name))
      .map((s) => ({
        school: s.school,
        level: s.level,
        included: s.included,
        pass: s.pass,
        metCount: s.metCount,
        values: s.values,
      }));
    const withThem = { ...e, sections };
    return { ...withThem, words: effectWords(withThem, profile) };
  });
}

type Lang = "zh" | "en";

/** A name inside an English sentence: its first letter small, unless it begins an acronym (PE and art teachers). */
const lower = (name: string) => (/^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name);

/** The figures of `h` that are not 0, each named: 小学在校生 +320 人, primary students +320. */
function figures(h: Holdings, profile: Profile, lang: Lang, signed: boolean): string[] {
  const zh = lang === "zh";
  const n = (v: number, d = Number.isInteger(v) ? 0 : 2) =>
    `${signed && v > 0 ? "+" : ""}${formatNumber(v, d, lang)}`;
  const out: string[] = [];
  for (const l of ENROLMENT_ORDER) {
    const v = h.students[l];
    if (v !== 0) out.push(zh ? `${ENROLMENT_NAMES[l].zh}在校生 ${n(v)} 人` : `${l} students ${n(v)}`);
  }
  for (const l of LEVELS) {
    for (const k of TEACHER_INDICATORS) {
      const v = h.teachers[l][k];
      const name = profile.indicators[k].shortName;
      if (v !== 0)
        out.push(zh ? `${LEVEL_NAMES[l].zh}${name.zh} ${n(v)} 人` : `${l} ${lower(name.en)} ${n(v)}`);
    }
  }
  for (const f of FACILITY_INDICATORS) {
    const v = h.facilities[f];
    if (v === 0) continue;
    const { shortName, resourceUnit } = profile.indicators[f];
    // rooms are counted in English by their name alone (multimedia rooms +8)
    const unit = zh || f !== "multimediaRooms" ? ` ${resourceUnit[lang]}` : "";
    const amount =
      f === "equipmentValue" ? `${signed && v > 0 ? "+" : ""}${formatWan(v, lang)}` : `${n(v)}${unit}`;
    out.push(zh ? `${shortName.zh} ${amount}` : `${lower(shortName.en)} ${amount}`);
  }
  return out;
}

/** The sections at the scenario's end: 小学 7 项指标达到 6 项（高学历教师 5.20 …），达标. */
function sectionWords(s: EffectSection, profile: Profile, lang: Lang): string {
  const zh = lang === "zh";
  const values = INDICATOR_IDS.map((id) => {
    const name = profile.indicators[id].shortName;
    return `${zh ? name.zh : lower(name.en)} ${formatNumber(s.values[id], 2, lang)}`;
  }).join(zh ? "，" : ", ");
  const verdict = !s.included
    ? zh
      ? "不参评"
      : "not evaluated"
    : s.pass
      ? zh
        ? "达标"
        : "passes"
      : zh
        ? "未达标"
        : "does not pass";
  return zh
    ? `${LEVEL_NAMES[s.level].zh} ${INDICATOR_IDS.length} 项指标达到 ${s.metCount} 项（${values}），${verdict}`
    : `${s.level}: ${s.metCount} of ${INDICATOR_IDS.length} indicators met (${values}), ${verdict}`;
}

/** What an effect did, in a sentence: Chinese, and English. */
export function effectWords(e: Omit<EditEffect, "words">, profile: Profile): { zh: string; en: string } {
  return { zh: wordsIn(e, profile, "zh"), en: wordsIn(e, profile, "en") };
}

function wordsIn(e: Omit<EditEffect, "words">, profile: Profile, lang: Lang): string {
  const zh = lang === "zh";
  const list = (parts: string[], none: string) => (parts.length > 0 ? parts.join(zh ? "，" : ", ") : none);
  const clauses: string[] = [];
  const nothing = zh ? "无在校生、教师和设施" : "no students, teachers or facilities";
  switch (e.kind) {
    case "mergeSchool": {
      const into = e.into ?? "";
      clauses.push(
        zh
          ? `${e.school}并入${into}：${list(figures(e.moved, profile, lang, true), nothing)}`
          : `${e.school} merged into ${into}: ${list(figures(e.moved, profile, lang, true), nothing)}`,
      );
      if (e.type)
        clauses.push(
          zh
            ? `学校类型由${SCHOOL_TYPE_NAMES[e.type.before].zh}改为${SCHOOL_TYPE_NAMES[e.type.after].zh}`
            : `its type changes from ${lower(SCHOOL_TYPE_NAMES[e.type.before].en)} to ${lower(SCHOOL_TYPE_NAMES[e.type.after].en)}`,
        );
      if (e.holds)
        clauses.push(
          zh
            ? `合并后该校有${list(figures(e.holds, profile, lang, false), nothing)}`
            : `after the merger it has ${list(figures(e.holds, profile, lang, false), nothing)}`,
        );
      if (e.pooled)
        clauses.push(
          zh
            ? "按学段填报的设施合为全校设施，按加权在校生重新分摊"
            : "facilities given by section are pooled for the whole school and apportioned afresh",
        );
      if (e.alreadyCounted)
        clauses.push(
          zh
            ? "该教学点原已并入该校评估，评估所用的数字不变"
            : "the teaching point was already counted in this school's evaluation: the figures evaluated do not change",
        );
      if (e.teachingPoints.length > 0)
        clauses.push(
          zh
            ? `教学点${e.teachingPoints.join("、")}改属${into}`
            : `teaching points ${e.teachingPoints.join(", ")} now belong to ${into}`,
        );
      break;
    }
    case "closeSchool":
      clauses.push(
        zh
          ? `撤销${e.school}：${list(figures(e.moved, profile, lang, false), nothing)}${hasAny(e.moved) ? "，不再计入任何学校" : ""}`
          : `${e.school} closed: ${list(figures(e.moved, profile, lang, false), nothing)}${hasAny(e.moved) ? ", counted in no school any more" : ""}`,
      );
      if (e.teachingPoints.length > 0)
        clauses.push(
          zh
            ? `教学点${e.teachingPoints.join("、")}的所属学校已撤销`
            : `teaching points ${e.teachingPoints.join(", ")} no longer have a school to belong to`,
        );
      break;
    case "openSchool":
      clauses.push(
        zh
          ? `新建${e.school}：${list(figures(e.moved, profile, lang, false), nothing)}`
          : `${e.school} opened: ${list(figures(e.moved, profile, lang, false), nothing)}`,
      );
      break;
    case "transferTeachers": {
      const from = LEVELS.find((l) => TEACHER_INDICATORS.some((k) => e.moved.teachers[l][k] > 0));
      const k = from && TEACHER_INDICATORS.find((x) => e.moved.teachers[from][x] > 0);
      if (!from || !k || !e.toLevel || !e.holds) {
        clauses.push(zh ? `交流教师 0 人` : "no teachers moved");
        break;
      }
      const count = e.moved.teachers[from][k];
      const name = profile.indicators[k].shortName;
      clauses.push(
        zh
          ? `${name.zh} ${count} 人由${e.school}（${LEVEL_NAMES[from].zh}）调入${e.into}（${LEVEL_NAMES[e.toLevel].zh}），${e.into}${LEVEL_NAMES[e.toLevel].zh}现有 ${e.holds.teachers[e.toLevel][k]} 人`
          : `${countOf(count, `${lower(name.en).replace(/s$/, "")} moves`, `${lower(name.en)} move`)} from ${e.school} (${from}) to ${e.into} (${e.toLevel}), which now has ${e.holds.teachers[e.toLevel][k]}`,
      );
      break;
    }
    case "moveStudents":
      clauses.push(...moveWords(e, profile, lang));
      break;
  }
  // a move names the school of each section: it changes two
  const named = e.kind === "moveStudents";
  for (const s of e.sections)
    clauses.push(
      zh
        ? `模拟后${named ? `${s.school}的` : "该校"}${sectionWords(s, profile, lang)}`
        : `at the end, ${named ? `${s.school} ` : ""}${sectionWords(s, profile, lang)}`,
    );
  return clauses.join(zh ? "；" : "; ");
}

/**
 * A move (docs/plans.md#move): the pupils moved, that teachers and facilities stay, the receiving school's change of
 * type, and each school's pupils after it.
 */
function moveWords(e: Omit<EditEffect, "words">, profile: Profile, lang: Lang): string[] {
  const zh = lang === "zh";
  const level = ENROLMENT_ORDER.find((l) => e.moved.students[l] > 0) ?? "primary";
  const count = e.moved.students[level];
  const into = e.into ?? "";
  const pupils = (h: Holdings | null) => {
    const shown = h ? figures({ ...noHoldings(), students: h.students }, profile, lang, false) : [];
    return shown.length > 0 ? shown.join(zh ? "，" : ", ") : zh ? "无在校生" : "no students";
  };
  const clauses = [
    zh
      ? `${ENROLMENT_NAMES[level].zh}在校生 ${formatNumber(count, 0, lang)} 人由${e.school}调入${into}，教师和设施不随之调整`
      : `${countOf(count, `${level} student`)} move from ${e.school} to ${into}; teachers and facilities stay where they are`,
  ];
  if (e.type)
    clauses.push(
      zh
        ? `${into}的学校类型由${SCHOOL_TYPE_NAMES[e.type.before].zh}改为${SCHOOL_TYPE_NAMES[e.type.after].zh}`
        : `${into}'s type changes from ${lower(SCHOOL_TYPE_NAMES[e.type.before].en)} to ${lower(SCHOOL_TYPE_NAMES[e.type.after].en)}`,
    );
  if (e.pooled)
    clauses.push(
      zh
        ? `${into}按学段填报的设施合为全校设施，按加权在校生重新分摊`
        : `${into}'s facilities given by section are pooled for the whole school and apportioned afresh`,
    );
  clauses.push(
    zh
      ? `调整后${e.school}有${pupils(e.left)}，${into}有${pupils(e.holds)}`
      : `after the move ${e.school} has ${pupils(e.left)}, ${into} ${pupils(e.holds)}`,
  );
  return clauses;
}

const hasAny = (h: Holdings) =>
  ENROLMENT_ORDER.some((l) => h.students[l] !== 0) ||
  LEVELS.some((l) => TEACHER_INDICATORS.some((k) => h.teachers[l][k] !== 0)) ||
  FACILITY_INDICATORS.some((f) => h.facilities[f] !== 0);
