/**
 * The county sheet (县级指标): one row per measure of the guarantee and quality items, social recognition and each
 * veto question (docs/standard.md#veto, docs/standard.md#guarantee, docs/standard.md#quality), with the requirement shown, the value the county reports, its evidence
 * and notes. This module writes the sheet's rows and reads a filled sheet back into answers for the engine.
 */
import {
  COUNTY_MEASURES,
  type CountyPart,
  GUARANTEE_ITEMS,
  PART_NAMES,
  QUALITY_ITEMS,
  RECOGNITION_ITEM,
  VETOES,
  type Bilingual,
  type CountyItemDefinition,
  type MeasureDefinition,
  type MeasureKind,
  measureById,
} from "../standard/county";
import type { ChecklistRow } from "../engine/county/checklist";
import type { CountyAnswers } from "../engine/county/results";
import type { Lang } from "../i18n/format";
import { cellAddress, cellError, type CellValue, type Grid } from "./grid";
import type { Problem } from "../problems/problem";
import { formatMeasureValue, parseMeasureValue, type ParsedValue } from "./countyValues";
import { foldText } from "./vocabulary";

export const COUNTY_SHEET_NAME = "县级指标";
export const COUNTY_SHEET_NAME_EN = "County items";

/** The columns of the county sheet, in order. */
export const COUNTY_SHEET_COLUMNS = [
  { id: "code", zh: "编号", en: "Code", aliases: ["代码", "序号", "指标编号", "no", "no."] },
  { id: "part", zh: "部分", en: "Part", aliases: ["类别", "评估内容"] },
  { id: "item", zh: "指标", en: "Item", aliases: ["评估指标", "指标内容", "项目"] },
  { id: "requirement", zh: "要求", en: "Requirement", aliases: ["标准", "评估标准", "达标要求"] },
  {
    id: "value",
    zh: "填报值",
    en: "Value",
    aliases: [
      "值",
      "数值",
      "填报",
      "指标值",
      "填报数据",
      "完成情况",
      "填报情况",
      "自评结果",
      "自评情况",
      "自评值",
      "实际值",
      "现状值",
    ],
  },
  { id: "evidence", zh: "佐证材料", en: "Evidence", aliases: ["佐证", "证明材料", "佐证材料（文件或链接）"] },
  { id: "notes", zh: "备注", en: "Notes", aliases: ["说明", "remarks", "note"] },
] as const;

export type CountySheetColumnId = (typeof COUNTY_SHEET_COLUMNS)[number]["id"];

/** One row of the county sheet template. */
export interface CountySheetRow {
  /** row code, e.g. 保障11-1 */
  code: string;
  codeEn: string;
  part: Bilingual;
  item: Bilingual;
  requirement: Bilingual;
  /** derived rows are computed from the school table (or from recognition) and not read */
  kind: MeasureKind | "derived";
  measureId: string | null;
  /** a 是/否 drop-down belongs in the value cell */
  yesNo: boolean;
}

const DERIVED_VALUE: Bilingual = { zh: "（由学校表自动计算）", en: "(computed from the school table)" };
const DERIVED_RECOGNITION: Bilingual = {
  zh: "（由社会认可度自动判断）",
  en: "(follows from social recognition)",
};

function itemLabel(item: CountyItemDefinition, measure: MeasureDefinition | null): Bilingual {
  if (!measure || item.measures.length === 1) return { zh: item.text.zh, en: item.text.en };
  return { zh: `${item.title.zh}：${measure.text.zh}`, en: `${item.title.en}: ${measure.text.en}` };
}

function rowsOfItem(item: CountyItemDefinition): CountySheetRow[] {
  const part = PART_NAMES[item.part];
  if (item.derived) {
    const n = item.key.slice(1);
    return [
      {
        code: `保障${n}`,
        codeEn: item.key,
        part,
        item: item.text,
        requirement: item.requirement,
        kind: "derived",
        measureId: null,
        yesNo: false,
      },
    ];
  }
  return item.measures.map((m) => ({
    code: m.code,
    codeEn: m.codeEn,
    part,
    item: itemLabel(item, m),
    requirement: m.requirement,
    kind: m.kind,
    measureId: m.id,
    yesNo: m.kind === "attested" || m.kind === "percentOrAttested",
  }));
}

