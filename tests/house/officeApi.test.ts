/**
 * Every Office.js member the add-in uses is in the table of docs/task-pane.md#api-sets with the requirement set
 * @types/office-js names for it, and one above the set the pane requires (PANE_EXCEL_API, manifest-pane.xml and
 * the pane's start check) is checked for with isSetSupported in each file calling it, as the table says. The
 * members come from the code (tests/manifest/officeApiSets.ts): property accesses and the properties named in
 * load("…"), in every module of src/ but the Excel double. The double's own table of sets (src/excel/double/
 * apiSets.ts), which makes it fail a member an older Excel lacks, agrees with @types/office-js for every member used.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  compareVersions,
  guardCall,
  guarded,
  officeApiUses,
  type OfficeApiUse,
} from "../manifest/officeApiSets";
import { PANE_EXCEL_API } from "../../src/taskpane/boot";
import { EXCEL_API_ARGUMENT_SETS, EXCEL_API_SETS } from "../../src/excel/double/apiSets";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = "tests/house/fixtures/officeApi/unguarded.ts";

interface Row {
  members: string[];
  set: string;
  guard: string;
}

/** The rows of the table under the heading of docs/task-pane.md's section on requirement sets. */
function tableRows(markdown: string): Row[] {
  const start = markdown.indexOf("## Office.js 接口与要求集");
  if (start < 0) throw new Error("docs/task-pane.md has no section 'Office.js 接口与要求集'");
  const section = markdown.slice(start, markdown.indexOf("\n## ", start + 1));
  const lines = section.split("\n").filter((l) => l.startsWith("| `"));
  return lines.map((line) => {
    const [members, set, guard] = line.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, ""));
    return { members: [...members.matchAll(/`([A-Z]\w*(?:\.\w+)+)`/g)].map((m) => m[1]), set, guard };
  });
}

/** The highest set @types/office-js names for a member (a member with an argument of a later set: that one). */
const highest = (use: OfficeApiUse): string | undefined =>
  [...use.sets].sort((a, b) => compareVersions(a.split(" ")[1], b.split(" ")[1])).at(-1);

/** What is wrong with the uses against the table, in words; empty when nothing is. */
function problems(
  uses: OfficeApiUse[],
  rows: Row[],
  minimum: string,
  read?: (file: string) => string,
): string[] {
  const out: string[] = [];
  const rowOf = new Map<string, Row>();
  for (const row of rows) {
    for (const m of row.members) {
      if (rowOf.has(m)) out.push(`${m} is in the table twice`);
      rowOf.set(m, row);
    }
  }
  for (const use of uses) {
    const row = rowOf.get(use.member);
    const where = [...use.files].join(", ");
    if (!row) {
      out.push(`${use.member} (${where}) is not in the table of docs/task-pane.md#api-sets`);
      continue;
    }
    const set = highest(use);
    if (set === undefined) continue;
    if (row.set !== set) out.push(`${use.member}: the table says ${row.set}, @types/office-js ${set}`);
    const [name, version] = set.split(" ");
    if (name !== "ExcelApi" || compareVersions(version, minimum) <= 0) continue;
    if (!row.guard.includes(guardCall(set))) {
      out.push(`${use.member} (${set}, above ExcelApi ${minimum}): the table names no ${guardCall(set)}`);
    }
    if (!guarded(use, set, read)) {
      out.push(
        `${use.member} (${set}, above ExcelApi ${minimum}) is called in ${where} without ${guardCall(set)}`,
      );
    }
  }
  const used = new Set(uses.map((u) => u.member));
  for (const m of rowOf.keys()) if (!used.has(m)) out.push(`${m} is in the table but no longer used`);
  return out;
}

