/**
 * The statistics export read through its recipe reads names by the same rule as the school table
 * (docs/school-table.md#names): controls in a school's name, its 隶属学校 or the county column are removed, and the
 * warning names the export's own cell.
 */
import { COUNTY_LISTED, exportSheet, leagueRows } from "./exportFixture";
import { readExportSheet } from "./helpers";

const RLO = "\u202e";
const RLM = "\u200f";
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe("an export whose names hold controls", () => {
  const rows = leagueRows();
  const school = rows.find((r) => r.county === COUNTY_LISTED)!.name;
  const parent = rows.find(
    (r) => r.county === COUNTY_LISTED && r.type.includes("教学点") && r.parent,
  )!.parent!;
  const hostile = rows.map((r) => ({
    ...r,
    name: r.name === school ? school.replace(COUNTY_LISTED, `${COUNTY_LISTED}${RLO}`) : r.name,
    parent: r.parent === parent ? `${RLM}${parent}` : r.parent,
    county: r.county === COUNTY_LISTED ? `${COUNTY_LISTED}${RLO}` : r.county,
  }));
  const reading = readExportSheet(exportSheet(hostile), { county: COUNTY_LISTED });
  const clean = readExportSheet(exportSheet(rows), { county: COUNTY_LISTED });

  it("gives the records and the counties the names without them", () => {
    expect(reading.read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(reading.read.records.map((r) => [r.name, r.parent])).toEqual(
      clean.read.records.map((r) => [r.name, r.parent]),
    );
    expect(reading.counties).toEqual(clean.counties);
    for (const r of reading.read.records) expect(`${r.name}${r.parent ?? ""}`).not.toMatch(CONTROL);
  });

  it("warns of each name cell, naming the export's cell", () => {
    const removed = reading.read.problems.filter((p) => p.code === "name-controls-removed");
    const pointsOfParent = rows.filter((r) => r.county === COUNTY_LISTED && r.parent === parent).length;
    expect(removed).toHaveLength(1 + pointsOfParent);
    for (const p of removed) expect(p.cell).toMatch(/^学校基本情况!/);
    expect(removed[0].message.zh).toContain(`（<U+202E>），已去除，读作“${school}”`);
    expect(removed[1].message.zh).toContain(`所属学校中有 1 个不可见的控制字符（<U+200F>）`);
  });
});