/** Every row of the county sheet, in the standard's order: guarantee, quality, recognition, vetoes. */
export const COUNTY_SHEET_ROWS: readonly CountySheetRow[] = [
  ...GUARANTEE_ITEMS.flatMap(rowsOfItem),
  ...QUALITY_ITEMS.flatMap(rowsOfItem),
  ...rowsOfItem(RECOGNITION_ITEM),
  ...VETOES.map((v): CountySheetRow => ({
    code: v.measure ? v.measure.code : `否决${v.veto}`,
    codeEn: v.key,
    part: PART_NAMES.vetoes,
    item: v.measure ? v.measure.text : v.title,
    requirement: v.measure ? v.measure.requirement : { zh: "社会认可度 ≥ 85%", en: "recognition ≥ 85 %" },
    kind: v.measure ? "attested" : "derived",
    measureId: v.measure ? v.measure.id : null,
    yesNo: Boolean(v.measure),
  })),
];

export const YES_NO_CHOICES = ["是", "否"];

const TITLE: Bilingual = {
  zh: "县域义务教育优质均衡发展 县级指标（政府保障程度、教育质量、社会认可度、一票否决）",
  en: "County items: government guarantee, education quality, social recognition, vetoes",
};
const HINT: Bilingual = {
  zh: "填写说明：百分比填 95% 或 0.95；是/否 项从下拉列表选择；空白表示“尚未提供”，不计为达标。否决项填“是”表示存在该情形。",
  en: "Percentages as 95% or 0.95; yes/no items from the drop-down; a blank means not yet provided and never passes. For vetoes, yes means the situation exists.",
};

/** Where the header is in the template: row 3 (0-based 2), below the title and the hint. */
export const COUNTY_TEMPLATE_HEADER_ROW = 2;

/**
 * The county sheet template as rows of cells: title, hint, header, then one row per measure (value, evidence and
 * notes blank; derived rows say where their value comes from).
 */
/** Widths of 编号, 部分, 指标, 要求, 填报值, 佐证材料, 备注 in characters, for every writer of the county sheet. */
export const COUNTY_COLUMN_WIDTHS: readonly number[] = [8, 12, 40, 28, 12, 24, 14];

export function countyTemplateRows(lang: Lang = "zh"): (string | null)[][] {
  const header = COUNTY_SHEET_COLUMNS.map((c) => c[lang]);
  const rows: (string | null)[][] = [[TITLE[lang]], [HINT[lang]], header];
  for (const r of COUNTY_SHEET_ROWS) {
    const derivedText =
      r.measureId === null ? (r.codeEn === "V5" ? DERIVED_RECOGNITION : DERIVED_VALUE) : null;
    rows.push([
      lang === "zh" ? r.code : r.codeEn,
      r.part[lang],
      r.item[lang],
      r.requirement[lang],
      derivedText ? derivedText[lang] : null,
      null,
      null,
    ]);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** The column a header cell names, and whether by the column's own name (编号) rather than another (序号). */
function headerName(cell: CellValue): { id: CountySheetColumnId; own: boolean } | null {
  if (typeof cell !== "string") return null;
  // anchored: a bracket from the first "(" to the end, found in one pass over the text however long it is
  const text = foldText(cell).replace(/^([^(]*)\(.*\)$/, "$1");
  for (const c of COUNTY_SHEET_COLUMNS) {
    if ([c.zh, c.en].map(foldText).includes(text)) return { id: c.id, own: true };
    if (c.aliases.map(foldText).includes(text)) return { id: c.id, own: false };
  }
  return null;
}

const headerId = (cell: CellValue): CountySheetColumnId | null => headerName(cell)?.id ?? null;

/** A cell's text, trimmed; null when blank (a number or a logical value as its text). */
function text(cell: CellValue): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string") return cell.trim() === "" ? null : cell.trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return null;
}

/** What a cell that could not be read holds, as a person would see it: its text, #N/A, a date, =formula. */
function heldText(cell: CellValue): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "object" && cell !== null)
    return cellError(cell) ?? ("formula" in cell ? `=${cell.formula}` : null);
  return text(cell);
}

