/**
 * The XML scanner's quick paths (src/xlsx/reader/xml.ts): a close tag compared in place with the element open,
 * an attribute name of plain ASCII accepted without a pattern. Each must accept and refuse exactly what the
 * general check does.
 */
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
