/**
 * Reading a province's statistics export through the built-in recipe (issue 14). A province's file holds a few
 * hundred counties; a county is read from it by its own rows (the others are looked at only for their county
 * cell), so reading one county should cost about what reading that county's school table does, and reading every
 * county one after another (balance batch) about what reading the whole province's table once does. Baselines
 * measured in the same run: the same schools typed into the template, read by the same reader. Warm figures are
 * medians after a warm-up; first-call figures are this process's first read.
 */
import { medianMs, report } from "./harness";
import { readSchoolTable } from "../src/sheet/read";
import type { Grid } from "../src/sheet/grid";
import { templateHeaderRow } from "../src/sheet/template";
import { exportSheet, leagueRows, templateRowsOf, type ExportRow } from "../tests/recipe/exportFixture";

const COPIES = 100;

/** The league's two counties a hundred times over, under other names: 200 counties. */
function provinceRows(): ExportRow[] {
  const league = leagueRows();
  const rows: ExportRow[] = [];
  for (let k = 0; k < COPIES; k++) {
    for (const r of league) {
      rows.push({
        ...r,
        name: `${r.name}${k}`,
        parent: r.parent && `${r.parent}${k}`,
        county: `${r.county}${k}`,
      });
    }
  }
  return rows;
}

const rows = provinceRows();
const counties = [...new Set(rows.map((r) => r.county))];
const sheet = exportSheet(rows);
const exportGrid: Grid = { sheet: sheet.sheet, topLeft: "A1", values: sheet.values, merges: sheet.merges };
const templateOf = (tableRows: ReturnType<typeof templateRowsOf>): Grid => ({
  sheet: "学校",
  topLeft: "A1",
  values: [templateHeaderRow(), ...tableRows],
});
const oneCounty = counties[0];
const countyTemplate = templateOf(templateRowsOf(rows, oneCounty));
const provinceTemplate = templateOf(counties.flatMap((c) => templateRowsOf(rows, c)));

console.log(`${rows.length} export rows, ${counties.length} counties`);

const t0 = process.hrtime.bigint();
const first = readSchoolTable(exportGrid, { county: oneCounty });
report("export, one county, first call", Number(process.hrtime.bigint() - t0) / 1e6);
if (first.problems.some((p) => p.severity === "error")) throw new Error("the export does not read");

const exportOne = medianMs(() => readSchoolTable(exportGrid, { county: oneCounty }));
const templateOne = medianMs(() => readSchoolTable(countyTemplate));
report("export, one county of the province", exportOne);
report(
  "baseline: that county's school table",
  templateOne,
  undefined,
  `ratio ${(exportOne / templateOne).toFixed(1)}×`,
);

const exportAll = medianMs(() => counties.forEach((county) => readSchoolTable(exportGrid, { county })), 3, 1);
const templateAll = medianMs(() => readSchoolTable(provinceTemplate), 3, 1);
report(`export, each of the ${counties.length} counties in turn`, exportAll);
report(
  "baseline: the province's school table once",
  templateAll,
  undefined,
  `ratio ${(exportAll / templateAll).toFixed(1)}×`,
);
