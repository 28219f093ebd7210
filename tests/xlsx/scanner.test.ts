/**
 * The XML scanner's quick paths (src/xlsx/reader/xml.ts): a close tag compared in place with the element open,
 * an attribute name of plain ASCII accepted without a pattern, a cell of the plain form read with one match.
 * Each must accept and refuse exactly what the general check does.
 */
import fc from "fast-check";
import { readWorkbook } from "../../src/xlsx/reader";
import { rawWorkbook, sheetData } from "./rawWorkbook";

async function read(rows: string[]) {
  return readWorkbook(rawWorkbook({ sheets: [{ name: "学校", xml: sheetData(rows) }] }));
}

describe("close tags", () => {
  test("the open element's name, spaces after it allowed, closes it", async () => {
    const result = await read([
      '<row r="1"><c r="A1"><v>1</v\t></c \r\n></row>',
      '<row r="2"><c r="A2"><v>2</v></c></row >',
    ]);
    expect(result).toMatchObject({ ok: true, grids: [{ values: [[1], [2]] }] });
  });

  test("another name, a name that only starts like it, or a space before it is damage", async () => {
    for (const row of [
      '<row r="1"><c r="A1"><v>1</vv></c></row>',
      '<row r="1"><c r="A1"><v>1</ v></c></row>',
      '<row r="1"><c r="A1"><v>1</c></v></row>',
      '<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet></x>',
    ]) {
      expect([row, await read([row])]).toMatchObject([row, { ok: false, problem: { code: "xlsx-corrupt" } }]);
    }
  });

  test("a prefixed element closes by its whole name", async () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const result = await readWorkbook(rawWorkbook({ sheets: [{ name: "学校", xml }] }));
    expect(result).toMatchObject({ ok: true, grids: [{ values: [[7]] }] });
    const crossed = xml.replace("</x:v>", "</y:v>");
    const refused = await readWorkbook(rawWorkbook({ sheets: [{ name: "学校", xml: crossed }] }));
    expect(refused).toMatchObject({ ok: false, problem: { code: "xlsx-corrupt" } });
  });
});

describe("attribute names", () => {
  test("plain ASCII names and names beyond ASCII are read", async () => {
    const result = await read([
      '<row r="1" x14ac:dyDescent="0.25" my_attr.v-2="1" 属性="是"><c r="A1" s="0"><v>3</v></c></row>',
    ]);
    expect(result).toMatchObject({ ok: true, grids: [{ values: [[3]] }] });
  });

  test("a name with a space inside it (an ASCII one or a no-break space) is damage", async () => {
    for (const row of [
      '<row r="1"><c a b="1" r="A1"><v>1</v></c></row>',
      '<row r="1"><c a\u00a0b="1" r="A1"><v>1</v></c></row>',
      '<row r="1"><c =" 1" r="A1"><v>1</v></c></row>',
    ]) {
      expect([row, await read([row])]).toMatchObject([row, { ok: false, problem: { code: "xlsx-corrupt" } }]);
    }
  });
});

describe("a part read in pieces", () => {
  // a sheet of several 16 KB pieces: texts beyond ASCII, comments and CDATA with "<" in them, and one text
  // longer than a piece, wherever the pieces happen to end
  const long = "长".repeat(30000);
  const rows: string[] = [];
  const expected: string[][] = [];
  for (let r = 1; r <= 2000; r++) {
    const name = `第${r}小学·${"校".repeat(r % 13)}`;
    const note = `a<b & ${r}`;
    const comment = r % 7 === 0 ? `<!-- ${r} < ${r + 1} -->` : "";
    rows.push(
      `<row r="${r}">${comment}<c r="A${r}" t="inlineStr"><is><t>${name}</t></is></c>` +
        `<c r="B${r}" t="inlineStr"><is><t><![CDATA[${note}]]></t></is></c></row>`,
    );
    expected.push([name, note]);
  }
  rows.push(`<row r="2001"><c r="A2001" t="inlineStr"><is><t>${long}</t></is></c></row>`);
  expected.push([long]);

  test("read as a whole part reads", async () => {
    const result = await read(rows);
    if (!result.ok) throw new Error(result.problem.message.en);
    expect(result.grids[0].values).toEqual(expected);
  });

  test("a part cut short inside a tag is damage", async () => {
    const xml = sheetData(rows);
    const cut = xml.slice(0, xml.indexOf('<c r="B1500"') + 5);
    const result = await readWorkbook(rawWorkbook({ sheets: [{ name: "学校", xml: cut }] }));
    expect(result).toMatchObject({ ok: false, problem: { code: "xlsx-corrupt" } });
  });
});

