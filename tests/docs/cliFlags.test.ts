/**
 * The options the docs give for each `balance` command are the options the command takes: a clerk who copies a
 * command from README.md or docs/ is never told "unknown option", and the synopsis of docs/cli.md#commands lists
 * every option the command's own --help lists, no more and no fewer. Whether the command accepts an option is
 * asked of the command itself (its parser, through `balance <command> --help <option>`), never of a list kept here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { COMMANDS } from "../../src/cli/main";
import { run } from "../cli/helpers";
import { ROOT, textFilesUnder } from "./markdown";

const NAMES = COMMANDS.map((c) => c.name);
const FLAG = /--[a-z][a-z-]*/g;
/** every command takes these (docs/cli.md#commands says so once, under the synopsis) */
const COMMON = ["--help", "--lang"];

const PAGES = ["README.md", ...textFilesUnder("docs").filter((f) => f.endsWith(".md"))];

function pageText(page: string): string {
  return readFileSync(path.join(ROOT, page), "utf8");
}

interface Mention {
  command: string;
  flags: string[];
  where: string;
}

const COMMAND_AT_START = new RegExp(
  `^(?:npx\\s+)?(?:node\\s+\\S*balance\\.js\\s+|balance\\s+)(${NAMES.join("|")})\\b(.*)$`,
);
const COMMAND_IN_SPAN = new RegExp(`^(?:npx\\s+)?(?:balance\\s+)?(${NAMES.join("|")})\\s+(--.*)$`);

/**
 * The commands a page shows with options: each line of a shell block (`npx balance plan … --rotation`, the comment
 * after `#` left out) and each code span that is a command (`balance plan --budget 300`, `batch --out`).
 */
function mentionsIn(page: string, markdown: string): Mention[] {
  const out: Mention[] = [];
  let fence: string | null = null;
  markdown.split("\n").forEach((line, i) => {
    const where = `${page}:${i + 1}`;
    const opening = /^\s*```(\w*)/.exec(line);
    if (opening) {
      fence = fence === null ? opening[1] : null;
      return;
    }
    if (fence !== null) {
      if (fence !== "sh") return;
      const m = COMMAND_AT_START.exec(line.replace(/\s#.*$/, "").trim());
      if (m) out.push({ command: m[1], flags: m[2].match(FLAG) ?? [], where });
      return;
    }
    for (const span of line.matchAll(/`([^`]+)`/g)) {
      const text = span[1].trim();
      const m = COMMAND_AT_START.exec(text) ?? COMMAND_IN_SPAN.exec(text);
      if (m) out.push({ command: m[1], flags: m[2].match(FLAG) ?? [], where });
    }
  });
  return out.filter((m) => m.flags.length > 0);
}

/** The synopsis of docs/cli.md#commands: each command's options, its continuation lines included. */
function synopsis(): Map<string, Set<string>> {
  const text = pageText("docs/cli.md");
  const block = /## 命令 Commands\s*\n```\n([\s\S]*?)\n```/.exec(text);
  if (!block) throw new Error("docs/cli.md has no synopsis under ## 命令 Commands");
  const out = new Map<string, Set<string>>();
  let current: Set<string> | null = null;
  for (const line of block[1].split("\n")) {
    const m = /^balance\s+(\S+)/.exec(line);
    if (m) {
      current = NAMES.includes(m[1]) ? (out.get(m[1]) ?? new Set()) : null;
      if (current) out.set(m[1], current);
      // the line's own text after the command, without what it says of other commands
      (line.replace(/\s{2,}\(.*$/, "").match(FLAG) ?? []).forEach((f) => current?.add(f));
    } else if (current && /^\s/.test(line)) {
      (line.match(FLAG) ?? []).forEach((f) => current?.add(f));
    }
  }
  return out;
}

/** The options a command's --help lists under 选项 / Options. */
async function helpOptions(command: string): Promise<Set<string>> {
  const { stdout } = await run("help", command);
  const options = stdout.split(/选项 \/ Options:\n/)[1] ?? "";
  return new Set([...options.matchAll(/^\s+(?:-[a-z], )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]));
}

/** Whether the command's parser takes the option: `--help` with it prints the help (0), an unknown one is refused. */
async function accepts(command: string, flag: string): Promise<boolean> {
  for (const argv of [
    [command, "--help", flag],
    [command, "--help", `${flag}=x`],
  ]) {
    if ((await run(...argv)).code === 0) return true;
  }
  return false;
}

describe("the options the docs give each command", () => {
  it("reads the commands of the pages (the test's own parsing)", () => {
    expect(
      mentionsIn("x.md", "```sh\nnpx balance plan a.xlsx --costs c.json --rotation  # --json\n```"),
    ).toEqual([{ command: "plan", flags: ["--costs", "--rotation"], where: "x.md:2" }]);
    expect(
      mentionsIn("x.md", "用 `balance plan --budget 300` 和 `batch --out`，不是 `plan`").map((m) => m.flags),
    ).toEqual([["--budget"], ["--out"]]);
    expect(synopsis().get("evaluate")).toContain("--county-sheet");
    const readme = mentionsIn("README.md", pageText("README.md"));
    expect(readme.some((m) => m.command === "plan" && m.flags.includes("--rotation"))).toBe(true);
  });

  it("an unknown option is refused: the probe can fail", async () => {
    expect(await accepts("evaluate", "--no-such-option")).toBe(false);
    expect(await accepts("evaluate", "--json")).toBe(true);
    expect(await accepts("evaluate", "--sheet")).toBe(true);
  });

  it("every option a page shows for a command is one that command takes", async () => {
    const refused: string[] = [];
    for (const page of PAGES) {
      for (const m of mentionsIn(page, pageText(page))) {
        for (const flag of m.flags) {
          if (!(await accepts(m.command, flag))) refused.push(`${m.where}: balance ${m.command} ${flag}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it("the synopsis of docs/cli.md lists each command's options as its --help does", async () => {
    const documented = synopsis();
    expect([...documented.keys()].sort()).toEqual([...NAMES].sort());
    const differ: string[] = [];
    for (const name of NAMES) {
      const doc = new Set([...(documented.get(name) ?? []), ...COMMON]);
      const help = await helpOptions(name);
      for (const flag of help)
        if (!doc.has(flag)) differ.push(`balance ${name} ${flag}: in --help, not in docs/cli.md`);
      for (const flag of doc)
        if (!help.has(flag)) differ.push(`balance ${name} ${flag}: in docs/cli.md, not in --help`);
      for (const flag of doc)
        if (!(await accepts(name, flag))) differ.push(`balance ${name} ${flag}: refused`);
    }
    expect(differ).toEqual([]);
  });
  it("each command's --help names in its usage line every option it then lists", async () => {
    const unnamed: string[] = [];
    for (const name of NAMES) {
      const { stdout } = await run("help", name);
      const usage = stdout.split(/\n\s*\n/)[0];
      for (const flag of await helpOptions(name)) {
        if (!COMMON.includes(flag) && !usage.includes(flag)) unnamed.push(`balance ${name} ${flag}`);
      }
    }
    expect(unnamed).toEqual([]);
  });
});
