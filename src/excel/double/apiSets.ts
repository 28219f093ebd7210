/**
 * Requirement sets in the double: an Excel told it has only ExcelApi 1.8 (Excel 2019 volume-licensed has 1.7,
 * perpetual Excel 2016 only 1.1) answers isSetSupported as such an Excel does, and a request that uses a member of
 * a later set fails at its sync with ApiNotFound, as such an Excel fails it. So the pane's checks and fallbacks can
 * be run where a set is missing, and the pane's main flow can be run with exactly the set its manifest requires.
 */
import { OfficeError, type ProxyContext } from "./context";

/**
 * The ExcelApi set of each member of the double later than 1.1 (as Microsoft's reference and @types/office-js
 * name it); a member not listed came in 1.1. Keyed by the double's class and the member's name, which are Office's.
 * tests/house/officeApi.test.ts checks every member the add-in uses against @types/office-js.
 */
export const EXCEL_API_SETS: Readonly<Record<string, string>> = {
  "Range.rowHidden": "1.2",
  "Range.columnHidden": "1.2",
  "Range.merge": "1.2",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.rowHeight": "1.2",
  "Range.getUsedRangeOrNullObject": "1.4",
  "Workbook.settings": "1.4",
  "Setting.value": "1.4",
  "SettingCollection.add": "1.4",
  "SettingCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.freezePanes": "1.7",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeries.chartType": "1.7",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "Range.dataValidation": "1.8",
  "Range.getTables": "1.9",
  "Worksheet.getRanges": "1.9",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.horizontalPageBreaks": "1.9",
  "Worksheet.verticalPageBreaks": "1.9",
};

/** Members of 1.1 whose arguments came later: Worksheet.getUsedRange(valuesOnly) is 1.2. */
export const EXCEL_API_ARGUMENT_SETS: Readonly<Record<string, string>> = {
  "Worksheet.getUsedRange": "1.2",
};

function atLeast(have: string, need: string): boolean {
  const [x, y] = [have.split(".").map(Number), need.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return true;
}

/** Office.context.requirements.isSetSupported of an Excel whose highest ExcelApi set is `excelApi`. */
export function isSetSupportedBy(excelApi: string, name: string, version = "1.1"): boolean {
  return name === "ExcelApi" && atLeast(excelApi, version);
}

/** The double's classes that stand for Office.js objects (what the add-in is handed), by their names. */
const OFFICE_CLASSES = new Set([
  "Workbook",
  "WorksheetCollection",
  "Worksheet",
  "FreezePanes",
  "Range",
  "RangeAreas",
  "RangeFormat",
  "RangeFont",
  "RangeFill",
  "RangeBorders",
  "RangeBorder",
  "DataValidation",
  "Table",
  "TableCollection",
  "Setting",
  "SettingCollection",
  "NamedItem",
  "NamedItemCollection",
  "PageLayout",
  "PageBreakCollection",
  "Chart",
  "ChartCollection",
  "ChartSeries",
  "ChartSeriesCollection",
  "ChartTitle",
  "ChartAxisTitle",
]);

const isOfficeObject = (v: unknown): v is object =>
  typeof v === "object" && v !== null && OFFICE_CLASSES.has(v.constructor.name);

/** the object behind each proxy, handed back to the double's own code when the add-in passes a proxy in */
const targets = new WeakMap<object, object>();

/**
 * `target` (an object of the double) as an Excel with ExcelApi up to `excelApi` hands it out: every member of a
 * later set, used or named in a load(), queues an operation that fails the request at its sync with ApiNotFound;
 * the objects it returns are handed out the same way. The class names are the double's own (unminified: tests).
 * The sub-members of a collection's items named in a load ("items/name") are not checked.
 */
export function withExcelApi<T extends object>(target: T, excelApi: string, ctx: ProxyContext): T {
  const missing = (member: string, set: string | undefined) => {
    if (set === undefined || atLeast(excelApi, set)) return;
    ctx.queue(`missing ${member}`, 0, () => {
      throw new OfficeError(
        "ApiNotFound",
        `${member} needs ExcelApi ${set}; this Excel has ExcelApi ${excelApi}`,
      );
    });
  };
  const wrap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.some(isOfficeObject) ? value.map(wrap) : value;
    return isOfficeObject(value) ? withExcelApi(value, excelApi, ctx) : value;
  };
  const proxy = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof property !== "string") return value;
      const kind = object.constructor.name;
      const member = `${kind}.${property}`;
      missing(member, EXCEL_API_SETS[member]);
      if (typeof value !== "function") return wrap(value);
      return (...args: unknown[]) => {
        if (args.length > 0) missing(`${member}(…)`, EXCEL_API_ARGUMENT_SETS[member]);
        if (property === "load") {
          const option = args[0];
          const names =
            typeof option === "string"
              ? option.split(",")
              : Array.isArray(option)
                ? (option as string[])
                : [];
          for (const name of names) {
            const head = name.trim().split("/")[0];
            missing(`${kind}.${head}`, EXCEL_API_SETS[`${kind}.${head}`]);
          }
        }
        const inner = args.map((a) => (typeof a === "object" && a !== null ? (targets.get(a) ?? a) : a));
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, inner);
        return result === object ? proxy : wrap(result);
      };
    },
    set(object, property, value) {
      if (typeof property === "string") {
        const member = `${object.constructor.name}.${property}`;
        missing(member, EXCEL_API_SETS[member]);
      }
      return Reflect.set(object, property, value, object);
    },
  });
  targets.set(proxy, target);
  return proxy;
}
