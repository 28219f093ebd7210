import type { SchoolRecord } from "../../src/engine/records";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";

/** A school table as a .csv file's bytes: the template's header, then a row per school. */
export function csvBytes(records: SchoolRecord[]): Uint8Array {
  const rows = [templateHeaderRow(), ...recordsToRows(records)];
  return Buffer.from(rows.map((row) => row.map((v) => String(v ?? "")).join(",")).join("\n"), "utf8");
}
