/**
 * The county verdict on top of the one data path: the school table's evaluation (src/pipeline.ts) plus the county
 * sheet (县级指标) of the same workbook → the full verdict of docs/standard.md#parts, its JSON fields and its readable
 * summary. Hosts call these; no rule is computed here.
 */
import { countyChecklist } from "./engine/county/checklist";
import { readiness as readinessOf, type Readiness } from "./engine/county/readiness";
import {
  type CountyVerdict,
  type ItemResult,
  type ItemStatus,
  type SchoolFinding,
  type VetoResult,
} from "./engine/county/results";
import { evaluateCounty } from "./engine/county/verdict";
import type { Evaluation } from "./engine/evaluate";
import { nameKey } from "./engine/names";
import { calendarDayOf, type CalendarDay } from "./engine/years";
import type { SchoolRecord } from "./engine/records";
import { countOf } from "./i18n/count";
import type { Lang } from "./i18n/format";
import { COUNTY_SHEET_NAME, checklistRowPlace, isCountySheet, readCountySheet } from "./sheet/countySheet";
import { formatItemValue, formatMeasureResult } from "./sheet/countyValues";
import type { CountyNameSource } from "./sheet/countyName";
import type { Grid } from "./sheet/grid";
import type { TableHeader } from "./sheet/read/headerPaths";
import type { RecipeReading } from "./sheet/recipe/reading";
import { supplyHint, supplyHintLines, type SupplyHint } from "./sheet/recipe/supply";
import { sheetNamed, sheetNamedOtherwise } from "./xlsx/reader/chooseSheet";
import type { Problem } from "./problems/problem";
import { PART_NAMES, SCHOOL_TABLE_LIMITS, type CountyTarget } from "./standard/county";
import type { Profile } from "./standard/profile";

export interface CountyEvaluation {
  verdict: CountyVerdict;
  /** the county sheet read; null when the workbook has none */
  sheet: string | null;
  /** problems of the county sheet (they make items missing; they never block the resource verdict) */
  problems: Problem[];
  /** readiness of the county the workbook is about; null when no county of the plan was named */
  readiness: Readiness | null;
  /** what named that county: the user (--county), or the workbook (countyWorkbook.ts `workbookCounty`) */
  countyFrom: "given" | CountyNameSource | null;
  /** what an export read through a recipe leaves items 3 and 5 without, and how to give it; null otherwise */
  supply: SupplyHint | null;
}

/** The part of a school-table evaluation the county verdict needs (src/pipeline.ts TableEvaluation fits). */
export interface SchoolTableResult {
  ok: boolean;
  evaluation: Evaluation | null;
  read: {
    records: SchoolRecord[];
    columns: { columnId: string; cell: string }[];
    recipe?: RecipeReading;
    header?: TableHeader | null;
  };
  profile: Profile;
}

/**
 * The county sheet of a workbook: the sheet named (option --county-sheet), else a sheet named 县级指标, else the
 * first sheet whose header has a code and a value column. Null when there is none; a named sheet that does not
 * exist is a problem. `problems`: the warning that the sheet named was found spelt otherwise, as for --sheet.
 */
export function findCountySheet(
  grids: readonly Grid[],
  name?: string,
  exclude?: string,
): { ok: true; grid: Grid | null; problems: Problem[] } | { ok: false; problem: Problem } {
  if (name !== undefined) {
    const grid = sheetNamed(grids, name);
    if (grid) return { ok: true, grid, problems: sheetNamedOtherwise(grid, name) };
    return {
      ok: false,
      problem: {
        severity: "error",
        code: "county-sheet-not-found",
        cell: null,
        message: {
          zh: `工作簿中没有名为“${name}”的县级指标表（现有：${grids.map((g) => g.sheet).join("、")}）`,
          en: `the workbook has no county sheet named "${name}" (sheets: ${grids.map((g) => g.sheet).join(", ")})`,
        },
      },
    };
  }
  const candidates = grids.filter((g) => g.sheet !== exclude);
  const byName = candidates.find((g) => nameKey(g.sheet) === nameKey(COUNTY_SHEET_NAME));
  return { ok: true, grid: byName ?? candidates.find(isCountySheet) ?? null, problems: [] };
}

