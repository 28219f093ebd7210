/**
 * What converting a statistics export writes (docs/import.md#balance-import), as data for every host: the canonical
 * school table the recipe made (the template's headers, equipment in 万元) and the sheet 来源 saying per column how
 * it was derived and from which source columns. `balance import` writes them with the template's formatting; the
 * pane's “转换为标准学校表” writes them as two sheets of the workbook.
 */
import type { Lang } from "../i18n/format";
import type { RecipeReading, SourceColumnRef } from "../sheet/recipe/reading";
import { toTenThousand, type TemplateCell } from "../sheet/template";
import { columnById, templateHeader } from "../standard/columns";
import { cell, headerRow } from "./cells";
import type { Report, ReportCell } from "./model";

/** Where the converted table came from. */
export interface ImportMeta {
  /** the export file, folder or sheet read */
  source: string;
  /** the sheet read, for an export */
  sheet: string | null;
}

/** The names of the two sheets (Chinese in both languages: the school table's headers are the template's). */
export const IMPORT_SHEETS = {
  table: { key: "importedTable", name: "标准学校表" },
  sources: { key: "importSources", name: "来源" },
} as const;

const RULE_NAMES: Record<string, string> = {
  name: "学校名称",
  type: "学校类型",
  county: "旗县市区",
  counted: "是否计校数",
  parent: "所属学校（隶属学校）",
  locale: "城乡类型",
  level: "学段",
};

/** The school table's title, header and rows, equipment in 万元 as a clerk keeps the template. */
export function importedTable(
  reading: RecipeReading,
  meta: ImportMeta,
): { title: string; header: string[]; rows: TemplateCell[][] } {
  const ids = reading.table.columnIds;
  const money = ids.map((id) => columnById(id)?.kind === "money");
  const county = reading.county ?? (reading.counties.length === 1 ? reading.counties[0] : "");
  return {
    title: `${county}学校表（由“${meta.source}”转换）`,
    header: ids.map((id) => {
      const column = columnById(id);
      if (!column) return id;
      return column.kind === "money" ? `${column.zh}（万元）` : templateHeader(column);
    }),
    rows: reading.table.rows.map((row) =>
      row.map((value, c) => (money[c] && typeof value === "number" ? toTenThousand(value) : value)),
    ),
  };
}

const shown = (ref: SourceColumnRef) =>
  ref.cell ? `${ref.path.join("›")}（${ref.cell}）` : ref.path.join("›");

/** The sheet 来源: lines saying what was read, then per column its derivation, source columns and a note. */
export function importSources(
  reading: RecipeReading,
  meta: ImportMeta,
): { lines: string[]; header: string[]; rows: string[][] } {
  const recipe = reading.name
    ? `${reading.name.zh}（${reading.id ?? "配方文件"}）`
    : (reading.id ?? "配方文件");
  const lines = [
    "来源 Sources：学校表各列由哪些源列推导 / how each column of the school table was derived",
    `源文件 Source：${meta.source}${meta.sheet ? `（工作表“${meta.sheet}”）` : ""}`,
    `配方 Recipe：${recipe}`,
    `旗县市区 County：${reading.county ?? (reading.counties.join("、") || "—")}`,
  ];
  const rows: string[][] = reading.rules.map(({ rule, column }) => [
    RULE_NAMES[rule] ?? rule,
    column.path.join("›"),
    shown(column),
    "",
  ]);
  const derived = new Map(reading.fields.map((f) => [f.field, f]));
  const unbound = new Map(reading.unbound.map((u) => [u.field, u]));
  for (const id of reading.table.columnIds) {
    if (id === "name" || id === "type" || id === "locale" || id === "parent") continue;
    const column = columnById(id);
    const header = column ? templateHeader(column) : id;
    const field = derived.get(id);
    if (field) {
      rows.push([header, field.text, field.columns.map(shown).join("；"), ""]);
      continue;
    }
    const missing = unbound.get(id);
    const note = missing
      ? `源表中找不到：${missing.missing.join("、")} / not in the source`
      : "配方未给出，请在学校表中填写 / not in the recipe: fill it in";
    rows.push([header, "—", "", note]);
  }
  return {
    lines,
    header: ["学校表列 Field", "推导 Derivation", "来源列 Source columns", "说明 Notes"],
    rows,
  };
}

const text = (value: TemplateCell): ReportCell => cell(value);

/** The two sheets as a report, for a host that writes reports (the pane). */
export function importReport(reading: RecipeReading, meta: ImportMeta, lang: Lang): Report {
  const table = importedTable(reading, meta);
  const sources = importSources(reading, meta);
  const title = lang === "zh" ? table.title : `${table.title} — School table`;
  return {
    sheets: [
      {
        key: IMPORT_SHEETS.table.key,
        name: IMPORT_SHEETS.table.name,
        rows: [[cell(title, "title")], headerRow(table.header), ...table.rows.map((row) => row.map(text))],
        freeze: { rows: 2, columns: 1 },
        print: { orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: [1, 2] },
        columnWidths: table.header.map((h, i) => (i === 0 ? 28 : Math.max(10, Math.min(24, h.length + 2)))),
      },
      {
        key: IMPORT_SHEETS.sources.key,
        name: IMPORT_SHEETS.sources.name,
        rows: [
          ...sources.lines.map((line, i) => [cell(line, i === 0 ? "title" : "note")]),
          [],
          headerRow(sources.header),
          ...sources.rows.map((row) => row.map((v) => cell(v))),
        ],
        columnWidths: [24, 46, 70, 36],
      },
    ],
  };
}
