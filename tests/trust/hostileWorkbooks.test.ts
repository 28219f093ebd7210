/**
 * Hostile and messy workbooks (issue 13), as .xlsx files read by the command line's path in process: each gives
 * the verdict of the same schools typed into the clean template, or an error naming its cell. The files are raw
 * XML (what any program may write) or exceljs's; none of them is in the catalogue.
 */
import ExcelJS from "exceljs";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import { sheetRef, type CellValue } from "../../src/sheet/grid";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { readWorkbook } from "../../src/xlsx/reader";
import { letter, templateRow } from "../sheet/helpers";
import {
  COUNTY,
  FAILING,
  cellOf,
  cleanTemplate,
  cleanVerdict,
  countyRows,
  outcomeOfBook,
  rawBook,
  rawSheet,
  verdictWithout,
  withCells,
  type BookOutcome,
  type RawCell,
} from "./hostileBooks";

let clean: unknown;
beforeAll(async () => {
  clean = await cleanVerdict();
});

const errorsOf = (o: BookOutcome) => o.problems.filter((p) => p.severity === "error");
const header = () => countyRows()[0];
const school = (i: number) => countyRows()[i + 1];
/** A total row with the county's sums in its figures (what a clerk's SUM gives). */
const total = (name: string, type: CellValue = null): CellValue[] =>
  templateRow({ name, type, primaryStudents: 2004, juniorStudents: 1010, teachingArea: 14800 });

/** The county's verdict, and nothing but warnings. */
function expectClean(o: BookOutcome): void {
  expect(errorsOf(o)).toEqual([]);
  expect(o.verdict).toEqual(clean);
}

test("the county is one where a dropped school changes the verdict", () => {
  expect(verdictWithout(FAILING)).not.toEqual(clean);
  expect((clean as { resourcesPass: boolean }).resourcesPass).toBe(false);
  expect((verdictWithout(FAILING) as { resourcesPass: boolean }).resourcesPass).toBe(true);
});

describe("nothing dropped silently (item 1)", () => {
  const table = (rows: (RawCell[] | undefined)[]) => rawBook([rawSheet(rows)]);

  test.each([
    ["城区学校合计", null],
    ["合　计", null],
    ["合计：", null],
    ["全县合计（3所）", "小学"],
    ["城区合计(3所)", "小学"],
    ["小学合计", "小学"],
    ["TOTAL:", null],
    ["共计", null],
  ])(
    "a total %s (type %s) between groups is skipped, named, and the schools below read",
    async (name, type) => {
      const o = await outcomeOfBook(
        table([header(), school(0), school(1), total(name, type), ...countyRows().slice(3)]),
      );
      expectClean(o);
      expect(o.problems).toContainEqual({ code: "total-row-skipped", severity: "warning", cell: "学校!A4" });
      expect(o.skippedRows).toMatchObject({ total: 1 });
    },
  );

  test.each(["乡村小计", "小计（城区）", "其中：小学", "其中:民办"])(
    "a subtotal or breakdown row %s, even typed 小学, is skipped and counted",
    async (name) => {
      const row = total(name, "小学");
      const o = await outcomeOfBook(table([header(), school(0), school(1), row, ...countyRows().slice(3)]));
      expectClean(o);
      expect(o.skippedRows).toMatchObject({ subtotal: 1 });
    },
  );

  test("a total in a 序号 column left of the names, at the end and in the middle", async () => {
    const rows = countyRows().map((r, i) => [i === 0 ? "序号" : i, ...r]);
    rows.splice(3, 0, ["城区合计", ...total("").slice()]);
    rows.push(["总计", ...total("")]);
    const o = await outcomeOfBook(table(rows));
    expectClean(o);
    expect(o.skippedRows).toMatchObject({ total: 2 });
  });

  test("a school without its type under a total is an error on its type cell, not a school dropped", async () => {
    const blankType = school(2).slice();
    blankType[1] = null;
    const o = await outcomeOfBook(
      table([header(), school(0), school(1), total("城区学校合计"), blankType, school(3)]),
    );
    expect(o.ok).toBe(false);
    expect(errorsOf(o)).toEqual([{ code: "blank-required", severity: "error", cell: cellOf("type", 5) }]);
  });

  test("blank rows between groups (written empty, or absent from the file) are skipped and named", async () => {
    for (const gap of [[[]], [undefined, undefined]] as (RawCell[] | undefined)[][]) {
      const o = await outcomeOfBook(
        table([header(), school(0), school(1), ...gap, ...countyRows().slice(3)]),
      );
      expectClean(o);
      expect(o.problems).toEqual([{ code: "blank-row-skipped", severity: "warning", cell: "学校!A4" }]);
      expect(o.skippedRows).toMatchObject({ blank: gap.length, afterEnd: 0 });
    }
  });

  test("a total, a blank row, then the villages' schools: all read", async () => {
    const o = await outcomeOfBook(
      table([header(), school(0), school(1), total("城区学校合计"), [], ...countyRows().slice(3)]),
    );
    expectClean(o);
    expect(o.problems.map((p) => p.code).sort()).toEqual(["blank-row-skipped", "total-row-skipped"]);
  });

  test("a legend of bare column numbers under the header is skipped", async () => {
    const numbers = header().map((_, i) => (i < 2 ? null : i - 1));
    const o = await outcomeOfBook(table([header(), numbers, ...countyRows().slice(1)]));
    expectClean(o);
    expect(o.skippedRows).toMatchObject({ legend: 1 });
  });

  test("under the table a total, notes and a signature end it quietly", async () => {
    const o = await outcomeOfBook(
      table([
        ...countyRows(),
        total("合计"),
        [],
        ["注：数据截至9月1日"],
        ["填表人：王某", null, "审核人：李某"],
      ]),
    );
    expectClean(o);
    expect(o.problems).toEqual([]);
  });
});

