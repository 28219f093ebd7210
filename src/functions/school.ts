import { buildSections, evaluateSection, type SectionResult } from "../engine";
import type { SchoolRecord } from "../engine/records";
import { formatNumber } from "../i18n/format";
import { INDICATOR_IDS, LEVEL_NAMES, type Level } from "../standard/indicators";
import { standardOf, type Profile } from "../standard/profile";
import type { CellValue, Grid } from "../sheet/grid";
import { ARGUMENT_SHEET, firstReadError, toCellValue } from "./problems";
import { readSchoolRecords, readTemplateRow } from "../sheet/read";
import { templateHeaderOf, templateHeaderUnit } from "../sheet/template";
import { FunctionError, valueError } from "./errors";
import { optionalLevel, singleRow, type ArgumentCell, type ArgumentMatrix } from "./args";

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
): SchoolRecord {
  const cells = singleRow(row, { zh: "学校行", en: "the row" });
  const noHeaders = headers === null || headers === undefined || headers.length === 0;
  let headerRows: readonly (readonly ArgumentCell[])[];
  if (noHeaders) {
    const header = templateHeader(profile);
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
    if (width !== cells.length) {
      throw valueError(
        `表头有 ${width} 列，而学校行有 ${cells.length} 列，两者应一样宽`,
        `the headers have ${width} columns and the row ${cells.length}: they must be equally wide`,
      );
    }
    headerRows = headers;
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
    const record = readTemplateRow(values, { sheet: ARGUMENT_SHEET, equipmentUnit: templateUnit, profile });
    if (record) return record;
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
  const read = readSchoolRecords(grid, { profile, headerRow: headerRows.length - 1 });
  const error = firstReadError(read.problems, ({ col, letters }) => ({
    zh: `学校行第 ${col + 1} 格（${letters}）`,
    en: `cell ${col + 1} (${letters}) of the row`,
  }));
  if (error) throw error;
  if (read.records.length === 0) {
    throw valueError("这一行不是学校：空行或合计行", "the row is not a school: it is blank or a total row");
  }
  return read.records[0];
}

/** What the functions answer from: the school's name and its evaluated sections (the memo keeps no more, so
 * that the rows it holds cost the collector little). */
interface EvaluatedRow {
  name: string;
  sections: SectionResult[];
}

/**
 * Rows already read and evaluated, per profile, keyed by the content of the arguments. Excel calls CHECK again
 * for every row on each full recalculation (opening the workbook, Ctrl+Alt+F9) although the rows have not
 * changed; an unchanged row gives the same answer, so the reader and the engine run once per distinct row and
 * profile. A cheap hash picks the bucket and the cells are compared exactly. Bounded: the oldest go first.
 */
interface MemoEntry {
  row: ArgumentMatrix;
  headers: ArgumentMatrix | null;
  result: EvaluatedRow | FunctionError;
}
interface RowMemo {
  buckets: Map<number, MemoEntry[]>;
  /** the buckets' hashes, oldest first from `head`: a Map's first key is slow to find after many deletions */
  order: number[];
  head: number;
  size: number;
}
const evaluatedRows = new WeakMap<Profile, RowMemo>();
export const ROW_MEMO_SIZE = 2048;

/**
 * Hashes of rows seen once, four to a bucket (a fifth pushes the oldest out). A row enters the memo only when its
 * hash is seen a second time: a row read once is not worth keeping, and keeping every row for a while makes the
 * collector copy them all, which costs more than reading them on a sheet of distinct rows. Four to a bucket, so
 * that two rows of a county whose hashes share a bucket do not push each other out on every recalculation.
 */
const SEEN_BUCKETS = 2 * ROW_MEMO_SIZE;
const SEEN_WAYS = 4;
const seenHashes = new WeakMap<Profile, Int32Array>();

/** True when the hash was seen before (and is still in its bucket); notes it otherwise. */
function seenBefore(profile: Profile, hash: number): boolean {
  let seen = seenHashes.get(profile);
  if (!seen) {
    seen = new Int32Array(SEEN_BUCKETS * SEEN_WAYS);
    seenHashes.set(profile, seen);
  }
  const h = hash | 0;
  const base = ((h ^ (h >>> 13)) & (SEEN_BUCKETS - 1)) * SEEN_WAYS;
  for (let i = 0; i < SEEN_WAYS; i++) if (seen[base + i] === h) return true;
  for (let i = SEEN_WAYS - 1; i > 0; i--) seen[base + i] = seen[base + i - 1];
  seen[base] = h;
  return false;
}

function cellHash(v: ArgumentCell): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === "number") {
    // whole numbers (most figures) by integer multiplication; others through the double products
    return (v | 0) === v ? Math.imul(v, 0x9e3779b1) ^ (v >>> 15) : (v * 2654435761) ^ (v * 40503 * 65536);
  }
  if (typeof v === "string") {
    const n = v.length;
    return n === 0
      ? 1
      : n * 31 + v.charCodeAt(0) * 7 + v.charCodeAt(n >> 1) * 131 + v.charCodeAt(n - 1) * 8191;
  }
  return typeof v === "boolean" ? (v ? 3 : 5) : 7;
}

