import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout for a pane 320–350 px wide: one column, wrapping rows, no fixed widths. */
export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
  subtitle: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  tabs: { flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalXS}` },
  // a tab's view, a stop for the keyboard after the tabs: seen to have the focus, as every stop is
  tabPanel: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
    // the check view stays mounted, hidden, while another tab is open
    "&[hidden]": { display: "none" },
  },
  // the bars above the tabs (the open workbook, demo mode), a landmark of their own
  notices: { display: "flex", flexDirection: "column" },
  // six tabs on one line at 350 px, in either language: narrower sides than Fluent's small tab
  tab: {
    paddingLeft: "3px",
    paddingRight: "3px",
    "& .fui-Tab__content": { padding: 0 },
  },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  step: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  /** read by a screen reader, not drawn */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  stepTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  mappingRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 11fr) minmax(0, 12fr)",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    // in a full window (the web app) a field and its column stay side by side, not a screen's width apart
    maxWidth: "48rem",
  },
  mappingLabel: {
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  mappingMissing: { color: tokens.colorPaletteRedForeground1 },
  // step 2 of a statistics export: a field, its derivation and source cells, one under the other
  recipeField: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  recipeDerivation: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorBrandForeground1,
    overflowWrap: "anywhere",
  },
  recipeInput: { flexGrow: 1, minWidth: "12em" },
  dropdown: { minWidth: 0, width: "100%" },
  problem: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":disabled": { cursor: "default" },
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorBrandForeground1,
    whiteSpace: "nowrap",
  },
  /** a cell named but not to be clicked (of a file not open): as a cell is written, not in a link's colour */
  cellText: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  verdictPass: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  verdictFail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  /** a message bar's buttons, wrapping onto more rows in a narrow window rather than running off its left edge */
  barActions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXS, justifyContent: "flex-start" },
  sheetTable: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    "& td, & th": {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: "1px 4px",
      whiteSpace: "nowrap",
      maxWidth: "16em",
      overflow: "hidden",
      textOverflow: "ellipsis",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular },
    // on paper nothing scrolls: the columns share the page's width, text wrapping in its cell, so that no
    // column is cut off at the page's edge and no text at a cell's
    "@media print": {
      width: "100%",
      fontSize: "8pt",
      lineHeight: 1.25,
      "& td, & th": { whiteSpace: "normal", maxWidth: "none", overflow: "visible" },
      // a name wraps onto a few lines, not one character to a line
      "& td": { minWidth: "3em" },
    },
  },
  checkItem: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  inlineCell: {
    border: "none",
    background: "none",
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorBrandForeground1,
  },
  // on paper, the pane is its view alone: no header with its buttons, no banner, no tabs
  printsMainOnly: { "@media print": { "& > :not(main)": { display: "none" } } },
  // the check and report view on paper: a page of results to sign, without the form that produced them; only
  // what is marked data-printed is printed
  printsMarkedOnly: { "@media print": { "& > :not([data-printed])": { display: "none" } } },
  printTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
  // the results run down an A4 page: no message bar wider than the paper, no text cut at its right edge
  printPage: {
    "@media print": {
      padding: 0,
      overflowWrap: "anywhere",
      "& .fui-MessageBar": { minWidth: 0 },
      // a heading stays with what it heads, a line of the lists and a row of the tables whole, across a page's
      // end; a table's header row is printed again at the top of each page it runs onto
      "& h1, & h2, & h3": { breakAfter: "avoid" },
      "& li, & tr": { breakInside: "avoid" },
      "& thead": { display: "table-header-group" },
      // paper has nothing to click or type in: no button, box or list to choose from is printed; a button that is
      // the content itself (a problem and its cell, a cell named in a list) is printed as its text
      "& button:not([data-print-as-text]), & input, & select, & textarea, & [role=combobox], & [role=radiogroup]":
        { display: "none" },
      // a badge's colour is its background, which a printer leaves out: its words in ink, in a box
      "& .fui-Badge": {
        backgroundColor: "transparent",
        color: tokens.colorNeutralForeground1,
        border: `1px solid ${tokens.colorNeutralStroke1}`,
      },
    },
  },
  signature: { marginTop: tokens.spacingVerticalXXL, display: "flex", flexWrap: "wrap", columnGap: "4em" },
  // what a list shows only when asked for on screen is all printed: paper has no "show more" to click
  printedOnly: { "@media screen": { display: "none" } },
  screenOnly: { "@media print": { display: "none" } },
  sheetScroll: {
    overflow: "auto",
    maxHeight: "70vh",
    maxWidth: "100%",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "@media print": { overflow: "visible", maxHeight: "none" },
  },
  // the views (模拟, 规划): a column of fields, two to a row; in a full window no wider than the column mapping,
  // so that an indicator's figures stay beside its name and a field beside its label
  view: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    maxWidth: "48rem",
  },
  fieldGrid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // the report's title fields: side by side where both fit whole (the year's example, 2025-2026, is not cut
  // in a 350 px pane), one under the other where not; in a full window no wider than the column mapping
  titleGrid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 13.5em), 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    maxWidth: "48rem",
  },
  /** a text box that takes its column's width and no more: an input's own default width overflows a narrow pane */
  fillInput: {
    width: "100%",
    minWidth: 0,
    "& input": { minWidth: 0, width: "100%" },
  },
  bullets: {
    margin: 0,
    paddingLeft: "18px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  indicatorTable: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& th, & td": {
      padding: `2px ${tokens.spacingHorizontalXS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
      textAlign: "end",
      fontVariantNumeric: "tabular-nums",
    },
    "& th:first-child, & td:first-child": { textAlign: "start" },
    "& thead th": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  },
  /** a table whose columns are as wide as its <colgroup> says, not as its content: tables meant to line up */
  fixedColumns: { tableLayout: "fixed", "& th, & td": { overflowWrap: "anywhere" } },
  /** a badge in a table's narrow column: its words wrap onto more lines inside it, not cut off at its edge */
  wrappingBadge: { height: "auto", minHeight: "16px", whiteSpace: "normal", textAlign: "center" },
  cellNote: {
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  cellStatus: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  statusMet: { color: tokens.colorPaletteGreenForeground1 },
  statusFloor: { color: tokens.colorPaletteMarigoldForeground1 },
  statusUnmet: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  numberCell: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    "@media print": { whiteSpace: "nowrap" },
  },
  cellSelected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  // the web app: where files are dropped, and the file input drawn by its button (it stays in the page for
  // assistive technology and tests)
  dropZone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  dropZoneOver: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  fileInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  // the web app's league: one card per county, a column at 350 px, as many as fit in a full window
  countyCards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 320px), 1fr))",
    gap: tokens.spacingHorizontalM,
    // on paper one card under another, each whole on its page: a card cut at a page's end is read as two counties
    "@media print": {
      display: "block",
      "& > *": { breakInside: "avoid", marginBottom: tokens.spacingVerticalM },
    },
  },
  countyCard: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
  },
  countyCardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  fileName: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  fileBarButtons: { margin: `${tokens.spacingVerticalXS} 0` },
  yearField: { maxWidth: "320px" },
});