describe("no stale data chosen (item 2)", () => {
  /** last year's county: every figure doubled */
  const stale = () =>
    countyRows().map((row, r) => (r === 0 ? row : row.map((v) => (typeof v === "number" ? v * 2 : v))));

  test.each(["hidden", "veryHidden"] as const)(
    "a %s sheet holding a stale table, before the visible one, is passed over and named",
    async (state) => {
      const o = await outcomeOfBook(
        rawBook([rawSheet(stale(), { name: "2023年", state }), rawSheet(countyRows())]),
      );
      expectClean(o);
      expect(o.sheet).toBe("学校");
      expect(o.problems).toEqual([{ code: "hidden-sheet", severity: "warning", cell: null }]);
      expect(o.messages[0].zh).toContain("2023年");
    },
  );

  test("exceljs's hidden and very hidden sheets, as Excel saves them, too", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, state] of [
      ["旧表", "hidden"],
      ["备份", "veryHidden"],
    ] as const) {
      const sheet = workbook.addWorksheet(name, { state });
      stale().forEach((row) => sheet.addRow(row as ExcelJS.CellValue[]));
    }
    const visible = workbook.addWorksheet("学校");
    countyRows().forEach((row) => visible.addRow(row as ExcelJS.CellValue[]));
    const o = await outcomeOfBook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expectClean(o);
    expect(o.problems.filter((p) => p.code === "hidden-sheet")).toHaveLength(2);
  });

  const teachingArea = TEMPLATE_COLUMNS.findIndex((c) => c.id === "teachingArea");
  /** the county with a stale copy of 教学及辅助用房面积 (all 1) first or last, that column hidden as `cols` says */
  const withCopy = (first: boolean) =>
    countyRows().map((row, r) => {
      const copy = r === 0 ? row[teachingArea] : 1;
      return first ? [copy, ...row] : [...row, copy];
    });

  test.each([
    ["first, hidden", true, '<col min="1" max="1" hidden="1"/>', "A1"],
    ["last, hidden", false, `<col min="28" max="28" hidden="1"/>`, "AB1"],
    ["first, dragged to no width", true, '<col min="1" max="1" width="0" customWidth="1"/>', "A1"],
  ])("a stale copy of a column (%s) is never read over the visible one", async (_, first, cols, copyCell) => {
    const o = await outcomeOfBook(rawBook([rawSheet(withCopy(first), { before: `<cols>${cols}</cols>` })]));
    expectClean(o);
    expect(o.problems).toEqual([{ code: "duplicate-column", severity: "warning", cell: `学校!${copyCell}` }]);
    expect(o.messages[0].zh).toContain("隐藏");
  });
});

