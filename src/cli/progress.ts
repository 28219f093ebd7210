/**
 * A progress bar on the terminal for runs over many files: one line, redrawn in place, on stderr only when it
 * is a terminal (a TTY), so that a pipe, a log file or a JSON document never holds it. It counts files, never
 * time.
 */
import { printable, type CliIO } from "./io";
import { width as displayWidth } from "./verdict";

export interface Progress {
  /** the next file is under way */
  step(label: string): void;
  /** writes a message (a file that failed) on its own line; the bar is drawn again below it */
  message(write: () => void): void;
  /** clears the bar */
  done(): void;
}

const WIDTH = 24;

function clip(text: string, columns: number): string {
  let out = "";
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > columns) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** The bar for `done` of `total` files: [██████░░░░░░] 3/10 阿尔山市.xlsx */
export function progressLine(done: number, total: number, label: string, columns = 80): string {
  const filled = total === 0 ? WIDTH : Math.round((WIDTH * done) / total);
  const bar = `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${done}/${total} ${label}`;
  // one column short of the width: a full line would wrap on some terminals and break the redraw
  return clip(bar, Math.max(10, columns - 1));
}

const CLEAR = "\r\u001b[2K";

/**
 * A progress bar over `total` files on the terminal behind `io`'s stderr; a silent one when `enabled` is false
 * or stderr is not a TTY (messages then go to stderr as they come).
 */
export function progressBar(io: CliIO, total: number, enabled: boolean): Progress {
  const terminal = io.stderrTerminal;
  if (!enabled || !terminal?.isTTY) {
    return { step: () => undefined, message: (write) => write(), done: () => undefined };
  }
  let done = 0;
  let current = "";
  // the file's name as text: only the bar's own CLEAR acts on the terminal
  const draw = () =>
    terminal.write(CLEAR + printable(progressLine(done, total, current, terminal.columns ?? 80)));
  return {
    step(label) {
      current = label;
      draw();
      done++;
    },
    message(write) {
      terminal.write(CLEAR);
      write();
      draw();
    },
    done() {
      terminal.write(CLEAR);
    },
  };
}
