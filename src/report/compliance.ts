/**
 * 达标情况: one row per section, a block per level and a block of the sections not evaluated. Every enrolment,
 * share, value, status, count and pass cell is a formula over 学校数据 (src/report/chain.ts) carrying the
 * engine's value as its cached result. Printed on A4 landscape in two column groups (teachers; facilities and
 * the verdict), the school's number and name repeated on each page, the header rows on each page.
 */
import type { Evaluation, IndicatorStatus, SectionResult } from "../engine/evaluate";
import { SCALE_FACTOR, type ExclusionReason } from "../engine/sections";
import { standardAndFloor } from "../engine/sectionResult";
import { SCHOOL_TYPE_NAMES, type SchoolRecord } from "../engine/records";
import type { Lang } from "../i18n/format";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES, type IndicatorId, type Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { columnLetters } from "../sheet/grid";
import { TOLERANCE, formatBeside, formatExact, formulaNumber, sectionChains } from "./chain";
import type { CellStyle, PrintSetup, ReportCell, ReportSheet } from "./model";
import { SheetBuilder, pageMarks, tableTitle, type TitleParts } from "./print";
import { widthThatFits } from "./paperWidth";
import type { SchoolData } from "./schoolData";
import { word } from "./words";

/** Columns of 达标情况 (0-based): the teachers' group, then the facilities' group from SHARE on. */
export const COMPLIANCE_COLUMNS = {
  number: 0,
  school: 1,
  type: 2,
  students: 3,
  /** first column of the facilities' page */
  share: 10,
  /** value column of the i-th indicator (INDICATOR_IDS order); its status is the next column */
  value: (i: number) => (i < 3 ? 4 + 2 * i : 11 + 2 * (i - 3)),
  met: 19,
  unmet: 20,
  pass: 21,
  width: 22,
} as const;

const C = COMPLIANCE_COLUMNS;

export const COMPLIANCE_NAME = { zh: "达标情况", en: "Compliance" } as const;
const TABLE = { zh: "学校资源配置达标情况", en: "Resource allocation by school section" } as const;

const EXCLUSION_NAMES: Record<ExclusionReason, Record<Lang, string>> = {
  specialEducation: { zh: "特殊教育学校，不纳入计算", en: "Special education: not evaluated" },
  vocational: { zh: "职业学校，不纳入计算", en: "Vocational: not evaluated" },
  smallTeachingPoint: { zh: "不足50人的教学点，不纳入计算", en: "Teaching point under 50: not evaluated" },
  noStudents: { zh: "无在校生，不纳入计算", en: "No students: not evaluated" },
};

/** Where each level's sections are on 达标情况: the rows of its block, for the formulas of the other sheets. */
export interface ComplianceLayout {
  sheet: ReportSheet;
  /** 1-based first and last data row of each level's block; null for a level with no section */
  blocks: Record<Level, { first: number; last: number } | null>;
  /** 1-based row of each included section, by its index in evaluation.sections */
  rowOf: Map<number, number>;
}

function statusStyle(status: IndicatorStatus | null): CellStyle | undefined {
  return status === "unmet" ? "fail" : status === "floor" ? "warn" : undefined;
}

/**
 * A section's value of an indicator, to 2 decimals, or to the places that show it on its side of the standard and
 * of its 85 % floor (`formatBeside`); equipment in 元 grouped by thousands.
 */
function valueFormat(profile: Profile, s: SectionResult, id: IndicatorId): string {
  return formatBeside(s.values[id], thresholdsOf(profile, s, id), 2, id === "equipmentValue");
}

/** The standard of an indicator at a section's level and its 85 % floor: what the section's value is judged against. */
export function thresholdsOf(profile: Profile, s: SectionResult, id: IndicatorId): [number, number] {
  const { standard, floor } = standardAndFloor(profile, id, s.level);
  return [standard, floor];
}

/**
 * A standard, or its 85 % floor, as it is: 2 decimals, or the places it takes (3.825, 0.765); equipment in whole
 * 元 grouped by thousands.
 */