describe("a huge used range costs the cells that exist (item 3)", () => {
  test("a stray cell at XFD1048576 under a lying <dimension>", async () => {
    const o = await outcomeOfBook(
      rawBook([
        rawSheet(countyRows(), {
          before: '<dimension ref="A1:XFD1048576"/>',
          extraRows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        }),
      ]),
    );
    expectClean(o);
    expect(o.problems).toEqual([{ code: "rows-after-blank", severity: "warning", cell: "学校!XFD1048576" }]);
  });

  // what a formula filled down far below the table leaves in each row (20,000 rows here; the slow tier goes to
  // row 1,048,576 through the command line)
  const below = 20_000 - COUNTY.length - 1;
  // [what the formula leaves, its cell in row r, the rows counted as left out: a "" result is no cell at all]
  const residue: [string, (r: number) => string, number][] = [
    [
      "0 (a computed column, cached)",
      (r) => `<c r="AB${r}"><f>IFERROR(P${r}/E${r},0)</f><v>0</v></c>`,
      below,
    ],
    ["#DIV/0!", (r) => `<c r="AB${r}" t="e"><f>P${r}/E${r}</f><v>#DIV/0!</v></c>`, below],
    ["a formula never calculated", (r) => `<c r="AB${r}"><f>P${r}/E${r}</f></c>`, below],
    ["an empty <v/> beside a formula (openpyxl)", (r) => `<c r="AB${r}"><f>P${r}/E${r}</f><v/></c>`, below],
    ['"" in the name column', (r) => `<c r="A${r}" t="str"><f>IF(B${r}="","",B${r})</f><v></v></c>`, 0],
    [
      "0 in a figure column the table reads",
      (r) => `<c r="P${r}"><f>SUM(Q${r}:R${r})</f><v>0</v></c>`,
      below,
    ],
  ];
  test.each(residue)(
    "a formula filled down to row 20,000 leaving %s: the county, no error",
    async (_, cell, left) => {
      let extra = "";
      for (let r = COUNTY.length + 2; r <= 20_000; r++) extra += `<row r="${r}">${cell(r)}</row>`;
      const o = await outcomeOfBook(rawBook([rawSheet(countyRows(), { extraRows: extra })]));
      expectClean(o);
      expect(o.problems).toEqual([]);
      // every row left out that holds something is counted, as a row without a school
      expect(o.skippedRows).toMatchObject({ blank: left, afterEnd: 0 });
    },
  );
});

