/**
 * The column plan: which header column each field of the record is read from, in which unit, and what the header
 * itself calls for reporting (a repeated column, a hidden one, a unit the reader cannot convert). A field is bound
 * to a source; today a source is one header column, and a derivation of several columns (a sum, a difference, a
 * choice by level) is one more kind of FieldSource, read by figures.ts readSource.
 */
import { COLUMNS } from "../../standard/columns";
import type { Profile } from "../../standard/profile";
import { equipmentUnitOf } from "../headers";
import type { Problem } from "../../problems/problem";
import { EQUIPMENT_COLUMNS, FIGURE_IDS, LEVELS_OF_SECTIONS, SECTION_FACILITY_COLUMNS } from "./fields";
import { rowFigures, type RowFigures } from "./figures";
import type { GridView } from "./gridView";
import {
  headerColumn,
  type HeaderColumn,
  type HeaderMatch,
  type HeaderReading,
  type TableHeader,
} from "./headerPaths";
import { columnName, problem } from "./problems";
import { moneyUnit, unitFitsKind } from "./units";

/** A field of the record as the table gave it: the column, its header path and the unit it was read in. */
export interface ColumnMatch {
  columnId: string;
  /** 0-based index in grid.values rows */
  col: number;
  /** the header's labels that named the field ("小学 在校生数"), "" for a column mapped by the user without one */
  header: string;
  /** the cell of the last of those labels */
  cell: string;
  /** the column's whole header path, top level first: ["专任教师", "按学历分", "本科"] */
  path: readonly string[];
  /** the cell of each label of the path */
  headerCells: readonly string[];
  /** the unit the table states for the column ("元", "万元", "㎡", "人"), or null */
  unit: string | null;
  /** where it states it: a cell of the unit row under the header, or the header cell; null without a unit */
  unitCell: string | null;
}

/** Where a field's figure comes from: one column of the header. */
export interface ColumnSource {
  kind: "column";
  column: HeaderColumn;
}
export type FieldSource = ColumnSource;

/** A field of the record bound to its source. */
export interface FieldBinding {
  /** the column id of standard/columns */
  field: string;
  source: FieldSource;
  match: ColumnMatch;
}

/** How a figure (FIGURE_IDS) of each row is read. */
export interface FigurePlan {
  source: FieldSource;
  /** the grid column of a column source (−1 for another kind): read without looking into the source */
  col: number;
  /** people or rooms: whole numbers */
  whole: boolean;
  /** money given in 万元, read as 元 */
  tenThousand: boolean;
  /** the part of the figure's cell address before the row number (学校!P) */
  cellPrefix: string;
}

export interface ColumnPlan {
  header: TableHeader;
  /** problems of the header itself, reported once per read */
  problems: Problem[];
  fields: ReadonlyMap<string, FieldBinding>;
  /** the fields read, in the order of COLUMNS */
  columns: ColumnMatch[];
  unmatchedHeaders: { header: string; col: number; cell: string }[];
  /** the unit of the whole school's equipment value */
  equipmentUnit: "万元" | "元";
  /** by FIGURE_IDS: undefined where the table has no such column */
  figures: (FigurePlan | undefined)[];
  /** whether the table gives facilities per section (小学教学及辅助用房面积 …) */
  sectionFacilities: boolean;
  nameCol: number | undefined;
  typeCol: number | undefined;
  localeCol: number | undefined;
  parentCol: number | undefined;
  /** required columns the table lacks whatever its rows hold (学校名称, 学校类型) */
  missing: string[];
  /** the fields read and the part of their cells' addresses before the row number, for each record's source */
  cellIds: string[];
  cellPrefixes: string[];
  /** every field read, in order, with an empty address: the shape of each record's source cells */
  cellTemplate: Readonly<Record<string, string>>;
  /** room for the figures of the row being read (figures.ts readFigures): a plan reads one row at a time */
  rowFigures: RowFigures;
  /** the row read last, and its source cells once it is read again (a memo of the plan's owner: the functions
   * read row 2 on every call) */
  lastRow: { rowNumber: number; cells: Readonly<Record<string, string>> | null } | null;
}

/** A user's correction: column id → 0-based grid column, null to unmap; undefined where it names no column. */
export type MappedCol = (id: string) => number | null | undefined;

const KIND_OF: ReadonlyMap<string, (typeof COLUMNS)[number]["kind"]> = new Map(
  COLUMNS.map((c) => [c.id, c.kind]),
);
const KNOWN_IDS: ReadonlySet<string> = new Set(COLUMNS.map((c) => c.id));

function columnMatch(m: HeaderMatch, id: string): ColumnMatch {
  const { column } = m;
  return {
    columnId: id,
    col: column.index,
    header: m.header,
    cell: m.cell,
    path: column.path,
    headerCells: column.cells,
    unit: column.unit?.unit ?? null,
    unitCell: column.unit?.cell ?? null,
  };
}