/** The county sheet's header: its row, its columns, and whether a second row of names below it adds some. */
function findHeader(
  grid: Grid,
): { row: number; columns: Partial<Record<CountySheetColumnId, number>>; rows: 1 | 2 } | null {
  const limit = Math.min(grid.values.length, 10);
  for (let r = 0; r < limit; r++) {
    const columns: Partial<Record<CountySheetColumnId, number>> = {};
    // the first column of each name; a column by its own name (编号 beside a 序号 of 1, 2, 3…) before any other
    const own = new Set<CountySheetColumnId>();
    (grid.values[r] ?? []).forEach((cell, c) => {
      const name = headerName(cell);
      if (!name || own.has(name.id) || (columns[name.id] !== undefined && !name.own)) return;
      columns[name.id] = c;
      if (name.own) own.add(name.id);
    });
    if (columns.code !== undefined && columns.value !== undefined) {
      // a header of two rows (填报情况 over 数值 | 佐证材料): the row below, all names and no code, adds its columns
      const below = grid.values[r + 1] ?? [];
      const named = below.map(headerId);
      const second =
        text(below[columns.code]) === null &&
        named.some((id) => id !== null) &&
        below.every((cell, c) => text(cell) === null || named[c] !== null);
      if (second) named.forEach((id, c) => id && columns[id] === undefined && (columns[id] = c));
      return { row: r, columns, rows: second ? 2 : 1 };
    }
  }
  return null;
}

/** Whether a grid is a county sheet: its name, or a header with a code and a value column. */
export function isCountySheet(grid: Grid): boolean {
  return foldText(grid.sheet) === foldText(COUNTY_SHEET_NAME) || findHeader(grid) !== null;
}

const normalizeCode = (code: string) =>
  code
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[－—–_.．]/g, "-")
    .toUpperCase();

const ROW_BY_CODE: ReadonlyMap<string, CountySheetRow> = new Map([
  ...COUNTY_SHEET_ROWS.flatMap((r) => [
    [normalizeCode(r.code), r] as const,
    [normalizeCode(r.codeEn), r] as const,
  ]),
  // the recognition row by the part's name, as a sheet without the template's codes writes it
  ...COUNTY_SHEET_ROWS.filter((r) => r.codeEn === RECOGNITION_ITEM.key).map(
    (r) => [normalizeCode(r.part.zh), r] as const,
  ),
]);

/** The rows of an item reported in several (保障13 → 保障13-1, 保障13-2), by the item's own code. */
const ROWS_BY_ITEM_CODE: ReadonlyMap<string, CountySheetRow[]> = new Map(
  [...GUARANTEE_ITEMS, ...QUALITY_ITEMS]
    .filter((i) => i.measures.length > 1)
    .flatMap((i) => {
      const rows = COUNTY_SHEET_ROWS.filter((r) => i.measures.some((m) => m.id === r.measureId));
      const code = rows[0].code.replace(/-\d+$/, "");
      return [
        [normalizeCode(code), rows],
        [normalizeCode(i.key), rows],
      ];
    }),
);

/** What a code cell holds when it is meant as a code (保障16, X99), not a heading or a note (一、教育质量, 说明：…). */
const CODE_LIKE = /^[^\d\s]{0,6}\d+(-\d+)?$/u;

/**
 * The warning for a row whose code names no row of the sheet: an item reported in several rows names them; a
 * code-like text or a row with a value is unknown. A heading or a note with no value is no row of the sheet: null.
 */
function unknownRow(codeText: string, hasValue: boolean, cell: string): Problem | null {
  const rows = ROWS_BY_ITEM_CODE.get(normalizeCode(codeText));
  if (rows)
    return {
      severity: "warning",
      code: "county-item-in-rows",
      cell,
      message: {
        zh: `“${codeText}”分 ${rows.length} 行填报：${rows.map((r) => `${r.code}（${r.item.zh}）`).join("、")}；此行未读取，请按这些编号分行填写`,
        en: `"${codeText}" is reported in ${rows.length} rows: ${rows.map((r) => `${r.codeEn} (${r.item.en})`).join(", ")}; this row is not read: give each its own row`,
      },
    };
  if (!hasValue && !CODE_LIKE.test(normalizeCode(codeText))) return null;
  return {
    severity: "warning",
    code: "county-unknown-row",
    cell,
    message: {
      zh: `未知的指标编号“${codeText}”，已忽略`,
      en: `unknown item code "${codeText}", ignored`,
    },
  };
}

type Part = CountyPart | "resources" | "vetoes";

/** The part a part cell or a heading names (二、政府保障程度, 教育质量), or null. */
function partNamed(cell: string | null): Part | null {
  if (cell === null) return null;
  const t = foldText(cell);
  const found = (Object.keys(PART_NAMES) as Part[]).find((p) => t.includes(foldText(PART_NAMES[p].zh)));
  return found ?? (t.includes("否决") ? "vetoes" : null);
}

