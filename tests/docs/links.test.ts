/**
 * The README fits on a few screens (issue 11 item 3) and every relative link of the README and of docs/ leads to
 * a file that exists and, where it names one, to an anchor that page defines. What the docs name in the code is
 * there: every path under src/, tests/, scripts/, bench/ or bin/ a page writes out, and the modules and the
 * functions the pages a newcomer reads first (the README, architecture.md, contributing.md) name more briefly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  CODE_FOLDERS,
  ROOT,
  anchorsOfPage,
  codeNamesIn,
  modulePathsIn,
  relativeLinksIn,
  repositoryPathsIn,
  textFilesUnder,
} from "./markdown";

/**
 * Pages linked before they are written: the web app's deployment guide comes with the web app. Remove an entry
 * once its page is in the repository (the test below says so).
 */
const WRITTEN_WITH_ANOTHER_CHANGE = new Set<string>([]);

const PAGES = ["README.md", ...textFilesUnder("docs").filter((f) => f.endsWith(".md"))];

/** The pages a newcomer reads first, which name modules within their layer and functions by name. */
const FIRST_PAGES = ["README.md", "docs/architecture.md", "docs/contributing.md"];

/** Paths the docs name that the tests or the build write, absent from a fresh clone. */
const WRITTEN_BY_RUNS = ["tests/artifacts/"];

/** Names the docs give from outside the repository's code: a field of `jest --json`'s report. */
const NOT_OURS = new Set(["testResults"]);

/** The repository's code: every text file under the code folders, and the configuration files at its root. */
function codeFiles(): string[] {
  const atRoot = readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:[mc]?js|json)$/.test(entry.name))
    .map((entry) => entry.name);
  return [...CODE_FOLDERS.flatMap((folder) => textFilesUnder(folder)), ...atRoot];
}

/** Whether a short path (`scenario/step.ts`, `excel/memory/`) is the end of a file's or a folder's path. */
function endsSomePath(files: readonly string[], name: string): boolean {
  const end = `/${name}`;
  return files.some((file) =>
    name.endsWith("/") ? `/${path.posix.dirname(file)}/`.includes(end) : `/${file}`.endsWith(end),
  );
}

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

  it("finds the paths, the modules and the code names a page writes", () => {
    const page = [
      "`src/engine/scenario.ts` and src/cli/handJson.ts; `bench/*.bench.ts`, `node <clone>/bin/balance.js`",
      "`scenario/step.ts` in `engine/scenario/`; `dist/web/index.html`, `1/2`, `FILE.json`, `connect-src 'self'`",
      "`applyEdits` and `EditStep()`, not `nwsapi`, `FORCE_EXIT_DELAY` or `BALANCE.CHECK`",
    ].join("\n");
    expect(repositoryPathsIn(page)).toEqual([
      { name: "src/engine/scenario.ts", line: 1 },
      { name: "src/cli/handJson.ts", line: 1 },
    ]);
    expect(modulePathsIn(page)).toEqual([
      { name: "scenario/step.ts", line: 2 },
      { name: "engine/scenario/", line: 2 },
    ]);
    expect(codeNamesIn(page)).toEqual([
      { name: "applyEdits", line: 3 },
      { name: "EditStep", line: 3 },
    ]);
  });

  it("every path under the code folders a page writes out exists", () => {
    const missing: string[] = [];
    for (const page of PAGES) {
      for (const { name, line } of repositoryPathsIn(readFileSync(path.join(ROOT, page), "utf8"))) {
        if (WRITTEN_BY_RUNS.some((written) => name.startsWith(written))) continue;
        if (!existsSync(path.join(ROOT, name))) missing.push(`${page}:${line}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every module the first pages name by a shorter path is a file or a folder of the code", () => {
    const files = codeFiles();
    const missing: string[] = [];
    for (const page of FIRST_PAGES) {
      for (const { name, line } of modulePathsIn(readFileSync(path.join(ROOT, page), "utf8"))) {
        if (!endsSomePath(files, name)) missing.push(`${page}:${line}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("architecture.md names every module of the rules' two layers, src/engine and src/standard", () => {
    const named = modulePathsIn(readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8"))
      .concat(repositoryPathsIn(readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8")))
      .map(({ name }) => name);
    const unnamed = [...textFilesUnder("src/engine"), ...textFilesUnder("src/standard")].filter(
      (module) => !named.some((name) => !name.endsWith("/") && `/${module}`.endsWith(`/${name}`)),
    );
    expect(unnamed).toEqual([]);
  });

  it("every function, type or setting the first pages name in code is in the code", () => {
    // not these tests, whose examples would answer for the docs
    const code = codeFiles()
      .filter((file) => !file.startsWith("tests/docs/"))
      .map((file) => readFileSync(path.join(ROOT, file), "utf8"))
      .join("\n");
    const missing: string[] = [];
    for (const page of FIRST_PAGES) {
      for (const { name, line } of codeNamesIn(readFileSync(path.join(ROOT, page), "utf8"))) {
        if (NOT_OURS.has(name)) continue;
        if (!new RegExp(`\\b${name}\\b`).test(code)) missing.push(`${page}:${line}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("a page linked before it was written is listed only until it exists", () => {
    const written = [...WRITTEN_WITH_ANOTHER_CHANGE].filter((page) => existsSync(path.join(ROOT, page)));
    expect(written).toEqual([]);
  });
});
