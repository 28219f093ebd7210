import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import type { Grid } from "../sheet/grid";
import { ARGUMENT_SHEET, firstReadError, toCellValue } from "./problems";
import { evaluateTable } from "../pipeline";
import { valueError } from "./errors";
import { isBlank, type ArgumentMatrix } from "./args";

export const COUNTY_HEADER = [
  "学段",
  "指标",
  "差异系数",
  "限值",
  "差异系数达标",
  "参评学校数",
  "达标学校数",
] as const;

/**
 * BALANCE.COUNTY: the whole school table → the balance table (docs/standard.md#balance 项项达标, docs/standard.md#coefficient): per level and
 * indicator the difference coefficient, its limit, whether it is within the limit, and the level's included and
 * passing sections. Read and evaluated by evaluateTable, the path of the task pane and the command line, so the
 * numbers are the same to the last digit. An undefined coefficient (no section, or a mean of 0) shows "—".
 */
export function countyTable(profile: Profile, range: ArgumentMatrix): (string | number)[][] {
  // whole columns (学校!A:AA) hand over a million rows, nearly all blank: those under the table carry nothing
  let end = range.length;
  while (end > 0 && range[end - 1].every(isBlank)) end--;
  const table = end === range.length ? range : range.slice(0, end);
  if (table.length < 2) {
    throw valueError(
      "请选择整张学校表：表头行和各校的行",
      "select the whole school table: the header row and the schools' rows",
    );
  }
  const grid: Grid = {
    sheet: ARGUMENT_SHEET,
    topLeft: "A1",
    values: table.map((row) => row.map(toCellValue)),
  };
  const result = evaluateTable(grid, profile);
  const error = firstReadError(result.problems, ({ letters, row }) => ({
    zh: `所选区域的 ${letters}${row + 1}`,
    en: `${letters}${row + 1} of the selected range`,
  }));
  if (error) throw error;
  if (result.evaluation === null) throw new Error("evaluateTable gave no evaluation and no error");
  const evaluation = result.evaluation;
  const out: (string | number)[][] = [[...COUNTY_HEADER]];
  for (const level of LEVELS) {
    const lv = evaluation.levels[level];
    for (const id of INDICATOR_IDS) {
      const b = lv.balance[id];
      out.push([
        LEVEL_NAMES[level].zh,
        profile.indicators[id].shortName.zh,
        b.cv === null ? "—" : b.cv,
        b.limit,
        b.pass ? "达标" : "未达标",
        lv.sections,
        lv.passingSections,
      ]);
    }
  }
  return out;
}
