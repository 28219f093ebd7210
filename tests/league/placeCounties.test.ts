/**
 * A statistics export of several counties whose only place column is 所在地区 (docs/import.md#counties), as a
 * clerk's workbook: `balance evaluate --county` evaluates that county's schools alone, `balance batch` one line per
 * county, and --county on a workbook naming no county says so instead of evaluating every school silently.
 */
import { join } from "node:path";
import { run, tempDir, writeWorkbook } from "../cli/helpers";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  columnOf,
  exportSheet,
  leagueRows,
  templateRowsOf,
} from "../recipe/exportFixture";
import { withColumnRewritten } from "../recipe/helpers";
import { templateHeaderRow } from "../../src/sheet/template";

const dir = tempDir();
const rows = leagueRows();
const PLACES: Record<string, string> = {
  [COUNTY_LISTED]: "内蒙古自治区兴安盟阿尔山市",
  [COUNTY_UNLISTED]: "内蒙古自治区兴安盟乌兰浩特市胜利街道",
};
const headed = (label: string, write: (county: string) => string | null) => {
  const sheet = exportSheet(rows, { rename: { 统计三级: label } });
  return withColumnRewritten(sheet, columnOf(sheet, label), write).values;
};
let paths = "";
let unplaced = "";
let template = "";

beforeAll(async () => {
  paths = await writeWorkbook(dir, "兴安盟导出.xlsx", {
    学校基本情况: headed("所在地区", (c) => PLACES[c]) as (string | number | null)[][],
  });
  unplaced = await writeWorkbook(dir, "无地区导出.xlsx", {
    学校基本情况: headed("备注", () => null) as (string | number | null)[][],
  });
  // 阿尔山市's schools typed into the school table by hand: what its evaluation must give
  template = await writeWorkbook(join(dir), "阿尔山市.xlsx", {
    学校: [templateHeaderRow(), ...templateRowsOf(rows, COUNTY_LISTED)] as (string | number | null)[][],
  });
});

interface Doc {
  table: { schools: number };
  levels: Record<string, { cv: Record<string, number | null>; sections: number }>;
  problems: { code: string; severity: string }[];
}
const json = async (...argv: string[]) => {
  const r = await run(...argv, "--json");
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
};

describe("an export whose counties are in 所在地区", () => {
  test("--county evaluates that county's schools alone, as its own school table does", async () => {
    const picked = await json("evaluate", paths, "--county", "阿尔山市");
    const typed = await json("evaluate", template, "--county", "阿尔山市");
    expect(typed.code).toBe(picked.code);
    expect(picked.doc.table.schools).toBe(typed.doc.table.schools);
    const all = new Set(rows.map((r) => r.name)).size;
    expect(picked.doc.table.schools).toBeLessThan(all);
    expect(picked.doc.levels).toEqual(typed.doc.levels);
  });

  test("without --county it is a table of several counties", async () => {
    const r = await json("evaluate", paths);
    expect(r.code).toBe(1);
    expect(r.doc.problems.map((p) => p.code)).toContain("several-counties");
  });

  test("batch gives one line per county", async () => {
    const r = await run("batch", paths, "--json");
    const doc = JSON.parse(r.stdout) as { counties: { county: string }[] };
    expect(doc.counties.map((c) => c.county)).toEqual(["阿尔山市", "乌兰浩特市"]);
  });

  test("--county on a workbook naming no county says so, naming the file", async () => {
    const r = await run("evaluate", unplaced, "--county", "阿尔山市");
    expect(r.stderr + r.stdout).toContain("表中没有旗县信息");
    expect(r.stderr + r.stdout).toContain("无地区导出.xlsx");
    const without = await run("evaluate", unplaced);
    expect(without.stderr + without.stdout).not.toContain("表中没有旗县信息");
  });
});
