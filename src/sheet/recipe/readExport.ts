/**
 * An export read through a recipe (docs/import.md): its rows read and derived, one county's schools put together,
 * the canonical table made of them and read by the school-table reader — every check of the template applies — and
 * the reader's problems said again of the export's own cells: a problem about a derived value names its derivation
 * and source cells (`教学及辅助用房面积 = 教学及辅助用房›计 − 其中：室内体育用房（学校!K7 − 学校!L7）`).
 */
import type { SchoolRecord } from "../../engine/records";
import { columnById, templateHeader } from "../../standard/columns";
import { columnIndex, type Grid } from "../grid";
import type { Problem } from "../../problems/problem";
import type { ReadResult } from "../read";
import { noSkippedRows } from "../read/tableRows";
import { canonicalTable, inTenThousand, type CanonicalTable, type CellSource } from "./canonical";
import { importSchools, type ImportedSchool, type SourceRow } from "./schools";
import { readTableRow, type TablePlan } from "./table";
import { selectCounty, sheetNamedFor } from "./rowGroups";
import { readText } from "../cells";
import { countyOfPlace, withoutDivisionCode } from "./statisticsCodes";

/** The sheet the canonical table is read under: a name no workbook gives, so that its addresses are told apart. */
const CANONICAL_SHEET = "__import__";
const CANONICAL_ADDRESS = /__import__!([A-Z]+)(\d+)/gu;

export interface ExportSource {
  /** the sheet's name */
  sheet: string;
  /** a row of the grid by its 0-based index */
  row(r: number): readonly unknown[];
  /** 0-based grid rows of the table's data, in order (title, header, unit row, totals and notes left out) */
  dataRows: readonly number[];
  /** the address of a cell: 0-based grid row and column */
  address(row: number, col: number): string;
  /** the 1-based row of the sheet of a 0-based grid row */
  sheetRow(row: number): number;
}

export interface ExportOptions {
  county?: string;
  /** the other names `county` goes by in the profile's plan: its full name for its short one, say */
  countyNames?: readonly string[];
  defaultUnit: "万元" | "元";
}

export interface ExportReading {
  /** the reader's result, its records and problems of the export's cells */
  read: ReadResult;
  /** the canonical table the schools make (equipment in 元) */
  table: CanonicalTable;
  schools: ImportedSchool[];
  /** the counties of the table, in order of appearance */
  counties: string[];
  /** the county read, as the table spells it (rowGroups.ts selectCounty); null when the table names none and
   * none was asked for */
  county: string | null;
}

/** A cell of the canonical table as the problem about it should name it. */
function describe(source: CellSource, id: string, lang: "zh" | "en"): { named: string; plain: string } {
  const column = columnById(id);
  const name = column ? column[lang] : id;
  if (source.derivation === null) {
    // the export's own header first, where it differs from the school table's name: the clerk looks for it there
    const label = source.label !== undefined && source.label !== name ? source.label : null;
    const named =
      lang === "zh"
        ? label === null
          ? `${source.cells}“${name}”`
          : `${source.cells}“${label}”（${name}）`
        : label === null
          ? `${source.cells} (${name})`
          : `${source.cells} ("${label}", ${name})`;
    return { named, plain: source.cells };
  }
  const text =
    lang === "zh"
      ? `${name} = ${source.derivation}（${source.cells}）`
      : `${name} = ${source.derivation} (${source.cells})`;
  return { named: text, plain: text };
}

/**
 * A problem of a value no column of the table gives (its field unread, recipe-unmatched): said of the school's name
 * cell as the column missing from the table, not as a blank cell to fill in.
 */
function unreadField(p: Problem, school: ImportedSchool, id: string, missing: readonly string[]): Problem {
  const cell = school.rows[0].cells.name;
  const known = columnById(id);
  const column = known ?? { zh: id, en: id };
  // the school table's own header, which the reader takes from a column added to the export (table.ts)
  const header = known ? templateHeader(known) : id;
  const name = school.name ?? "";
  return {
    ...p,
    cell,
    message: {
      zh:
        `${cell}“${name}”须有“${column.zh}”，而表中找不到“${missing.join("”“")}”列，未能读取。` +
        `请导出含该列的表，或在表头右边加一列，表头写作“${header}”，在各校的行中填写，或在配方文件中写明该列的表头。`,
      en:
        `${cell} ("${name}") needs ${column.en}, but the table has no column "${missing.join('", "')}": it was not read. ` +
        `Export the table with that column, or add a column right of the header headed "${header}" and fill in each school's row, or name its header in a recipe file.`,
    },
  };
}

