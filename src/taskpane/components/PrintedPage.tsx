import type { CSSProperties, ReactNode } from "react";
import { PUNCTUATION, type Lang } from "../../i18n/format";
import { t, type MessageKey } from "../../i18n/messages";
import { BLANK, tableTitle, type TitleParts } from "../../report/print";
import { usePaneStyles } from "../styles";

/**
 * The paper every printed view is on: A4 upright, 15 mm all round. Upright because what the views print is read
 * down the page: an indicator table of four columns (模拟), the coefficients of two or three years (对比), the
 * counties one under another with three columns of coefficients each (盟市汇总). Only the sheet viewer turns the
 * page across (SheetViewer PRINT_ACROSS), for a sheet of thirty columns.
 */
export const PRINT_PAGE = "@media print { @page { size: A4 portrait; margin: 15mm; } }";

/** What a view of the pane is printed under: the county and year its title names, and what was read. */
export interface PrintHeading {
  parts: TitleParts;
  read: readonly (string | null | undefined)[];
}

/** The printed title of a view: the county and year (or blanks to fill in by hand), then what the view is. */
export function printedTitle(parts: TitleParts, what: MessageKey, lang: Lang): string {
  return tableTitle(parts, { zh: t("zh", what), en: t("en", what) }, lang);
}

export interface PrintedPageProps {
  lang: Lang;
  /** the title the page is printed under (report/print.ts tableTitle: the county and year, or blanks); none: no
   * title block, as before a table is read */
  title: string | null;
  /** what was read for it: the files, sheets and ranges, each a line under the title */
  read?: readonly (string | null | undefined)[];
  /** whether the line to sign and date is printed: once there is something to sign for */
  signed: boolean;
  /** whether the view is the one shown: its page settings apply, and it is on screen */
  shown?: boolean;
  className?: string;
  /** names the view in the page, for people and tests: data-print-page */
  name: string;
  children: ReactNode;
}

/**
 * A view as it prints: a page to hand over and sign, in the style of 检查与报表's. On paper only its children
 * marked data-printed are printed (the results, not the form that made them), under a title naming what it is and
 * the files read, and over a line to sign and date; no button, box or list to choose from is printed (styles
 * printPage). On screen the title and the signature line are not shown.
 */
export function PrintedPage(props: PrintedPageProps) {
  const { lang, shown = true } = props;
  const styles = usePaneStyles();
  const read = (props.read ?? []).filter((line): line is string => Boolean(line));
  const hidden: CSSProperties | undefined = shown ? undefined : { display: "none" };
  return (
    <div
      className={`${props.className ?? styles.column} ${styles.printsMarkedOnly} ${styles.printPage}`}
      style={hidden}
      data-print-page={props.name}
    >
      {shown && <style>{PRINT_PAGE}</style>}
      {props.title !== null && (
        <div className={styles.printedOnly} data-printed data-print-title>
          <h1 className={styles.printTitle}>{props.title}</h1>
          {read.length > 0 && <div className={styles.small}>{read.join(PUNCTUATION[lang].clause)}</div>}
        </div>
      )}
      {props.children}
      {props.signed && (
        <div className={`${styles.printedOnly} ${styles.signature}`} data-printed data-print-signature>
          <span>{t(lang, "printCheckedBy", { blank: BLANK })}</span>
          <span>{t(lang, "printDate", { blank: BLANK })}</span>
        </div>
      )}
    </div>
  );
}
