/**
 * An export that splits a column into its total and a breakdown under it — 在校生数›小学›计 beside
 * 在校生数›小学›其中：女, 教学仪器设备资产值›合计 beside ›其中：当年新增 — is read from the total column
 * (docs/import.md#recipe-format): the recipe's 在校生数›小学 names the group, whose figure is its 计. Before, no
 * column ended in 小学, and every school was an error asking for a column the export has.
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf, type HeaderNode } from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

/** The leaf labelled `label` (under `group`, if given) split into `total` and a breakdown of about half of it. */
function splitLeaf(
  nodes: HeaderNode[],
  label: string,
  total: string,
  breakdown: string,
  group?: string,
): HeaderNode[] {
  return nodes.map((node) => {
    if (node.children) {
      const inGroup = group === undefined || node.label === group;
      return {
        ...node,
        children: inGroup ? splitLeaf(node.children, label, total, breakdown) : node.children,
      };
    }
    if (node.label !== label || !node.value) return node;
    const value = node.value;
    const half: NonNullable<HeaderNode["value"]> = (row) => {
      const v = value(row);
      return typeof v === "number" ? Math.floor(v / 2) : v;
    };
    return {
      label,
      children: [
        { label: total, unit: node.unit, value },
        { label: breakdown, unit: node.unit, value: half },
      ],
    };
  });
}

describe("a column split into its total and a breakdown", () => {
  const rows = leagueRows();
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));

  it.each([
    ["在校生数›小学›计 and ›其中：女", ["小学", "计", "其中：女", "在校生数"]],
    ["在校生数›初中›合计 and ›其中：女", ["初中", "合计", "其中：女", "在校生数"]],
    [
      "教学仪器设备资产值（万元）›合计 and ›其中：当年新增",
      ["教学仪器设备资产值（万元）", "合计", "其中：当年新增"],
    ],
    ["网络多媒体教室（间）›计 and ›其中：录播教室", ["网络多媒体教室（间）", "计", "其中：录播教室"]],
  ])("%s: read from the total", (_, [label, total, breakdown, group]) => {
    const sheet = exportSheet(rows, { header: (nodes) => splitLeaf(nodes, label, total, breakdown, group) });
    const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.problems.filter((p) => p.code === "recipe-column-ambiguous")).toEqual([]);
    expect(read.recipe?.id).toBe("statistics-export");
    expect(read.records.map((r) => r.name)).toEqual(typed.map((r) => r.name));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("a column whose own label is the pattern's is read before a group's total", () => {
    // 在校生数›小学 as a column of its own, and a later group 在校生数›小学 split into 计 and 其中：女
    const sheet = exportSheet(rows, {
      header: (nodes) => [
        ...nodes,
        ...splitLeaf(
          nodes.filter((n) => n.label === "在校生数"),
          "小学",
          "计",
          "其中：女",
        ).map((n) => ({ ...n, children: n.children?.map((c) => ({ ...c, value: c.value && (() => 1) })) })),
      ],
    });
    const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });
});