/** A row's number within its part: 13, 13-1 (13.1 as normalised). */
const NUMBERED = /^\d+(-\d+)?$/;

/** The prefix of the codes of each part's rows: 保障13-1 is row 13-1 of the government guarantee. */
const PART_PREFIX: Partial<Record<Part, string>> = { guarantee: "保障", quality: "质量", vetoes: "否决" };

/**
 * A row numbered within its part, as a county's own form numbers them (序号 1–15 under 政府保障程度, 13.1 and
 * 13.2 for an item of two rows): the row of that number in the part the rows are under. Null when the rows are
 * under no part, or under one whose rows the county sheet does not hold (资源配置).
 */
function numberedRow(codeText: string, part: Part | null): CountySheetRow | undefined {
  const n = normalizeCode(codeText);
  if (part === null || !NUMBERED.test(n)) return undefined;
  if (part === "recognition") return n === "1" ? ROW_BY_CODE.get(RECOGNITION_ITEM.key) : undefined;
  const prefix = PART_PREFIX[part];
  return prefix === undefined ? undefined : ROW_BY_CODE.get(normalizeCode(prefix + n));
}

/** What the template writes in a derived row's value cell: the row is not read, and that text is no answer. */
const derivedTexts: ReadonlySet<string> = new Set(
  [DERIVED_VALUE, DERIVED_RECOGNITION].flatMap((t) => [t.zh, t.en]).map(foldText),
);

/**
 * A value written in a row the verdict does not read (§5 items 3–5 come from the school table, veto 5 from
 * recognition): it would change nothing, and the clerk is told so, with where the figure is taken from.
 */
function derivedRowValue(row: CountySheetRow, given: string, cell: string): Problem {
  const fromRecognition = row.codeEn === "V5";
  return {
    severity: "warning",
    code: "county-derived-row-value",
    cell,
    message: fromRecognition
      ? {
          zh: `${row.code}：由社会认可度（认可度一行）得出，此处所填“${given}”不读取`,
          en: `${row.codeEn}: follows from social recognition (row R1); "${given}" written here is not read`,
        }
      : {
          zh: `${row.code}：由学校表逐校计算，此处所填“${given}”不读取；请在学校表中填写相应各列`,
          en: `${row.codeEn}: computed school by school from the school table; "${given}" written here is not read`,
        },
  };
}

export interface CountySheetResult {
  answers: CountyAnswers;
  problems: Problem[];
  /** 0-based index of the header row in grid.values; null when none was found */
  headerRow: number | null;
}

