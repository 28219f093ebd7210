import { evaluate } from "../../src/engine";
import { MESSAGES, langOf, t } from "../../src/i18n/messages";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import {
  PANE_EXCEL_API,
  insideExcel,
  officeHostOf,
  unsupportedHost,
  webAppAddress,
} from "../../src/taskpane/boot";
import { headerCells, mappingFromSaved, savedFromMapping, withChoice } from "../../src/taskpane/mapping";
import { failingSections, indicatorsShort, weakestIndicators } from "../../src/taskpane/results";
import { gridRange, splitAddress, today } from "../../src/taskpane/addresses";
import type { CellValue } from "../../src/sheet/grid";
import { goodPrimary } from "../engine/helpers";

describe("messages", () => {
  it("has every Chinese key in English, none empty", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    for (const lang of ["zh", "en"] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang]))
        expect([key, text.trim().length > 0]).toEqual([key, true]);
    }
  });

  it("keeps the Chinese UI free of English words, but for the product's, Excel's, WPS's and browsers' names and file types", () => {
    // WPS: the other spreadsheet the clerks use, named where they are told to fix a file in it; browsers, named
    // where the web app says which one a calculation needs; the file types (.xlsx, .xls, .csv …) as the clerk's
    // files are named
    const allowed =
      /Excel|WPS|English|Chrome|Edge|Firefox|Safari|\.(?:xlsx|xls|et|csv|tsv|txt|xml|html?|zip)\b/g;
    for (const [key, text] of Object.entries(MESSAGES.zh)) {
      expect([key, /[A-Za-z]{2,}/.test(text.replace(/\{\w+\}/g, "").replace(allowed, ""))]).toEqual([
        key,
        false,
      ]);
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("zh", "problemsErrors", { n: 3 })).toBe("错误（3）");
    expect(t("en", "problemsErrors", { n: 3 })).toBe("Errors (3)");
    expect(t("en", "readFrom", { sheet: "学校" })).toContain("{range}");
  });

  it("counts one thing in the singular in English, as the pane shows a count", () => {
    expect(t("en", "readinessYearsLeft", { n: 1 })).toBe("1 year to go");
    expect(t("en", "readinessYearsLeft", { n: 2 })).toBe("2 years to go");
    expect(t("en", "readinessYearsPast", { n: 1 })).toBe("1 year past");
    expect(t("en", "weakestFailing", { n: "1" })).toBe("1 section short of the standard");
    expect(t("en", "columnsMatched", { n: 1 })).toBe("1 column matched");
    expect(t("en", "workbookRows", { rows: 1, cols: 1 })).toBe("1 row × 1 column");
    expect(t("en", "workbookRows", { rows: 0, cols: 30 })).toBe("0 rows × 30 columns");
    // Chinese has no plural: the count and its measure word as before
    expect(t("zh", "readinessYearsLeft", { n: 1 })).toBe("还有 1 年");
    expect(t("zh", "workbookRows", { rows: 1, cols: 1 })).toBe("1 行 × 1 列");
  });

  it("follows Office's display language: English for en-*, Chinese otherwise", () => {
    expect(langOf("en-US")).toBe("en");
    expect(langOf("EN-gb")).toBe("en");
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf("zh-TW")).toBe("zh");
    expect(langOf("fr-FR")).toBe("zh");
    expect(langOf(undefined)).toBe("zh");
  });
});

describe("column mapping saved by header text", () => {
  const grid = {
    sheet: "学校",
    topLeft: "A1",
    values: [["白狼县 2025 年学校统计"], ["学校名称", "类型", null, " 骨干教师\n(小学) ", 12]],
  };

  it("reads the non-blank header cells of the header row", () => {
    expect(headerCells(grid, 1)).toEqual([
      { header: "学校名称", col: 0 },
      { header: "类型", col: 1 },
      { header: "骨干教师\n(小学)", col: 3 },
      { header: "12", col: 4 },
    ]);
    expect(headerCells(grid, null)).toEqual([]);
  });

  it("round-trips a mapping through header text, ignoring whitespace inside headers", () => {
    const headers = headerCells(grid, 1);
    const saved = savedFromMapping({ primaryKeyTeachers: 3, locale: null }, headers);
    expect(saved).toEqual({ primaryKeyTeachers: "骨干教师\n(小学)", locale: null });
    const moved = headerCells({ ...grid, values: [[], ["骨干教师 (小学)", "学校名称"]] }, 1);
    expect(mappingFromSaved(saved, moved)).toEqual({ primaryKeyTeachers: 0, locale: null });
  });

  it("drops saved matches whose header is gone", () => {
    expect(mappingFromSaved({ type: "办学类型" }, headerCells(grid, 1))).toEqual({});
    expect(mappingFromSaved(undefined, headerCells(grid, 1))).toEqual({});
  });

  it("gives a header to one field only: choosing it unmaps the field that had it", () => {
    const matched = [
      { columnId: "primaryStudents", col: 4 },
      { columnId: "name", col: 0 },
    ];
    expect(withChoice({}, matched, "juniorStudents", 4)).toEqual({
      juniorStudents: 4,
      primaryStudents: null,
    });
    expect(withChoice({ juniorStudents: 4 }, matched, "seniorStudents", 4)).toEqual({
      juniorStudents: null,
      seniorStudents: 4,
      primaryStudents: null,
    });
    expect(withChoice({}, matched, "name", null)).toEqual({ name: null });
  });
});

