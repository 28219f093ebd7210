import { Select, Text } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { columnLetters, parseAddress } from "../../sheet/grid";
import {
  SHOWN_COLUMNS,
  SHOWN_ROWS,
  type ShownCell,
  type ShownSheet,
  type WorkbookView,
} from "../../excel/memory/workbookView";
import { usePaneStyles } from "../styles";

export interface SheetViewerProps {
  lang: Lang;
  workbook: WorkbookView;
  /** the sheet to show; changes when the pane activates a sheet or selects a cell */
  sheet: string | null;
  /** the cell to outline, e.g. "B7" */
  cell: string | null;
  /** changes whenever the workbook may have changed, to read it again */
  version: number;
  onSheet(name: string): void;
}

/** The page turned landscape for printing, while a sheet is shown. */
export const PRINT_ACROSS = "@media print { @page { size: A4 landscape; margin: 10mm; } }";

const blank = (cell: ShownCell | undefined) => !cell || (cell.text === "" && !cell.fill);

/**
 * How many columns a text cell spills over: as in Excel, long text runs on into empty cells to its right. The cell
 * outlined (`keep`, its column in this row, or -1) stops a spill and spills over nothing itself: a problem's cell
 * is outlined alone (学校!D3 blank beside 教学点 in C3), never hidden under the text to its left nor drawn three
 * columns wide.
 */
function overflowSpan(row: ShownCell[], c: number, cols: number, keep: number): number {
  const cell = row[c];
  if (!cell || cell.numeric || cell.text === "" || c === keep) return 1;
  let span = 1;
  while (c + span < cols && c + span !== keep && blank(row[c + span])) span++;
  return span;
}

/** True when the cell lies under the spill of a text cell to its left (`overflowSpan`, the outlined cell `keep`). */
function coveredBy(row: ShownCell[], c: number, keep: number): boolean {
  if (!blank(row[c]) || c === keep) return false;
  for (let k = c - 1; k >= 0; k--) {
    if (k === keep) return false;
    if (!blank(row[k])) return !row[k].numeric && row[k].text !== "";
  }
  return false;
}

/** The row and column (0-based) of a cell's address, or null when it names no single cell. */
function cellAt(address: string): { row: number; column: number } | null {
  try {
    const { row, col } = parseAddress(address);
    return { row, column: col };
  } catch {
    return null;
  }
}

/** Demo mode only: the workbook's sheets as plain tables, so the whole path can be followed in a browser. */
export function SheetViewer(props: SheetViewerProps) {
  const { lang } = props;
  const styles = usePaneStyles();
  const [sheets, setSheets] = useState<ShownSheet[]>([]);
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    let live = true;
    void props.workbook.sheets().then((s) => live && setSheets(s));
    return () => {
      live = false;
    };
  }, [props.workbook, props.version]);

  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [sheets, props.sheet, props.cell]);

  if (sheets.length === 0) return <Text>{t(lang, "workbookEmpty")}</Text>;
  const shown = sheets.find((s) => s.name === props.sheet) ?? sheets[0];
  const cols = Math.max(1, ...shown.rows.map((r) => r.length));
  const selected = props.cell?.toUpperCase() ?? null;
  const selectedAt = selected === null ? null : cellAt(selected);

  return (
    <div className={styles.step}>
      {/* a sheet is wider than it is long: printed across the page while it is shown */}
      <style>{PRINT_ACROSS}</style>
      <Select
        size="small"
        aria-label={t(lang, "workbookSheet")}
        value={shown.name}
        onChange={(_, data) => props.onSheet(data.value)}
      >
        {sheets.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
          </option>
        ))}
      </Select>
      <Text size={200} className={styles.note}>
        {t(lang, "workbookRows", { rows: shown.rowCount, cols: shown.columnCount })}
        {shown.rowCount > SHOWN_ROWS && ` · ${t(lang, "workbookTruncated", { n: SHOWN_ROWS })}`}
        {shown.columnCount > SHOWN_COLUMNS &&
          ` · ${t(lang, "workbookColumnsTruncated", { n: SHOWN_COLUMNS })}`}
      </Text>
      {/* a stop for the keyboard, named by the sheet: a sheet wider or longer than the window is scrolled with
          the arrow keys, as a mouse scrolls it */}
      <div className={styles.sheetScroll} tabIndex={0} role="region" aria-label={shown.name}>
        <table className={styles.sheetTable} data-sheet={shown.name}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  // the column of the cell outlined, when it is in this row
                  const keep = selectedAt?.row === r ? selectedAt.column : -1;
                  if (coveredBy(row, c, keep)) return null;
                  const cell = row[c];
                  const span = overflowSpan(row, c, cols, keep);
                  const address = `${columnLetters(c)}${r + 1}`;
                  const isSelected = address === selected;
                  const classes = [
                    cell?.numeric ? styles.numberCell : "",
                    isSelected ? styles.cellSelected : "",
                  ].join(" ");
                  // a filled cell looks as in Excel, dark text on its fill, whatever the pane's theme
                  const look =
                    cell?.fill || cell?.bold
                      ? {
                          backgroundColor: cell.fill,
                          color: cell.fontColor ?? (cell.fill ? "#000000" : undefined),
                          fontWeight: cell.bold ? 600 : undefined,
                        }
                      : undefined;
                  return (
                    <td
                      key={c}
                      colSpan={span > 1 ? span : undefined}
                      className={classes}
                      style={span > 1 ? { ...look, maxWidth: "none" } : look}
                      data-cell={address}
                      aria-selected={isSelected || undefined}
                      title={cell?.text}
                      ref={isSelected ? selectedRef : undefined}
                    >
                      {cell?.text ?? ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
