import { evaluateTable } from "../../src/pipeline";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { DEMO_RENAMED_HEADER, startDemo } from "../../src/excel/memory/demo";
import { SHOWN_COLUMNS, SHOWN_ROWS, displayText, workbookView } from "../../src/excel/memory/workbookView";
import { doubleFromGrids } from "../../src/web/workbook";

describe("demo mode's workbook", () => {
  const options = { lang: "zh" as const, theme: "light" as const, displayLanguage: "zh-CN" };

  it("holds the sample county, selected, with one header in a county's own words", async () => {
    const demo = startDemo(options);
    const selection = await demo.host.readTable("selection");
    const used = await demo.host.readTable("usedRange");
    expect(selection.values).toEqual(used.values);
    expect(used.sheet).toBe(demo.sheet);

    const plain = evaluateTable(used, NATIONAL_2017);
    expect(plain.read.unmatchedHeaders.map((h) => h.header)).toEqual([DEMO_RENAMED_HEADER.header]);
    expect(plain.ok).toBe(false);

    const col = plain.read.unmatchedHeaders[0].col;
    const corrected = evaluateTable(used, NATIONAL_2017, {
      mapping: { [DEMO_RENAMED_HEADER.columnId]: col },
    });
    expect(corrected.ok).toBe(true);
    expect(corrected.read.records.map((r) => r.name)).toEqual(sampleCountyRecords().map((r) => r.name));
  });

  it("shows its sheets to the sheet viewer with the values Excel would display", async () => {
    const demo = startDemo(options);
    const [sheet] = await demo.view.sheets();
    expect(sheet.name).toBe(demo.sheet);
    const header = sheet.rows.find((r) => r.some((c) => c.text === DEMO_RENAMED_HEADER.header));
    expect(header).toBeDefined();
    expect(sheet.rows.length).toBe(2 + sampleCountyRecords().length);
  });

  it.each([
    [499, 299],
    [1048575, 16383],
  ])(
    "shows a sheet with a stray value at row %s, column %s by its corner, saying how large it is",
    async (row, col) => {
      const excel = doubleFromGrids([
        {
          sheet: "学校",
          topLeft: "A1",
          values: [
            ["学校名称", "小学在校生数"],
            ["第一小学", 300],
          ],
        },
      ]);
      excel.model.writeInput(excel.model.requireSheet("学校"), row, col, "备注");
      excel.model.changed();
      const [sheet] = await workbookView(excel.model).sheets();
      expect([sheet.rowCount, sheet.columnCount]).toEqual([row + 1, col + 1]);
      expect(sheet.rows.length).toBe(SHOWN_ROWS);
      expect(Math.max(...sheet.rows.map((r) => r.length))).toBe(SHOWN_COLUMNS);
      expect(sheet.rows[1].slice(0, 2).map((c) => c.text)).toEqual(["第一小学", "300"]);
    },
  );

  it("keeps the host's theme and language as the page asked", () => {
    const demo = startDemo({ lang: "en", theme: "dark", displayLanguage: "en-US" });
    expect(demo.host.theme()).toBe("dark");
    expect(demo.host.displayLanguage()).toBe("en-US");
  });
});

describe("cell text under the report's number formats", () => {
  it.each([
    [0.51534, "0.0000", "0.5153"],
    [4.2, "0.00", "4.20"],
    [1234.5, "0", "1235"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [0.853, "0.0%", "85.3%"],
    [-0.0001, "0.00", "0.00"],
    [-2.5, "0.0", "-2.5"],
    [1 / 3, undefined, "0.3333333333"],
    [12, "General", "12"],
  ])("%p under %p shows %p", (value, format, text) => {
    expect(displayText(value, format)).toBe(text);
  });

  it("shows text, booleans, errors and blanks as Excel does", () => {
    expect(displayText("达标", "0.00")).toBe("达标");
    expect(displayText(true, undefined)).toBe("TRUE");
    expect(displayText({ error: "#DIV/0!" }, "0.00")).toBe("#DIV/0!");
    expect(displayText(null, "0.00")).toBe("");
  });
});