/** The full county verdict from the school table's evaluation and the county sheet (null: none in the workbook). */
export function evaluateCountyWorkbook(
  table: SchoolTableResult | null,
  countyGrid: Grid | null,
  options: { county?: CountyTarget; countyFrom?: "given" | CountyNameSource; today?: CalendarDay } = {},
): CountyEvaluation {
  const read = countyGrid ? readCountySheet(countyGrid) : null;
  // items derived from a table with input errors could rest on misread cells: they stay missing
  const usable = table && table.ok ? table : null;
  const verdict = evaluateCounty({
    records: usable ? usable.read.records : null,
    evaluation: usable ? usable.evaluation : null,
    // a sheet whose header cannot be found holds no row to point at: its problem says what to fix
    answers: read && read.headerRow !== null ? read.answers : null,
    columns: usable ? usable.read.columns : undefined,
  });
  const readiness = options.county
    ? readinessOf(
        verdict,
        usable?.evaluation ?? null,
        table?.profile ?? null,
        options.county,
        options.today ?? calendarDayOf(new Date()),
      )
    : null;
  return {
    verdict,
    sheet: countyGrid ? countyGrid.sheet : null,
    problems: read ? read.problems : [],
    readiness,
    countyFrom: readiness ? (options.countyFrom ?? "given") : null,
    supply: table ? supplyHint(table.read) : null,
  };
}

// ── JSON fields added to `balance evaluate --json` ──

export interface JsonSchoolFinding {
  school: string;
  level: string | null;
  check: string;
  status: ItemStatus;
  value: number | null;
  limit: number | null;
  cell: string | null;
  message: string;
}

export interface JsonCountyItem {
  item: number;
  key: string;
  title: string;
  status: ItemStatus;
  value: ItemResult["value"];
  requirement: string;
  schools: JsonSchoolFinding[];
  measures: {
    code: string;
    key: string;
    status: ItemStatus;
    value: number | boolean | null;
    requirement: string;
    cell: string | null;
    evidence: string | null;
    notes: string | null;
  }[];
  evidence: string[];
  largeClasses?: { school: string; level: string; largestClass: number; cell: string | null }[];
  veryLargeClasses?: { school: string; level: string; largestClass: number; cell: string | null }[];
  /** sections checked whose largest class is not given: not in the two lists above, not known to be large */
  largeClassesUnknown?: number;
  startingGrades?: { status: ItemStatus; schools: JsonSchoolFinding[] };
}

export interface JsonVeto {
  veto: number;
  key: string;
  title: string;
  status: ItemStatus;
  applies: boolean | null;
  value: number | boolean | null;
  requirement: string;
  cell: string | null;
  evidence: string | null;
}

export interface JsonCountyFields {
  guarantee: JsonCountyItem[];
  quality: JsonCountyItem[];
  recognition: JsonCountyItem;
  vetoes: JsonVeto[];
  countyPass: boolean;
  countyParts: CountyVerdict["parts"];
  countySheet: string | null;
  countyProblems: { severity: string; code: string; cell: string | null; message: string }[];
  readiness: {
    county: string;
    /** "given" (--county), "table" (its county column), "countySheet", "tableTitle" or "file" (its name) */
    countyFrom: "given" | CountyNameSource | null;
    targetYear: number;
    yearsRemaining: number;
    parts: { part: string; status: ItemStatus; failing: string[]; missing: string[] }[];
    startingGrades: { from: string | null; inForce: boolean; status: ItemStatus };
  } | null;
  /**
   * a statistics export without the columns items 3 and 5 of the guarantee read: where to add them
   * (src/sheet/recipe/supply.ts, docs/import.md#template-columns); null otherwise
   */
  supply: {
    sheet: string;
    headerRow: number;
    firstColumn: string;
    items: { item: number; title: string }[];
    columns: { id: string; header: string; schools: number }[];
    byLevel: boolean;
  } | null;
}

function jsonFinding(f: SchoolFinding, lang: Lang): JsonSchoolFinding {
  return {
    school: f.school,
    level: f.level,
    check: f.check,
    status: f.status,
    value: f.value,
    limit: f.limit,
    cell: f.cell,
    message: f.message[lang],
  };
}

