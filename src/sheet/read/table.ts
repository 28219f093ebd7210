/**
 * The tolerant reader of the school table (docs/school-table.md#columns): a grid of cells → school records +
 * problems, in one pass: the header found in the first rows, its columns planned, each row below read once.
 * Host-neutral and total: any grid yields records or problems, never an exception.
 */
import { countyNames } from "../../engine/county/readiness";
import { sourceCell, type SchoolRecord } from "../../engine/records";
import { NATIONAL_2017 } from "../../standard/national2017";
import type { Profile } from "../../standard/profile";
import type { Grid } from "../grid";
import type { Problem } from "../../problems/problem";
import { ReaderCache } from "./cache";
import { planColumns, type ColumnMatch, type ColumnPlan, type MappedCol } from "./columnPlan";
import { collect } from "./figures";
import { GridView, holdsAnything } from "./gridView";
import {
  HEADER_SEARCH_ROWS,
  MIN_OTHER_HEADERS,
  findHeader,
  withUnitRow,
  type HeaderReading,
  type TableHeader,
} from "./headerPaths";
import { checkParents, type ParentCheck } from "./parents";
import { columnName, problem } from "./problems";
import { readSchoolRow, type RowContext } from "./row";
import { noSkippedRows, walkTable, type SkippedRows } from "./tableRows";
import { statedMoneyUnit } from "./units";
import { readWithRecipe, type RecipeReading } from "../recipe/inReader";
import type { TableRecipe } from "../recipe/schema";

export interface ReadOptions {
  /** default NATIONAL_2017 (equipment default unit, plausibility threshold, teaching points, indoor sports) */
  profile?: Profile;
  /** user corrections: column id → 0-based grid column, or null to unmap */
  mapping?: Record<string, number | null>;
  /** 0-based row known to hold the header (the last row of a header of several rows): no search. The functions
   * read one school row under a given header on every recalculation. */
  headerRow?: number;
  /** what may be kept from one read to the next, owned by the caller (the custom functions' runtime keeps one);
   * by default the read's own */
  cache?: ReaderCache;
  /** a recipe to read the table through (docs/import.md); undefined: the built-in export recipe where it fits the
   * header; null: none */
  recipe?: TableRecipe | null;
  /** the county to read from a table of several (docs/import.md#counties) */
  county?: string;
}

export interface ReadResult {
  records: SchoolRecord[];
  problems: Problem[];
  /** 0-based index into grid.values of the header's last row */
  headerRow: number | null;
  /** which header matched which column id */
  columns: ColumnMatch[];
  unmatchedHeaders: { header: string; col: number; cell: string }[];
  equipmentUnit: "万元" | "元";
  /** 0-based grid row of each record (same order as records) */
  rows: number[];
  /** the header as read: its rows, its unit row, every column's path, cells and unit (frozen: reads of one header
   * share it); null when none was found, and from readSchoolRecords */
  header: TableHeader | null;
  /** the rows left out of the table, by reason (docs/school-table.md#skipped-rows) */
  skippedRows: SkippedRows;
  /** the recipe the table was read through, its derivations and counties (docs/import.md); absent for a table read
   * as the template */
  recipe?: RecipeReading;
}

/** Excel's last column is XFD: a mapping beyond it is no column of any sheet. */
const MAX_COLUMNS = 16384;

function headerOf(
  view: GridView,
  cache: ReaderCache,
  nameMapped: boolean,
  known?: number,
): HeaderReading | null {
  const find = () => findHeader(view, cache.matchHeader, nameMapped, known);
  // a header at a known row is read again and again by the functions: remembered by its cells, where the host
  // gives nothing else that shapes it
  const plain = view.merges === null && view.hiddenColumns.size === 0;
  if (known === undefined || !plain || !Number.isInteger(known) || known < 0 || known >= view.height)
    return find();
  return cache.knownHeader(view, known, nameMapped, find);
}

function planOf(
  view: GridView,
  cache: ReaderCache,
  reading: HeaderReading,
  mapping: Record<string, number | null>,
  mappedCol: MappedCol,
  profile: Profile,
): ColumnPlan {
  const make = () => planColumns(view, reading, mapping, mappedCol, profile);
  // without a mapping, the plan follows from the header reading, the sheet's addresses and the default unit
  if (Object.keys(mapping).length > 0) return make();
  return cache.plan(
    reading,
    `${view.prefix}\u0000${view.topLeft}\u0000${profile.equipmentDefaultUnit}`,
    make,
  );
}

// a plan may be shared by many reads: each read hands out its own copies (the header and the paths are frozen)
const copyProblem = (p: Problem): Problem => ({ ...p, message: { ...p.message } });
const copyMatch = (c: ColumnMatch): ColumnMatch => ({ ...c });

/** The result of a table that could not be read: its problems. */
function unread(problems: Problem[], profile: Profile): ReadResult {
  return {
    records: [],
    problems,
    headerRow: null,
    columns: [],
    unmatchedHeaders: [],
    equipmentUnit: profile.equipmentDefaultUnit,
    rows: [],
    header: null,
    skippedRows: noSkippedRows(),
  };
}

