/**
 * The league and comparison workbooks as LibreOffice prints them: every county's sheet on its pages and the
 * charts drawn (their titles are in the PDF's text). Slow tier: it starts LibreOffice.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "../cli/helpers";
import { randomCounty, writeCounty } from "./helpers";
import { primarySchool, whole } from "./records";

const dir = tempDir();

function printed(xlsx: string): { pages: number; text: string } {
  const profile = join(dir, `lo-${Date.now()}`);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
    { stdio: "ignore", timeout: 240000 },
  );
  const pdf = xlsx.replace(/\.xlsx$/, ".pdf");
  expect(existsSync(pdf)).toBe(true);
  const info = execFileSync("pdfinfo", [pdf]).toString();
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    text: execFileSync("pdftotext", [pdf, "-"]).toString(),
  };
}

test("the league workbook prints the summary, each county and the charts", async () => {
  const files = [
    await writeCounty(dir, "科右前旗.xlsx", randomCounty(1701, 12, "前旗")),
    await writeCounty(dir, "突泉县.xlsx", randomCounty(1702, 16, "突泉")),
    await writeCounty(dir, "阿尔山市.xlsx", randomCounty(1703, 8, "阿市")),
  ];
  const out = join(dir, "league.xlsx");
  expect((await run("batch", ...files, "--out", out)).code).toBe(0);
  const { pages, text } = printed(out);
  expect(pages).toBeGreaterThanOrEqual(4);
  for (const county of ["科右前旗", "突泉县", "阿尔山市"])
    expect(text).toContain(`${county} 义务教育优质均衡发展评估结果`);
  expect(text).toContain("各旗县市小学差异系数与限值");
  expect(text).toContain("各旗县市初中差异系数与限值");
}, 300000);

test("the comparison workbook prints the regressions and a trend chart per level", async () => {
  const a = await writeCounty(
    dir,
    "科右中旗2025.xlsx",
    whole([primarySchool("甲小学", 500), primarySchool("乙小学", 500)]),
  );
  const b = await writeCounty(
    dir,
    "科右中旗2026.xlsx",
    whole([
      primarySchool("甲小学", 500, { qualifiedTeachers: 0.5 }),
      primarySchool("乙小学", 500, { sportsArea: 6 }),
    ]),
  );
  const out = join(dir, "compare.xlsx");
  const compared = await run("compare", a, b, "--out", out);
  expect(compared.stderr).toBe("");
  expect(compared.code).toBe(0);
  const { text } = printed(out);
  expect(text).toContain("学校由达标变为不达标");
  expect(text).toContain("小学差异系数逐年变化");
  expect(text).toContain("初中差异系数逐年变化");
  expect(text).toContain("2028 年预测");
}, 300000);
