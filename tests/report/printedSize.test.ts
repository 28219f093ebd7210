/**
 * No text of the report prints under 9 pt where a wider face stands in for 宋体 (WPS on Kylin or UOS, LibreOffice
 * without 宋体): each sheet as the file holds it — the sample county and a county's export as `balance evaluate
 * --out` writes them, a county of long names with its county sheet, the plan sheets — its smallest text scaled as
 * fitting its columns at their widest (`printedColumnWidth`, WIDEST_DIGIT_EM) to one page wide scales it. The slow
 * print test measures the same sizes in LibreOffice's PDF.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printedColumnWidth } from "../../src/report/print";
import { reportBytes } from "../../src/xlsx/report";
import { randomCounty } from "../excel/county";
import { run, tempDir } from "../cli/helpers";
import { countyReport, filledCountySheet } from "./countySheets";
import { pageSetupOf } from "./printCheck";
import { samplePlanSheets } from "./samplePlanSheets";

const LONG_NAMES = [
  "科尔沁右翼前旗额尔格图镇中心小学（东校区）",
  "乌兰浩特市义勒力特镇蒙古族九年一贯制学校",
  "扎赉特旗好力保镇巴达尔胡农场学校（北校区）",
];

async function sheetsOf(file: string): Promise<ExcelJS.Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook.worksheets;
}

const dir = tempDir();

const files: [string, () => Promise<string>][] = [
  [
    "the sample county (balance evaluate --out)",
    async () => {
      const out = join(dir, "sample.xlsx");
      expect(
        (await run("evaluate", "examples/sample-county.xlsx", "--county", "白狼县", "--out", out)).code,
      ).toBe(0);
      return out;
    },
  ],
  [
    "a county's export (balance evaluate --out)",
    async () => {
      const out = join(dir, "export.xlsx");
      expect(
        (await run("evaluate", "tests/fixtures/xls/export.xlsx", "--county", "科右前旗", "--out", out)).code,
      ).toBe(0);
      return out;
    },
  ],
  [
    "a county of long names with its county sheet",
    async () => {
      const records = randomCounty(30, 5).map((r, i) => ({
        ...r,
        name: `${LONG_NAMES[i % LONG_NAMES.length]}${i + 1}`,
      }));
      const out = join(dir, "long.xlsx");
      writeFileSync(
        out,
        await reportBytes(countyReport(records, filledCountySheet(), "科尔沁右翼前旗").report),
      );
      return out;
    },
  ],
  [
    "the plan, rotation and scenario sheets",
    async () => {
      const out = join(dir, "plans.xlsx");
      writeFileSync(out, await reportBytes({ sheets: await samplePlanSheets() }));
      return out;
    },
  ],
];

test.each(files)(
  "%s: no sheet's smallest text prints under 9 pt with the widest face",
  async (_, write) => {
    const sheets = await sheetsOf(await write());
    const fitted = sheets.filter((ws) => ws.pageSetup.fitToPage);
    expect(fitted.length).toBeGreaterThan(0);
    for (const ws of sheets) {
      const widest = pageSetupOf(ws, printedColumnWidth);
      // never narrower than Excel draws it with 宋体
      expect(widest.scale).toBeLessThanOrEqual(pageSetupOf(ws).scale);
      expect([ws.name, widest.smallestFont, widest.printedFont >= 9]).toEqual([
        ws.name,
        widest.smallestFont,
        true,
      ]);
    }
  },
  60_000,
);