function rangeHash(range: ArgumentMatrix, seed: number): number {
  let h = seed;
  for (const r of range) {
    for (const v of r) h = Math.imul(h ^ cellHash(v), 16777619);
    h = Math.imul(h ^ 0x9e3779b9, 16777619);
  }
  return h;
}

/** Same content, cell by cell: what the reader would read the same (every error value reads as an error cell). */
function sameCell(a: ArgumentCell, b: ArgumentCell): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (
    typeof a === "object" &&
    typeof b === "object" &&
    a !== null &&
    b !== null &&
    !(a instanceof Date) &&
    !(b instanceof Date)
  );
}

function sameRange(a: ArgumentMatrix | null, b: ArgumentMatrix | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (!sameCell(x[c], y[c])) return false;
  }
  return true;
}

function evaluateRow(
  profile: Profile,
  row: ArgumentMatrix,
  headersArgument: ArgumentMatrix | null | undefined,
): EvaluatedRow {
  let memo = evaluatedRows.get(profile);
  if (!memo) {
    memo = { buckets: new Map(), order: [], head: 0, size: 0 };
    evaluatedRows.set(profile, memo);
  }
  const buckets = memo.buckets;
  const headers = headersArgument && headersArgument.length > 0 ? headersArgument : null;
  const hash = rangeHash(row, headers ? rangeHash(headers, 0x811c9dc5) : 0x811c9dc5);
  const bucket = buckets.get(hash);
  const found = bucket?.find((e) => sameRange(e.row, row) && sameRange(e.headers, headers));
  let result = found?.result;
  if (result === undefined) {
    try {
      const record = readRow(profile, row, headers);
      result = {
        name: record.name,
        sections: buildSections([record], profile).map((s) => evaluateSection(profile, s)),
      };
    } catch (error) {
      if (!(error instanceof FunctionError)) throw error;
      result = error;
    }
    if (!seenBefore(profile, hash)) {
      if (result instanceof FunctionError) throw result;
      return result;
    }
    if (memo.size >= ROW_MEMO_SIZE && memo.head < memo.order.length) {
      const oldest = memo.order[memo.head++];
      memo.size -= (buckets.get(oldest) as MemoEntry[]).length;
      buckets.delete(oldest);
      if (memo.head >= ROW_MEMO_SIZE) {
        memo.order = memo.order.slice(memo.head);
        memo.head = 0;
      }
    }
    const copy = (range: ArgumentMatrix) => range.map((r) => r.slice());
    const entry: MemoEntry = { row: copy(row), headers: headers ? copy(headers) : null, result };
    if (bucket) bucket.push(entry);
    else {
      buckets.set(hash, [entry]);
      memo.order.push(hash);
    }
    memo.size++;
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
): Verdict {
  const included = sectionsOf(evaluateRow(profile, row, headers), level).filter((s) => s.included);
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
): (string | number)[][] {
  const labels = statusLabels(profile);
  const out: (string | number)[][] = [[...DETAIL_HEADER]];
  for (const section of sectionsOf(evaluateRow(profile, row, headers), level)) {
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
