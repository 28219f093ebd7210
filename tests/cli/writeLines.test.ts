/**
 * How the readable verdict reaches stdout (src/cli/io.ts): each line ended by a newline, in chunks of whole
 * lines of about 16 K characters, waiting for room after each, so that a county's long text is never one string
 * and no chunk, in Chinese two bytes a character, is larger than V8's largest young object (128 KiB).
 */
import { writeLines } from "../../src/cli/io";

function recorder() {
  const chunks: string[] = [];
  const events: string[] = [];
  const io = {
    stdout: (text: string) => {
      chunks.push(text);
      events.push("write");
    },
    stderr: () => undefined,
    stdoutRoom: async () => {
      events.push("room");
    },
  };
  return { io, chunks, events };
}

/** Lines of many lengths and scripts: 12,000 of them, some empty. */
const lines = Array.from({ length: 12_000 }, (_, i) =>
  i % 97 === 0 ? "" : `${"　".repeat(i % 7)}第${i}小学（${i * 13} 人）${"✗".repeat(i % 3)}`,
);

test("every line is written once, in order, ended by a newline", async () => {
  const { io, chunks } = recorder();
  await writeLines(io, lines);
  expect(chunks.join("")).toBe(`${lines.join("\n")}\n`);
});

test("a long text goes out in chunks of whole lines of at least 16 K characters, with room awaited after each", async () => {
  const { io, chunks, events } = recorder();
  await writeLines(io, lines);
  expect(chunks.length).toBeGreaterThan(3);
  for (const chunk of chunks) expect(chunk.endsWith("\n")).toBe(true);
  for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1 << 14);
  // the lines are short: a chunk passes 16 K by less than one line
  for (const chunk of chunks) expect(chunk.length).toBeLessThan((1 << 14) + 200);
  const fullChunks = chunks.filter((c) => c.length >= 1 << 14).length;
  expect(events.filter((e) => e === "room")).toHaveLength(fullChunks);
  expect(events.slice(0, 2)).toEqual(["write", "room"]);
});

test("lines read from a generator are written as they come; no lines, nothing written", async () => {
  const { io, chunks } = recorder();
  function* made() {
    yield "一";
    yield "";
    yield "two";
  }
  await writeLines(io, made());
  expect(chunks).toEqual(["一\n\ntwo\n"]);
  const empty = recorder();
  await writeLines(empty.io, []);
  expect(empty.chunks).toEqual([]);
});
