/**
 * The full county verdict (docs/standard.md#parts): resource allocation, the 15 government-guarantee items
 * (docs/standard.md#guarantee), the 9 education-quality items (docs/standard.md#quality), social recognition
 * (docs/standard.md#recognition) and the one-vote vetoes (docs/standard.md#veto). Items 3–5 of §5 are checked per
 * school from the school table, naming the cell; the rest compare what the county reports on its county sheet
 * (already parsed into numbers and 是/否 by src/sheet/countyValues.ts). A blank is "missing", never "pass".
 */
import {
  GUARANTEE_ITEMS,
  QUALITY_ITEMS,
  RECOGNITION_ITEM,
  VETOES,
  type CountyItemDefinition,
  type MeasureDefinition,
} from "../../standard/county";
import { atLeast } from "../../standard/comparison";
import {
  VERDICT_PARTS,
  combine,
  type CountyAnswers,
  type CountyInput,
  type CountyVerdict,
  type DerivedItems,
  type ItemResult,
  type ItemStatus,
  type ItemValue,
  type MeasureResult,
  type SchoolFinding,
  type VerdictPart,
  type VetoResult,
} from "./results";
import { deriveSchoolItems } from "./schoolItems";

/**
 * Status of one measure against its requirement. atLeast: exactly at the threshold passes; below: strictly
 * below (0.15 itself fails, docs/standard.md#quality-9 "低于0.15"); yes: 是 passes. A value of the wrong kind (a
 * number for a 是/否 question) is treated as not given.
 */
export function measureStatus(
  measure: MeasureDefinition,
  value: number | boolean | null | undefined,
): ItemStatus {
  if (value === null || value === undefined) return "missing";
  if (typeof value === "boolean") {
    if (measure.kind === "attested" || measure.kind === "percentOrAttested") return value ? "pass" : "fail";
    return "missing";
  }
  if (!Number.isFinite(value) || measure.kind === "attested" || measure.threshold === undefined)
    return "missing";
  switch (measure.comparison) {
    case "atLeast":
      return atLeast(value, measure.threshold) ? "pass" : "fail";
    case "below":
      return atLeast(value, measure.threshold) ? "fail" : "pass";
    case "yes":
      return "missing";
  }
}

function measureResult(measure: MeasureDefinition, answers: CountyAnswers | null): MeasureResult {
  const answer = answers?.[measure.id];
  const value = answer?.value ?? null;
  return {
    id: measure.id,
    key: measure.key,
    code: measure.code,
    text: measure.text,
    kind: measure.kind,
    status: measureStatus(measure, value),
    value,
    requirement: measure.requirement,
    cell: answer?.cell ?? null,
    evidence: nonBlank(answer?.evidence),
    notes: nonBlank(answer?.notes),
    unread: value === null ? nonBlank(answer?.unread) : null,
  };
}

function nonBlank(text: string | null | undefined): string | null {
  return text && text.trim() !== "" ? text.trim() : null;
}