function standardFormat(id: IndicatorId, threshold: number): string {
  return id === "equipmentValue" ? formatExact(threshold, 0, true) : formatExact(threshold, 2);
}

/** The 达标情况 sheet. */
export function complianceSheet(
  evaluation: Evaluation,
  records: readonly SchoolRecord[],
  profile: Profile,
  data: SchoolData,
  options: { lang: Lang; title: TitleParts },
): ComplianceLayout {
  const { lang } = options;
  const zh = lang === "zh";
  const widths = new Array<number>(C.width).fill(7);
  // the share and the counts hold figures of a few digits, under headers of lines of two or three characters;
  // the values keep their widths, which each indicator's name over its value and status is broken onto lines for
  Object.assign(widths, { 0: 5, 2: 16, 3: 9, 10: 7, 19: 5, 20: 5, 21: 8 });
  INDICATOR_IDS.forEach((id, i) => {
    widths[C.value(i)] = id === "equipmentValue" ? 10 : i < 3 ? 10 : 8;
    widths[C.value(i) + 1] = i < 3 ? 8 : 7;
  });
  const print: PrintSetup = {
    orientation: "landscape",
    paper: "A4",
    titleColumns: [0, 1],
    columnBreaks: [C.share],
    overThenDown: true,
    ...pageMarks(options.title, TABLE, lang),
  };
  // the school's name, on both pages, takes the room the facilities' page leaves it with its margin
  widths[C.school] = widthThatFits(widths, C.school, print, 24);
  const b = new SheetBuilder(widths);
  const pageA = C.share - 1;
  const chainOf = sectionChains(records, profile, data);

  // the school's number and name repeat on the facilities' page: the title stays clear of them, and that page
  // is headed as the table continued
  const titleRow = b.next;
  b.title(
    tableTitle(options.title, TABLE, lang),
    pageA,
    `${zh ? "评估标准：" : "Standard: "}${profile.name[lang]}`,
    C.type,
  );
  b.rows[titleRow - 1][C.share] = {
    value: zh ? `${TABLE.zh}（续）` : `${TABLE.en} (continued)`,
    style: "subtitle",
  };
  b.merge(titleRow, C.share, titleRow, C.width - 1);
  const h1 = b.next;
  const top: ReportCell[] = [];
  const sub: ReportCell[] = [];
  const head = (c: number, text: string) => {
    top[c] = { value: text, style: "header" };
    sub[c] = { style: "header" };
    b.merge(h1, c, h1 + 1, c);
  };
  head(C.number, zh ? "序号" : "No.");
  head(C.school, zh ? "学校名称" : "School");
  head(C.type, zh ? "学校类型" : "Type");
  head(C.students, zh ? "在校生数（人）" : "Students");
  head(C.share, zh ? "设施分摊比例" : "Facility share");
  head(C.met, zh ? "达标项数" : "Met");
  head(C.unmet, zh ? "低于85%项数" : "Below 85 %");
  head(C.pass, zh ? "学校达标" : "Section passes");
  INDICATOR_IDS.forEach((id, i) => {
    const def = profile.indicators[id];
    const c = C.value(i);
    top[c] = { value: `${def.name[lang]}（${def.unit[lang]}）`, style: "header" };
    top[c + 1] = { style: "header" };
    sub[c] = { value: zh ? "值" : "Value", style: "header" };
    sub[c + 1] = { value: zh ? "状态" : "Status", style: "header" };
    b.merge(h1, c, h1, c + 1);
  });
  b.push(top);
  b.push(sub);

  const blocks: ComplianceLayout["blocks"] = { primary: null, junior: null };
  const rowOf = new Map<number, number>();
  let number = 0;
  const sectionsOf = (level: Level) =>
    evaluation.sections.map((s, i) => ({ s, i })).filter(({ s }) => s.included && s.level === level);

  LEVELS.forEach((level, k) => {
    const members = sectionsOf(level);
    const ordinal = zh ? ["一", "二"][k] : String(k + 1);
    const heading = b.pushSpan(
      {
        value: zh
          ? `${ordinal}、${LEVEL_NAMES[level].zh}（${members.length} 个）`
          : `${ordinal}. ${LEVEL_NAMES[level].en} (${members.length})`,
        style: "section",
      },
      0,
      C.school,
    );
    // the standard of each indicator, and 85 % of it, that the statuses below compare against
    const standards: ReportCell[] = [];
    standards[C.school] = {
      value: zh ? `${LEVEL_NAMES[level].zh}标准值（≥85%）` : "Standard (85 %)",
      style: "bold",
    };
    const standardRow = b.next;
    INDICATOR_IDS.forEach((id, i) => {
      const c = C.value(i);
      const cell = `${columnLetters(c)}${standardRow}`;
      const { standard, floor } = standardAndFloor(profile, id, level);
      standards[c] = { value: standard, format: standardFormat(id, standard), style: "bold" };
      standards[c + 1] = {
        // the floor as the standard's share, in the sheet's own words (docs/standard.md#pass-rule)
        formula: `=${cell}*${formulaNumber(profile.passRule.floorRatio)}`,
        value: floor,
        format: `"≥"${standardFormat(id, floor)}`,
        style: "floor",
      };
    });
    b.push(standards);
    if (members.length === 0) {
      b.pushSpan({ value: zh ? "（无）" : "(none)", style: "note" }, C.school, pageA);
      b.keep(heading, b.next - 1);
      return;
    }
    const first = b.next;
    for (const { s, i } of members) {
      const r = b.next;
      rowOf.set(i, r);
      b.push(sectionRow(s, r, standardRow, records, profile, chainOf(s), lang, ++number));
    }
    blocks[level] = { first, last: b.next - 1 };
    // the level's heading and standards are not left at a page's foot
    b.keep(heading, b.next - 1);
  });
  b.border(h1, 0, b.next - 1, C.width - 1);

  const excluded = evaluation.sections.filter((s) => !s.included);
  if (excluded.length > 0) {
    b.spacer();
    const from = b.next;
    const heading = b.pushSpan(
      {
        // short enough for one line within the school's number and name, which the facilities' page repeats
        // and leaves no room to widen; each row says why its school is not evaluated
        value: zh ? `三、不纳入计算（${excluded.length} 个）` : `3. Not evaluated (${excluded.length})`,
        style: "section",
      },
      // within the school's number and name, which the facilities' page repeats: not cut where they end
      0,
      C.school,
    );
    for (const s of excluded) {
      const record = records[s.recordIndex];
      const r = b.next;
      const row: ReportCell[] = [];
      row[C.number] = { value: ++number, format: "0", align: "center" };
      row[C.school] = { value: s.school };
      row[C.type] = { value: SCHOOL_TYPE_NAMES[record.type][lang] };
      row[C.students] = { formula: `=${chainOf(s).students}`, value: s.students, format: "#,##0" };
      row[4] = {
        value: `${LEVEL_NAMES[s.level][lang]}${zh ? "：" : ": "}${EXCLUSION_NAMES[s.exclusion ?? "noStudents"][lang]}`,
      };
      b.push(row);
      b.merge(r, 4, r, pageA);
    }
    b.border(from + 1, 0, b.next - 1, pageA);
    b.keep(heading, b.next - 1);
  }
  b.spacer();
  const w = profile.apportioning;
  b.note(
    zh
      ? `说明：教师和多媒体教室为每百名学生拥有数，面积为生均平方米，设备为生均元；合用设施按设施分摊比例（加权在校生数：九年一贯制 小学${w.nineYear.primary}∶初中${w.nineYear.junior}，十二年一贯制 ${w.twelveYear.primary}∶${w.twelveYear.junior}∶${w.twelveYear.senior}，完全中学 初中${w.complete.junior}∶高中${w.complete.senior}）计入各学段。达标：不低于标准值；≥85%：低于标准值但不低于其85%；未达标：低于85%。至少${profile.passRule.minMet}项达标、其余不低于85%的学校（校区）达标。`
      : `Values per student of the section (teachers and rooms per 100 students). Shared facilities are apportioned by the facility share (weighted enrolment). Met: at least the standard; ≥85%: below it but at least 85 % of it; Not met: below 85 %. A section passes with at least ${profile.passRule.minMet} met and none below 85 %.`,
    C.width - 1,
    C.share,
  );
  // on the facilities' page, which prints last
  b.signature(lang, C.width - 1, C.share);
  const sheet = b.sheet({
    key: "compliance",
    name: COMPLIANCE_NAME[lang],
    freeze: { rows: h1 + 1, columns: 2 },
    print: { ...print, titleRows: [h1, h1 + 1] },
  });
  return { sheet, blocks, rowOf };
}

