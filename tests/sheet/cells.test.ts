import { numberFromText, readCell, readNumber, readText } from "../../src/sheet/cells";

describe("numberFromText: numbers as clerks write them", () => {
  it.each([
    ["1,234", 1234],
    ["１２３", 123],
    [" 45 ", 45],
    ["1，234", 1234],
    ["1,234,567.25", 1234567.25],
    ["-12", -12],
    ["\u221212", -12],
    ["０．５", 0.5],
    [".5", 0.5],
    ["12.", 12],
    ["1 234", 1234],
  ])("%j → %d", (text, value) => {
    expect(numberFromText(text)).toBe(value);
  });

  it.each(["", "abc", "1,23", "12,3456", "1.2.3", "1e3", "12%", "约100", "100人", "--5", "0x10", "Infinity"])(
    "%j is not a number",
    (text) => {
      expect(numberFromText(text)).toBeNull();
    },
  );
});

describe("readNumber: a cell where a number belongs", () => {
  it("reads numbers, numbers as text, and blanks", () => {
    expect(readNumber(12.5)).toEqual({ kind: "number", value: 12.5 });
    expect(readNumber("1,234")).toEqual({ kind: "number", value: 1234 });
    expect(readNumber(null)).toEqual({ kind: "blank" });
    expect(readNumber(undefined)).toEqual({ kind: "blank" });
    expect(readNumber("  ")).toEqual({ kind: "blank" });
    expect(readNumber("—")).toEqual({ kind: "blank" });
    expect(readNumber("／")).toEqual({ kind: "blank" });
  });

  it("tells apart what is not a number", () => {
    expect(readNumber({ error: "#N/A" })).toEqual({
      kind: "notNumber",
      cell: { kind: "error", text: "#N/A" },
    });
    expect(readNumber("#VALUE!")).toEqual({ kind: "notNumber", cell: { kind: "error", text: "#VALUE!" } });
    expect(readNumber(new Date(Date.UTC(2025, 0, 2)))).toEqual({
      kind: "notNumber",
      cell: { kind: "date", text: "2025-01-02" },
    });
    expect(readNumber(new Date(Number.NaN))).toEqual({
      kind: "notNumber",
      cell: { kind: "date", text: "Invalid Date" },
    });
    expect(readNumber(true)).toEqual({ kind: "notNumber", cell: { kind: "boolean", value: true } });
    expect(readNumber(Number.NaN)).toEqual({ kind: "notNumber", cell: { kind: "notFinite", text: "NaN" } });
    expect(readNumber(-Infinity)).toEqual({
      kind: "notNumber",
      cell: { kind: "notFinite", text: "-Infinity" },
    });
    expect(readNumber("多")).toEqual({ kind: "notNumber", cell: { kind: "text", text: "多" } });
  });

  it("reads exceljs's formula results, rich text and hyperlinks", () => {
    expect(readNumber({ formula: "A1+A2", result: 30 })).toEqual({ kind: "number", value: 30 });
    expect(readNumber({ formula: "1/0", result: { error: "#DIV/0!" } })).toMatchObject({
      cell: { kind: "error" },
    });
    expect(readNumber({ richText: [{ text: "1," }, { text: "200" }] })).toEqual({
      kind: "number",
      value: 1200,
    });
    expect(readText({ text: "第一小学", hyperlink: "http://example.org" })).toEqual({
      kind: "text",
      text: "第一小学",
    });
  });

  it("classifies anything else as text, without throwing", () => {
    expect(readCell({})).toEqual({ kind: "text", text: "[object Object]" });
    expect(readCell(Symbol("x"))).toEqual({ kind: "text", text: "[object Symbol]" });
    expect(readCell(() => 1)).toEqual({ kind: "text", text: "[object Function]" });
    expect(readCell(BigInt(7))).toEqual({ kind: "number", value: 7 });
    const deep: Record<string, unknown> = {};
    deep.result = deep;
    expect(readCell(deep).kind).toBe("text");
  });
});
