// `npm run sample`: writes examples/sample-county.xlsx from src/sample/sampleCounty.ts (the fictional 白狼县).
// The workbook's dates and zip times are fixed, so the same data always gives the same bytes.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

// bundled under dist/ so that the bundle finds exceljs in the project's node_modules
const bundle = resolve("dist/scripts/make-sample-county.cjs");
await build({
  stdin: {
    contents: [
      `export { sampleCountyRecords, SAMPLE_COUNTY_TITLE } from "./src/sample/sampleCounty";`,
      `export { schoolTableWorkbook } from "./src/xlsx/template";`,
    ].join("\n"),
    resolveDir: process.cwd(),
    loader: "ts",
  },
  outfile: bundle,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs"],
  logLevel: "warning",
});
const require = createRequire(import.meta.url);
const { sampleCountyRecords, SAMPLE_COUNTY_TITLE, schoolTableWorkbook } = require(bundle);
const records = sampleCountyRecords();
const bytes = await schoolTableWorkbook({ records, title: SAMPLE_COUNTY_TITLE, equipmentUnit: "万元" });
mkdirSync("examples", { recursive: true });
writeFileSync("examples/sample-county.xlsx", bytes);
console.log(`examples/sample-county.xlsx: ${records.length} schools, ${bytes.length} bytes`);
