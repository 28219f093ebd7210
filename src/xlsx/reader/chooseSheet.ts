/**
 * Which sheet of a workbook holds the school table. A hidden sheet is often last year's copy kept out of sight:
 * it is never chosen over a visible one, and the user is told it was passed over; named, it is read, with a
 * warning that it is hidden.
 */
import { nameKey, revealed, spelledOtherwise } from "../../engine/names";
import type { Grid } from "../../sheet/grid";
import type { Problem } from "../../problems/problem";
import { holdsAnything } from "../../sheet/read/gridView";
import { fileProblem } from "./problems";

export type SheetChoice = { ok: true; grid: Grid; problems: Problem[] } | { ok: false; problem: Problem };

/** Whether a sheet is shown (neither hidden nor very hidden). */
export const isShown = (grid: Grid) => (grid.visibility ?? "visible") === "visible";

const hiddenWord = (grid: Grid) =>
  grid.visibility === "veryHidden"
    ? { zh: "深度隐藏（在 Excel 中无法直接取消隐藏）", en: "very hidden (Excel's Unhide does not show it)" }
    : { zh: "隐藏", en: "hidden" };

function hiddenSheetRead(grid: Grid): Problem {
  const word = hiddenWord(grid);
  return {
    severity: "warning",
    code: "hidden-sheet-read",
    cell: null,
    message: {
      zh: `读取的工作表“${grid.sheet}”是${word.zh}的工作表；请确认其中是本次要评估的数据`,
      en: `the sheet read, "${grid.sheet}", is ${word.en}: make sure it holds the data to evaluate`,
    },
  };
}

function hiddenSheetPassedOver(hidden: Grid, chosen: Grid): Problem {
  const word = hiddenWord(hidden);
  return {
    severity: "warning",
    code: "hidden-sheet",
    cell: null,
    message: {
      zh: `工作簿中有${word.zh}的工作表“${hidden.sheet}”，其中也有学校表，未读取（读取的是“${chosen.sheet}”）；如要评估它，请指定该工作表`,
      en: `the workbook has a ${word.en} sheet "${hidden.sheet}" that also holds a school table; it was not read ("${chosen.sheet}" was); name that sheet to evaluate it`,
    },
  };
}

/**
 * The sheet a user named (--sheet, --county-sheet): the one so named, else the one of that name by `nameKey`
 * (docs/school-table.md#names: a title copied with a space, a zero-width space or a full-width bracket in it).
 */
export function sheetNamed(grids: readonly Grid[], name: string): Grid | undefined {
  return grids.find((g) => g.sheet === name) ?? grids.find((g) => nameKey(g.sheet) === nameKey(name));
}

/**
 * The warning that the sheet found for a name given (`sheetNamed`: --sheet, --county-sheet) is spelt otherwise
 * (`spelledOtherwise`), or none: found only by `nameKey`, the clerk is shown what tells the two apart.
 */
export function sheetNamedOtherwise(grid: Grid, name: string): Problem[] {
  return spelledOtherwise(grid.sheet, name) ? [sheetSpeltOtherwise(grid, name)] : [];
}

function sheetSpeltOtherwise(grid: Grid, name: string): Problem {
  return {
    severity: "warning",
    code: "sheet-spelled-otherwise",
    cell: null,
    message: {
      zh: `读取的工作表“${revealed(grid.sheet)}”与所给名称“${revealed(name)}”写法不同（空格、不可见字符或全角半角），已按同一工作表读取`,
      en: `the sheet read, "${revealed(grid.sheet)}", is spelt otherwise than the name given, "${revealed(name)}" (spaces, invisible characters or full-width forms); read as that sheet`,
    },
  };
}

/** The code of the warning that other shown sheets hold a school table too (`chooseSheet`). */
export const OTHER_SHEET_TABLE = "other-sheet-table";

/**
 * Shown sheets after the one read that hold a school table too: last year's and this year's tables side by side
 * (2024年, 2025年), or an export split into a sheet for 小学 and one for 初中. Only the first is read, so the
 * others are named, never passed over without a word.
 */
function otherSheetsPassedOver(others: readonly Grid[], chosen: Grid): Problem {
  const zh = others.map((g) => `“${g.sheet}”`).join("、");
  const en = others.map((g) => `"${g.sheet}"`).join(", ");
  return {
    severity: "warning",
    code: OTHER_SHEET_TABLE,
    cell: null,
    message: {
      zh: `工作簿中的工作表${zh}也有学校表，未读取（只读取了第一张：“${chosen.sheet}”）；如要评估其他工作表，请指定该工作表`,
      en: `the workbook's sheet${others.length > 1 ? "s" : ""} ${en} also hold${others.length > 1 ? "" : "s"} a school table, not read (only the first, "${chosen.sheet}", was); name a sheet to evaluate it`,
    },
  };
}

