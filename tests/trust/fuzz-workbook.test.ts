/**
 * Fuzzing whole workbooks (issue 13 item 10): a county written as raw XML the many ways programs write cells
 * (plain and text numbers, shared and inline strings, rich text runs, formulas with their cached results, thousands
 * separators in a numeric cell, a number format that is no date), inside a sheet made hostile at random: a hidden
 * or very hidden sheet holding a stale copy before it, blank or absent rows between schools, a lying <dimension>,
 * a formula filled far below the table, a stray cell far away. Read by the command line's path, it evaluates as
 * the records it was written from.
 */
import fc from "fast-check";
import { evaluate, type SchoolRecord } from "../../src/engine";
import { columnLetters } from "../../src/sheet/grid";
import { hasErrors } from "../../src/problems/problem";
import { readSchoolTable } from "../../src/sheet/read";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { escapeXml } from "../xlsx/rawWorkbook";
import { expectClearProblems } from "./catalogueRun";
import { recordsArb } from "./generators";
import { outcomeOfBook, rawBook, verdictOf } from "./hostileBooks";

/** How a cell is written: each gives back the value it was written from. */
const NUMBER_FORMS = ["plain", "str", "inline", "shared", "formula", "grouped", "countFormat"] as const;
const TEXT_FORMS = ["inline", "shared", "str", "runs"] as const;

// style 1: a 0"人" format, which shows a number, not a date
const STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0&quot;人&quot;"/></numFmts>' +
  '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>';

const messArb = fc.record({
  numberForms: fc.array(fc.constantFrom(...NUMBER_FORMS), { minLength: 16, maxLength: 16 }),
  textForms: fc.array(fc.constantFrom(...TEXT_FORMS), { minLength: 4, maxLength: 4 }),
  staleSheet: fc.constantFrom(undefined, "hidden", "veryHidden"),
  // before which schools a gap of rows: written empty, or left out of the file
  gaps: fc.array(
    fc.record({ before: fc.nat({ max: 7 }), rows: fc.integer({ min: 1, max: 3 }), absent: fc.boolean() }),
    {
      maxLength: 2,
    },
  ),
  lyingDimension: fc.boolean(),
  residue: fc.record({ rows: fc.nat({ max: 300 }), left: fc.constantFrom("0", "error", "uncalculated") }),
  stray: fc.option(
    fc.record({ row: fc.integer({ min: 5000, max: 1048576 }), col: fc.integer({ min: 30, max: 16383 }) }),
    {
      nil: undefined,
    },
  ),
});

type Mess = typeof messArb extends fc.Arbitrary<infer T> ? T : never;

