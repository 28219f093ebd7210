/**
 * The league workbook the web app downloads: the report of `balance batch --out` (src/report/league.ts), rendered
 * by the .xlsx writer of the reports (src/xlsx/report.ts) with its charts, as 下载工作簿 renders the pane's
 * sheets. Loaded in the chunk that holds exceljs, on the first download.
 */
import type { Report } from "../../report/model";
import { addChartsToXlsx } from "../../xlsx/charts";
import { reportWorkbook } from "../../xlsx/report";

export async function leagueWorkbookBytes(report: Report): Promise<Uint8Array> {
  const bytes = new Uint8Array(await reportWorkbook(report).xlsx.writeBuffer());
  return addChartsToXlsx(bytes, report);
}
