import { evaluateSection, sectionsOfSchool, type SectionResult } from "../engine";
import type { SchoolRecord } from "../engine/records";
import { countOf } from "../i18n/count";
import { formatNumber } from "../i18n/format";
import { INDICATOR_IDS, LEVEL_NAMES, type Level } from "../standard/indicators";
import { standardOf, type Profile } from "../standard/profile";
import type { CellValue, Grid } from "../sheet/grid";
import { ARGUMENT_SHEET, firstReadError, toCellValue } from "./problems";
import { readSchoolRecords, readTemplateRow } from "../sheet/read";
import { templateHeaderOf, templateHeaderUnit } from "../sheet/template";
import { FunctionError, valueError } from "./errors";
import {
  ARGUMENT,
  isBlank,
  optionalLevel,
  passOnErrors,
  singleRow,
  type ArgumentCell,
  type ArgumentMatrix,
  type EquipmentUnit,
} from "./args";
import { SchoolRowCache, argumentsHash, type EvaluatedRow } from "./rowCache";

export { ROW_MEMO_SIZE, SchoolRowCache } from "./rowCache";

export const VERDICT = { pass: "达标", fail: "不达标", excluded: "不参评" } as const;
export type Verdict = (typeof VERDICT)[keyof typeof VERDICT];

/** The template's header row, its equipment column in the profile's default unit (docs/standard.md#equipment-unit: 万元). */
function templateHeader(profile: Profile): readonly string[] {
  return templateHeaderOf(profile.equipmentDefaultUnit);
}

/**
 * One row of the school table → its record, through the same reader as the task pane and the command line.
 * Without headers the row is read in the template's column order (docs/school-table.md#headers), so a row copied from the
 * template needs nothing else. Any error the reader finds (blank required cell, text for a number …) is #VALUE!
 * with the reader's own message. A row of plain cells under the template's header (none given, or the template's
 * own) is read by the reader's readTemplateRow, which gives the same record without reading the row as a table.
 */
export function readRow(
  profile: Profile,
  row: ArgumentMatrix,
  headers?: ArgumentMatrix | null,
  cache: SchoolRowCache = new SchoolRowCache(),
): SchoolRecord {
  return readRowInUnit(profile, row, headers, cache).record;
}

/**
 * `readRow`, with the unit the row's equipment value is written in: the template's (the profile's default unit)
 * without headers, else what the header says (仪器设备值（元）), as the reader plans a table's columns.
 */