/** Says a problem of the canonical table again of the export's cells; null when it repeats one reported there. */
function remap(
  p: Problem,
  table: CanonicalTable,
  schools: readonly ImportedSchool[],
  unread: ReadonlyMap<string, readonly string[]>,
): Problem | null {
  const at = (letters: string, digits: string) => {
    const r = Number(digits) - 2;
    const c = columnIndex(letters);
    const id = table.columnIds[c];
    return r >= 0 && r < table.rows.length && id !== undefined ? { r, c, id } : null;
  };
  let cell: string | null = p.cell;
  if (p.cell !== null) {
    const m = /^__import__!([A-Z]+)(\d+)$/u.exec(p.cell);
    const found = m ? at(m[1], m[2]) : null;
    if (found) {
      const source = table.sources[found.r][found.c];
      // a source cell that could not be read was reported there: its blank here says nothing new
      if (source?.invalid) return null;
      const missing = source ? undefined : unread.get(found.id);
      if (missing) return unreadField(p, schools[found.r], found.id, missing);
      cell = source?.cell ?? schools[found.r].rows[0].cells.name;
    }
  }
  const say = (text: string, lang: "zh" | "en") =>
    text.replace(CANONICAL_ADDRESS, (whole, letters: string, digits: string, offset: number) => {
      const found = at(letters, digits);
      if (!found) return whole;
      const source = table.sources[found.r][found.c] ?? {
        cell: schools[found.r].rows[0].cells.name,
        cells: schools[found.r].rows[0].cells.name,
        derivation: null,
        invalid: false,
      };
      const column = columnById(found.id);
      const after = text.slice(offset + whole.length);
      const own = column ? (lang === "zh" ? `“${column.zh}”` : ` (${column.en})`) : null;
      const { named, plain } = describe(source, found.id, lang);
      // the reader writes a cell and then its column's name: said once, with the derivation
      return own !== null && after.startsWith(own) ? `${named}\u0000` : plain;
    });
  const clean = (text: string, lang: "zh" | "en") => {
    const said = say(text, lang);
    return said.replace(/\u0000(“[^”]*”| \([^)]*\))/gu, "");
  };
  return { ...p, cell, message: { zh: clean(p.message.zh, "zh"), en: clean(p.message.en, "en") } };
}

/** What the rows of a recipe need to become a school table: the fields derived, and how. */
export interface DerivedFields {
  /** each derived field and its derivation as a person reads it */
  fields: readonly { field: string; text: string }[];
  /** fields a row of several levels still gives (schools.ts) */
  splitByColumns: ReadonlySet<string>;
  /** every level's figures come from its own sources (schools.ts) */
  levelsOfOwnSources?: boolean;
  /** the unit the source's equipment value was read in, where one column gives it: the table is read in it */
  equipmentUnit?: "万元" | "元";
  /** fields of the recipe no column of the table gives, with the patterns that name no column */
  unbound?: readonly { field: string; missing: readonly string[] }[];
}

/**
 * The schools of rows read through a recipe, put into the canonical table and read by the school-table reader
 * (`readTable`, given so that the reader and the recipes stay apart), its problems said of the rows' own cells.
 * The rows are those of the county read (rowGroups.ts selectCounty); `selected.counties` are all the source holds.
 * `problems` holds what reading the rows reported; `sheetOf` names where a school's record comes from.
 */
export function readSourceRows(
  rows: readonly SourceRow[],
  selected: { counties: string[]; county: string | null },
  derived: DerivedFields,
  problems: Problem[],
  options: ExportOptions,
  sheetOf: (school: ImportedSchool) => string,
  readTable: (grid: Grid) => ReadResult,
): ExportReading {
  const imported = importSchools(
    rows,
    derived.fields.map((f) => f.field),
    { splitByColumns: derived.splitByColumns, levelsOfOwnSources: derived.levelsOfOwnSources },
  );
  problems.push(...imported.problems);
  const derivations = new Map(derived.fields.map((f) => [f.field, f.text]));
  const table = canonicalTable(imported.schools, derivations, "元");
  const shown = derived.equipmentUnit === "万元" ? inTenThousand(table) : table;
  const grid: Grid = { sheet: CANONICAL_SHEET, topLeft: "A1", values: [shown.header, ...shown.rows] };
  const read = imported.schools.length > 0 ? readTable(grid) : null;
  if (!read && !problems.some((p) => p.severity === "error")) {
    problems.push({
      severity: "error",
      code: "no-schools",
      cell: null,
      message: {
        zh: options.county === undefined ? "表中没有学校数据。" : `表中没有“${options.county}”的学校数据。`,
        en:
          options.county === undefined
            ? "The table holds no school."
            : `The table holds no school of "${options.county}".`,
      },
    });
  }
  const unread = new Map((derived.unbound ?? []).map((u) => [u.field, u.missing]));
  for (const p of read?.problems ?? []) {
    const said = remap(p, table, imported.schools, unread);
    if (said) problems.push(said);
  }
  // the canonical table has one row per school under its header: grid row r is school r − 1
  const schoolOf = (i: number) => (read ? read.rows[i] - 1 : i);
  const records: SchoolRecord[] = (read?.records ?? []).map((record, i) =>
    withSource(
      record,
      imported.schools[schoolOf(i)],
      table,
      schoolOf(i),
      sheetOf(imported.schools[schoolOf(i)]),
    ),
  );
  return {
    read: {
      records,
      problems,
      headerRow: null,
      columns: [],
      unmatchedHeaders: [],
      equipmentUnit: "元",
      header: null,
      skippedRows: noSkippedRows(),
      rows: (read?.records ?? []).map((_, i) => imported.schools[schoolOf(i)].rows[0].gridRow),
    },
    table,
    schools: imported.schools,
    counties: selected.counties,
    county: selected.county,
  };
}