/** The copy of a column a field is read from: the first visible one, else the first (docs/school-table.md#headers). */
function chosenCopies(matches: readonly HeaderMatch[]): Map<string, HeaderMatch> {
  const chosen = new Map<string, HeaderMatch>();
  for (const m of matches) {
    if (m.id === null) continue;
    const first = chosen.get(m.id);
    if (!first || (first.column.hidden && !m.column.hidden)) chosen.set(m.id, m);
  }
  return chosen;
}

export function planColumns(
  view: GridView,
  reading: HeaderReading,
  mapping: Record<string, number | null>,
  mappedCol: MappedCol,
  profile: Profile,
): ColumnPlan {
  const problems: Problem[] = [];
  const { header, matches } = reading;
  const headerRow = header.rows[header.rows.length - 1];
  const byIndex = new Map(matches.map((m) => [m.column.index, m]));

  // the header's matches, then the user's corrections
  const bound = new Map<string, HeaderMatch>(chosenCopies(matches));
  for (const [id, target] of Object.entries(mapping)) {
    if (!KNOWN_IDS.has(id)) {
      problems.push(
        problem(
          "warning",
          "mapping-unknown-column",
          null,
          `列对应中的“${id}”不是已知的列，已忽略。`,
          `"${id}" in the column mapping is not a known column; ignored.`,
        ),
      );
      continue;
    }
    const col = mappedCol(id);
    if (col === null) {
      bound.delete(id);
      continue;
    }
    if (col === undefined) {
      problems.push(
        problem(
          "warning",
          "mapping-invalid",
          null,
          `列对应中“${columnName(id).zh}”的列号 ${String(target)} 无效，已忽略。`,
          `The column number ${String(target)} given for ${columnName(id).en} in the column mapping is not valid; ignored.`,
        ),
      );
      continue;
    }
    for (const [other, m] of bound) {
      if (other !== id && m.column.index === col && typeof mappedCol(other) !== "number") bound.delete(other);
    }
    const found = byIndex.get(col);
    bound.set(
      id,
      found
        ? { ...found, id }
        : {
            column: headerColumn({
              index: col,
              path: [],
              cells: [],
              unit: null,
              hidden: view.hiddenColumns.has(col),
            }),
            id,
            header: "",
            cell: view.address(headerRow, col),
          },
    );
  }

  const fields = new Map<string, FieldBinding>();
  const columns: ColumnMatch[] = [];
  for (const c of COLUMNS) {
    const m = bound.get(c.id);
    if (!m) continue;
    const match = columnMatch(m, c.id);
    columns.push(match);
    fields.set(c.id, { field: c.id, source: { kind: "column", column: m.column }, match });
  }
  const usedCols = new Set(columns.map((c) => c.col));
  const unmatchedHeaders = matches
    .filter((m) => !usedCols.has(m.column.index))
    .map((m) => ({ header: m.header, col: m.column.index, cell: m.cell }));
  reportCopies(matches, fields, usedCols, problems);
  const equipment = planUnits(fields, profile, problems);

  const missing: string[] = [];
  for (const id of ["name", "type"]) if (!fields.has(id)) missing.push(id);
  const colOf = (id: string) => fields.get(id)?.match.col;
  const sectionFacilities = LEVELS_OF_SECTIONS.some((level) =>
    Object.values(SECTION_FACILITY_COLUMNS[level]).some((id) => fields.has(id)),
  );
  return {
    header,
    problems,
    fields,
    columns,
    unmatchedHeaders,
    equipmentUnit: equipment.unit,
    figures: FIGURE_IDS.map((id) => {
      const binding = fields.get(id);
      if (!binding) return undefined;
      const kind = KIND_OF.get(id) ?? "count";
      return {
        source: binding.source,
        col: binding.source.kind === "column" ? binding.source.column.index : -1,
        whole: kind === "count" || kind === "rooms",
        tenThousand: equipment.inTenThousand.has(id),
        cellPrefix: view.columnPrefix(binding.match.col),
      };
    }),
    sectionFacilities,
    nameCol: colOf("name"),
    typeCol: colOf("type"),
    localeCol: colOf("locale"),
    parentCol: colOf("parent"),
    missing,
    cellIds: columns.map((c) => c.columnId),
    cellPrefixes: columns.map((c) => view.columnPrefix(c.col)),
    cellTemplate: Object.fromEntries(columns.map((c) => [c.columnId, ""])),
    rowFigures: rowFigures(),
    lastRow: null,
  };
}

/**
 * A column that repeats another's header is not read: the warning names it and the copy read. A field read from
 * a hidden column (with no visible copy) is read, and said to be hidden.
 */