function jsonItem(i: ItemResult, lang: Lang): JsonCountyItem {
  const out: JsonCountyItem = {
    item: i.item,
    key: i.key,
    title: i.title[lang],
    status: i.status,
    value: i.value,
    requirement: i.requirement[lang],
    schools: i.schools.map((f) => jsonFinding(f, lang)),
    measures: i.measures.map((m) => ({
      code: m.code,
      key: m.key,
      status: m.status,
      value: m.value,
      requirement: m.requirement[lang],
      cell: m.cell,
      evidence: m.evidence,
      notes: m.notes,
    })),
    evidence: i.evidence,
  };
  if (i.classSize) {
    out.largeClasses = i.classSize.largeClasses;
    out.veryLargeClasses = i.classSize.veryLargeClasses;
    out.largeClassesUnknown = i.classSize.largeClassesUnknown;
    out.startingGrades = {
      status: i.classSize.startingGrades.status,
      schools: i.classSize.startingGrades.schools.map((f) => jsonFinding(f, lang)),
    };
  }
  return out;
}

function jsonVeto(v: VetoResult, lang: Lang): JsonVeto {
  return {
    veto: v.veto,
    key: v.key,
    title: v.title[lang],
    status: v.status,
    applies: v.applies,
    value: v.value,
    requirement: v.requirement[lang],
    cell: v.cell,
    evidence: v.evidence,
  };
}

/** The county fields of the JSON document: guarantee, quality, recognition, vetoes, countyPass and more. */
export function countyJson(result: CountyEvaluation, lang: Lang = "zh"): JsonCountyFields {
  const { verdict } = result;
  const r = result.readiness;
  return {
    guarantee: verdict.guarantee.map((i) => jsonItem(i, lang)),
    quality: verdict.quality.map((i) => jsonItem(i, lang)),
    recognition: jsonItem(verdict.recognition, lang),
    vetoes: verdict.vetoes.map((v) => jsonVeto(v, lang)),
    countyPass: verdict.countyPass,
    countyParts: verdict.parts,
    countySheet: result.sheet,
    countyProblems: result.problems.map((p) => ({
      severity: p.severity,
      code: p.code,
      cell: p.cell,
      message: p.message[lang],
    })),
    readiness: r
      ? {
          county: r.county,
          countyFrom: result.countyFrom,
          targetYear: r.targetYear,
          yearsRemaining: r.yearsRemaining,
          parts: r.parts.map((p) => ({
            part: p.part,
            status: p.status,
            failing: p.failing.map((f) => f.title[lang]),
            missing: p.missing.map((f) => f.title[lang]),
          })),
          startingGrades: {
            from: r.startingGrades.from,
            inForce: r.startingGrades.inForce,
            status: r.startingGrades.status,
          },
        }
      : null,
    supply: result.supply
      ? {
          sheet: result.supply.sheet,
          headerRow: result.supply.headerRow,
          firstColumn: result.supply.firstColumn,
          items: result.supply.items.map((i) => ({ item: i.item, title: i.title[lang] })),
          columns: result.supply.columns.map((c) => ({ id: c.id, header: c.header, schools: c.schools })),
          byLevel: result.supply.byLevel,
        }
      : null,
  };
}

// ── The readable summary ──

const MARK: Record<ItemStatus, string> = { pass: "✓", fail: "✗", missing: "？" };
const STATUS: Record<ItemStatus, { zh: string; en: string }> = {
  pass: { zh: "达标", en: "pass" },
  fail: { zh: "不达标", en: "fail" },
  missing: { zh: "缺数据", en: "missing" },
};

/** Where the county of the readiness was found, when the user did not name it. */
const COUNTY_FROM: Record<"given" | CountyNameSource, { zh: string; en: string } | null> = {
  given: null,
  table: {
    zh: "（旗县市取自学校表的旗县列）",
    en: "(the county as the school table's county column names it)",
  },
  countySheet: {
    zh: "（旗县市取自县级指标表的标题；不对时用 --county 指定）",
    en: "(the county as the county sheet's title names it; name another with --county)",
  },
  tableTitle: {
    zh: "（旗县市取自学校表的标题；不对时用 --county 指定）",
    en: "(the county as the school table's title names it; name another with --county)",
  },
  file: {
    zh: "（旗县市取自文件名；不对时用 --county 指定）",
    en: "(the county as the file's name gives it; name another with --county)",
  },
};