/** A warning for each field of the recipe the table does not have. */
export function unmatchedProblems(
  unbound: readonly { field: string; missing: readonly string[] }[],
): Problem[] {
  return unbound.map(({ field, missing }) => {
    const name = columnById(field) ?? { zh: field, en: field };
    return {
      severity: "warning",
      code: "recipe-unmatched",
      cell: null,
      message: {
        zh: `表中找不到“${missing.join("”“")}”，未读取“${name.zh}”。`,
        en: `The table has no "${missing.join('", "')}"; ${name.en} was not read.`,
      },
    };
  });
}

/**
 * Reads an export's rows through a bound table recipe and the school-table reader: the schools of one county, or a
 * `several-counties` problem.
 */
export function readExport(
  source: ExportSource,
  plan: TablePlan,
  options: ExportOptions,
  readTable: (grid: Grid) => ReadResult,
): ExportReading {
  const problems: Problem[] = [...plan.problems, ...unmatchedProblems(plan.unbound)];
  const context = { address: source.address, defaultUnit: options.defaultUnit, problems };
  // without a county column, the county of 所在地区 (its last 旗县市区 of a path), else of 行政区划代码
  const byPlace = plan.rules.county === undefined;
  const placeColumns = [plan.rules.place?.index, plan.rules.placeCode?.index];
  const countyColumns = (byPlace ? placeColumns : [plan.rules.county?.index]).filter(
    (c): c is number => c !== undefined,
  );
  const countyAt = (r: number): { county: string; column: number } | null => {
    for (const column of countyColumns) {
      const t = readText(source.row(r)[column]);
      if (t.kind !== "text") continue;
      const county = byPlace ? countyOfPlace(t.text) : withoutDivisionCode(t.text);
      if (county !== null) return { county, column };
    }
    return null;
  };
  const { dataRows } = source;
  const found = dataRows.map(countyAt);
  const nameColumn = plan.rules.name?.index;
  const selected = selectCounty(
    found.map((f) => f?.county ?? null),
    (i) => {
      const column = found[i]?.column ?? countyColumns[0];
      return column === undefined ? null : source.address(dataRows[i], column);
    },
    options.county,
    problems,
    options.countyNames,
    (i) => {
      const t = nameColumn === undefined ? null : readText(source.row(dataRows[i])[nameColumn]);
      return t?.kind === "text" ? t.text : null;
    },
    // a sheet named for the county is that county's (an export split into a sheet per county)
    !sheetNamedFor(options.county ?? "", options.countyNames ?? [])(source),
  );
  const rows = selected.keep.map((i) => {
    const r = dataRows[i];
    return readTableRow(plan, source.row(r), source.sheetRow(r), r, context);
  });
  const equipment = plan.fields.find((f) => f.field === "equipmentValue")?.node;
  const equipmentUnit = equipment?.kind === "leaf" ? (equipment.leaf.unit ?? options.defaultUnit) : undefined;
  const derived = { ...plan, equipmentUnit };
  return readSourceRows(rows, selected, derived, problems, options, () => source.sheet, readTable);
}

/** A record's source: the export's sheet, its school's first row, each field's first source cell. */
function withSource(
  record: SchoolRecord,
  school: ImportedSchool,
  table: CanonicalTable,
  index: number,
  sheet: string,
): SchoolRecord {
  const cells: Record<string, string> = {};
  table.columnIds.forEach((id, c) => {
    const s = table.sources[index][c];
    if (s?.cell) cells[id] = s.cell;
  });
  return { ...record, source: { sheet, row: school.rows[0].row, cells } };
}