function reportCopies(
  matches: readonly HeaderMatch[],
  fields: ReadonlyMap<string, FieldBinding>,
  usedCols: ReadonlySet<number>,
  problems: Problem[],
): void {
  for (const m of matches) {
    if (m.id === null || usedCols.has(m.column.index)) continue;
    const read = fields.get(m.id);
    if (!read) continue;
    const hidden = m.column.hidden ? "（隐藏列）" : "";
    const readHidden = read.source.column.hidden ? "（隐藏列）" : "";
    problems.push(
      problem(
        "warning",
        "duplicate-column",
        m.cell,
        `“${m.header}”与 ${read.match.cell}${readHidden} 的列重复：读取了 ${read.match.cell} 列，${m.cell}${hidden} 列未读取。` +
          "如读错了列，请删除多余的一列或改正其表头。",
        `"${m.header}" repeats the column at ${read.match.cell}${read.source.column.hidden ? " (hidden)" : ""}: ` +
          `${read.match.cell} was read and ${m.cell}${m.column.hidden ? ", a hidden column," : ""} was not. ` +
          "If the wrong copy was read, delete the extra column or correct its header.",
      ),
    );
  }
  for (const binding of fields.values()) {
    if (binding.source.column.hidden)
      problems.push(hiddenColumnRead(binding.match.cell, binding.match.header));
  }
}

/** A field read from a hidden column (with no visible copy): read, and said to be hidden. */
export function hiddenColumnRead(cell: string, header: string): Problem {
  return problem(
    "warning",
    "hidden-column",
    cell,
    `${cell}“${header}”是隐藏列，仍已读取；请取消隐藏，核对其中是本次要评估的数据。`,
    `${cell} ("${header}") is a hidden column; it was read all the same: unhide it and check that it holds the data to evaluate.`,
  );
}

/** A unit row and a header stating different money units (元 under 教学仪器设备值（万元）): an error, the unit unclear. */
export function unitConflict(
  stated: { cell: string; text: string },
  header: { cell: string; text: string },
): Problem {
  return problem(
    "error",
    "unit-conflict",
    stated.cell,
    `${stated.cell}单位行写“${stated.text}”，而表头 ${header.cell}“${header.text}”写的是另一单位，无法确定金额单位。`,
    `${stated.cell}: the unit row says "${stated.text}" but the header ${header.cell} ("${header.text}") states another unit; the money unit is unclear.`,
  );
}

/**
 * The unit of each money column: the unit row's or its header's (万元 or 元), else the profile's default
 * (docs/standard.md#equipment-unit: 万元); a unit the reader cannot convert, or a unit row and a header that
 * disagree, is an error. Elsewhere a unit row's unit that does not fit the column is a warning: the row is
 * probably shifted by a column.
 */
function planUnits(
  fields: ReadonlyMap<string, FieldBinding>,
  profile: Profile,
  problems: Problem[],
): { unit: "万元" | "元"; inTenThousand: Set<string> } {
  const moneyOf = (id: string): "万元" | "元" | "other" | null => {
    const binding = fields.get(id);
    if (!binding) return null;
    const { match } = binding;
    const stated = binding.source.column.unit;
    const ofHeader = equipmentUnitOf(match.header);
    if (stated?.source !== "unitRow") return ofHeader;
    const ofRow = moneyUnit(stated.unit);
    if (ofRow !== null && ofHeader !== null && ofRow !== ofHeader)
      problems.push(unitConflict(stated, { cell: match.cell, text: match.header }));
    return ofRow ?? ofHeader;
  };
  const units = new Map(EQUIPMENT_COLUMNS.map((id) => [id, moneyOf(id)]));
  const known = (u: "万元" | "元" | "other" | null | undefined): u is "万元" | "元" =>
    u === "万元" || u === "元";
  const main = units.get("equipmentValue");
  const sectionUnit = [units.get("primaryEquipmentValue"), units.get("juniorEquipmentValue")].find(known);
  const unit: "万元" | "元" = known(main) ? main : (sectionUnit ?? profile.equipmentDefaultUnit);
  const inTenThousand = new Set<string>();
  for (const id of EQUIPMENT_COLUMNS) {
    const u = units.get(id);
    if ((known(u) ? u : unit) === "万元") inTenThousand.add(id);
    const binding = fields.get(id);
    if (binding && u === "other") {
      const stated = binding.source.column.unit;
      const cell = stated?.source === "unitRow" ? stated.cell : binding.match.cell;
      const said = stated?.source === "unitRow" ? stated.text : binding.match.header;
      problems.push(
        problem(
          "error",
          "equipment-unit-unknown",
          cell,
          `“${said}”的金额单位无法换算，请使用万元或元。`,
          `The money unit of "${said}" cannot be converted; use 万元 (10k yuan) or 元 (yuan).`,
        ),
      );
    }
  }
  for (const binding of fields.values()) {
    const stated = binding.source.column.unit;
    const kind = KIND_OF.get(binding.field);
    if (stated?.source !== "unitRow" || kind === undefined || unitFitsKind(stated.unit, kind)) continue;
    const name = columnName(binding.field);
    problems.push(
      problem(
        "warning",
        "unit-mismatch",
        stated.cell,
        `${stated.cell}单位行写“${stated.text}”，与“${name.zh}”列不符，请核对单位行是否错位。`,
        `${stated.cell}: the unit row says "${stated.text}", which does not fit ${name.en}; check that the unit row is not shifted.`,
      ),
    );
  }
  return { unit, inTenThousand };
}