/** The XML of a sheet holding rows written as `mess` says; strings shared go into `shared`. */
function sheetXml(rows: (string | number | null)[][], mess: Mess, shared: string[]): string {
  let k = 0;
  const cell = (value: string | number | null, ref: string): string => {
    if (value === null) return "";
    if (typeof value === "string") {
      const form = mess.textForms[k++ % mess.textForms.length];
      const t = escapeXml(value);
      switch (form) {
        case "shared":
          shared.push(value);
          return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
        case "str":
          return `<c r="${ref}" t="str"><f>"${t}"</f><v>${t}</v></c>`;
        case "runs": {
          const cut = Math.ceil(value.length / 2);
          return `<c r="${ref}" t="inlineStr"><is><r><t>${escapeXml(value.slice(0, cut))}</t></r><r><t>${escapeXml(value.slice(cut))}</t></r></is></c>`;
        }
        default:
          return `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
      }
    }
    let form = mess.numberForms[k++ % mess.numberForms.length];
    // a number as text is written as a person types it, never in exponent form (5e-324)
    if (String(value).includes("e") && form !== "plain" && form !== "formula") form = "plain";
    switch (form) {
      case "str":
        return `<c r="${ref}" t="str"><f>TEXT(${value},"0")</f><v>${value}</v></c>`;
      case "inline":
        return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
      case "shared":
        shared.push(String(value));
        return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
      case "formula":
        return `<c r="${ref}"><f>ROUND(${value},6)</f><v>${value}</v></c>`;
      case "grouped":
        return `<c r="${ref}"><v>${value.toLocaleString("en-US", { maximumFractionDigits: 20 })}</v></c>`;
      case "countFormat":
        return `<c r="${ref}" s="1"><v>${value}</v></c>`;
      default:
        return `<c r="${ref}"><v>${value}</v></c>`;
    }
  };
  const out: string[] = [];
  let r = 0;
  const write = (row: (string | number | null)[]) => {
    r++;
    out.push(`<row r="${r}">${row.map((v, c) => cell(v, `${columnLetters(c)}${r}`)).join("")}</row>`);
  };
  rows.forEach((row, i) => {
    for (const gap of mess.gaps) {
      if (i > 0 && gap.before === i - 1) {
        for (let g = 0; g < gap.rows; g++) {
          r++;
          if (!gap.absent) out.push(`<row r="${r}"/>`);
        }
      }
    }
    write(row);
  });
  const col = columnLetters(templateHeaderRow().length + 1);
  for (let i = 0; i < mess.residue.rows; i++) {
    r++;
    const f = `<f>IFERROR(P${r}/E${r},0)</f>`;
    const left =
      mess.residue.left === "0"
        ? `<c r="${col}${r}">${f}<v>0</v></c>`
        : mess.residue.left === "error"
          ? `<c r="${col}${r}" t="e">${f}<v>#DIV/0!</v></c>`
          : `<c r="${col}${r}">${f}</c>`;
    out.push(`<row r="${r}">${left}</row>`);
  }
  if (mess.stray && mess.stray.row > r) {
    out.push(
      `<row r="${mess.stray.row}"><c r="${columnLetters(mess.stray.col)}${mess.stray.row}"><v>1</v></c></row>`,
    );
  }
  const dimension = mess.lyingDimension ? '<dimension ref="A1:XFD1048576"/>' : "";
  return `${dimension}<sheetData>${out.join("")}</sheetData>`;
}

function templateOnly(records: SchoolRecord[]): SchoolRecord[] {
  return records.map(({ sectionFacilities: _s, indoorSportsArea: _i, ...rest }) => rest);
}

describe("workbook fuzzing", () => {
  it("a county written any way programs write cells, in a hostile sheet, evaluates as its records do", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(recordsArb(8), messArb, async (generated, mess) => {
        const records = templateOnly(generated);
        const rows = [templateHeaderRow(), ...recordsToRows(records)];
        // the records typed into the template: errors there (a nine-year school without junior pupils) are the
        // generator's, not the file's
        const typed = readSchoolTable({ sheet: "学校", topLeft: "A1", values: rows });
        if (hasErrors(typed.problems)) return;
        const shared: string[] = [];
        const stale = rows.map((row, r) =>
          r === 0 ? row : row.map((v) => (typeof v === "number" ? v + 1 : v)),
        );
        const sheets = [
          ...(mess.staleSheet
            ? [{ name: "上年", state: mess.staleSheet, xml: sheetXml(stale, mess, shared) }]
            : []),
          { name: "学校", xml: sheetXml(rows, mess, shared) },
        ];
        const outcome = await outcomeOfBook(rawBook(sheets, { sharedStrings: shared, styles: STYLES }));
        expect(outcome.sheet).toBe("学校");
        expect(outcome.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(outcome.verdict).toEqual(verdictOf(evaluate(typed.records, NATIONAL_2017)));
        if (mess.staleSheet) expect(outcome.problems.map((p) => p.code)).toContain("hidden-sheet");
        compared++;
      }),
      { numRuns: 60, interruptAfterTimeLimit: 10_000 },
    );
    expect(compared).toBeGreaterThan(10);
  });

  it("every problem of such a workbook is clear", async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb(4), messArb, async (records, mess) => {
        const rows = [templateHeaderRow(), ...recordsToRows(templateOnly(records))];
        const shared: string[] = [];
        const bytes = rawBook([{ name: "学校", xml: sheetXml(rows, mess, shared) }], {
          sharedStrings: shared,
          styles: STYLES,
        });
        const outcome = await outcomeOfBook(bytes);
        expectClearProblems(
          outcome.problems.map((p, i) => ({
            ...p,
            severity: p.severity as "error",
            message: outcome.messages[i],
          })),
        );
      }),
      { numRuns: 30, interruptAfterTimeLimit: 5000 },
    );
  });
});
