/**
 * What docs/deploy.md tells an office on WPS 表格 (#wps-zh, #wps) holds: WPS runs no Office add-in (its own WPS
 * 加载项 program another object model, and Balance has none), so the page sends the clerk to the offline web app and
 * the command, and the web app's file chooser takes the files the page says WPS saves (.xlsx, WPS's .et).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { COUNTY_FILES_ACCEPT, isSpreadsheetName } from "../../src/xlsx/spreadsheetFiles";
import { ROOT } from "./markdown";

const deploy = readFileSync(path.join(ROOT, "docs/deploy.md"), "utf8");

/** The paragraphs after an anchor, up to the next anchor or heading. */
function sectionAt(anchor: string): string {
  const start = deploy.indexOf(`<a id="${anchor}"></a>`);
  if (start < 0) throw new Error(`docs/deploy.md has no anchor ${anchor}`);
  const rest = deploy.slice(start + anchor.length + 14);
  const end = rest.search(/\n(<a id=|#{2,} )/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe.each([
  ["wps-zh", /不运行 Office 加载项/, /网页版/],
  ["wps", /runs no Office add-in/, /web app/],
])("docs/deploy.md#%s", (anchor, noAddIn, webApp) => {
  const text = sectionAt(anchor);

  it("says WPS runs no Office add-in, its own add-ins being another API Balance has none of", () => {
    expect(text).toMatch(noAddIn);
    expect(text).toMatch(/WPS 加载项/);
    expect(text).toContain("`Application`");
    expect(text).toContain("#NAME?");
  });

  it("sends the clerk to the web app and the command, with files the web app takes", () => {
    expect(text).toMatch(webApp);
    expect(text).toContain("index.html");
    expect(text).toMatch(/`balance evaluate [^`]*--out [^`]*`/);
    const named = [...text.matchAll(/(?<![\w/])\.(xlsx|et|xls)\b/g)].map((m) => m[1]);
    expect(new Set(named)).toEqual(new Set(["xlsx", "et"]));
    const accepted = COUNTY_FILES_ACCEPT.split(",");
    for (const extension of named) {
      expect(accepted).toContain(`.${extension}`);
      expect(isSpreadsheetName(`学校表.${extension}`)).toBe(true);
    }
  });
});
