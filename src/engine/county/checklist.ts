/** The county verdict as one flat list, every item and veto in the standard's order. */
import { PART_NAMES, type Bilingual, type CountyPart } from "../../standard/county";
import type {
  CountyVerdict,
  ItemResult,
  ItemStatus,
  ItemValue,
  MeasureResult,
  SchoolFinding,
  VetoResult,
} from "./results";

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
}

/** Every item and veto as a flat list, for the task pane's checklist and the report's 全部指标 sheet. */
export function countyChecklist(verdict: CountyVerdict): ChecklistEntry[] {
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
  });
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
  });
  return [
    ...verdict.guarantee.map(fromItem),
    ...verdict.quality.map(fromItem),
    fromItem(verdict.recognition),
    ...verdict.vetoes.map(fromVeto),
  ];
}