/** The part-by-part summary printed by `balance evaluate`, with readiness for the target year when asked. */
export function countySummaryText(result: CountyEvaluation, lang: Lang = "zh"): string {
  const { verdict } = result;
  const zh = lang === "zh";
  const sep = zh ? "：" : ": ";
  const lines: string[] = [];
  lines.push(zh ? "全部指标（县域结论）" : "County verdict, all parts");
  if (!result.sheet) {
    lines.push(
      zh
        ? `  未找到县级指标表（${COUNTY_SHEET_NAME}）：政府保障、教育质量、社会认可度和一票否决各项均按“缺数据”处理。可用 balance template --county 生成。`
        : `  No county sheet (${COUNTY_SHEET_NAME}) found: guarantee, quality, recognition and veto items are all missing. Write one with balance template --county.`,
    );
  } else {
    lines.push(zh ? `  县级指标表：${result.sheet}` : `  County sheet: ${result.sheet}`);
  }
  if (result.supply) {
    const said = supplyHintLines(result.supply);
    lines.push(`  ${said.what[lang]}`, ...said.columns.map((c) => `    ${c[lang]}`), `  ${said.how[lang]}`);
  }
  const entries = countyChecklist(verdict);
  for (const part of ["resources", "guarantee", "quality", "recognition", "vetoes"] as const) {
    const status = verdict.parts[part];
    const name = PART_NAMES[part][lang];
    lines.push(`  ${MARK[status]} ${name}${sep}${STATUS[status][lang]}`);
    if (part === "resources") continue;
    // without a county sheet everything it would hold is missing: list only what fails
    const listed = entries.filter(
      (x) => x.part === part && (x.status === "fail" || (x.status === "missing" && result.sheet !== null)),
    );
    for (const e of listed) {
      const label =
        part === "vetoes"
          ? e.title[lang]
          : zh
            ? `第${e.number}项 ${e.title.zh}`
            : `item ${e.number} ${e.title.en}`;
      const value = formatItemValue(e, lang);
      const what =
        part === "vetoes"
          ? e.status === "fail"
            ? zh
              ? "存在（一票否决）"
              : "applies (veto)"
            : e.unread
              ? `${value}${zh ? "（该项按未填写处理）" : " (taken as not answered)"}`
              : e.key === "V5"
                ? zh
                  ? "社会认可度未提供"
                  : "recognition not provided"
                : zh
                  ? "未填写"
                  : "not answered"
          : `${value}${zh ? "；要求 " : "; required "}${e.requirement[lang]}`;
      // an item of several rows names each that does not pass below it; a one-row entry names its place here
      const perRow = e.measures.length > 1 && e.rows.length > 0;
      const place =
        e.rows.length === 1 && !perRow ? checklistRowPlace(e.rows[0], lang) : perRow ? null : e.cell;
      lines.push(`      ${MARK[e.status]} ${label}${sep}${what}${place ? `  [${place}]` : ""}`);
      for (const row of perRow ? e.rows : []) {
        const m = e.measures.find((x) => x.code === row.code.zh);
        const shown = m
          ? `${formatMeasureResult(m, lang)}${zh ? "；要求 " : "; required "}${m.requirement[lang]}`
          : "";
        lines.push(
          `          ${MARK[row.status]} ${row.code[lang]}${m ? ` ${m.text[lang]}` : ""}${sep}${shown}  [${checklistRowPlace(row, lang)}]`,
        );
      }
      for (const f of e.schools.slice(0, 10)) {
        lines.push(`          ${f.school}${sep}${f.message[lang]}${f.cell ? `  [${f.cell}]` : ""}`);
      }
      if (e.schools.length > 10) {
        lines.push(
          zh ? `          ……另有 ${e.schools.length - 10} 处` : `          … ${e.schools.length - 10} more`,
        );
      }
    }
  }
  const g5 = verdict.guarantee[4];
  if (g5.classSize) {
    lines.push(largeClassesLine(g5.classSize, g5.value, lang));
  }
  for (const p of result.problems) {
    lines.push(`  ${p.severity === "error" ? "✗" : "!"} ${p.cell ?? ""} ${p.message[lang]}`);
  }
  const missingCount = entries.filter((e) => e.status === "missing").length;
  lines.push(
    zh
      ? `  县域结论：${verdict.countyPass ? "达标" : "未达标"}${missingCount > 0 ? `（${missingCount} 项缺数据）` : ""}`
      : `  County verdict: ${verdict.countyPass ? "PASS" : "NOT YET"}${missingCount > 0 ? ` (${countOf(missingCount, "item")} missing)` : ""}`,
  );
  const r = result.readiness;
  if (r) {
    lines.push("");
    const remaining =
      r.yearsRemaining > 0
        ? zh
          ? `还有 ${r.yearsRemaining} 年`
          : `${countOf(r.yearsRemaining, "year")} to go`
        : r.yearsRemaining === 0
          ? zh
            ? "即为今年"
            : "this year"
          : zh
            ? `已过 ${-r.yearsRemaining} 年`
            : `${countOf(-r.yearsRemaining, "year")} past`;
    lines.push(
      zh
        ? `目标年份：${r.county} ${r.targetYear} 年创建达标（${remaining}）`
        : `Target: ${r.county} to be recognised in ${r.targetYear} (${remaining})`,
    );
    const from = COUNTY_FROM[result.countyFrom ?? "given"];
    if (from) lines.push(`  ${from[lang]}`);
    for (const p of r.parts) {
      const bits: string[] = [];
      if (p.failing.length > 0) {
        bits.push(
          `${zh ? "未达标" : "failing"}${sep}${p.failing.map((f) => f.title[lang]).join(zh ? "、" : ", ")}`,
        );
      }
      if (p.missing.length > 0) {
        bits.push(
          `${zh ? "缺数据" : "missing"}${sep}${p.missing.map((f) => f.title[lang]).join(zh ? "、" : ", ")}`,
        );
      }
      lines.push(
        `  ${MARK[p.status]} ${p.partName[lang]}${bits.length > 0 ? ` — ${bits.join(zh ? "；" : "; ")}` : ""}`,
      );
    }
    const sg = r.startingGrades;
    const classSize = SCHOOL_TABLE_LIMITS.classSize;
    // the profile may set no start date (docs/standard.md#starting-grades): then the rule is not in force
    const since = sg.from === null ? "" : zh ? `${sg.from.slice(0, 4)} 年秋季学期起，` : `from ${sg.from}: `;
    const pending =
      sg.from === null
        ? { zh: "（标准未规定起始时间）", en: " (no start date in the profile)" }
        : { zh: "（尚未生效）", en: " (not yet in force)" };
    const sgText = zh
      ? `  起始年级班额（${since}一年级 ≤ ${classSize.primary}、七年级 ≤ ${classSize.junior}）：${STATUS[sg.status].zh}${sg.inForce ? "" : pending.zh}`
      : `  Starting-grade classes (${since}grade 1 ≤ ${classSize.primary}, grade 7 ≤ ${classSize.junior}): ${STATUS[sg.status].en}${sg.inForce ? "" : pending.en}`;
    lines.push(sgText);
    for (const f of sg.schools.slice(0, 10)) {
      lines.push(`      ${f.school}${sep}${f.message[lang]}${f.cell ? `  [${f.cell}]` : ""}`);
    }
    lines.push(
      zh
        ? `  现状：${r.ready ? "已具备认定条件" : "尚不具备认定条件"}`
        : `  Today: ${r.ready ? "ready for recognition" : "not ready yet"}`,
    );
  }
  return lines.join("\n") + "\n";
}