describe("Office.js members and their requirement sets", () => {
  const uses = officeApiUses();
  const rows = tableRows(readFileSync(path.join(ROOT, "docs/task-pane.md"), "utf8"));

  it("finds the members of every module, those named in load() among them", () => {
    const byName = new Map(uses.map((u) => [u.member, u]));
    // named only in load("…rowHidden…") in officeHost.ts, accessed in readRange.ts
    expect([...(byName.get("Excel.Range.rowHidden")?.files ?? [])].sort()).toEqual([
      "src/excel/officeHost.ts",
      "src/excel/readRange.ts",
    ]);
    expect(byName.get("Excel.Range.getUsedRangeOrNullObject")?.sets).toEqual(["ExcelApi 1.4"]);
    expect(byName.get("Excel.Worksheet.visibility")?.files).toEqual(new Set(["src/excel/officeHost.ts"]));
    // the custom functions' recalculation
    expect(byName.get("Excel.Application.calculate")?.files).toEqual(new Set(["src/functions/functions.ts"]));
    // nothing of the double, which implements the API rather than calling Office
    for (const u of uses) for (const f of u.files) expect(f).not.toMatch(/^src\/excel\/(double|memory)\//);
  });

  it("every member is in the table with its set; none above the pane's set goes unchecked", () => {
    expect(rows.length).toBeGreaterThan(5);
    expect(problems(uses, rows, PANE_EXCEL_API)).toEqual([]);
  });

  it("a member above the pane's set, used without isSetSupported or missing from the table, is reported", () => {
    const fixture = officeApiUses([FIXTURE]);
    const spill = fixture.find((u) => u.member === "Excel.Range.getSpillingToRangeOrNullObject");
    expect(spill?.sets).toEqual(["ExcelApi 1.12"]);
    const found = problems(fixture, rows, PANE_EXCEL_API);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Excel.Range.getSpillingToRangeOrNullObject (tests/house/fixtures"),
      ]),
    );
    // in the table, but its file does not check for the set
    const listed: Row[] = [
      ...rows,
      {
        members: ["Excel.Range.getSpillingToRangeOrNullObject"],
        set: "ExcelApi 1.12",
        guard: guardCall("ExcelApi 1.12"),
      },
    ];
    const unchecked = problems(fixture, listed, PANE_EXCEL_API);
    expect(unchecked.filter((p) => p.includes("getSpilling"))).toEqual([
      `Excel.Range.getSpillingToRangeOrNullObject (ExcelApi 1.12, above ExcelApi ${PANE_EXCEL_API}) is called in ${FIXTURE} without isSetSupported("ExcelApi", "1.12")`,
    ]);
    // the same file with the check: nothing to report of it
    const checked = problems(
      fixture,
      listed,
      PANE_EXCEL_API,
      (f) =>
        `${readFileSync(path.join(ROOT, f), "utf8")}\nif (Office.context.requirements.isSetSupported("ExcelApi", "1.12")) {}`,
    );
    expect(checked.filter((p) => p.includes("getSpilling"))).toEqual([]);
  });

  it("the Excel double fails each member an older Excel lacks, at the set @types/office-js names", () => {
    // classes the add-in reaches only through a member of at least their own set
    const REACHED_THROUGH: Record<string, string> = {
      WorksheetFreezePanes: "Worksheet.freezePanes",
      PageLayout: "Worksheet.pageLayout",
      HeaderFooterGroup: "Worksheet.pageLayout",
      HeaderFooter: "Worksheet.pageLayout",
      PageBreakCollection: "Worksheet.horizontalPageBreaks",
      RangeAreas: "Worksheet.getRanges",
      DataValidation: "Range.dataValidation",
    };
    const wrong: string[] = [];
    for (const use of uses) {
      const m = /^Excel\.(\w+)\.(\w+)$/.exec(use.member);
      if (!m || use.sets.length === 0) continue;
      const versions = use.sets.map((s) => s.split(" ")[1]).sort(compareVersions);
      const [first, last] = [versions[0], versions.at(-1)!];
      const key = `${m[1]}.${m[2]}`;
      const gate = REACHED_THROUGH[m[1]];
      const doubleSet = EXCEL_API_SETS[key] ?? (gate ? EXCEL_API_SETS[gate] : undefined) ?? "1.1";
      const ok = gate ? compareVersions(doubleSet, first) >= 0 : doubleSet === first;
      if (!ok) wrong.push(`${key}: the double ${doubleSet}, @types/office-js ${first}`);
      if (last !== first && EXCEL_API_ARGUMENT_SETS[key] !== last) {
        wrong.push(`${key}: an argument of ${last} the double does not know`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
