/** A large county for the print tests: the sample county several times over. */
import type { SchoolRecord } from "../../src/engine";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";

/** The sample county `times` over, each copy's schools (and their teaching points' parents) renamed. */
export function manyCounties(times: number): SchoolRecord[] {
  return Array.from({ length: times }, (_, k) =>
    sampleCountyRecords().map((r) => ({
      ...r,
      name: `${r.name}${k + 1}`,
      parent: r.parent ? `${r.parent}${k + 1}` : undefined,
    })),
  ).flat();
}
