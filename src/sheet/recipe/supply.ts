/**
 * What an export leaves the county verdict without, and how to give it (docs/import.md#template-columns): the
 * statistics export has no column for the music and art rooms, the classes or the largest classes that items 3 and 5
 * of the government's guarantee read (docs/standard.md#guarantee-3, docs/standard.md#guarantee-5). The reader takes
 * such a figure from a column added to the export under the school table's own header (table.ts), so the hint names
 * each header to write, for how many schools, on which sheet, row and column. Every host shows these words.
 */
import { columnsItemsRead } from "../../engine/county/schoolItems";
import type { SchoolRecord } from "../../engine/records";
import { countOf } from "../../i18n/count";
import type { Bilingual } from "../../standard/county";
import { GUARANTEE_ITEMS } from "../../standard/county";
import { COLUMNS, templateHeader } from "../../standard/columns";
import { columnIndex, columnLetters } from "../grid";
import type { TableHeader } from "../read/headerPaths";
import type { RecipeReading } from "./reading";

export interface SupplyColumn {
  /** the school table's column id */
  id: string;
  /** the header to write, as the template writes it: 音乐专用教室数（间） */
  header: string;
  en: string;
  /** the schools (校区) that need it */
  schools: number;
}

export interface SupplyHint {
  /** the export's sheet */
  sheet: string;
  /** the 1-based top row of the export's header, where a column's header is written */
  headerRow: number;
  /** the first column right of the header, where the first column is added */
  firstColumn: string;
  /** the items of the guarantee left missing: their numbers and titles */
  items: { item: number; title: Bilingual }[];
  columns: SupplyColumn[];
  /** the export gives a school one row per 学段: each level's figure goes on that level's row */
  byLevel: boolean;
}

/** A cell address `Sheet!AB5` (or `'My sheet'!AB5`) as its sheet, column letters and row. */
function addressParts(cell: string): { sheet: string; letters: string; row: number } | null {
  const m = /^(?:'((?:[^']|'')*)'|([^!]*))!\$?([A-Z]+)\$?(\d+)$/u.exec(cell);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/gu, "'") : m[2], letters: m[3], row: Number(m[4]) };
}

/**
 * The hint for a table read through a table recipe whose columns leave items 3 or 5 without figures; null for a
 * table read as the template (it has the columns, blank or not), a 教基 form reading (it is converted with
 * `balance import`, whose 来源 sheet says what to fill in), or an export that lacks nothing the items read.
 */
export function supplyHint(read: {
  records: readonly SchoolRecord[];
  recipe?: RecipeReading;
  header?: TableHeader | null;
}): SupplyHint | null {
  const { recipe, header } = read;
  if (!recipe || !header || header.columns.length === 0) return null;
  const given = new Set(recipe.fields.map((f) => f.field));
  const needed = columnsItemsRead(read.records);
  const columns: SupplyColumn[] = [];
  const derived = new Set<string>();
  for (const column of COLUMNS) {
    const need = needed.get(column.id);
    if (!need || given.has(column.id)) continue;
    columns.push({
      id: column.id,
      header: templateHeader(column),
      en: column.en,
      schools: need.schools.length,
    });
    derived.add(need.derived);
  }
  if (columns.length === 0) return null;
  // the header's top row and the column right of its last: where the clerk writes the first header
  const last = header.columns.reduce((a, b) => (b.index > a.index ? b : a));
  const top = addressParts(last.cells[0] ?? "");
  const nameCell = recipe.rules.find((r) => r.rule === "name")?.column.cell ?? "";
  const name = addressParts(nameCell);
  if (!top || !name) return null;
  const headerRow = Math.min(
    ...header.columns.flatMap((c) => c.cells.map((cell) => addressParts(cell)?.row ?? Infinity)),
  );
  return {
    sheet: name.sheet,
    headerRow,
    firstColumn: columnLetters(columnIndex(top.letters) + 1),
    items: GUARANTEE_ITEMS.filter((d) => d.derived && derived.has(d.derived)).map((d) => ({
      item: d.item,
      title: d.title,
    })),
    columns,
    byLevel: recipe.rules.some((r) => r.rule === "level"),
  };
}

/**
 * The hint in words, Chinese first then English in each: what is missing, each header to write and for how many
 * schools, then how to add them.
 */
export function supplyHintLines(hint: SupplyHint): { what: Bilingual; columns: Bilingual[]; how: Bilingual } {
  const items = {
    zh: hint.items.map((i) => `第 ${i.item} 项（${i.title.zh}）`).join("、"),
    en: hint.items.map((i) => `item ${i.item} (${i.title.en})`).join(", "),
  };
  const what: Bilingual = {
    zh: `导出表中没有政府保障程度${items.zh}所需的下列数，这些项因而缺数据：`,
    en: `The export has none of these figures, which guarantee ${items.en} need${hint.items.length > 1 ? "" : "s"}: ${hint.items.length > 1 ? "they are" : "it is"} missing.`,
  };
  const columns = hint.columns.map((c) => ({
    zh: `“${c.header}”：${c.schools} 所学校（校区）需要`,
    en: `"${c.header}" (${c.en}): needed by ${countOf(c.schools, "school")}`,
  }));
  const where = `${hint.firstColumn}${hint.headerRow}`;
  const how: Bilingual = {
    zh:
      `补填方法：在工作表“${hint.sheet}”中从 ${where} 起向右，每个数加一列，表头（第 ${hint.headerRow} 行）照写上面引号中的名称，` +
      "再在各校所在的行中填数" +
      (hint.byLevel
        ? "；按学段分行的学校，小学的数填在学段为小学的行，初中的数填在初中的行，专用教室的间数和面积填在其中一行"
        : "") +
      "。填好后重新读取（文件须先保存），这些数即按列名读入。也可先转换为标准学校表（balance import，任务窗格的“转换为标准学校表”），在同名的列中填写。",
    en:
      `How to give them: on sheet "${hint.sheet}", from ${where} rightwards, add a column for each, its header (row ${hint.headerRow}) ` +
      "written as quoted above, and fill in each school's row" +
      (hint.byLevel
        ? "; for a school given one row per 学段, the primary figures on its 小学 row, the junior ones on its 初中 row, the rooms and their areas on one of them"
        : "") +
      ". Then read it again (the file saved first): the figures are read by those headers. Or convert the export to the school table first (balance import, or 转换为标准学校表 in the task pane) and fill in its columns of the same names.",
  };
  return { what, columns, how };
}
