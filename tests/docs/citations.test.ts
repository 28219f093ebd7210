/**
 * The rules' text is in the repository (issue 11 item 2): every citation `docs/<page>.md#<anchor>` in src/, tests/
 * and bench/ names a page that exists and an anchor the page defines, and nothing points at the project's
 * working notes outside the repository any more.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ROOT,
  anchorsIn,
  anchorsOfPage,
  citationsIn,
  relativeLinksIn,
  textFilesUnder,
  unresolved,
  type Citation,
} from "./markdown";

const CITING_FOLDERS = ["src", "tests", "bench"];

function citationsUnder(folders: readonly string[]): (Citation & { file: string })[] {
  return folders.flatMap((folder) =>
    textFilesUnder(folder).flatMap((file) =>
      citationsIn(readFileSync(path.join(ROOT, file), "utf8")).map((c) => ({ ...c, file })),
    ),
  );
}

describe("citations of the rules", () => {
  it("are found in a text, and one to a missing page or anchor is told apart", () => {
    // put together so that the scan of tests/ below does not find these made-up citations in this file
    const cite = (page: string, anchor: string) => `docs/${page}.md#${anchor}`;
    const text = `see ${cite("standard", "coefficient")} and\n ${cite("school-table", "nowhere")}, ${cite("rules", "parts")}`;
    const found = citationsIn(text);
    expect(found).toEqual([
      { page: "docs/standard.md", anchor: "coefficient", line: 1 },
      { page: "docs/school-table.md", anchor: "nowhere", line: 2 },
      { page: "docs/rules.md", anchor: "parts", line: 2 },
    ]);
    const pages: Record<string, Set<string>> = {
      "docs/standard.md": new Set(["coefficient"]),
      "docs/school-table.md": new Set(["headers"]),
    };
    expect(found.map((c) => unresolved(c, (page) => pages[page] ?? null))).toEqual([
      null,
      'docs/school-table.md has no anchor "nowhere"',
      "docs/rules.md does not exist",
    ]);
  });

  it("every docs/…#anchor cited in src/, tests/ and bench/ resolves", () => {
    const citations = citationsUnder(CITING_FOLDERS);
    // the code cites the rules over a hundred times: a scan that finds few has lost its way
    expect(citations.length).toBeGreaterThan(100);
    const broken = citations.flatMap((c) => {
      const why = unresolved(c);
      return why ? [`${c.file}:${c.line}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it("every clause of the standard the engine applies is found by its name in architecture.md's rules", () => {
    const cited = new Set(
      citationsUnder(["src/engine"])
        .filter((c) => c.page === "docs/standard.md")
        .map((c) => c.anchor),
    );
    const rules =
      readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8").split('<a id="rules">')[1] ?? "";
    // the table under the anchor, up to the next point of the list it stands in
    const table = rules.split("\n- **")[0];
    const linked = new Set(
      relativeLinksIn(table)
        .map((link) => link.target.match(/^standard\.md#(.+)$/)?.[1])
        .filter((anchor) => anchor !== undefined),
    );
    expect([...cited].filter((anchor) => !linked.has(anchor)).sort()).toEqual([]);
  });

  it("each page defines each of its anchors once", () => {
    for (const page of textFilesUnder("docs").filter((f) => f.endsWith(".md"))) {
      const anchors = anchorsIn(readFileSync(path.join(ROOT, page), "utf8"));
      const repeated = anchors.filter((a, i) => anchors.indexOf(a) !== i);
      expect({ page, repeated }).toEqual({ page, repeated: [] });
    }
  });

  it("the standard's page keeps the numbered parts §1–§8 and an anchor for every guarantee and quality item", () => {
    const text = readFileSync(path.join(ROOT, "docs/standard.md"), "utf8");
    for (let n = 1; n <= 8; n++) expect(text).toMatch(new RegExp(`^## §${n} `, "m"));
    const anchors = anchorsOfPage("docs/standard.md") ?? new Set();
    for (let n = 1; n <= 15; n++) expect(anchors).toContain(`guarantee-${n}`);
    for (let n = 1; n <= 9; n++) expect(anchors).toContain(`quality-${n}`);
  });

  it("nothing in src/ or tests/ cites the working notes outside the repository", () => {
    // the names are put together here so that this file does not match itself
    const outside = ["STANDARD", "TEMPLATE", "ARCHITECTURE"].map((name) => `${name}.md`);
    const hits: string[] = [];
    for (const file of ["src", "tests"].flatMap(textFilesUnder)) {
      readFileSync(path.join(ROOT, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const name of outside) if (line.includes(name)) hits.push(`${file}:${i + 1}: ${name}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
