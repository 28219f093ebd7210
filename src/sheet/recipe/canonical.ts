/**
 * Imported schools → the canonical school table (docs/school-table.md#columns): the template's columns, one row per
 * school, blank where nothing was given — and for every cell, where it came from. The reader reads this table as it
 * reads any template, so that an export and the same schools typed into the template are checked and evaluated
 * alike; `balance import` writes it.
 */
import { SCHOOL_TYPE_NAMES } from "../../engine/records";
import {
  COLUMNS,
  TEMPLATE_COLUMNS,
  columnById,
  templateHeader,
  type ColumnDefinition,
} from "../../standard/columns";
import { templateHeaderRow, toTenThousand, type TemplateCell } from "../template";
import { LOCALE_WORDS, parseLocale } from "../vocabulary";
import type { ImportedSchool } from "./schools";

/** Where a cell of the canonical table came from. */
export interface CellSource {
  /** the source cell to show (the first, for a derived value) */
  cell: string | null;
  /** every source cell written out as the derivation combines them: `学校!K7 − 学校!L7`; the cell itself for one */
  cells: string;
  /** the derivation as a person reads it (`教学及辅助用房›计 − 其中：室内体育用房`); null for a cell taken as it is */
  derivation: string | null;
  /** the export's header path of a cell taken as it is (`网络多媒体教室（间）`): what the clerk's own table calls it */
  label?: string;
  /** a source cell could not be read (reported where it was read) */
  invalid: boolean;
}

export interface CanonicalTable {
  /** column ids, in order: the template's, then the optional columns the recipe derives */
  columnIds: string[];
  header: string[];
  rows: TemplateCell[][];
  /** by row and column, as rows */
  sources: (CellSource | null)[][];
}

const IDENTITY: Record<string, (s: ImportedSchool) => { value: string | null; cell: string | null }> = {
  name: (s) => ({ value: s.name, cell: s.rows[0].cells.name }),
  type: (s) => ({
    value: s.type ? SCHOOL_TYPE_NAMES[s.type].zh : s.typeText,
    cell: s.rows[0].cells.type,
  }),
  // in the template's word (城区, 镇区, 乡村) where the export's is known: the written table offers those three
  locale: (s) => {
    const locale = s.locale === null ? null : parseLocale(s.locale);
    return { value: locale ? LOCALE_WORDS[locale] : s.locale, cell: s.rows[0].cells.locale };
  },
  parent: (s) => ({ value: s.parent, cell: s.rows[0].cells.parent }),
};

function headerOf(column: ColumnDefinition, unit: "万元" | "元"): string {
  return column.kind === "money" ? `${column.zh}（${unit}）` : templateHeader(column);
}

/**
 * A sum or difference of decimals as the clerk would write it: 4484.7 − 503.8 is 3980.9, not the 3980.8999999999996
 * binary arithmetic leaves, which the written table would otherwise show in the cell.
 */
function withoutBinaryNoise(value: number): number {
  return Number(value.toPrecision(15));
}

/**
 * The canonical table of the schools, equipment in `equipmentUnit` (the reader reads 元 exactly; a clerk's table is
 * in 万元). `derivations` gives each derived field's derivation text.
 */
export function canonicalTable(
  schools: readonly ImportedSchool[],
  derivations: ReadonlyMap<string, string>,
  equipmentUnit: "万元" | "元",
): CanonicalTable {
  const extra = COLUMNS.filter((c) => !c.inTemplate && derivations.has(c.id));
  const columns = [...TEMPLATE_COLUMNS, ...extra];
  const header = [...templateHeaderRow(equipmentUnit), ...extra.map((c) => headerOf(c, equipmentUnit))];
  const rows: TemplateCell[][] = [];
  const sources: (CellSource | null)[][] = [];
  for (const school of schools) {
    const row: TemplateCell[] = [];
    const rowSources: (CellSource | null)[] = [];
    for (const column of columns) {
      const identity = IDENTITY[column.id];
      if (identity) {
        const { value, cell } = identity(school);
        row.push(value);
        rowSources.push(cell ? { cell, cells: cell, derivation: null, invalid: false } : null);
        continue;
      }
      const combined = school.fields.get(column.id);
      if (!combined || combined.parts.length === 0) {
        row.push(null);
        rowSources.push(null);
        continue;
      }
      const money = columnById(column.id)?.kind === "money";
      const value = combined.value;
      row.push(
        value === null
          ? null
          : money && equipmentUnit === "万元"
            ? toTenThousand(value)
            : withoutBinaryNoise(value),
      );
      const single = combined.parts.length === 1 && combined.parts[0].sources.length === 1;
      const label = single ? combined.parts[0].sources[0].labels.join("›") : undefined;
      rowSources.push({
        cell: combined.parts[0].sources[0]?.cell ?? null,
        cells: combined.cells,
        derivation: single ? null : (derivations.get(column.id) ?? null),
        ...(label ? { label } : {}),
        invalid: combined.invalid,
      });
    }
    rows.push(row);
    sources.push(rowSources);
  }
  return { columnIds: columns.map((c) => c.id), header, rows, sources };
}

/**
 * The table with its money in 万元, for reading it as a source stated it (or, stating nothing, was read): the
 * reader's warnings then speak of the unit the clerk's column is in, not of the 元 the table keeps.
 */
export function inTenThousand(table: CanonicalTable): { header: string[]; rows: TemplateCell[][] } {
  const money = table.columnIds.flatMap((id, c) => {
    const column = columnById(id);
    return column?.kind === "money" ? [{ c, header: `${column.zh}（万元）` }] : [];
  });
  const header = [...table.header];
  for (const { c, header: text } of money) header[c] = text;
  const rows = table.rows.map((row) => {
    const out = [...row];
    for (const { c } of money) {
      const value = out[c];
      if (typeof value === "number") out[c] = toTenThousand(value);
    }
    return out;
  });
  return { header, rows };
}
