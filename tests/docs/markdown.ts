/**
 * What the citation and link tests read: the repository's text files, the citations of the rules in them
 * (`docs/standard.md#coefficient`), the explicit anchors of a Markdown page (`<a id="coefficient"></a>`) and the
 * relative links of a page.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

const TEXT_FILE = /\.(?:ts|tsx|js|mjs|cjs|json|html|md|txt)$/;

/** Text files under a folder of the repository, as paths relative to the repository. */
export function textFilesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (TEXT_FILE.test(entry.name)) out.push(rel);
    }
  };
  if (existsSync(path.join(ROOT, folder))) walk(folder);
  return out.sort();
}

export interface Citation {
  /** the page cited, relative to the repository: docs/standard.md */
  page: string;
  anchor: string;
  /** 1-based line of the citation in its file */
  line: number;
}

const CITATION = /docs\/([a-z0-9-]+)\.md#([a-z0-9-]+)/g;

/** The citations `docs/<page>.md#<anchor>` in a text. */
export function citationsIn(text: string): Citation[] {
  const out: Citation[] = [];
  text.split("\n").forEach((content, i) => {
    for (const m of content.matchAll(CITATION)) {
      out.push({ page: `docs/${m[1]}.md`, anchor: m[2], line: i + 1 });
    }
  });
  return out;
}

/** The explicit anchors of a Markdown page, each as often as it is defined. */
export function anchorsIn(markdown: string): string[] {
  return [...markdown.matchAll(/<a\s+id="([^"]+)"\s*><\/a>/g)].map((m) => m[1]);
}

const anchorsByPage = new Map<string, Set<string> | null>();

/** The anchors of a page of the repository, or null when there is no such page. */
export function anchorsOfPage(page: string): Set<string> | null {
  if (!anchorsByPage.has(page)) {
    const file = path.join(ROOT, page);
    anchorsByPage.set(page, existsSync(file) ? new Set(anchorsIn(readFileSync(file, "utf8"))) : null);
  }
  return anchorsByPage.get(page) ?? null;
}

/** Why a citation does not resolve, or null when it does. */
export function unresolved(
  citation: Pick<Citation, "page" | "anchor">,
  anchors: (page: string) => Set<string> | null = anchorsOfPage,
): string | null {
  const known = anchors(citation.page);
  if (known === null) return `${citation.page} does not exist`;
  return known.has(citation.anchor) ? null : `${citation.page} has no anchor "${citation.anchor}"`;
}

export interface Link {
  /** the target as written, e.g. standard.md#coefficient or ../README.md */
  target: string;
  line: number;
}

/** Relative links of a Markdown page: `[text](target)`, leaving out web addresses and mail. */
export function relativeLinksIn(markdown: string): Link[] {
  const out: Link[] = [];
  let fenced = false;
  markdown.split("\n").forEach((content, i) => {
    if (/^\s*```/.test(content)) fenced = !fenced;
    if (fenced) return;
    for (const m of content.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      out.push({ target, line: i + 1 });
    }
  });
  return out;
}

export interface Named {
  /** the name as written: src/engine/scenario/step.ts, scenario/step.ts, applyEdits */
  name: string;
  line: number;
}

/** Folders of the repository whose files the docs name by path. */
export const CODE_FOLDERS = ["src", "tests", "scripts", "bench", "bin"] as const;

const REPOSITORY_PATH = new RegExp(`(?<![\\w./@<>-])(?:${CODE_FOLDERS.join("|")})/[\\w./-]*`, "g");

/**
 * The paths of a page under the repository's code folders, written out in full (src/engine/scenario.ts,
 * tests/docs/), in code or in prose, fenced or not; a pattern (bench/*.bench.ts) is not a path.
 */
export function repositoryPathsIn(markdown: string): Named[] {
  const out: Named[] = [];
  markdown.split("\n").forEach((content, i) => {
    for (const m of content.matchAll(REPOSITORY_PATH)) {
      if (content[m.index + m[0].length] === "*") continue;
      out.push({ name: m[0].replace(/\.+$/, ""), line: i + 1 });
    }
  });
  return out;
}

/**
 * What a page puts in code spans (`…`) that names a module by a shorter path, as the architecture names them
 * within their layer: `engine/edits.ts`, `scenario/step.ts`, `count.ts`, `excel/memory/` — a name of letters,
 * digits, dots and dashes per part, ending in a script's extension or with a slash. Full paths are
 * repositoryPathsIn's; build output (dist/) and patterns are neither.
 */
export function modulePathsIn(markdown: string): Named[] {
  const out: Named[] = [];
  markdown.split("\n").forEach((content, i) => {
    for (const m of content.matchAll(/`([^`\n]+)`/g)) {
      const name = m[1];
      if (!/^[A-Za-z][\w.-]*(?:\/[A-Za-z][\w.-]*)*(?:\.(?:tsx?|[mc]?js)|\/)$/.test(name)) continue;
      if (/^(?:dist|node_modules)\//.test(name)) continue;
      if (CODE_FOLDERS.some((folder) => name.startsWith(`${folder}/`))) continue;
      out.push({ name, line: i + 1 });
    }
  });
  return out;
}

/** The identifiers a page puts in code spans that can only be code's: camelCase (`applyEdits`, `EditStep`). */
export function codeNamesIn(markdown: string): Named[] {
  const out: Named[] = [];
  markdown.split("\n").forEach((content, i) => {
    for (const m of content.matchAll(/`([A-Za-z_]\w*)(?:\(\))?`/g)) {
      if (/[a-z][A-Z]/.test(m[1])) out.push({ name: m[1], line: i + 1 });
    }
  });
  return out;
}