function sectionRow(
  s: SectionResult,
  r: number,
  standardRow: number,
  records: readonly SchoolRecord[],
  profile: Profile,
  chain: ReturnType<ReturnType<typeof sectionChains>>,
  lang: Lang,
  number: number,
): ReportCell[] {
  const row: ReportCell[] = [];
  const record = records[s.recordIndex];
  const at = (c: number) => `${columnLetters(c)}${r}`;
  const students = `$${columnLetters(C.students)}${r}`;
  const share = `$${columnLetters(C.share)}${r}`;
  row[C.number] = { value: number, format: "0", align: "center" };
  row[C.school] = { value: s.school };
  row[C.type] = { value: SCHOOL_TYPE_NAMES[record.type][lang] };
  row[C.students] = { formula: `=${chain.students}`, value: s.students, format: "#,##0" };
  if (chain.share === null) row[C.share] = { value: lang === "zh" ? "按学段填报" : "given", align: "center" };
  else if (chain.share === "1") row[C.share] = { value: 1, format: "0", align: "center" };
  else row[C.share] = { formula: chain.share, value: s.facilityShare, format: "0.0000", align: "center" };
  const yes = word("met", lang);
  const floor = word("floor", lang);
  const unmet = word("unmet", lang);
  INDICATOR_IDS.forEach((id, i) => {
    const c = C.value(i);
    const def = profile.indicators[id];
    const amount = chain.amount(id, share);
    // the engine's value of an indicator (docs/standard.md#indicators): per student, or per 100 students
    const factor = SCALE_FACTOR[def.scale];
    const scaled = factor === 1 ? `${amount}/${students}` : `${amount}*${factor}/${students}`;
    const style = statusStyle(s.status[id]);
    row[c] = { formula: `=${scaled}`, value: s.values[id], format: valueFormat(profile, s, id), style };
    // the engine's comparison (docs/standard.md#comparison): value ≥ threshold − |threshold| × tolerance
    const standard = `${columnLetters(c)}$${standardRow}`;
    const floorCell = `${columnLetters(c + 1)}$${standardRow}`;
    const atLeast = (t: string) => `${at(c)}>=${t}-ABS(${t})*${TOLERANCE}`;
    row[c + 1] = {
      formula: `=IF(${atLeast(standard)},"${yes}",IF(${atLeast(floorCell)},"${floor}","${unmet}"))`,
      value: s.status[id] === null ? null : word(s.status[id]!, lang),
      style,
      align: "center",
    };
  });
  const statuses = (w: string) =>
    `SUMPRODUCT((${at(C.value(0))}:${at(C.value(2) + 1)}="${w}")*1)+SUMPRODUCT((${at(C.value(3))}:${at(C.value(6) + 1)}="${w}")*1)`;
  row[C.met] = { formula: `=${statuses(yes)}`, value: s.metCount, format: "0", align: "center" };
  const unmetCount = INDICATOR_IDS.filter((id) => s.status[id] === "unmet").length;
  row[C.unmet] = { formula: `=${statuses(unmet)}`, value: unmetCount, format: "0", align: "center" };
  row[C.pass] = {
    formula: `=IF(AND(${at(C.met)}>=${profile.passRule.minMet},${at(C.unmet)}=0),"${word("pass", lang)}","${word("fail", lang)}")`,
    value: s.pass ? word("pass", lang) : word("fail", lang),
    style: s.pass ? "pass" : "fail",
    align: "center",
  };
  return row;
}