describe("values read as they are, or refused (item 5)", () => {
  const styles =
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
    '<numFmt numFmtId="165" formatCode="0&quot;人&quot;"/></numFmts>' +
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
  const oneCell = (id: string, row: number, xml: string, sharedStrings?: string[]) =>
    outcomeOfBook(rawBook([rawSheet(withCells({ [row]: { [id]: { xml } } }))], { styles, sharedStrings }));
  // row 2 is 城关第一小学: 600 primary pupils, 3000 ㎡ of teaching area, 150 万元 of equipment
  const P = "primaryStudents";

  test.each([
    ['an ISO date stored with t="d"', '<c r="$REF" t="d"><v>2024-09-01</v></c>', "date-not-number"],
    ["a count in the built-in date format 14", '<c r="$REF" s="1"><v>600</v></c>', "date-not-number"],
    ["a count in a custom 年月日 format", '<c r="$REF" s="2"><v>600</v></c>', "date-not-number"],
    ["a formula never calculated", '<c r="$REF"><f>300*2</f></c>', "formula-not-calculated"],
    ["a formula with an empty <v/> (openpyxl)", '<c r="$REF"><f>300*2</f><v/></c>', "formula-not-calculated"],
    ["1e308 pupils", '<c r="$REF"><v>1e308</v></c>', "number-too-large"],
    ["1e400, which no double holds", '<c r="$REF"><v>1e400</v></c>', "not-a-number"],
    ["an error value", '<c r="$REF" t="e"><v>#REF!</v></c>', "excel-error"],
    ["a logical value", '<c r="$REF" t="b"><v>1</v></c>', "not-a-number"],
    ["Chinese numerals", '<c r="$REF" t="inlineStr"><is><t>六百</t></is></c>', "not-a-number"],
  ])("%s in a count column is an error naming the cell", async (_, xml, code) => {
    const o = await oneCell(P, 2, xml);
    expect(o.ok).toBe(false);
    expect(errorsOf(o)).toEqual([{ code, severity: "error", cell: cellOf(P, 2) }]);
  });

  test("the message of a value the file holds quotes it as the file holds it, never as Infinity", async () => {
    const o = await oneCell(P, 2, '<c r="$REF"><v>1e400</v></c>');
    expect(o.messages[0].en).toContain('"1e400"');
    expect(o.messages[0].en).not.toContain("Infinity");
  });

  test.each([
    ["<v>600</v> as a plain number", '<c r="$REF"><v>600</v></c>'],
    ["<v>6e2</v>", '<c r="$REF"><v>6e2</v></c>'],
    ['a count in a 0"人" format (no date)', '<c r="$REF" s="3"><v>600</v></c>'],
    ["an inline string", '<c r="$REF" t="inlineStr"><is><t>600</t></is></c>'],
    ["inline rich text in runs", '<c r="$REF" t="inlineStr"><is><r><t>6</t></r><r><t>00</t></r></is></c>'],
    ["a formula's text result", '<c r="$REF" t="str"><f>"600"</f><v>600</v></c>'],
    ["a formula's cached number", '<c r="$REF"><f>300*2</f><v>600</v></c>'],
    ["a shared string in full-width digits", '<c r="$REF" t="s"><v>0</v></c>'],
  ])("%s reads as 600 pupils", async (_, xml) => {
    const o = await oneCell(P, 2, xml, ["６００"]);
    expectClean(o);
  });

  test("<v>3,000</v> in a numeric cell is 3000 ㎡, never 3", async () => {
    expectClean(await oneCell("teachingArea", 2, '<c r="$REF"><v>3,000</v></c>'));
  });

  test("1e305 万元 of equipment is an error, never a value that counts as met", async () => {
    const o = await oneCell("equipmentValue", 3, '<c r="$REF"><v>1e305</v></c>');
    expect(errorsOf(o)).toEqual([
      { code: "number-too-large", severity: "error", cell: cellOf("equipmentValue", 3) },
    ]);
  });

  test("a shared formula never calculated: each cell named, with its formula moved to it", async () => {
    const col = letter(P);
    const rows = withCells({
      2: { [P]: { xml: `<c r="$REF"><f t="shared" ref="${col}2:${col}3" si="0">300*2</f></c>` } },
      3: { [P]: { xml: '<c r="$REF"><f t="shared" si="0"/></c>' } },
    });
    const o = await outcomeOfBook(rawBook([rawSheet(rows)]));
    expect(errorsOf(o).map((p) => [p.code, p.cell])).toEqual([
      ["formula-not-calculated", cellOf(P, 2)],
      ["formula-not-calculated", cellOf(P, 3)],
    ]);
    // a child whose group's first cell is missing is named too, without an empty pair of brackets
    const orphan = await oneCell(P, 2, '<c r="$REF"><f t="shared" si="7"/></c>');
    expect(errorsOf(orphan)[0].code).toBe("formula-not-calculated");
    expect(orphan.messages[0].zh).not.toContain("（）");
  });
});