export function readRowInUnit(
  profile: Profile,
  rowArgument: ArgumentMatrix,
  headersArgument?: ArgumentMatrix | null,
  cache: SchoolRowCache = new SchoolRowCache(),
): { record: SchoolRecord; equipmentUnit: EquipmentUnit } {
  const { row, headers } = across(rowArgument, headersArgument);
  let cells = singleRow(row, { zh: "学校行", en: "the row" });
  // headers left out, or left empty: WHATIF's headers come before required arguments, so Excel passes an empty one
  // as a single blank cell, as it does a reference to one empty cell
  const noHeaders =
    headers === null ||
    headers === undefined ||
    headers.length === 0 ||
    (headers.length === 1 && headers[0].length === 1 && isBlank(headers[0][0]));
  let headerRows: readonly (readonly ArgumentCell[])[];
  if (noHeaders) {
    const header = templateHeader(profile);
    // a whole row (5:5) carries blanks past the template's columns: they hold nothing to read
    if (cells.length > header.length && cells.slice(header.length).every(isBlank)) {
      cells = cells.slice(0, header.length);
    }
    if (cells.length > header.length) {
      throw valueError(
        `没有给出表头时，学校行按模板的 ${header.length} 列读取，而所选区域有 ${cells.length} 列：请给出表头行，或只选模板的列`,
        `without headers the row is read in the template's ${header.length} columns, but it has ${cells.length}: ` +
          "give the header row, or select the template's columns only",
      );
    }
    headerRows = [header];
  } else {
    // one header row, or two (group headers such as 小学 above 在校生数), as the reader finds them in a table
    if (headers.length > 2) {
      throw valueError(
        `表头应为一行或两行（收到 ${headers.length} 行）`,
        `the headers must be one or two rows (got ${headers.length})`,
      );
    }
    const width = headers[0].length;
    // ranges of different widths (A5:AD5 under $A$1:$AA$1, 5:5 under A1:AA1) agree where the longer one's extra
    // columns are blank: they hold nothing to read
    const extraBlank =
      width > cells.length
        ? headers.every((h) => h.slice(cells.length).every(isBlank))
        : cells.slice(width).every(isBlank);
    if (width !== cells.length && !extraBlank) {
      throw valueError(
        `表头有 ${width} 列，而学校行有 ${cells.length} 列，两者应一样宽`,
        `the headers have ${countOf(width, "column")} and the row ${cells.length}: they must be equally wide`,
      );
    }
    // whole rows (5:5 under 1:1) or whole columns: the columns past the last cell written hold nothing to read
    let end = Math.min(width, cells.length);
    while (end > 0 && isBlank(cells[end - 1]) && headers.every((h) => isBlank(h[end - 1]))) end--;
    if (end < width || end < cells.length) {
      cells = cells.slice(0, end);
      headerRows = headers.map((h) => h.slice(0, end));
    } else headerRows = headers;
  }
  const width = headerRows[0].length;
  const values: CellValue[] = new Array(width);
  for (let c = 0; c < width; c++) values[c] = c < cells.length ? toCellValue(cells[c]) : null;
  // a row of plain cells under the template's header is read without planning the header; any other row, and
  // any row with a problem, goes to the reader as a table, which reports every problem with its cell
  const templateUnit = noHeaders
    ? profile.equipmentDefaultUnit
    : headerRows.length === 1
      ? templateHeaderUnit(headerRows[0])
      : undefined;
  if (templateUnit !== undefined) {
    const record = readTemplateRow(values, {
      sheet: ARGUMENT_SHEET,
      equipmentUnit: templateUnit,
      profile,
      cache: cache.reader,
    });
    if (record) return { record, equipmentUnit: templateUnit };
  }
  const grid: Grid = {
    sheet: ARGUMENT_SHEET,
    topLeft: "A1",
    // the template's header is text already; headers from the sheet become cells as the reader takes them
    values: [
      ...(noHeaders ? (headerRows as readonly string[][]) : headerRows.map((h) => h.map(toCellValue))),
      values,
    ],
  };
  const read = readSchoolRecords(grid, { profile, headerRow: headerRows.length - 1, cache: cache.reader });
  // a row the reader skips (blank, 合计, 小计, a note) leaves the grid without a school, which the reader reports of
  // the header it was given (`no-schools`); that header is the function's, not the sheet's, so the row is named
  const notASchool =
    read.records.length === 0 &&
    read.problems.every((p) => p.severity !== "error" || p.code === "no-schools");
  if (notASchool) {
    throw valueError(
      "这一行不是学校：空行、合计或小计行、说明行，读取学校表时都跳过；请选一所学校的行",
      "the row is not a school: a blank, total, subtotal or note row, which the reader skips; select a school's row",
    );
  }
  const error = firstReadError(read.problems, ({ col, letters }) => ({
    zh: `学校行第 ${col + 1} 格（${letters}）`,
    en: `cell ${col + 1} (${letters}) of the row`,
  }));
  if (error) throw error;
  if (read.records.length === 0) throw new Error("the reader gave no school and no error");
  return { record: read.records[0], equipmentUnit: read.equipmentUnit };
}

/**
 * A school's cells given down a column (a sheet with a school to a column and its fields down the rows, or a row
 * pasted transposed) lie across as the reader reads a row; headers as tall as the column (the column of field
 * names beside it, or two for group headers) turn with it. A range of one row, or of several rows and columns,
 * is left as given.
 */
function across(
  row: ArgumentMatrix,
  headers: ArgumentMatrix | null | undefined,
): { row: ArgumentMatrix; headers: ArgumentMatrix | null | undefined } {
  const down = row.length >= 2 && row.every((r) => r.length === 1);
  const turned = down ? [row.map((r) => r[0])] : row;
  if (!headers) return { row: turned, headers };
  // field names down a column (or two, for group headers): more rows than a header has, one or two cells each
  const headersDown =
    (down && headers.length === row.length) || (headers.length > 2 && headers.every((h) => h.length <= 2));
  if (!headersDown) return { row: turned, headers };
  if (down && headers.length !== row.length) {
    throw valueError(
      `学校列有 ${row.length} 格，而表头列有 ${headers.length} 格，两者应一样高：请选同样的行`,
      `the school's column has ${countOf(row.length, "cell")} and the headers' column ${headers.length}: ` +
        "they must be equally tall; select the same rows",
    );
  }
  const columns = headers[0].length;
  const turnedHeaders = Array.from({ length: columns }, (_, c) => headers.map((h) => h[c]));
  return { row: turned, headers: turnedHeaders };
}