/** Reads a filled county sheet. Never throws; a bad value is a problem naming its cell and leaves the item missing. */
export function readCountySheet(grid: Grid): CountySheetResult {
  const answers: CountyAnswers = {};
  const problems: Problem[] = [];
  const header = findHeader(grid);
  if (!header) {
    problems.push({
      severity: "error",
      code: "county-no-header",
      cell: null,
      message: {
        zh: `工作表“${grid.sheet}”中未找到县级指标表头（需有“编号”和“填报值”列）`,
        en: `no county-sheet header in "${grid.sheet}" (needs a Code and a Value column)`,
      },
    });
    return { answers, problems, headerRow: null };
  }
  const { row: headerRow, columns } = header;
  const seen = new Set<string>();
  let part: Part | null = null;
  for (let r = headerRow + header.rows; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const codeText = text(row[columns.code as number]);
    // the part the rows are under: this row's part cell, else the last one above (merged down) or a heading
    part = partNamed(columns.part === undefined ? null : text(row[columns.part])) ?? part;
    if (codeText === null) continue;
    const numbered = NUMBERED.test(normalizeCode(codeText));
    if (!numbered && !ROW_BY_CODE.has(normalizeCode(codeText))) part = partNamed(codeText) ?? part;
    const def = ROW_BY_CODE.get(normalizeCode(codeText)) ?? numberedRow(codeText, part);
    // rows numbered under 资源配置 are the school table's: not the county sheet's to read
    if (!def && numbered && part === "resources") continue;
    const codeCell = cellAddress(grid, r, columns.code as number);
    if (!def) {
      const problem = unknownRow(codeText, text(row[columns.value as number]) !== null, codeCell);
      if (problem) problems.push(problem);
      continue;
    }
    if (def.measureId === null) {
      const given = text(row[columns.value as number]);
      if (given !== null && !derivedTexts.has(foldText(given)))
        problems.push(derivedRowValue(def, given, cellAddress(grid, r, columns.value as number)));
      continue;
    }
    if (seen.has(def.measureId)) {
      problems.push({
        severity: "warning",
        code: "county-duplicate-row",
        cell: codeCell,
        message: {
          zh: `指标“${def.code}”重复出现，取第一行`,
          en: `item "${def.codeEn}" appears twice; the first row is used`,
        },
      });
      continue;
    }
    seen.add(def.measureId);
    const valueCell = cellAddress(grid, r, columns.value as number);
    const { parsed, remark } = parseWithRemark(
      def.kind as MeasureKind,
      row[columns.value as number],
      measureById(def.measureId)?.grades,
    );
    if (remark !== null) {
      problems.push({
        severity: "warning",
        code: "county-value-with-remark",
        cell: valueCell,
        message: {
          zh: `${def.code}：括号中的说明“${remark}”已记为备注，填报值按“${formatMeasureValue(def.kind as MeasureKind, parsed.value, "zh")}”读取；说明请写在备注列`,
          en: `${def.codeEn}: the remark in brackets "${remark}" is kept as a note and the value read as ${formatMeasureValue(def.kind as MeasureKind, parsed.value, "en")}; write remarks in the Notes column`,
        },
      });
    }
    if (parsed.error) {
      problems.push({
        severity: "error",
        code: parsed.error.code,
        cell: valueCell,
        message: {
          zh: `${def.code}：${parsed.error.message.zh}（该项按“未提供”处理）`,
          en: `${def.codeEn}: ${parsed.error.message.en} (the item counts as not provided)`,
        },
        // a sheet whose formulas were never calculated: one line for the column, what to do said once
        ...(parsed.error.code === "formula-not-calculated" ? { many: UNCALCULATED } : {}),
      });
    }
    answers[def.measureId] = {
      value: parsed.value,
      cell: valueCell,
      evidence: columns.evidence === undefined ? null : text(row[columns.evidence]),
      notes:
        [columns.notes === undefined ? null : text(row[columns.notes]), remark].filter(Boolean).join("；") ||
        null,
      ...(parsed.error ? { unread: heldText(row[columns.value as number]) } : {}),
    };
  }
  return { answers, problems, headerRow };
}

/**
 * A value as clerks annotate it, 否（标准未出台） or 96.5%（2025年）: where the whole cell cannot be read but what
 * stands before a closing bracketed remark can, that is the value and the remark is returned to be kept as a note.
 */
function parseWithRemark(
  kind: MeasureKind,
  cell: CellValue,
  grades?: MeasureDefinition["grades"],
): { parsed: ParsedValue; remark: string | null } {
  const parsed = parseMeasureValue(kind, cell, grades);
  if (!parsed.error || typeof cell !== "string") return { parsed, remark: null };
  const m = /^(.*?\S)\s*[（(]([^（）()]+)[）)]\s*$/u.exec(cell.trim());
  if (!m) return { parsed, remark: null };
  const head = parseMeasureValue(kind, m[1], grades);
  if (head.error || head.value === null) return { parsed, remark: null };
  return { parsed: head, remark: m[2].trim() };
}

/** What the uncalculated formulas of a column of the county sheet say as one (problem.ts `groupProblems`). */
const UNCALCULATED = {
  zh: "的公式尚未计算：请在 Excel 中打开并保存后再试（这些项按“未提供”处理）",
  en: ": formulas not calculated; open and save the workbook in Excel, then try again (those items count as not provided)",
};

/** The measures of the standard the county sheet did not have a row for. */
export function absentMeasures(answers: CountyAnswers): MeasureDefinition[] {
  return COUNTY_MEASURES.filter((m) => !(m.id in answers));
}

/**
 * Where to fix a row of the county sheet: its cell, or, when the sheet has no row of that code, that it is to be
 * added (县级指标表中没有“保障2”行).
 */
export function checklistRowPlace(row: ChecklistRow, lang: Lang = "zh"): string {
  if (row.cell) return row.cell;
  return lang === "zh"
    ? `${COUNTY_SHEET_NAME}表中没有“${row.code.zh}”行`
    : `no row ${row.code.en} on the county sheet`;
}
