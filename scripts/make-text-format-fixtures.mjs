// Writes the fixtures of tests/xlsx/textFormats.test.ts into tests/xlsx/fixtures/text/: two workbooks as .xlsx
// and the same workbooks as other writers save them in the formats systems export as "Excel" — LibreOffice's
// CSV, tab-separated UTF-16 text, web page and Excel 2003 XML, and iconv's GBK re-encodings (a .csv as Chinese
// Windows writes it, a web page with a gb2312 meta, as a system saves it as ".xls"). The reader's expected
// values come from reading the .xlsx, never from the code under test.
//
//   node scripts/make-text-format-fixtures.mjs        (needs soffice and iconv on the PATH)
//
// sample: the sample county (examples/sample-county.xlsx), one sheet with a merged title.
// export: a league's statistics export (tests/recipe/exportFixture.ts): title rows, a three-row merged header.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundledModules } from "./bundledModules.mjs";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "tests/xlsx/fixtures/text");

const { exportSheet, leagueRows, exportWorkbook } = await bundledModules("make-text-format-fixtures", [
  `export { exportSheet, leagueRows } from "./tests/recipe/exportFixture";`,
  `export { exportWorkbook } from "./tests/recipe/exportFiles";`,
]);

mkdirSync(out, { recursive: true });
copyFileSync(join(root, "examples/sample-county.xlsx"), join(out, "sample.xlsx"));
writeFileSync(join(out, "export.xlsx"), await exportWorkbook([exportSheet(leagueRows())]));

const profile = mkdtempSync(join(tmpdir(), "lo-text-fixtures-"));
// LibreOffice's own Excel 2003 XML stylesheet, with one change: it writes a column entry for each of the 16,000
// empty columns after the table by a recursion libxslt stops at 3,000 deep, so that no sheet can be saved. A run
// of more than 1,000 repeated columns is written once (ss:Span still says how many). The profile points the
// filter at the copy.
const share = resolve(
  realpathSync(execFileSync("which", ["soffice"], { encoding: "utf8" }).trim()),
  "../../share",
);
const xslt = join(profile, "xslt");
cpSync(join(share, "xslt/common"), join(xslt, "common"), { recursive: true });
cpSync(join(share, "xslt/export/spreadsheetml"), join(xslt, "export/spreadsheetml"), { recursive: true });
const tableXsl = join(xslt, "export/spreadsheetml/table.xsl");
const repeated = `<xsl:when test="not(@table:number-columns-repeated and @table:number-columns-repeated > 1)">`;
const stylesheet = readFileSync(tableXsl, "utf8");
if (!stylesheet.includes(repeated)) throw new Error(`${tableXsl} is not the stylesheet this script patches`);
writeFileSync(
  tableXsl,
  stylesheet.replace(
    repeated,
    `<xsl:when test="not(@table:number-columns-repeated and @table:number-columns-repeated > 1) or @table:number-columns-repeated > 1000">`,
  ),
);
mkdirSync(join(profile, "user"), { recursive: true });
writeFileSync(
  join(profile, "user/registrymodifications.xcu"),
  `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.TypeDetection.Filter/Filters/org.openoffice.TypeDetection.Filter:Filter['MS Excel 2003 XML']"><prop oor:name="UserData" oor:op="fuse"><value oor:separator=",">com.sun.star.documentconversion.XSLTFilter,,com.sun.star.comp.Calc.XMLOasisImporter,com.sun.star.comp.Calc.XMLOasisExporter,../share/xslt/import/spreadsheetml/spreadsheetml2ooo.xsl,file://${join(xslt, "export/spreadsheetml/ooo2spreadsheetml.xsl")}</value></prop></item>
</oor:items>
`,
);
/** LibreOffice's conversion of `name`.xlsx with `filter`, saved as `target`. */
function convert(name, filter, extension, target) {
  const work = mkdtempSync(join(tmpdir(), "lo-out-"));
  execFileSync("soffice", [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--convert-to",
    `${extension}:${filter}`,
    "--outdir",
    work,
    join(out, `${name}.xlsx`),
  ]);
  renameSync(join(work, `${name}.${extension}`), join(out, target));
  rmSync(work, { recursive: true, force: true });
}
const iconv = (from, to, file) => execFileSync("iconv", ["-f", from, "-t", to, join(out, file)]);

for (const name of ["sample", "export"]) {
  // 44 comma, 34 double quote, 76 UTF-8; the cells' values, not as shown
  convert(
    name,
    "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false",
    "csv",
    `${name}-utf8.csv`,
  );
  convert(name, "HTML (StarCalc)", "html", `${name}.html`);
  convert(name, "MS Excel 2003 XML", "xml", `${name}-2003.xml`);
}
// LibreOffice writes every row of the sheet down to 1,048,576, each with an empty cell at column 16,384 (some
// 30 MB): the empty rows after the table's last value are left out, which moves no row (each has no ss:Index)
for (const name of ["sample", "export"]) {
  const file = join(out, `${name}-2003.xml`);
  const xml = readFileSync(file, "utf8");
  const last = xml.lastIndexOf("</Data>");
  const tail = xml.slice(last).replace(/<Row ss:Height="[0-9.]+"><Cell ss:Index="[0-9]+"\/><\/Row>/gu, "");
  writeFileSync(file, xml.slice(0, last) + tail);
}
// 9 tab, 65535 Unicode (UTF-16LE with its byte-order mark), as Excel's "Unicode text"
convert(
  "sample",
  "Text - txt - csv (StarCalc):9,34,65535,1,,0,false,true,false,false",
  "csv",
  "sample-utf16.txt",
);
writeFileSync(join(out, "sample-gbk.csv"), iconv("UTF-8", "GBK", "sample-utf8.csv"));
// the web page as a system saves it as ".xls": saying gb2312 in its meta and written in GBK, which holds the
// characters GB2312 lacks (㎡), as a browser reads a page that says gb2312
const html = readFileSync(join(out, "sample.html"), "utf8").replace(/charset=utf-8/giu, "charset=gb2312");
writeFileSync(
  join(out, "sample-web.xls"),
  execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: html }),
);
rmSync(join(out, "sample.html"));
rmSync(profile, { recursive: true, force: true });