describe("results card ordering", () => {
  it("puts the indicator with the highest CV relative to its limit first, and counts short sections", () => {
    const records = [goodPrimary("甲", 100), goodPrimary("乙", 100), goodPrimary("丙", 100)];
    // 丙 has almost no sports ground: its value drives the sports-area CV far above the limit
    records[2].facilities.sportsArea = 10;
    records[1].teachers.primary.keyTeachers = 0.9; // 0.9 per 100 students: just under 1.0
    const evaluation = evaluate(records, NATIONAL_2017);
    const weakest = weakestIndicators(evaluation, 3);
    expect(weakest[0]).toMatchObject({ level: "primary", indicator: "sportsArea", sectionsShort: 1 });
    expect(weakest[0].pressure).toBeGreaterThan(1);
    expect(weakest[0].cv).toBe(evaluation.levels.primary.balance.sportsArea.cv);
    expect(weakest.map((w) => w.pressure)).toEqual([...weakest.map((w) => w.pressure)].sort((a, b) => b - a));

    const failing = failingSections(evaluation);
    expect(failing.map((s) => s.school)).toEqual(["丙"]);
    expect(indicatorsShort(failing[0])).toEqual(["sportsArea"]);
  });

  it("skips a level with no section", () => {
    const evaluation = evaluate([goodPrimary("甲", 100)], NATIONAL_2017);
    expect(weakestIndicators(evaluation, 20).every((w) => w.level === "primary")).toBe(true);
  });
});

describe("addresses", () => {
  it("splits a cell address into sheet and cell", () => {
    expect(splitAddress("学校!F12")).toEqual({ sheet: "学校", cell: "F12" });
    expect(splitAddress("'My ''x'' sheet'!$B$3")).toEqual({ sheet: "My 'x' sheet", cell: "B3" });
    expect(splitAddress("C4")).toEqual({ sheet: null, cell: "C4" });
  });

  it("names the range a grid came from", () => {
    expect(gridRange({ sheet: "学校", topLeft: "B3", values: [[1, 2, 3], [4]] })).toBe("学校!B3:D4");
    expect(gridRange({ sheet: "My sheet", topLeft: "A1", values: [] })).toBe("'My sheet'!A1:A1");
    expect(today(new Date(2026, 0, 5))).toBe("2026-01-05");
  });

  it("names the range of a file's grid: 300,000 rows, some of them absent, one wider than the rest", () => {
    const values: CellValue[][] = [];
    for (let r = 0; r < 300_000; r += 2) values[r] = [r, "x"];
    values[123_456] = [1, 2, 3, 4, 5];
    expect(gridRange({ sheet: "学校", topLeft: "A1", values })).toBe("学校!A1:E299999");
  });
});

describe("inside Excel or in a plain browser", () => {
  it("is demo mode without office.js", async () => {
    expect(await insideExcel(undefined, 50)).toBe(false);
  });

  it("is demo mode when office.js reports no host", async () => {
    expect(await insideExcel({ onReady: async () => ({ host: null, platform: null }) }, 50)).toBe(false);
  });

  it("is Excel when office.js reports a host", async () => {
    expect(await insideExcel({ onReady: async () => ({ host: "Excel", platform: "PC" }) }, 50)).toBe(true);
  });

  it("names the Office host it is in", async () => {
    expect(await officeHostOf({ onReady: async () => ({ host: "Word", platform: "PC" }) }, 50)).toBe("Word");
    expect(await officeHostOf({ onReady: async () => ({ host: null, platform: null }) }, 50)).toBeNull();
  });

  it("does not wait forever on an Office.onReady that never resolves", async () => {
    const started = Date.now();
    expect(await insideExcel({ onReady: () => new Promise(() => undefined) }, 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("a host that cannot run the pane says so, in Chinese first, instead of breaking", () => {
  const WEB = "https://server/balance/web/index.html";
  const office = (sets: Record<string, string>) => ({
    context: {
      requirements: {
        isSetSupported: (name: string, version = "1.1") => {
          const [has, asked] = [sets[name] ?? "0.0", version].map((v) => v.split(".").map(Number));
          return has[0] > asked[0] || (has[0] === asked[0] && has[1] >= asked[1]);
        },
      },
    },
  });

  it("Excel with the ExcelApi set the pane's calls need: the pane runs", () => {
    expect(unsupportedHost("Excel", office({ ExcelApi: PANE_EXCEL_API }), WEB)).toBeNull();
    expect(unsupportedHost("Excel", office({ ExcelApi: "1.12" }), WEB)).toBeNull();
  });

  it("Excel 2016 or 2019 without it (ExcelApi 1.1 to 1.8): update Excel or use the web app", () => {
    for (const version of ["1.1", "1.7", "1.8"]) {
      const note = unsupportedHost("Excel", office({ ExcelApi: version }), WEB);
      expect(note?.zh).toContain("缺少均衡任务窗格所需的功能");
      expect(note?.zh).toContain(WEB);
      expect(note?.en).toContain(`ExcelApi ${PANE_EXCEL_API}`);
    }
  });

  it("an Office that cannot tell what it supports is taken as lacking it", () => {
    expect(unsupportedHost("Excel", {}, WEB)?.zh).toContain("缺少");
    expect(unsupportedHost("Excel", undefined, WEB)?.zh).toContain("缺少");
  });

  it("another Office application: the pane is for Excel", () => {
    const note = unsupportedHost("Word", office({ ExcelApi: "1.12" }), WEB);
    expect(note?.zh).toContain("只能在 Excel 中使用（当前是 Word）");
    expect(note?.en).toContain("Excel only");
  });

  it("the web app is the folder web/ next to the pane's page", () => {
    expect(webAppAddress("https://server/balance/taskpane.html?_host_Info=Excel#x")).toBe(WEB);
  });
});
