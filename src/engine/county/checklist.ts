/** The county verdict as one flat list, every item and veto in the standard's order. */
import {
  PART_NAMES,
  RECOGNITION_ITEM,
  VETOES,
  measureById,
  type Bilingual,
  type CountyPart,
} from "../../standard/county";
import type {
  CountyVerdict,
  ItemResult,
  ItemStatus,
  ItemValue,
  MeasureResult,
  SchoolFinding,
  VetoResult,
} from "./results";

/**
 * A row of the county sheet behind an item or veto that does not pass: what to fix, and where. `cell` is null when
 * the county sheet has no row of that code (it is to be added).
 */
export interface ChecklistRow {
  /** the row's code: 保障15-1 / G15-1 */
  code: Bilingual;
  status: ItemStatus;
  cell: string | null;
}

/** One line of the checklist: every item and veto, flat, in the standard's order. */
export interface ChecklistEntry {
  part: CountyPart | "vetoes";
  partName: Bilingual;
  key: string;
  /** the item or veto number within its part */
  number: number;
  title: Bilingual;
  status: ItemStatus;
  value: ItemValue;
  requirement: Bilingual;
  measures: MeasureResult[];
  evidence: string[];
  schools: SchoolFinding[];
  /** the first cell to look at: the county-sheet answer, or the first offending school cell */
  cell: string | null;
  /**
   * the county sheet's rows of the entry that fail or are missing, each with its cell, in the sheet's order; none
   * when the workbook has no county sheet (every such row is then to be written) or the entry passes
   */
  rows: ChecklistRow[];
  /** a veto's cell that holds what cannot be read (an item's measures say it each) */
  unread: string | null;
}

/** The code of a measure as the county sheet writes it, in both languages. */
function rowCode(id: string, code: string): Bilingual {
  return { zh: code, en: measureById(id)?.codeEn ?? code };
}

/** Every item and veto as a flat list, for the task pane's checklist and the report's 全部指标 sheet. */
export function countyChecklist(verdict: CountyVerdict): ChecklistEntry[] {
  const onSheet = verdict.countySheet;
  const fromItem = (i: ItemResult): ChecklistEntry => ({
    part: i.part,
    partName: PART_NAMES[i.part],
    key: i.key,
    number: i.item,
    title: i.title,
    status: i.status,
    value: i.value,
    requirement: i.requirement,
    measures: i.measures,
    evidence: i.evidence,
    schools: i.schools,
    cell:
      i.measures.find((m) => m.status !== "pass" && m.cell)?.cell ??
      i.schools.find((s) => s.cell)?.cell ??
      i.measures.find((m) => m.cell)?.cell ??
      null,
    rows: onSheet
      ? i.measures
          .filter((m) => m.status !== "pass")
          .map((m) => ({ code: rowCode(m.id, m.code), status: m.status, cell: m.cell }))
      : [],
    unread: null,
  });
  const vetoRows = (v: VetoResult): ChecklistRow[] => {
    // the recognition veto's row is recognition's own
    const m =
      v.derivedFrom === "recognition"
        ? RECOGNITION_ITEM.measures[0]
        : VETOES.find((d) => d.key === v.key)?.measure;
    return onSheet && m && v.status !== "pass"
      ? [{ code: rowCode(m.id, m.code), status: v.status, cell: v.cell }]
      : [];
  };
  const fromVeto = (v: VetoResult): ChecklistEntry => ({
    part: "vetoes",
    partName: PART_NAMES.vetoes,
    key: v.key,
    number: v.veto,
    title: v.title,
    status: v.status,
    value: v.value,
    requirement: v.requirement,
    measures: [],
    evidence: v.evidence ? [v.evidence] : [],
    schools: [],
    cell: v.cell,
    rows: vetoRows(v),
    unread: v.unread,
  });
  return [
    ...verdict.guarantee.map(fromItem),
    ...verdict.quality.map(fromItem),
    fromItem(verdict.recognition),
    ...verdict.vetoes.map(fromVeto),
  ];
}