describe("teaching points merged into their parents (item 7)", () => {
  const merging: Profile = { ...NATIONAL_2017, teachingPoints: "mergeIntoParent" };
  const point = COUNTY.length - 1;
  const withParent = (parent: string, extra: CellValue[][] = []) =>
    rawBook([rawSheet([...withCells({ [point + 2]: { parent } }), ...extra])]);
  const special = templateRow({
    name: "特殊教育学校",
    type: "特殊教育学校",
    primaryStudents: 40,
    teachingArea: 2000,
    sportsArea: 2000,
    equipmentValue: 50,
    multimediaRooms: 4,
  });

  test("merged into a school with primary pupils, no pupil is lost", async () => {
    const o = await outcomeOfBook(withParent("城关第一小学"), { profile: merging });
    expect(errorsOf(o)).toEqual([]);
    const levels = (o.verdict as { levels: { primary: { students: number } } }).levels;
    const pupils = COUNTY.reduce((sum, s) => sum + Number(s.primaryStudents ?? 0), 0);
    expect(levels.primary.students).toBe(pupils);
  });

  test.each([
    ["a junior school, without the point's level", "城关中学", "parent-lacks-level"],
    ["itself", "哈拉黑教学点", "parent-cycle"],
    ["a special-education school, not evaluated", "特殊教育学校", "parent-excluded"],
  ])("a parent that is %s is an error on the point's 所属学校 cell", async (_, parent, code) => {
    const o = await outcomeOfBook(withParent(parent, [special]), { profile: merging });
    expect(errorsOf(o)).toEqual([{ code, severity: "error", cell: cellOf("parent", point + 2) }]);
  });

  test("two teaching points each other's parent: both named", async () => {
    const second = templateRow({ ...COUNTY[point], name: "第二教学点", parent: "哈拉黑教学点" });
    const o = await outcomeOfBook(withParent("第二教学点", [second]), { profile: merging });
    expect(errorsOf(o).map((p) => [p.code, p.cell])).toEqual([
      ["parent-cycle", cellOf("parent", point + 2)],
      ["parent-cycle", cellOf("parent", point + 3)],
    ]);
  });
});

describe("combined schools, one rule (item 8)", () => {
  const nine = COUNTY.findIndex((s) => s.type === "九年一贯制学校") + 2;

  test("a nine-year school with 0 or blank junior pupils is an error on that cell", async () => {
    for (const junior of [0, null]) {
      const o = await outcomeOfBook(rawBook([rawSheet(withCells({ [nine]: { juniorStudents: junior } }))]));
      expect(errorsOf(o)).toEqual([
        { code: "combined-missing-section", severity: "error", cell: cellOf("juniorStudents", nine) },
      ]);
    }
  });

  test("a twelve-year school with blank senior pupils reads as none, with a warning, as the template does", async () => {
    const twelve = COUNTY.map((s, i) => (i === nine - 2 ? { ...s, type: "十二年一贯制学校" } : s));
    const reference = await cleanVerdict(twelve);
    const rows = countyRows(twelve);
    const o = await outcomeOfBook(rawBook([rawSheet(rows)]));
    expect(errorsOf(o)).toEqual([]);
    expect(o.problems).toContainEqual({
      code: "combined-no-senior",
      severity: "warning",
      cell: cellOf("seniorStudents", nine),
    });
    expect(o.verdict).toEqual(reference);
  });

  test("whole-school and per-section facilities that disagree: an error naming both cells", async () => {
    const perSection = ["小学教学及辅助用房面积（㎡）", "初中教学及辅助用房面积（㎡）"];
    const rows: CellValue[][] = countyRows().map((row, r) =>
      r === 0 ? [...row, ...perSection] : r === nine - 1 ? [...row, 800, 900] : [...row, null, null],
    );
    const o = await outcomeOfBook(rawBook([rawSheet(rows)]));
    const problem = errorsOf(o).find((p) => p.code === "facilities-whole-and-section");
    expect(problem?.cell).toBe(cellOf("teachingArea", nine));
    const at = o.problems.indexOf(problem as BookOutcome["problems"][number]);
    expect(o.messages[at].zh).toContain(`学校!AB${nine}`);
  });
});

describe("sheet names that read as references are quoted (item 9)", () => {
  test.each(["A1", "TRUE", "R1C1", "rc", "O'Brien", "2024", "Sheet 1"])("sheet %s", async (name) => {
    const rows = withCells({ 3: { primaryStudents: -5 } });
    const o = await outcomeOfBook(rawBook([rawSheet(rows, { name })]));
    const cell = `${sheetRef(name)}!${letter("primaryStudents")}3`;
    expect(cell.startsWith("'")).toBe(true);
    expect(errorsOf(o)).toEqual([{ code: "negative-number", severity: "error", cell }]);
    expect(o.messages[0].zh.startsWith(cell)).toBe(true);
  });
});

test("the clean template itself: one sheet, read without a problem", async () => {
  const bytes = await cleanTemplate();
  const workbook = await readWorkbook(bytes);
  expect(workbook.ok && workbook.grids.map((g) => g.sheet)).toEqual(["学校"]);
  expect((await outcomeOfBook(bytes)).problems).toEqual([]);
});