export function readTable(grid: Grid, options: ReadOptions, withColumns: boolean): ReadResult {
  const problems: Problem[] = [];
  const view = new GridView(grid, problems);
  const cache = options?.cache instanceof ReaderCache ? options.cache : new ReaderCache();
  const profile = options?.profile ?? NATIONAL_2017;
  const mapping = options?.mapping && typeof options.mapping === "object" ? options.mapping : {};
  const mappedCol: MappedCol = (id) => {
    if (!Object.prototype.hasOwnProperty.call(mapping, id)) return undefined;
    const target = mapping[id];
    if (target === null) return null;
    return typeof target === "number" && Number.isInteger(target) && target >= 0 && target < MAX_COLUMNS
      ? target
      : undefined;
  };

  const found = headerOf(view, cache, typeof mappedCol("name") === "number", options?.headerRow);
  if (options?.recipe !== null && options?.headerRow === undefined && Object.keys(mapping).length === 0) {
    const recipe = options?.recipe ?? undefined;
    const canonical = (g: Grid) => readTable(g, { profile, recipe: null }, withColumns);
    const county = typeof options?.county === "string" ? options.county : undefined;
    const viaRecipe = readWithRecipe(
      view,
      found,
      {
        recipe,
        county,
        countyNames: county === undefined ? [] : countyNames(profile, county),
        defaultUnit: profile.equipmentDefaultUnit,
      },
      problems,
      canonical,
    );
    if (viaRecipe) return viaRecipe;
    if (recipe) return unread(problems, profile);
  }
  if (!found) {
    problems.push(
      !holdsAnything(grid)
        ? problem(
            "error",
            "no-header-row",
            null,
            "该工作表是空的，没有任何内容：请确认选的是学校表所在的工作表（或文件），表头行须包含“学校名称”等列。",
            'The sheet is empty: check that it is the sheet (or the file) holding the school table, whose header names the school column ("学校名称" / School) and others.',
          )
        : problem(
            "error",
            "no-header-row",
            null,
            `前 ${HEADER_SEARCH_ROWS} 行中找不到表头：表头行须包含“学校名称”及至少 ${MIN_OTHER_HEADERS} 个其他已知列（如“学校类型”“小学在校生数”）。`,
            `No header row in the first ${HEADER_SEARCH_ROWS} rows: the header must name the school column ("学校名称" / School) and at least ${MIN_OTHER_HEADERS} other known columns (such as Type, Primary students).`,
          ),
    );
    return unread(problems, profile);
  }
  const nameOfFound =
    found.matches.find((m) => m.id === "name")?.column.index ?? mappedCol("name") ?? undefined;
  const reading = withUnitRow(view, found, nameOfFound);
  // a money unit stated above the header (金额单位：元) is the unit of a money column stating none
  const stated = statedMoneyUnit(view, reading.header.rows[0]);
  const unitProfile = stated === null ? profile : { ...profile, equipmentDefaultUnit: stated };
  const plan = planOf(view, cache, reading, mapping, mappedCol, unitProfile);
  for (const p of plan.problems) problems.push(copyProblem(p));
  const headerRow = plan.header.rows[plan.header.rows.length - 1];

  const missing: string[] = [...plan.missing];
  const records: SchoolRecord[] = [];
  const rows: number[] = [];
  const names = new Map<string, { cell: string; name: string }>();
  const parentChecks: ParentCheck[] = [];
  let dataRows = 0;
  const sink = collect(problems);
  const ctx: RowContext = {
    plan,
    profile,
    cache,
    sheet: view.sheet,
    sink,
    names,
    missingColumn: (id) => {
      if (!missing.includes(id)) missing.push(id);
    },
  };
  const skippedRows = walkTable(view, plan.header.rows, plan, sink, (r) => {
    dataRows++;
    const { record } = readSchoolRow(ctx, view.row(r), view.sheetRow(r));
    if (!record) return;
    if (record.type === "teachingPoint" || record.parent !== undefined) {
      const cell = sourceCell(record.source, "parent") ?? null;
      parentChecks.push({ index: records.length, cell, nameCell: view.address(r, plan.nameCol ?? 0) });
    }
    records.push(record);
    rows.push(r);
  });

  checkParents(records, parentChecks, names, profile, problems);
  for (const id of missing) {
    const col = columnName(id);
    const always = id === "name" || id === "type";
    problems.push(
      problem(
        "error",
        "missing-column",
        null,
        `表中缺少“${col.zh}”列${always ? "" : "，而有学校需要该数据"}。`,
        `The table has no ${col.en} (${col.zh}) column${always ? "" : ", which some schools need"}.`,
      ),
    );
  }
  if (dataRows === 0) {
    // a header with no school under it must not read as a county where every school passes
    problems.push(
      problem(
        "error",
        "no-schools",
        view.address(headerRow + 1, plan.nameCol ?? 0),
        `表头（第 ${view.sheetRow(headerRow)} 行）下没有学校数据。`,
        `There is no school under the header (row ${view.sheetRow(headerRow)}).`,
      ),
    );
  }
  return {
    records,
    problems,
    headerRow,
    columns: withColumns ? plan.columns.map(copyMatch) : [],
    unmatchedHeaders: withColumns ? plan.unmatchedHeaders.map((h) => ({ ...h })) : [],
    equipmentUnit: plan.equipmentUnit,
    rows,
    header: withColumns ? plan.header : null,
    skippedRows,
  };
}
