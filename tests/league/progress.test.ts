/** The progress bar of long runs (src/cli/progress.ts): drawn on a terminal only, counting files. */
import { progressBar, progressLine } from "../../src/cli/progress";
import type { CliIO } from "../../src/cli/io";

function fakeTerminal(isTTY: boolean, columns = 60) {
  const written: string[] = [];
  const messages: string[] = [];
  const io: CliIO = {
    stdout: () => undefined,
    stderr: (t) => messages.push(t),
    stderrTerminal: { isTTY, columns, write: (t: string) => written.push(t) },
  };
  return { io, written, messages };
}

test("progressLine: the share of files done, the count and the file under way, within the width", () => {
  expect(progressLine(0, 4, "a.xlsx")).toBe(`[${"░".repeat(24)}] 0/4 a.xlsx`);
  expect(progressLine(2, 4, "b.xlsx")).toBe(`[${"█".repeat(12)}${"░".repeat(12)}] 2/4 b.xlsx`);
  // 40 columns leave 39 for the line: the bar and the count take 31, and CJK characters two columns each
  expect(progressLine(1, 3, "阿尔山市-均衡评估.xlsx", 40)).toBe(
    `[${"█".repeat(8)}${"░".repeat(16)}] 1/3 阿尔山市`,
  );
});

test("on a terminal: redrawn in place per file, a message on its own line, cleared at the end", () => {
  const { io, written, messages } = fakeTerminal(true);
  const progress = progressBar(io, 3, true);
  progress.step("a.xlsx");
  progress.step("b.xlsx");
  progress.message(() => io.stderr("b.xlsx 读不出\n"));
  progress.step("c.xlsx");
  progress.done();
  const clear = "\r\u001b[2K";
  expect(written).toEqual([
    clear + progressLine(0, 3, "a.xlsx", 60),
    clear + progressLine(1, 3, "b.xlsx", 60),
    clear,
    clear + progressLine(2, 3, "b.xlsx", 60),
    clear + progressLine(2, 3, "c.xlsx", 60),
    clear,
  ]);
  expect(messages).toEqual(["b.xlsx 读不出\n"]);
});

test("not a terminal, or not enabled (--json): nothing drawn, messages still written", () => {
  for (const [tty, enabled] of [
    [false, true],
    [true, false],
  ]) {
    const { io, written, messages } = fakeTerminal(tty);
    const progress = progressBar(io, 2, enabled);
    progress.step("a.xlsx");
    progress.message(() => io.stderr("!\n"));
    progress.done();
    expect(written).toEqual([]);
    expect(messages).toEqual(["!\n"]);
  }
});
