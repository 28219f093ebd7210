import { once } from "node:events";
import { printable } from "../engine/names";
import type { Lang } from "../i18n/format";

export { checkOutputPath, writeFileAtomic, writeFailure } from "./outputFile";
export { printable };

/** Where a command writes; the process's streams by default, a buffer in tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** the terminal behind stderr, for a progress bar: drawn only when it is a TTY */
  stderrTerminal?: { isTTY?: boolean; columns?: number; write(text: string): unknown };
  /** Resolves when stdout can take more (a pipe whose reader is slow); absent where stdout is a buffer. */
  stdoutRoom?(): Promise<void>;
  /** the command running (evaluate), whose help a usage error points to */
  command?: string;
  /** Told of a usage error's message (`usageError`): `main` gives it as a JSON document under --json. */
  usage?(message: Bilingual): void;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrTerminal: process.stderr,
  stdoutRoom: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, "drain");
  },
};

/** The streams of `io` with every text made printable (the progress bar's own terminal left as it is). */
export function printableIO(io: CliIO): CliIO {
  return {
    ...io,
    stdout: (text) => io.stdout(printable(text)),
    stderr: (text) => io.stderr(printable(text)),
  };
}

/**
 * About this many characters go to stdout at a time. Each chunk is made flat once, to be made printable and
 * written: text with Chinese in it takes 2 bytes a character, and a chunk of 64 Ki characters would be larger than
 * V8's largest young object (128 KiB), each one given fresh pages of its own. At 16 Ki characters a chunk is made
 * in the young generation's pages, which are used again and again: a 3,000-school county's `--json` (9 MB) took
 * about 110 ms less CPU, its readable verdict (1.3 MB) about 20 ms less.
 */
const CHUNK = 1 << 14;

/**
 * Writes text made piece by piece to stdout, a chunk at a time, waiting while stdout is full: output too long
 * for one string (a county of 300,000 schools) is never one string.
 */
export async function writePieces(io: CliIO, pieces: Iterable<string>): Promise<void> {
  let chunk = "";
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= CHUNK) {
      io.stdout(chunk);
      chunk = "";
      if (io.stdoutRoom) await io.stdoutRoom();
    }
  }
  if (chunk !== "") io.stdout(chunk);
}

/**
 * Writes lines to stdout as writePieces does, each ended by a newline. The newline is added to the chunk, not to
 * the line: a verdict of thousands of failing sections is that many lines, each otherwise a string made once
 * more and passed through one more generator.
 */
export async function writeLines(io: CliIO, lines: Iterable<string>): Promise<void> {
  let chunk = "";
  for (const line of lines) {
    chunk += line;
    chunk += "\n";
    if (chunk.length >= CHUNK) {
      io.stdout(chunk);
      chunk = "";
      if (io.stdoutRoom) await io.stdoutRoom();
    }
  }
  if (chunk !== "") io.stdout(chunk);
}

/** Exit codes of `balance`. */
export const EXIT = {
  /** evaluated (whatever the verdict), or the command did its work */
  ok: 0,
  /** errors in the input blocked the verdict */
  inputErrors: 1,
  /** the command line was wrong */
  usage: 2,
} as const;

export interface Command {
  name: string;
  summary: { zh: string; en: string };
  /** bilingual help text of the command */
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
  /** whether it takes --json: a usage error is then a JSON document on stdout too (docs/json.md#usage-errors) */
  json?: true;
}

export type Bilingual = { zh: string; en: string };

/** A usage error: the message in both languages (the language flag may be what is wrong). */
export function usageError(
  io: CliIO,
  message: Bilingual,
  hint = io.command === undefined ? "balance --help" : `balance ${io.command} --help`,
): number {
  io.stderr(`balance: ${message.zh}\nbalance: ${message.en}\n（用法见 / see: ${hint}）\n`);
  io.usage?.(message);
  return EXIT.usage;
}

/**
 * --lang as a clerk may type it: zh or en, any case, or a locale as the system spells it (zh_CN, zh-Hans, en_US,
 * en-GB.UTF-8), or the language's name (中文, 英文, Chinese, English). Null for any other.
 */
export function parseLang(value: string | undefined): Lang | null {
  if (value === undefined) return "zh";
  const v = value.normalize("NFKC").trim().toLowerCase().replace(/_/gu, "-").split(".")[0];
  if (/^(?:zh|cn|chinese|中文|汉语|简体中文|中)(?:-[a-z]+)*$/u.test(v)) return "zh";
  if (/^(?:en|english|英文|英语|英)(?:-[a-z]+)*$/u.test(v)) return "en";
  return null;
}
