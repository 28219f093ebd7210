/**
 * One row of the table → its school's record, with every problem of the row: the one reading of a row, shared by
 * the table reader and the template-row path of the functions.
 */
import type { SchoolRecord, SchoolType, SectionTeachers } from "../../engine/records";
import type { Level } from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import { readText, singleLine } from "../cells";
import { controlsRemovedWords, revealed, withoutControls } from "../../engine/names";
import { foldText } from "../vocabulary";
import type { ReaderCache } from "./cache";
import type { ColumnPlan } from "./columnPlan";
import { checkGivenTwice, checkIndoorSports, readFacilities, schoolFacilities } from "./facilities";
import { FIGURE, GUARANTEE_FIGURES, STUDENT_FIGURES, TEACHER_FIGURES } from "./fields";
import { OK, readFigures, type ProblemSink, type RowFigures } from "./figures";
import { warnImplausibleFigures, warnImplausibleSchool } from "./plausibility";
import { columnName, notText, problem } from "./problems";
import { RowSource, schoolRecord } from "./record";
import { checkAgainstType, sectionsOfSchool } from "./typeChecks";

/** What reading a row needs: the plan, the profile, where problems go. */
export interface RowContext {
  plan: ColumnPlan;
  profile: Profile;
  cache: ReaderCache;
  /** the sheet's name, for the record's source */
  sheet: string;
  sink: ProblemSink;
  /** the names read so far in the table (folded → first cell and spelling); the template-row path has none */
  names?: Map<string, { cell: string; name: string }>;
  /** a column the row needs and the table lacks (reported once per table) */
  missingColumn(id: string): void;
}

export interface SchoolRow {
  /** null when the row has no name or no known type (reported) */
  record: SchoolRecord | null;
  name: string | null;
  /** foldText of the name */
  folded: string;
}

const valueOr0 = (figures: RowFigures, f: number) => (figures.states[f] === OK ? figures.values[f] : 0);
const valueOrUndefined = (figures: RowFigures, f: number) =>
  figures.states[f] === OK ? figures.values[f] : undefined;

function teachersOf(figures: RowFigures, l: number): SectionTeachers {
  const [qualified, key, peArt] = TEACHER_FIGURES[l];
  return {
    qualifiedTeachers: valueOr0(figures, qualified),
    keyTeachers: valueOr0(figures, key),
    peArtTeachers: valueOr0(figures, peArt),
  };
}

/**
 * A name cell's text as one line and without controls (`withoutControls`, docs/school-table.md#names), the controls
 * removed told of once, naming the cell; null when nothing but controls was there.
 */
function nameText(ctx: RowContext, text: string, cell: string, column: "name" | "parent"): string | null {
  const { name, removed } = withoutControls(singleLine(text));
  if (removed.length > 0) {
    const { zh, en } = columnName(column);
    const words = controlsRemovedWords(removed, name);
    ctx.sink.report(
      problem(
        "warning",
        "name-controls-removed",
        cell,
        `${cell}：${zh}中${words.zh}。`,
        `${cell} (${en}): the name ${words.en}.`,
      ),
    );
  }
  return name === "" ? null : name;
}

function readName(ctx: RowContext, row: readonly unknown[], cell: string): string | null {
  const t = readText(row[ctx.plan.nameCol as number]);
  const name = t.kind === "text" ? nameText(ctx, t.text, cell, "name") : null;
  if (name !== null) return name;
  if (t.kind !== "notText") {
    ctx.sink.report(
      problem(
        "error",
        "blank-required",
        cell,
        `${cell}“学校名称”为空，每行须填写学校名称。`,
        `${cell} (School) is blank; every row needs the school's name.`,
      ),
    );
  } else ctx.sink.report(notText(t.cell, cell, columnName("name")));
  return null;
}

function checkRepeatedName(ctx: RowContext, name: string, folded: string, cell: string): void {
  const names = ctx.names;
  if (!names) return;
  const first = names.get(folded);
  if (!first) {
    names.set(folded, { cell, name });
    return;
  }
  // spelt otherwise (docs/school-table.md#names): the two look alike, so say what differs
  const otherwise = first.name !== name;
  ctx.sink.report(
    problem(
      "error",
      "duplicate-name",
      cell,
      `${cell}学校名称“${name}”与 ${first.cell} 重复${otherwise ? `（“${revealed(first.name)}”与“${revealed(name)}”仅空格、不可见字符或全角半角不同）` : ""}，学校名称在表中须唯一。`,
      `${cell}: the school name "${name}" repeats ${first.cell}${otherwise ? ` ("${revealed(first.name)}" and "${revealed(name)}" differ only in spaces, invisible characters or full-width forms)` : ""}; names must be unique in the table.`,
    ),
  );
}

