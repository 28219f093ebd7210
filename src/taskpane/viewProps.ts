import type * as React from "react";
import type { SchoolRecord } from "../engine/records";
import type { Profile } from "../standard/profile";
import type { Lang } from "../i18n/format";
import type { ExcelHost } from "../excel/host";
import type { ReportSheet } from "../report/model";
import type { PrintHeading } from "./components/PrintedPage";
import type { WhatIfEdits } from "./whatif/useWhatIfEdits";
import type { UnitCosts } from "../engine/plan/costs";

/** The unit costs the pane keeps: 规划 edits them and plans with them, 模拟 prices its edits with them. */
export interface PaneUnitCosts {
  costs: UnitCosts;
  setCosts: React.Dispatch<React.SetStateAction<UnitCosts>>;
}

/**
 * What the pane gives each of its views (模拟 What-if, 规划 Plan): the records read from the
 * checked school table, the profile they were evaluated under, the UI language and the workbook.
 * A view that produces sheets hands them to onWriteSheets; the pane writes them (after the same
 * confirmation as the report) and links them in the results.
 */
export interface ViewProps {
  records: SchoolRecord[];
  profile: Profile;
  lang: Lang;
  host: ExcelHost;
  onWriteSheets(sheets: ReportSheet[]): Promise<void>;
  /** what the view is printed under: the county and year, and the table read; none: blanks, nothing read */
  print?: PrintHeading;
  /** the what-if's edits the pane keeps: 模拟 makes them, 规划 may plan after them; none: the view keeps its own */
  whatIf?: WhatIfEdits;
  /** the unit costs the pane keeps, one set for 规划 and 模拟; none: 规划 keeps its own, 模拟 uses the defaults */
  unitCosts?: PaneUnitCosts;
}
