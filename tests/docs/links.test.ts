/**
 * The README fits on a few screens (issue 11 item 3) and every relative link of the README and of docs/ leads to
 * a file that exists and, where it names one, to an anchor that page defines.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT, anchorsOfPage, relativeLinksIn, textFilesUnder } from "./markdown";

/**
 * Pages linked before they are written: the web app's deployment guide comes with the web app. Remove an entry
 * once its page is in the repository (the test below says so).
 */
const WRITTEN_WITH_ANOTHER_CHANGE = new Set<string>([]);

const PAGES = ["README.md", ...textFilesUnder("docs").filter((f) => f.endsWith(".md"))];

describe("the README and the docs", () => {
  it("the README is at most 12 KB", () => {
    expect(statSync(path.join(ROOT, "README.md")).size).toBeLessThanOrEqual(12 * 1024);
  });

  it("the README gives the clerk's way in and the developer's two commands first", () => {
    const top = readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n## ")[0];
    expect(top).toMatch(/网页版/);
    expect(top).toMatch(/npx balance web/);
    expect(top).toMatch(/^npm install\b/m);
    expect(top).toMatch(/^npm test\b/m);
  });

  it("every relative link leads to a page that exists and to an anchor it defines", () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      for (const link of relativeLinksIn(readFileSync(path.join(ROOT, page), "utf8"))) {
        const [file, anchor] = link.target.split("#");
        const target =
          file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
        const where = `${page}:${link.line}: ${link.target}`;
        if (WRITTEN_WITH_ANOTHER_CHANGE.has(target)) continue;
        if (!existsSync(path.join(ROOT, target))) {
          broken.push(`${where} (no ${target})`);
          continue;
        }
        if (anchor && target.endsWith(".md") && !anchorsOfPage(target)?.has(anchor)) {
          broken.push(`${where} (${target} has no anchor "${anchor}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("a page linked before it was written is listed only until it exists", () => {
    const written = [...WRITTEN_WITH_ANOTHER_CHANGE].filter((page) => existsSync(path.join(ROOT, page)));
    expect(written).toEqual([]);
  });
});
