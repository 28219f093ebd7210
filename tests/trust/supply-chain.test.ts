/**
 * Supply chain (issue 7 item 5): what ships is few packages, pinned by the lockfile, each listed in
 * THIRD_PARTY_NOTICES.md with its licence, none under the GPL family, none with a published advisory. The registry reachable here does
 * not answer `npm audit`, so the advisories are a committed list (fixtures/known-advisories.json).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ADVISORIES,
  NOTICES_FILE,
  ROOT,
  affected,
  compareVersions,
  lockPackages,
  noticeRows,
  noticesText,
  permitsNonGpl,
  readLock,
  readPackageJson,
  rowFor,
} from "./supplyChain";

const pkg = readPackageJson();
const runtime = Object.keys(pkg.dependencies ?? {});
const packages = lockPackages();

describe("supply chain", () => {
  it("keeps runtime dependencies few", () => {
    // exceljs (writing xlsx), fflate (reading xlsx, and charts in written ones), zod (profiles), react + react-dom
    // + Fluent UI (the pane), highs (the plan's solver)
    expect(runtime.length).toBeLessThanOrEqual(8);
  });

  it("pins every package in a lockfile that matches package.json", () => {
    const lock = readLock();
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const root = lock.packages[""] as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    for (const name of runtime) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version).toMatch(/^\d+\.\d+\.\d+/);
    }
    for (const p of packages) expect(`${p.name}@${p.version}`).toMatch(/@\d+\.\d+\.\d+/);
  });

  it("has no package in the lockfile under the GPL family, and knows every shipped package's licence", () => {
    const gpl = packages.filter((p) => !permitsNonGpl(p.licence)).map((p) => `${p.key} (${p.licence})`);
    expect(gpl).toEqual([]);
    const unknown = packages.filter((p) => p.shipped && p.licence === "UNKNOWN").map((p) => p.key);
    expect(unknown).toEqual([]);
  });

  it("tells a permissive choice from a GPL one", () => {
    expect(permitsNonGpl("MIT")).toBe(true);
    expect(permitsNonGpl("(MIT OR GPL-3.0-or-later)")).toBe(true);
    expect(permitsNonGpl("GPL-3.0")).toBe(false);
    expect(permitsNonGpl("AGPL-3.0-only")).toBe(false);
    expect(permitsNonGpl("(MIT AND GPL-2.0)")).toBe(false);
    expect(permitsNonGpl("LGPL-2.1")).toBe(false);
  });

  it("has no package version with a published advisory (fixtures/known-advisories.json)", () => {
    const hits: string[] = [];
    for (const p of packages) {
      for (const a of ADVISORIES) {
        if (a.name === p.name && affected(a, p.version))
          hits.push(`${p.key}@${p.version}: ${a.ids.join(", ")} ${a.summary}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it("the advisory list catches what it should: SheetJS 0.18.5 (the npm registry's last xlsx) has two CVEs", () => {
    const ids = ADVISORIES.filter((a) => a.name === "xlsx" && affected(a, "0.18.5")).flatMap((a) => a.ids);
    expect(ids.sort()).toEqual(["CVE-2023-30533", "CVE-2024-22363"]);
    expect(ADVISORIES.some((a) => a.name === "xlsx" && affected(a, "0.20.3"))).toBe(false);
    const semver = ADVISORIES.find((a) => a.name === "semver")!;
    expect(["5.7.1", "6.3.0", "7.5.1"].map((v) => affected(semver, v))).toEqual([true, true, true]);
    expect(["5.7.2", "6.3.1", "7.5.2"].map((v) => affected(semver, v))).toEqual([false, false, false]);
    expect(compareVersions("0.10.14", "0.8.13")).toBe(1);
  });

  it("lists every shipped package in THIRD_PARTY_NOTICES.md with its version and licence, and nothing else", () => {
    const text = noticesText();
    expect(text).not.toBeNull();
    const rows = noticeRows(text as string);
    const listed = new Map(rows.map((r) => [`${r.name}@${r.version}`, r]));
    const shipped = packages.filter((p) => p.shipped);
    const missing = shipped.filter((p) => listed.get(`${p.name}@${p.version}`)?.licence !== p.licence);
    // when this fails: npm run notices
    expect(missing.map(rowFor)).toEqual([]);
    const known = new Set(shipped.map((p) => `${p.name}@${p.version}`));
    expect(
      rows.filter((r) => !known.has(`${r.name}@${r.version}`)).map((r) => `${r.name}@${r.version}`),
    ).toEqual([]);
    for (const name of runtime) expect(rows.some((r) => r.name === name)).toBe(true);
  });

  it(`${NOTICES_FILE} is what npm run notices writes`, () => {
    const written = execFileSync(process.execPath, [path.join(ROOT, "scripts", "notices.mjs"), "--stdout"], {
      encoding: "utf8",
    });
    expect(noticesText()).toBe(written);
  });

  it("the README says the data stays on the machine", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toMatch(/数据安全/);
    expect(readme).toMatch(/Your data stays here/);
  });

  it("CI does not rely on npm audit, which the reachable registry does not answer", () => {
    const ci = readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
    expect(ci).not.toMatch(/npm\s+audit/);
    expect(ci).toMatch(/npm ci[^\n]*--no-audit/);
    for (const script of Object.values(pkg.scripts ?? {})) expect(script).not.toMatch(/npm\s+audit/);
  });
});
