import type { Grid } from "../sheet/grid";

/** The reader's corrections: column id → 0-based grid column, or null for "not used". */
export type ColumnMapping = Record<string, number | null>;

/**
 * The corrections as saved in the workbook's settings under SETTINGS_KEY: per sheet name, column id →
 * header text (null: not used). Header text rather than a column index, so that a column moved or
 * inserted in the sheet keeps its match next time.
 */
export type SavedMappings = Record<string, Record<string, string | null>>;

export const SETTINGS_KEY = "columnMapping";

export interface HeaderCell {
  header: string;
  col: number;
}

/** Header text compared without surrounding or inner whitespace (line breaks inside a header cell). */
function sameHeader(a: string, b: string): boolean {
  return a.replace(/\s+/g, "") === b.replace(/\s+/g, "");
}

/** The non-blank cells of the header row, left to right. */
export function headerCells(grid: Grid, headerRow: number | null): HeaderCell[] {
  if (headerRow === null) return [];
  const row = grid.values[headerRow] ?? [];
  const cells: HeaderCell[] = [];
  row.forEach((value, col) => {
    if (value === null || value === undefined || typeof value === "object") return;
    const header = String(value).trim();
    if (header !== "") cells.push({ header, col });
  });
  return cells;
}

/** The saved corrections of a sheet as a reader mapping; entries whose header is gone are dropped. */
export function mappingFromSaved(
  saved: Record<string, string | null> | undefined,
  headers: HeaderCell[],
): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [columnId, header] of Object.entries(saved ?? {})) {
    if (header === null) {
      mapping[columnId] = null;
      continue;
    }
    const cell = headers.find((h) => sameHeader(h.header, header));
    if (cell) mapping[columnId] = cell.col;
  }
  return mapping;
}

/** A reader mapping as saved corrections (header text instead of column index). */
export function savedFromMapping(
  mapping: ColumnMapping,
  headers: HeaderCell[],
): Record<string, string | null> {
  const saved: Record<string, string | null> = {};
  for (const [columnId, col] of Object.entries(mapping)) {
    if (col === null) {
      saved[columnId] = null;
      continue;
    }
    const cell = headers.find((h) => h.col === col);
    if (cell) saved[columnId] = cell.header;
  }
  return saved;
}

/**
 * A new mapping after the user chose `col` for `columnId`: a header feeds one field only, so a field
 * that the reader had matched to the same column is set to "not used".
 */
export function withChoice(
  mapping: ColumnMapping,
  matched: readonly { columnId: string; col: number }[],
  columnId: string,
  col: number | null,
): ColumnMapping {
  const next: ColumnMapping = { ...mapping, [columnId]: col };
  if (col === null) return next;
  for (const [otherId, otherCol] of Object.entries(mapping)) {
    if (otherId !== columnId && otherCol === col) next[otherId] = null;
  }
  for (const m of matched) {
    if (m.columnId !== columnId && m.col === col && !(m.columnId in next)) next[m.columnId] = null;
  }
  return next;
}
