import type { ExcelHost } from "../host";
import { createOfficeHost, type OfficeHostOptions } from "../officeHost";
import { templateSheet } from "../../report/templateSheets";
import type { ExcelDouble } from "./excel";

/**
 * The pane's host over the in-memory Excel double: the same Office.js code as inside Excel, run against the
 * double's proxies (demo mode outside Office, tests, end-to-end runs).
 */
export function doubleHost(excel: ExcelDouble, options: Partial<OfficeHostOptions> = {}): ExcelHost {
  return createOfficeHost({
    run: (batch) => excel.run((context) => batch(context as unknown as Excel.RequestContext)),
    template: templateSheet,
    displayLanguage: () => "zh-CN",
    theme: () => "light",
    seesHiddenLines: () => true,
    ...options,
  });
}
