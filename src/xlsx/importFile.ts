/**
 * `balance import --out 学校.xlsx` (docs/import.md#balance-import): the canonical school table the recipe made —
 * the template's headers, drop-downs and units, equipment in 万元 — and a sheet 来源 saying, per field, the
 * recipe's derivation and the source columns it read.
 */
import type ExcelJS from "exceljs";
import { columnById, templateHeader } from "../standard/columns";
import type { RecipeReading } from "../sheet/recipe/reading";
import { LOCALE_CHOICES, SCHOOL_TYPE_CHOICES, toTenThousand, type TemplateCell } from "../sheet/template";
import { addSchoolTableSheet, newWorkbook, workbookBytes } from "./write";

export interface ImportMeta {
  /** the export file or folder read */
  source: string;
  /** the sheet read, for an export */
  sheet: string | null;
}

const RULE_NAMES: Record<string, { zh: string; en: string }> = {
  name: { zh: "学校名称", en: "School" },
  type: { zh: "学校类型", en: "Type" },
  county: { zh: "旗县市区", en: "County" },
  counted: { zh: "是否计校数", en: "Counted as a school" },
  parent: { zh: "所属学校（隶属学校）", en: "Parent" },
  locale: { zh: "城乡类型", en: "Locale" },
  level: { zh: "学段", en: "Level (学段)" },
};

const shown = (ref: { path: readonly string[]; cell: string | null }) =>
  ref.cell ? `${ref.path.join("›")}（${ref.cell}）` : ref.path.join("›");

/** The canonical rows with equipment in 万元, as a clerk keeps the template. */
function rowsInTenThousand(reading: RecipeReading): TemplateCell[][] {
  const money = reading.table.columnIds.map((id) => columnById(id)?.kind === "money");
  return reading.table.rows.map((row) =>
    row.map((value, c) => (money[c] && typeof value === "number" ? toTenThousand(value) : value)),
  );
}

function headerInTenThousand(reading: RecipeReading): string[] {
  return reading.table.columnIds.map((id) => {
    const column = columnById(id);
    if (!column) return id;
    return column.kind === "money" ? `${column.zh}（万元）` : templateHeader(column);
  });
}

function addSourcesSheet(workbook: ExcelJS.Workbook, reading: RecipeReading, meta: ImportMeta): void {
  const sheet = workbook.addWorksheet("来源");
  const recipe = reading.name
    ? `${reading.name.zh}（${reading.id ?? "配方文件"}）`
    : (reading.id ?? "配方文件");
  const lines = [
    "来源 Sources：学校表各列由哪些源列推导 / how each column of the school table was derived",
    `源文件 Source：${meta.source}${meta.sheet ? `（工作表“${meta.sheet}”）` : ""}`,
    `配方 Recipe：${recipe}`,
    `旗县市区 County：${reading.county ?? (reading.counties.join("、") || "—")}`,
  ];
  lines.forEach((text, i) => {
    sheet.getCell(i + 1, 1).value = text;
    if (i === 0) sheet.getCell(1, 1).font = { bold: true, size: 13 };
  });
  const headerRow = lines.length + 2;
  ["学校表列 Field", "推导 Derivation", "来源列 Source columns", "说明 Notes"].forEach((text, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = text;
    cell.font = { bold: true };
  });
  const rows: [string, string, string, string][] = [];
  for (const { rule, column } of reading.rules) {
    const name = RULE_NAMES[rule];
    rows.push([name.zh, column.path.join("›"), shown(column), ""]);
  }
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
    rows.push([
      header,
      "—",
      "",
      missing
        ? `源表中找不到：${missing.missing.join("、")} / not in the source`
        : "配方未给出，请在学校表中填写 / not in the recipe: fill it in",
    ]);
  }
  rows.forEach((values, r) => values.forEach((v, c) => (sheet.getCell(headerRow + 1 + r, c + 1).value = v)));
  [24, 46, 70, 36].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** The import's workbook: 学校 (the canonical table) and 来源. The same reading always gives the same bytes. */
export async function importWorkbook(reading: RecipeReading, meta: ImportMeta): Promise<Buffer> {
  const workbook = newWorkbook();
  const ids = reading.table.columnIds;
  const index = (id: string) => ids.indexOf(id);
  const county = reading.county ?? (reading.counties.length === 1 ? reading.counties[0] : "");
  addSchoolTableSheet(workbook, {
    sheetName: "学校",
    title: `${county}学校表（由“${meta.source}”转换）`,
    header: headerInTenThousand(reading),
    rows: rowsInTenThousand(reading),
    choices: { [index("type")]: SCHOOL_TYPE_CHOICES, [index("locale")]: LOCALE_CHOICES },
    numberFormats: Object.fromEntries(
      ids.flatMap((id, i) => (columnById(id)?.kind === "money" ? [[i, "0.00"]] : [])),
    ),
  });
  addSourcesSheet(workbook, reading, meta);
  return workbookBytes(workbook);
}
