/**
 * Long tables on paper, through LibreOffice: a county failing in 124 schools prints 汇总 over several pages and a
 * plan of many additions prints its tables over several; each page of them starts with its table's header, and
 * every formula, with the headers' copies among the rows, recalculates to the figure Balance wrote.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { planSheet } from "../../src/report/planSheets";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { reportBytes } from "../../src/xlsx/report";
import { gridOf } from "../excel/county";
import {
  formulaMismatches,
  hasPoppler,
  hasSoffice,
  pdfPages,
  printToPdf,
  recalculatedSheets,
} from "./libreoffice";
import { manyCounties } from "./manyCounties";

const describePrint = hasSoffice() && hasPoppler() ? describe : describe.skip;

/** The pages whose page header names the table. */
const pagesOf = (pages: string[], table: string) =>
  pages.filter((text) => (text.split("\n").find((l) => l.trim() !== "") ?? "").includes(table));

describePrint("long tables print with their header on each page and recalculate in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "balance-long-tables-"));
  let report: Report;
  let plan: Report;
  let pdfs: string[];
  let computed: Map<string, Map<string, string[][]>>;
  const files = [join(dir, "failing.xlsx"), join(dir, "plan.xlsx")];

  beforeAll(async () => {
    const failing = manyCounties(4).map((r) => ({
      ...r,
      facilities: { ...r.facilities, teachingArea: r.facilities.teachingArea / 3 },
    }));
    const result = evaluateTable(gridOf(failing));
    report = buildReport(
      {
        evaluation: result.evaluation!,
        read: result.read,
        profile: result.profile,
        problems: result.problems,
      },
      { lang: "zh", sourceRange: "学校!A1:AA130", date: "2026-11-28", county: "白狼县", year: "2026" },
    );
    const additions = await planLeastCost(manyCounties(12), NATIONAL_2017, DEFAULT_UNIT_COSTS);
    plan = {
      sheets: [
        planSheet(additions, DEFAULT_UNIT_COSTS, NATIONAL_2017, "zh", {
          title: { county: "白狼县", year: "2026" },
        }),
      ],
    };
    writeFileSync(files[0], await reportBytes(report));
    writeFileSync(files[1], await reportBytes(plan));
    pdfs = printToPdf(files, dir);
    computed = recalculatedSheets(
      files,
      [report, plan].map((r) => r.sheets.map((s) => s.name)),
    );
  }, 300_000);

  test("汇总: every page after the first starts with the items' or the shortfalls' header", () => {
    const pages = pagesOf(pdfPages(pdfs[0]), "资源配置评估汇总");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const text of pages.slice(1))
      expect([text.slice(0, 300), /标准或限值|达到85%需增加/.test(text)]).toEqual([text.slice(0, 300), true]);
    expect(pages[pages.length - 1]).toMatch(/填报单位（盖章）/);
    for (const text of pages) expect(text).not.toContain("###");
  });

  test("补充方案: every page holds its table's header", () => {
    const pages = pagesOf(pdfPages(pdfs[1]), "资源配置补充方案");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const text of pages)
      expect([text.slice(0, 300), /单位成本|新增教师（人）/.test(text)]).toEqual([text.slice(0, 300), true]);
    expect(pages[pages.length - 1]).toMatch(/填报单位（盖章）/);
  });

  test("every formula recalculates to the figure written, the headers' copies among the rows", () => {
    let formulas = 0;
    [report, plan].forEach((r, i) => {
      const found = formulaMismatches(["failing", "plan"][i], r.sheets, computed.get(files[i])!);
      expect(found.mismatches).toEqual([]);
      formulas += found.formulas;
    });
    expect(formulas).toBeGreaterThan(1000);
  });
});
