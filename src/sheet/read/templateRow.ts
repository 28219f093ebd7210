/**
 * One row of the template read without reading a table: the custom functions read one school row under the
 * template's header on every call. The row goes through the same reading of a row as the table's (row.ts); what
 * this path leaves out is only what a table of one header and one row cannot have, and a row where the table
 * reader would report an error, skip the row or respell its parent is left to the table reader.
 */
import type { SchoolRecord } from "../../engine/records";
import { TEMPLATE_COLUMNS } from "../../standard/columns";
import type { Profile } from "../../standard/profile";
import type { CellValue } from "../grid";
import type { Problem } from "../../problems/problem";
import { matchHeader } from "../headers";
import { templateHeaderRow } from "../template";
import { NATIONAL_2017 } from "../../standard/national2017";
import { foldText } from "../vocabulary";
import { ReaderCache } from "./cache";
import { planColumns, type ColumnPlan } from "./columnPlan";
import { ErrorFlag } from "./figures";
import { GridView, isBlank } from "./gridView";
import { findHeader } from "./headerPaths";
import { readSchoolRow } from "./row";
import { LEGEND_NAMES, TOTAL_ROW, holdsLegendMarks, isNoteLine } from "./rowKinds";

/** The template's header (docs/school-table.md#headers) planned on a sheet, or null where the plan is not the
 * template's to the letter (then every row goes to the table reader). */
function planTemplate(sheet: string, unit: "万元" | "元"): ColumnPlan | null {
  const problems: Problem[] = [];
  const view = new GridView({ sheet, topLeft: "A1", values: [templateHeaderRow(unit)] }, problems);
  const reading = findHeader(view, matchHeader, false, 0);
  if (!reading) return null;
  // the header states the equipment unit: the profile's default plays no part
  const plan = planColumns(view, reading, {}, () => undefined, NATIONAL_2017);
  // what this path relies on: a header with nothing to report, in the unit asked for, whose columns are the
  // template's and no others, each in its place
  const fits =
    problems.length === 0 &&
    plan.problems.length === 0 &&
    plan.equipmentUnit === unit &&
    plan.columns.length === TEMPLATE_COLUMNS.length &&
    plan.columns.every((c) => TEMPLATE_COLUMNS[c.col].id === c.columnId);
  return fits ? plan : null;
}

const ignoreMissing = () => {};

/**
 * One row of the template (docs/school-table.md#columns), in its column order, read as readSchoolRecords reads it
 * as the second row of a grid at A1 under templateHeaderRow(equipmentUnit): the same record, or undefined where
 * that read reports an error, reads no school from the row (a total, a legend) or spells the row's parent as the
 * school's own name. Warnings are not looked for: they block nothing and change no record.
 */
export function readTemplateRow(
  row: readonly CellValue[],
  options: { sheet: string; equipmentUnit: "万元" | "元"; profile: Profile; cache?: ReaderCache },
): SchoolRecord | undefined {
  const { profile, sheet } = options;
  const cache = options.cache instanceof ReaderCache ? options.cache : new ReaderCache();
  const plan = cache.templatePlan(sheet, options.equipmentUnit, planTemplate);
  if (plan === null || row.length > TEMPLATE_COLUMNS.length) return undefined;

  const sink = new ErrorFlag();
  const read = readSchoolRow({ plan, profile, cache, sheet, sink, missingColumn: ignoreMissing }, row, 2);
  if (sink.failed || read.record === null) return undefined;
  // a row the table reader skips (a total, a legend under the header, a note), or where it spells the parent as the
  // school's own name (or reports it)
  if (TOTAL_ROW.test(read.folded)) return undefined;
  if (LEGEND_NAMES.has(read.folded) && holdsLegendMarks(row.filter((v, c) => c > 0 && !isBlank(v))))
    return undefined;
  // nor a note (注：…, a sign-off line), whose first filled cell is the name's
  if (
    isNoteLine(
      read.folded,
      row.some((v, c) => c > 0 && !isBlank(v)),
    )
  )
    return undefined;
  const parent = read.record.parent;
  if (parent !== undefined && foldText(parent) === read.folded) return undefined;
  return read.record;
}
