import { buildSections, evaluateSection, type SectionResult } from "../engine";
import type { SchoolRecord } from "../engine/records";
import { formatNumber } from "../i18n/format";
import { INDICATOR_IDS, LEVEL_NAMES, type Level } from "../standard/indicators";
import { standardOf, type Profile } from "../standard/profile";
import type { CellValue, Grid } from "../sheet/grid";
import { ARGUMENT_SHEET, firstReadError, toCellValue } from "./problems";
import { readSchoolTable } from "../sheet/read";
import { templateHeaderRow } from "../sheet/template";
import { FunctionError, valueError } from "./errors";
import { optionalLevel, singleRow, type ArgumentCell, type ArgumentMatrix } from "./args";

export const VERDICT = { pass: "达标", fail: "不达标", excluded: "不参评" } as const;
export type Verdict = (typeof VERDICT)[keyof typeof VERDICT];

const templateHeaders = new Map<string, string[]>();

/** The template's header row, its equipment column in the profile's default unit (STANDARD.md §2: 万元). */
function templateHeader(profile: Profile): string[] {
  const unit = profile.equipmentDefaultUnit;
  let header = templateHeaders.get(unit);
  if (!header) {
    header = templateHeaderRow(unit);
    templateHeaders.set(unit, header);
  }
  return header;
}

/**
 * One row of the school table → its record, through the same reader as the task pane and the command line.
 * Without headers the row is read in the template's column order (TEMPLATE.md), so a row copied from the
 * template needs nothing else. Any error the reader finds (blank required cell, text for a number …) is #VALUE!
 * with the reader's own message.
 */
export function readRow(
  profile: Profile,
  row: ArgumentMatrix,
  headers?: ArgumentMatrix | null,
): SchoolRecord {
  const cells = singleRow(row, { zh: "学校行", en: "the row" });
  let header: readonly ArgumentCell[];
  if (headers === null || headers === undefined || headers.length === 0) {
    header = templateHeader(profile);
    if (cells.length > header.length) {
      throw valueError(
        `没有给出表头时，学校行按模板的 ${header.length} 列读取，而所选区域有 ${cells.length} 列：请给出表头行，或只选模板的列`,
        `without headers the row is read in the template's ${header.length} columns, but it has ${cells.length}: ` +
          "give the header row, or select the template's columns only",
      );
    }
  } else {
    header = singleRow(headers, { zh: "表头", en: "the headers" });
    if (header.length !== cells.length) {
      throw valueError(
        `表头有 ${header.length} 列，而学校行有 ${cells.length} 列，两者应一样宽`,
        `the headers have ${header.length} columns and the row ${cells.length}: they must be equally wide`,
      );
    }
  }
  const values: CellValue[] = new Array(header.length);
  for (let c = 0; c < header.length; c++) values[c] = c < cells.length ? toCellValue(cells[c]) : null;
  const grid: Grid = { sheet: ARGUMENT_SHEET, topLeft: "A1", values: [header.map(toCellValue), values] };
  const read = readSchoolTable(grid, { profile });
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

/** The evaluated sections of one school, or of one of its levels when `level` is given. */
function sectionsOf(profile: Profile, record: SchoolRecord, levelArgument: ArgumentCell): SectionResult[] {
  const level = optionalLevel(levelArgument);
  const sections = buildSections([record], profile).map((s) => evaluateSection(profile, s));
  if (level === undefined) return sections;
  const chosen = sections.filter((s) => s.level === level);
  if (chosen.length === 0) {
    throw new FunctionError("#N/A", {
      zh: `${record.name}没有${LEVEL_NAMES[level].zh}学段`,
      en: `${record.name} has no ${LEVEL_NAMES[level].en.toLowerCase()} section`,
    });
  }
  return chosen;
}

/**
 * BALANCE.CHECK (STANDARD.md §2 校校达标, §4 exclusions and combined schools): 达标 when every included section
 * passes, 不达标 when one does not, 不参评 when the standard excludes every section.
 */
export function checkRow(
  profile: Profile,
  row: ArgumentMatrix,
  headers?: ArgumentMatrix | null,
  level?: ArgumentCell,
): Verdict {
  const record = readRow(profile, row, headers);
  const included = sectionsOf(profile, record, level).filter((s) => s.included);
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
  const record = readRow(profile, row, headers);
  const labels = statusLabels(profile);
  const out: (string | number)[][] = [[...DETAIL_HEADER]];
  for (const section of sectionsOf(profile, record, level)) {
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