function readType(ctx: RowContext, row: readonly unknown[], cell: string): SchoolType | null {
  const t = readText(row[ctx.plan.typeCol as number]);
  if (t.kind === "text") {
    const type = ctx.cache.schoolType(t.text);
    if (!type) {
      ctx.sink.report(
        problem(
          "error",
          "unknown-school-type",
          cell,
          `${cell}学校类型“${t.text}”无法识别，应为小学、初中、九年一贯制学校、十二年一贯制学校、完全中学、教学点、特殊教育学校或职业学校。`,
          `${cell}: the school type "${t.text}" is not known; use 小学, 初中, 九年一贯制学校, 十二年一贯制学校, 完全中学, 教学点, 特殊教育学校 or 职业学校.`,
        ),
      );
    }
    return type;
  }
  if (t.kind === "blank") {
    ctx.sink.report(
      problem(
        "error",
        "blank-required",
        cell,
        `${cell}“学校类型”为空，每行须填写学校类型。`,
        `${cell} (Type) is blank; every row needs the school type.`,
      ),
    );
  } else ctx.sink.report(notText(t.cell, cell, columnName("type")));
  return null;
}

/** 城乡类型: optional text; a word the reader does not know is a warning and ignored. */
function readLocale(ctx: RowContext, row: readonly unknown[], cell: string): SchoolRecord["locale"] {
  const t = readText(row[ctx.plan.localeCol as number]);
  if (t.kind === "text") {
    const locale = ctx.cache.locale(t.text) ?? undefined;
    if (!locale) {
      ctx.sink.report(
        problem(
          "warning",
          "unknown-locale",
          cell,
          `${cell}城乡类型“${t.text}”无法识别（应为城区、镇区或乡村），已忽略。`,
          `${cell}: the locale "${t.text}" is not known (use 城区, 镇区 or 乡村); ignored.`,
        ),
      );
    }
    return locale;
  }
  if (t.kind === "notText") ctx.sink.report(notText(t.cell, cell, columnName("locale"), "warning"));
  return undefined;
}

function readParent(ctx: RowContext, row: readonly unknown[], cell: string): string | undefined {
  const t = readText(row[ctx.plan.parentCol as number]);
  if (t.kind === "text") return nameText(ctx, t.text, cell, "parent") ?? undefined;
  if (t.kind === "notText") ctx.sink.report(notText(t.cell, cell, columnName("parent"), "warning"));
  return undefined;
}

/** Reads row `row`, numbered rowNumber in its sheet. */
export function readSchoolRow(ctx: RowContext, row: readonly unknown[], rowNumber: number): SchoolRow {
  const { plan, profile, sink } = ctx;
  const source = new RowSource(ctx.sheet, rowNumber, plan);
  let name: string | null = null;
  let folded = "";
  if (plan.nameCol !== undefined) {
    const cell = source.address("name") as string;
    name = readName(ctx, row, cell);
    if (name !== null) {
      folded = foldText(name);
      checkRepeatedName(ctx, name, folded, cell);
    }
  }
  const type = plan.typeCol === undefined ? null : readType(ctx, row, source.address("type") as string);
  const locale =
    plan.localeCol === undefined ? undefined : readLocale(ctx, row, source.address("locale") as string);
  const parent =
    plan.parentCol === undefined ? undefined : readParent(ctx, row, source.address("parent") as string);

  const figures = readFigures(plan, row, rowNumber, sink);
  const students = {
    primary: valueOr0(figures, STUDENT_FIGURES[0]),
    junior: valueOr0(figures, STUDENT_FIGURES[1]),
    senior: valueOr0(figures, STUDENT_FIGURES[2]),
  };
  const facilities = readFacilities(plan, figures, rowNumber, sink);
  if (type) {
    checkAgainstType(ctx, rowNumber, type, figures, students, facilities);
    checkGivenTwice(plan, figures, sectionsOfSchool(type, students), rowNumber, sink);
  }
  if (sink.warnings) warnImplausibleFigures(ctx, rowNumber, figures);
  if (name === null || type === null) return { record: null, name, folded };

  const school = schoolFacilities(figures, facilities);
  checkIndoorSports(plan, figures, school, profile, rowNumber, sink);
  if (sink.warnings) warnImplausibleSchool(ctx, rowNumber, name, figures, students, school);
  const guarantee: (number | undefined)[] = new Array(GUARANTEE_FIGURES.length);
  for (let i = 0; i < GUARANTEE_FIGURES.length; i++)
    guarantee[i] = valueOrUndefined(figures, GUARANTEE_FIGURES[i]);
  // LEVELS_OF_SECTIONS in a literal: every record's teachers have one shape
  const teachers: Record<Level, SectionTeachers> = {
    primary: teachersOf(figures, 0),
    junior: teachersOf(figures, 1),
  };
  const record = schoolRecord({
    name,
    type,
    locale,
    parent,
    students,
    teachers,
    facilities: school,
    sectionFacilities: facilities.sections,
    indoor: valueOrUndefined(figures, FIGURE.indoorSportsArea),
    guarantee,
    source,
  });
  return { record, name, folded };
}
