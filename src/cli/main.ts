import {
  EXIT,
  parseLang,
  printableIO,
  processIO,
  usageError,
  type Bilingual,
  type CliIO,
  type Command,
} from "./io";
import { version } from "../../package.json";
import { didYouMean, nearestName } from "./options";
import { isFolderFileName } from "../xlsx/spreadsheetFiles";

/**
 * The usage error of a command that is none: the near one named (evalute → evaluate), and a workbook given
 * without a command (balance 白狼县.xlsx) told to be evaluated.
 */
function unknownCommand(io: CliIO, given: string): number {
  const message = { zh: `未知命令“${given}”`, en: `unknown command "${given}"` };
  if (isFolderFileName(given)) {
    return usageError(io, {
      zh: `${message.zh}；要评估这个工作簿，请写 balance evaluate ${given}`,
      en: `${message.en}; to evaluate this workbook, type balance evaluate ${given}`,
    });
  }
  return usageError(
    io,
    didYouMean(message, nearestName(given, [...COMMANDS.map((c) => c.name), "help", "version"])),
  );
}

/**
 * The subcommands of `balance`, in the order help lists them, each loaded when it is run: `balance evaluate`
 * never loads what only `plan` (the solver), `whatif` (the edits' schema) or `web` (a server) needs. A new
 * subcommand is a file under commands/ and one entry here.
 */
export const COMMANDS: { name: string; load: () => Promise<Command> }[] = [
  { name: "evaluate", load: async () => (await import("./commands/evaluate")).evaluateCommand },
  { name: "template", load: async () => (await import("./commands/template")).templateCommand },
  { name: "whatif", load: async () => (await import("./commands/whatif")).whatifCommand },
  { name: "plan", load: async () => (await import("./commands/plan")).planCommand },
  { name: "batch", load: async () => (await import("./commands/batch")).batchCommand },
  { name: "compare", load: async () => (await import("./commands/compare")).compareCommand },
  { name: "import", load: async () => (await import("./commands/import")).importCommand },
  { name: "web", load: async () => (await import("./commands/web")).webCommand },
];

export async function helpText(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = commands.map(
    (c) => `  ${c.name.padEnd(width)}  ${c.summary.zh}\n  ${" ".repeat(width)}  ${c.summary.en}`,
  );
  return [
    `Balance 均衡 ${version} — 义务教育优质均衡发展评估 / evaluating high-quality balanced compulsory education`,
    "",
    "用法 / Usage:",
    "  balance <命令 command> [选项 options]",
    "",
    "命令 / Commands:",
    ...lines,
    `  ${"help".padEnd(width)}  显示帮助（balance help <命令> 显示该命令的帮助）`,
    `  ${" ".repeat(width)}  show help (balance help <command> for one command)`,
    "",
    "选项 / Options:",
    "  -h, --help     显示帮助 / show help",
    "  -v, --version  显示版本 / show the version",
    "",
    "示例 / Example:",
    "  npx balance evaluate examples/sample-county.xlsx",
    "  npx balance evaluate 学校统计表.xlsx --json > 结果.json",
    "  npx balance template 空白统计表.xlsx",
    "",
  ].join("\n");
}

/** Entry of the `balance` command; returns the exit code. */
export async function main(argv: string[], given: CliIO = processIO): Promise<number> {
  // names and cells from the data reach the terminal as text, never as its commands
  const io = printableIO(given);
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(await helpText());
    return EXIT.usage;
  }
  if (first === "-h" || first === "--help") {
    io.stdout(await helpText());
    return EXIT.ok;
  }
  if (first === "-v" || first === "--version" || first === "version") {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  if (first === "help") {
    if (rest.length === 0) {
      io.stdout(await helpText());
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === rest[0]);
    if (!command) return unknownCommand(io, rest[0]);
    io.stdout((await command.load()).help);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) return unknownCommand(io, first);
  const loaded = await command.load();
  // a usage error points to this command's help
  const commandIO: CliIO = { ...io, command: loaded.name };
  if (!loaded.json || !jsonAsked(rest)) return loaded.run(rest, commandIO);
  return runForJson(loaded, rest, commandIO);
}

/** Whether the arguments ask for --json (before a "--", after which every argument is a file). */
function jsonAsked(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === "--json" || a.startsWith("--json="));
}

/**
 * Runs a command asked for --json so that a usage error (a misspelt option, a missing or unreadable hand-written
 * file, an output path refused) is one JSON document on stdout as well as the message on stderr: a script reading
 * stdout always has a document, `ok: false` with the problem `usage` (docs/json.md#usage-errors).
 */
async function runForJson(command: Command, args: string[], io: CliIO): Promise<number> {
  let written = false;
  let usage: Bilingual | undefined;
  const code = await command.run(args, {
    ...io,
    stdout: (text) => {
      written = true;
      io.stdout(text);
    },
    usage: (message) => (usage ??= message),
  });
  if (code !== EXIT.usage || written || usage === undefined) return code;
  const at = args.indexOf("--lang");
  const lang =
    parseLang(at >= 0 ? args[at + 1] : args.find((a) => a.startsWith("--lang="))?.slice(7)) ?? "zh";
  const { writeJsonDocument } = await import("./json");
  await writeJsonDocument(io, {
    ok: false,
    problems: [
      {
        severity: "error",
        code: "usage",
        cell: null,
        message: usage[lang],
        messages: { zh: usage.zh, en: usage.en },
      },
    ],
  });
  return code;
}