/**
 * A row read and evaluated, from the cache's rows of the profile when the same arguments were evaluated before
 * (rowCache.ts): the reader and the engine run once per distinct row.
 */
function evaluateRow(
  profile: Profile,
  row: ArgumentMatrix,
  headersArgument: ArgumentMatrix | null | undefined,
  cache: SchoolRowCache,
): EvaluatedRow {
  const rows = cache.rowsOf(profile);
  const headers = headersArgument && headersArgument.length > 0 ? headersArgument : null;
  const hash = argumentsHash(row, headers);
  let result = rows.find(hash, row, headers);
  if (result === undefined) {
    try {
      const record = readRow(profile, row, headers, cache);
      result = {
        name: record.name,
        sections: sectionsOfSchool(rows.schools, record).map((s) =>
          evaluateSection(profile, s, rows.standards[s.level]),
        ),
      };
    } catch (error) {
      if (!(error instanceof FunctionError)) throw error;
      result = error;
    }
    rows.offer(hash, row, headers, result);
  }
  if (result instanceof FunctionError) throw result;
  return result;
}

/** The evaluated sections of one school, or of one of its levels when `level` is given. */
function sectionsOf(evaluated: EvaluatedRow, levelArgument: ArgumentCell): SectionResult[] {
  const level = optionalLevel(levelArgument);
  if (level === undefined) return evaluated.sections;
  const chosen = evaluated.sections.filter((s) => s.level === level);
  if (chosen.length === 0) {
    throw new FunctionError("#N/A", {
      zh: `${evaluated.name}没有${LEVEL_NAMES[level].zh}学段`,
      en: `${evaluated.name} has no ${LEVEL_NAMES[level].en.toLowerCase()} section`,
    });
  }
  return chosen;
}

/**
 * BALANCE.CHECK (docs/standard.md#pass-rule 校校达标, docs/standard.md#scope exclusions and combined schools): 达标 when every included section
 * passes, 不达标 when one does not, 不参评 when the standard excludes every section.
 */
export function checkRow(
  profile: Profile,
  row: ArgumentMatrix,
  headers?: ArgumentMatrix | null,
  level?: ArgumentCell,
  cache: SchoolRowCache = new SchoolRowCache(),
): Verdict {
  passOnErrors([level, ARGUMENT.level]);
  const included = sectionsOf(evaluateRow(profile, row, headers, cache), level).filter((s) => s.included);
  if (included.length === 0) return VERDICT.excluded;
  return included.every((s) => s.pass) ? VERDICT.pass : VERDICT.fail;
}

export const DETAIL_HEADER = ["学段", "指标", "数值", "标准", "状态"] as const;

/** Status words of DETAIL: met, within the floor band (85 % of the standard or more), below it. */
export function statusLabels(profile: Profile): { met: string; floor: string; unmet: string } {
  return {
    met: "达标",
    floor: `${formatNumber(profile.passRule.floorRatio * 100, 0)}%以上`,
    unmet: "未达标",
  };
}

/**
 * BALANCE.DETAIL: a header row, then per section the seven indicators with value, standard and status. A section
 * the standard excludes shows 不参评 as its status; a value that cannot be computed (no students) shows "—".
 */
export function detailRow(
  profile: Profile,
  row: ArgumentMatrix,
  headers?: ArgumentMatrix | null,
  level?: ArgumentCell,
  cache: SchoolRowCache = new SchoolRowCache(),
): (string | number)[][] {
  const labels = statusLabels(profile);
  const out: (string | number)[][] = [[...DETAIL_HEADER]];
  passOnErrors([level, ARGUMENT.level]);
  for (const section of sectionsOf(evaluateRow(profile, row, headers, cache), level)) {
    for (const id of INDICATOR_IDS) {
      const value = section.values[id];
      const status = section.status[id];
      out.push([
        LEVEL_NAMES[section.level as Level].zh,
        profile.indicators[id].shortName.zh,
        value === null ? "—" : value,
        standardOf(profile, id, section.level),
        !section.included ? VERDICT.excluded : status === null ? "—" : labels[status],
      ]);
    }
  }
  return out;
}