/** The problems without the warning that other sheets hold a table: for a reader that reads those sheets too. */
export function withoutOtherSheets(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.code !== OTHER_SHEET_TABLE);
}

/**
 * The sheet to evaluate: the one named (hidden or not), or else the first visible sheet whose top rows hold a
 * recognisable header (`hasHeader`), or else the first visible sheet holding anything, or else the first visible
 * sheet. The reader then says what is wrong with the sheet most likely meant (its headers), rather than that an
 * empty sheet before it is empty. Hidden sheets are chosen only when no sheet is visible. The problems are
 * the chosen sheet's notes (what its file could not hold), warnings about hidden sheets that hold a table and
 * were passed over, and one naming the other shown sheets that hold a table too.
 */
export function chooseSheet(
  grids: readonly Grid[],
  name: string | undefined,
  hasHeader: (grid: Grid) => boolean,
): SheetChoice {
  if (name !== undefined) {
    const grid = sheetNamed(grids, name);
    if (grid)
      return {
        ok: true,
        grid,
        problems: [
          ...(grid.notes ?? []),
          ...sheetNamedOtherwise(grid, name),
          ...(isShown(grid) ? [] : [hiddenSheetRead(grid)]),
        ],
      };
    const names = grids.map((g) => g.sheet);
    return {
      ok: false,
      problem: fileProblem(
        "sheet-not-found",
        `工作簿中没有名为“${name}”的工作表（现有：${names.join("、")}）`,
        `the workbook has no sheet named "${name}" (sheets: ${names.join(", ")})`,
      ),
    };
  }
  if (grids.length === 0) {
    return {
      ok: false,
      problem: fileProblem("no-sheet", "工作簿中没有工作表", "the workbook has no sheet"),
    };
  }
  const shown = grids.filter(isShown);
  const candidates = shown.length > 0 ? shown : grids;
  const grid = candidates.find(hasHeader) ?? candidates.find(holdsAnything) ?? candidates[0];
  const problems = grids
    .filter((g) => g !== grid && !isShown(g) && hasHeader(g))
    .map((g) => hiddenSheetPassedOver(g, grid));
  if (isShown(grid) && hasHeader(grid)) {
    const others = shown.filter((g) => g !== grid && hasHeader(g));
    if (others.length > 0) problems.push(otherSheetsPassedOver(others, grid));
  }
  if (!isShown(grid)) problems.unshift(hiddenSheetRead(grid));
  problems.unshift(...(grid.notes ?? []));
  return { ok: true, grid, problems };
}

/**
 * A county's table in a workbook split into a sheet per county (a league's export, one sheet for each county).
 * `read` reads a sheet for the county asked for; `holdsCounty` says of a reading whether the sheet's table holds
 * that county (true), is a table of counties without it (false), or names no counties (null). When the chosen
 * sheet's table lacks the county, the other shown sheets holding a table are read in turn and the first whose
 * table holds it is taken; without one, the chosen sheet's reading stands (and says the county is missing). When
 * the chosen sheet's table names no counties, the sheet is known by its name (`namedFor`: the sheet is named for
 * the county asked for): a sheet so named is read in place of a chosen sheet named otherwise.
 */
export function readCountySheet<R>(
  grids: readonly Grid[],
  chosen: Grid,
  holdsTable: (grid: Grid) => boolean,
  read: (grid: Grid) => R,
  holdsCounty: (reading: R) => boolean | null,
  namedFor: (grid: Grid) => boolean = () => false,
): { grid: Grid; reading: R } {
  const reading = read(chosen);
  const holds = holdsCounty(reading);
  if (holds === null && !namedFor(chosen)) {
    const named = grids.find((g) => g !== chosen && isShown(g) && namedFor(g) && holdsTable(g));
    if (named) return { grid: named, reading: read(named) };
  }
  if (holds !== false) return { grid: chosen, reading };
  for (const other of grids) {
    if (other === chosen || !isShown(other) || !holdsTable(other)) continue;
    const there = read(other);
    if (holdsCounty(there) === true) return { grid: other, reading: there };
  }
  return { grid: chosen, reading };
}