/**
 * 大班额 / 超大班额 under the county verdict: counted over the sections whose largest class is given; the sections
 * without one are said apart, and with none given the counts are missing data, not 0.
 */
function largeClassesLine(
  detail: NonNullable<ItemResult["classSize"]>,
  value: ItemResult["value"],
  lang: Lang,
): string {
  const { largeClasses, veryLargeClasses, largeClassesUnknown } = detail;
  const checked = value !== null && typeof value === "object" ? Number(value.checked ?? 0) : 0;
  if (checked > 0 && largeClassesUnknown >= checked) {
    return lang === "zh"
      ? "  大班额（≥56 人）、超大班额（≥66 人）：缺数据（各学校（校区）都没有填最大班额）"
      : "  Large classes (≥ 56), very large (≥ 66): missing data (no section gives its largest class)";
  }
  const unknown =
    largeClassesUnknown === 0
      ? { zh: "", en: "" }
      : {
          zh: `；另有 ${largeClassesUnknown} 个学校（校区）没有填最大班额，未计入`,
          en: `; ${countOf(largeClassesUnknown, "more without its largest class given", "more without their largest class given")}, not counted`,
        };
  return lang === "zh"
    ? `  大班额（≥56 人）${largeClasses.length} 处，超大班额（≥66 人）${veryLargeClasses.length} 处（按各学段最大班额计${unknown.zh}）`
    : `  Large classes (≥ 56): ${countOf(largeClasses.length, "section")}; very large (≥ 66): ${veryLargeClasses.length} (by each section's largest class${unknown.en})`;
}