/** Evaluates one item from the county's answers (and, for §5 items 3–5, the school table). */
export function evaluateItem(
  definition: CountyItemDefinition,
  answers: CountyAnswers | null,
  derived: DerivedItems | null,
): ItemResult {
  const measures = definition.measures.map((m) => measureResult(m, answers));
  let status = combine(measures.map((m) => m.status));
  let value: ItemValue =
    measures.length === 1
      ? measures[0].value
      : Object.fromEntries(measures.map((m) => [m.key, m.value] as [string, number | boolean | null]));
  const schools: SchoolFinding[] = [];
  let classSizeDetail: ItemResult["classSize"];
  if (definition.derived) {
    const item = derived ? derived[definition.derived] : null;
    status = item ? item.status : "missing";
    // schools that fail a check, and schools that fail none but miss one
    const failing = new Set<string>();
    const missing = new Set<string>();
    for (const f of item?.findings ?? []) {
      if (f.status === "pass") continue;
      schools.push(f);
      (f.status === "fail" ? failing : missing).add(f.school);
    }
    for (const school of failing) missing.delete(school);
    const counts: Record<string, number> = {
      checked: item?.checked ?? 0,
      failing: failing.size,
      missing: missing.size,
    };
    value = counts;
    if (definition.derived === "classSize" && derived) {
      counts.largeClasses = derived.largeClasses.length;
      counts.veryLargeClasses = derived.veryLargeClasses.length;
      counts.largeClassesUnknown = derived.largeClassesUnknown;
      classSizeDetail = {
        largeClasses: derived.largeClasses,
        veryLargeClasses: derived.veryLargeClasses,
        largeClassesUnknown: derived.largeClassesUnknown,
        startingGrades: {
          status: derived.startingGrades.status,
          checked: derived.startingGrades.checked,
          schools: derived.startingGrades.findings.filter((f) => f.status !== "pass"),
        },
      };
    }
  }
  const result: ItemResult = {
    part: definition.part,
    item: definition.item,
    key: definition.key,
    title: definition.title,
    text: definition.text,
    kind: definition.kind,
    status,
    value,
    requirement: definition.requirement,
    measures,
    schools,
    evidence: measures.flatMap((m) => (m.evidence ? [m.evidence] : [])),
  };
  if (classSizeDetail) result.classSize = classSizeDetail;
  return result;
}

/** The one-vote vetoes (docs/standard.md#veto): 是 means the veto applies; recognition below 85 % is one too. */
function evaluateVetoes(answers: CountyAnswers | null, recognition: ItemResult): VetoResult[] {
  return VETOES.map((veto) => {
    if (veto.derivedFrom === "recognition") {
      const status = recognition.status;
      return {
        veto: veto.veto,
        key: veto.key,
        title: veto.title,
        status,
        applies: status === "missing" ? null : status === "fail",
        requirement: RECOGNITION_ITEM.requirement,
        value: recognition.measures[0].value,
        cell: recognition.measures[0].cell,
        evidence: recognition.measures[0].evidence,
        notes: recognition.measures[0].notes,
        unread: recognition.measures[0].unread,
        derivedFrom: "recognition",
      };
    }
    const m = veto.measure as MeasureDefinition;
    const answer = answers?.[m.id];
    const given = answer?.value;
    const applies = typeof given === "boolean" ? given : null;
    return {
      veto: veto.veto,
      key: veto.key,
      title: veto.title,
      status: applies === null ? "missing" : applies ? "fail" : "pass",
      applies,
      requirement: m.requirement,
      value: given ?? null,
      cell: answer?.cell ?? null,
      evidence: nonBlank(answer?.evidence),
      notes: nonBlank(answer?.notes),
      unread: applies === null ? nonBlank(answer?.unread) : null,
    };
  });
}

/**
 * The county's full verdict (docs/standard.md#parts): countyPass only when resources pass, every guarantee and quality
 * item passes, recognition passes and no veto applies. Missing anywhere is not a pass.
 */
export function evaluateCounty(input: CountyInput): CountyVerdict {
  const records = input.records ?? [];
  const derived = deriveSchoolItems(records, input.columns);
  const guarantee = GUARANTEE_ITEMS.map((d) => evaluateItem(d, input.answers, derived));
  const quality = QUALITY_ITEMS.map((d) => evaluateItem(d, input.answers, derived));
  const recognition = evaluateItem(RECOGNITION_ITEM, input.answers, derived);
  const vetoes = evaluateVetoes(input.answers, recognition);
  const resourcesPass = input.evaluation ? input.evaluation.resourcesPass : null;
  const parts: Record<VerdictPart, ItemStatus> = {
    resources: resourcesPass === null ? "missing" : resourcesPass ? "pass" : "fail",
    guarantee: combine(guarantee.map((i) => i.status)),
    quality: combine(quality.map((i) => i.status)),
    recognition: recognition.status,
    vetoes: combine(vetoes.map((v) => v.status)),
  };
  return {
    resourcesPass,
    guarantee,
    quality,
    recognition,
    vetoes,
    parts,
    countySheet: input.answers !== null,
    countyPass: VERDICT_PARTS.every((p) => parts[p] === "pass"),
    derived,
  };
}
