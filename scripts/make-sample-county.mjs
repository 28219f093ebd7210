// `npm run sample`: writes examples/sample-county.xlsx from src/sample/sampleCounty.ts (the fictional 白狼县).
// The workbook's dates and zip times are fixed, so the same data always gives the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { bundledModules } from "./bundledModules.mjs";

const { sampleCountyRecords, SAMPLE_COUNTY_TITLE, schoolTableWorkbook } = await bundledModules(
  "make-sample-county",
  [
    `export { sampleCountyRecords, SAMPLE_COUNTY_TITLE } from "./src/sample/sampleCounty";`,
    `export { schoolTableWorkbook } from "./src/xlsx/template";`,
  ],
);
const records = sampleCountyRecords();
const bytes = await schoolTableWorkbook({ records, title: SAMPLE_COUNTY_TITLE, equipmentUnit: "万元" });
mkdirSync("examples", { recursive: true });
writeFileSync("examples/sample-county.xlsx", bytes);
console.log(`examples/sample-county.xlsx: ${records.length} schools, ${bytes.length} bytes`);
