/**
 * What Balance ships, read from the lockfile: the packages installed with `dependencies` (the command line, the
 * add-in's and the web app's bundles) and their licences. scripts/notices.mjs writes THIRD_PARTY_NOTICES.md from
 * this module; the supply-chain test reads the file back.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  link?: boolean;
}

export interface LockPackage {
  /** path in the lockfile, e.g. node_modules/readdir-glob/node_modules/minimatch */
  key: string;
  name: string;
  version: string;
  licence: string;
  /** installed with `dependencies` (what a user of the command line or the add-in gets) */
  shipped: boolean;
}

/** Licences looked up by hand where a package declares none; each with where it was read. */
export const REVIEWED_LICENCES: Record<string, { licence: string; evidence: string }> = JSON.parse(
  readFileSync(path.join(__dirname, "fixtures", "reviewed-licences.json"), "utf8"),
);

export function readLock(): { lockfileVersion: number; packages: Record<string, LockEntry> } {
  return JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
}

export function readPackageJson(): {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
} {
  return JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
}

export function nameOfKey(key: string): string {
  return key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
}

/** The licence a package declares: the lockfile's, else its package.json's, else the reviewed list's. */
function licenceOf(key: string, name: string, version: string, entry: LockEntry): string {
  if (
    typeof entry.license === "string" &&
    entry.license !== "LICENSE" &&
    !/^SEE LICEN[CS]E/i.test(entry.license)
  ) {
    return entry.license;
  }
  const reviewed = REVIEWED_LICENCES[`${name}@${version}`];
  if (reviewed) return reviewed.licence;
  const file = path.join(ROOT, key, "package.json");
  if (existsSync(file)) {
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { licenses?: { type?: string }[] };
    if (Array.isArray(pkg.licenses) && pkg.licenses.length > 0) {
      return pkg.licenses.map((l) => l.type ?? "UNKNOWN").join(" OR ");
    }
  }
  return "UNKNOWN";
}

export function lockPackages(): LockPackage[] {
  const { packages } = readLock();
  const out: LockPackage[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    if (key === "" || entry.link || !key.includes("node_modules/")) continue;
    const name = nameOfKey(key);
    const version = entry.version ?? "";
    out.push({
      key,
      name,
      version,
      licence: licenceOf(key, name, version, entry),
      shipped: !entry.dev && !entry.devOptional,
    });
  }
  return out;
}

/**
 * True when an SPDX expression leaves a choice free of the GPL family: "MIT" yes, "(MIT OR GPL-3.0-or-later)"
 * yes (we take MIT), "GPL-2.0" no, "MIT AND GPL-2.0" no, "AGPL-3.0" no. LGPL is refused too: the add-in is
 * bundled, which makes the LGPL's relinking terms awkward.
 */
export function permitsNonGpl(expression: string): boolean {
  const alternatives = expression.replace(/[()]/g, " ").split(/\s+OR\s+/i);
  return alternatives.some((alt) => !/GPL/i.test(alt));
}

/** The file that lists every shipped package with its licence, written by `npm run notices` (scripts/notices.mjs). */
export const NOTICES_FILE = "THIRD_PARTY_NOTICES.md";

export interface NoticeRow {
  name: string;
  version: string;
  licence: string;
}

/** The text of THIRD_PARTY_NOTICES.md, or null when there is none yet. */
export function noticesText(): string | null {
  const file = path.join(ROOT, NOTICES_FILE);
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/** Table rows `| name | version | licence | …` of a text (names may be in backticks). */
export function noticeRows(text: string): NoticeRow[] {
  const rows: NoticeRow[] = [];
  for (const line of text.split("\n")) {
    const m = /^\|\s*`?([@a-z0-9][^`|\s]*)`?\s*\|\s*([0-9][^|\s]*)\s*\|\s*([^|]+?)\s*\|/i.exec(line);
    if (m) rows.push({ name: m[1], version: m[2], licence: m[3] });
  }
  return rows;
}

/** The row of a package in the notices' table. */
export function rowFor(p: { name: string; version: string; licence: string }): string {
  return `| \`${p.name}\` | ${p.version} | ${p.licence} |`;
}

/**
 * The packages a user gets, each name and version once (the copy nearest the top of node_modules), by name: what
 * the notices list.
 */
export function shippedPackages(): LockPackage[] {
  const byId = new Map<string, LockPackage>();
  for (const p of lockPackages()) {
    if (!p.shipped) continue;
    const id = `${p.name}@${p.version}`;
    const seen = byId.get(id);
    if (!seen || p.key.length < seen.key.length) byId.set(id, p);
  }
  return [...byId.values()].sort((a, b) =>
    a.name === b.name ? compareVersions(a.version, b.version) : a.name < b.name ? -1 : 1,
  );
}

/** A dependency of package.json itself, installed at the top of node_modules (not a nested copy of its name). */
export function isDirectDependency(p: LockPackage): boolean {
  return p.key === `node_modules/${p.name}` && Object.hasOwn(readPackageJson().dependencies ?? {}, p.name);
}

/** Compares dotted versions numerically (pre-release tags ignored): -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split("-")[0].split(".").map(Number);
  const pb = b.split("-")[0].split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export interface Advisory {
  name: string;
  ids: string[];
  summary: string;
  /** affected when introduced ≤ version < fixed (fixed absent: every later version too) */
  ranges: { introduced: string; fixed?: string }[];
}

export const ADVISORIES: Advisory[] = JSON.parse(
  readFileSync(path.join(__dirname, "fixtures", "known-advisories.json"), "utf8"),
).advisories;

export function affected(advisory: Advisory, version: string): boolean {
  return advisory.ranges.some(
    (r) =>
      compareVersions(version, r.introduced) >= 0 &&
      (r.fixed === undefined || compareVersions(version, r.fixed) < 0),
  );
}