describe("cells of the plain form", () => {
  // xf 1 is a date format: a number in it reads as a date
  const styles = '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="0"/></cellXfs>';
  const sharedStrings = ["甲小学", " ", "", "1,500"];

  interface Cell {
    ref: string;
    style: string | undefined;
    type: string | undefined;
    value: string | undefined;
  }

  /** The cell as Excel writes it (the quick path), or with the same attributes spaced and quoted otherwise. */
  function cellXml(cell: Cell, plain: boolean): string {
    const q = plain ? '"' : "'";
    const gap = plain ? " " : "  ";
    let xml = `<c${gap}r=${q}${cell.ref}${q}`;
    if (cell.style !== undefined) xml += `${gap}s=${q}${cell.style}${q}`;
    if (cell.type !== undefined) xml += `${gap}t=${q}${cell.type}${q}`;
    return cell.value === undefined ? `${xml}/>` : `${xml}><v>${cell.value}</v></c>`;
  }

  async function readBoth(rows: Cell[][]) {
    const read = (plain: boolean) =>
      readWorkbook(
        rawWorkbook({
          sheets: [
            {
              name: "学校",
              xml: sheetData(
                rows.map(
                  (cells, r) => `<row r="${r + 1}">${cells.map((c) => cellXml(c, plain)).join("")}</row>`,
                ),
              ),
            },
          ],
          sharedStrings,
          styles,
        }),
      );
    return { plain: await read(true), general: await read(false) };
  }

  const cell = (row: number): fc.Arbitrary<Cell> =>
    fc.record({
      ref: fc.oneof(
        {
          weight: 8,
          arbitrary: fc.constantFrom("A", "B", "c", "AA", "XFD", "XFE").map((col) => `${col}${row}`),
        },
        { weight: 1, arbitrary: fc.constantFrom("A0", "ZZZ1", "A1048577", `$A$${row}`, `A${row + 1}`) },
      ),
      style: fc.option(fc.constantFrom("0", "1", "2", "7", "01"), { nil: undefined }),
      type: fc.option(fc.constantFrom("s", "n", "str", "b", "e", "d", "inlineStr", "x"), { nil: undefined }),
      value: fc.option(
        fc.constantFrom(
          "",
          "0",
          "3",
          "4",
          "12.5",
          "-7",
          "007",
          "123456789012345",
          "1234567890123456789",
          "1e3",
          " 8 ",
          "1e400",
          "true",
          "#N/A",
          "2024-09-01",
          "长>短",
        ),
        { nil: undefined },
      ),
    });

  test("read as the general path reads the same cells, values and damage alike", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.tuple(cell(1), cell(2), cell(3)), { minLength: 1, maxLength: 4 })
          .map((rows) =>
            rows.map(([a, b, c], r) =>
              [a, b, c].map((x) => ({ ...x, ref: x.ref.replace(/\d+$/, String(r + 1)) })),
            ),
          ),
        async (rows) => {
          const { plain, general } = await readBoth(rows);
          expect(plain).toEqual(general);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("a cell inside another's value (a broken sheet) is read as the general path reads it", async () => {
    const rows = (gap: string) => [
      `<row r="1"><c${gap}r="A1"><v>1<c${gap}r="B1"><v>2</v></c></v></c><c${gap}r="C1"><v>3</v></c></row>`,
      `<row r="2"><c${gap}r="A2"><v>4</v><c${gap}r="B2" t="s"><v>0</v></c></c></row>`,
    ];
    const read = (gap: string) =>
      readWorkbook(
        rawWorkbook({ sheets: [{ name: "学校", xml: sheetData(rows(gap)) }], sharedStrings, styles }),
      );
    const [plain, general] = [await read(" "), await read("  ")];
    expect(plain).toEqual(general);
    // the inner cell's <v> ends the outer one's collecting: the outer cell then closes at the inner one's place
    expect(plain).toMatchObject({
      ok: true,
      grids: [
        {
          values: [
            [null, 2, 3],
            [null, "甲小学"],
          ],
        },
      ],
    });
  });

  test("a sheet of them reads the numbers, texts, dates and blanks they hold", async () => {
    const { plain, general } = await readBoth([
      [
        { ref: "A1", style: undefined, type: "s", value: "0" },
        { ref: "B1", style: "1", type: undefined, value: "45536" },
        { ref: "C1", style: "2", type: undefined, value: "12.5" },
        { ref: "D1", style: "2", type: undefined, value: undefined },
        { ref: "E1", style: undefined, type: "str", value: "" },
        { ref: "F1", style: undefined, type: "b", value: "1" },
      ],
    ]);
    expect(plain).toEqual(general);
    expect(plain).toMatchObject({
      ok: true,
      grids: [{ values: [["甲小学", new Date(Date.UTC(2024, 8, 1)), 12.5, null, null, true]] }],
    });
  });
});
