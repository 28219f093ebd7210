/**
 * `balance evaluate` on a very large county (issue 13 item 3): 300,000 schools make a JSON document longer than
 * the longest string JavaScript can hold (JSON.stringify fails with "Invalid string length"), and a readable
 * verdict of more lines than one call takes arguments. The records are made in memory and go through the
 * evaluation and the command's writers; the output is read back as it arrives, so that it is never one string
 * in the test either. In the slow tier: about 15 s and 900 MB on a quiet machine.
 */
import { constants } from "node:buffer";
import { evaluate } from "../../src/engine";
import { writeLines } from "../../src/cli/io";
import { lazyJsonArray, writeJsonDocument } from "../../src/cli/json";
import { verdictLines } from "../../src/cli/verdict";
import { jsonContractOf, type TableEvaluation } from "../../src/pipeline";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { school } from "../engine/helpers";
import { noSkippedRows } from "../../src/sheet/read/tableRows";

const SCHOOLS = 300_000;

/** A primary school short of every standard, so that each section carries its seven shortfalls. */
function poorPrimary(i: number) {
  return school({
    name: `第${i}小学`,
    students: { primary: 100 + (i % 50) },
    teachers: { primary: { qualifiedTeachers: 1, keyTeachers: 0, peArtTeachers: 0 } },
    facilities: { teachingArea: 100, sportsArea: 100, equipmentValue: 1000, multimediaRooms: 1 },
  });
}

/**
 * Reads the document as it arrives, holding only its head and its tail: every section's school is checked in
 * order as it passes; the head and the tail, with the first and last sections whole, are parsed at the end.
 */
class DocumentReader {
  length = 0;
  largestChunk = 0;
  sections = 0;
  private head = "";
  /** the last chunks, as few as hold the document's last KEEP characters: joined only when the tail is read */
  private recent: string[] = [];
  private recentLength = 0;
  private carry = "";
  private static readonly SCHOOL = /\n {4}\{\n {6}"school": "第(\d+)小学"/g;
  private static readonly KEEP = 1 << 18;

  write(chunk: string): void {
    this.length += chunk.length;
    this.largestChunk = Math.max(this.largestChunk, chunk.length);
    if (this.head.length < DocumentReader.KEEP) this.head += chunk;
    this.recent.push(chunk);
    this.recentLength += chunk.length;
    while (this.recentLength - this.recent[0].length >= DocumentReader.KEEP)
      this.recentLength -= (this.recent.shift() as string).length;
    // a school split across two chunks is found once: matches that ended inside the carry were counted before
    const text = this.carry + chunk;
    const pattern = DocumentReader.SCHOOL;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m.index + m[0].length <= this.carry.length) continue;
      if (Number(m[1]) !== this.sections) throw new Error(`section ${this.sections} is 第${m[1]}小学`);
      this.sections++;
    }
    this.carry = text.slice(-64);
  }

  /** The head up to the sections, the tail after them, and whole sections from both ends. */
  parts(): { rest: Record<string, unknown>; first: unknown[]; last: unknown[] } {
    const tail = this.recent.join("").slice(-DocumentReader.KEEP);
    const open = '\n  "sections": [\n';
    const close = "\n  ],\n";
    const start = this.head.indexOf(open) + open.length;
    const end = tail.lastIndexOf(close);
    // "    {\n…\n    },\n" each; the head's last and the tail's first are cut
    const sectionsIn = (text: string) =>
      text
        .split(/\n {4}\},?\n/)
        .slice(0, -1)
        .map((s) => JSON.parse(`{${s.slice(s.indexOf("\n"))}}`));
    return {
      rest: JSON.parse(this.head.slice(0, start) + tail.slice(end)),
      first: sectionsIn(this.head.slice(start)),
      last: sectionsIn(tail.slice(tail.indexOf("\n    {\n") + 1, end + 1)),
    };
  }
}

const records = Array.from({ length: SCHOOLS }, (_, i) => poorPrimary(i));
const evaluation = evaluate(records, NATIONAL_2017);

test(`a county of ${SCHOOLS.toLocaleString("en")} schools: the whole document, though no string could hold it`, async () => {
  const result: TableEvaluation = {
    ok: true,
    read: {
      records,
      problems: [],
      headerRow: 0,
      columns: [],
      unmatchedHeaders: [],
      equipmentUnit: "万元",
      rows: [],
      header: null,
      skippedRows: noSkippedRows(),
    },
    problems: [],
    evaluation,
    profile: NATIONAL_2017,
    sheet: "学校",
  };
  const reader = new DocumentReader();
  await writeJsonDocument(
    { stdout: (chunk) => reader.write(chunk), stderr: () => undefined },
    jsonContractOf(result, "zh", lazyJsonArray),
  );

  expect(reader.length).toBeGreaterThan(constants.MAX_STRING_LENGTH);
  expect(reader.sections).toBe(SCHOOLS);
  expect(reader.largestChunk).toBeLessThan(1 << 20);
  const { rest, first, last } = reader.parts();
  expect(rest).toMatchObject({
    profile: "national-2017",
    ok: true,
    problems: [],
    sections: [],
    resourcesPass: false,
    table: { sheet: "学校", headerRow: 1, schools: SCHOOLS },
  });
  const primary = (rest.levels as Record<string, { sections: number; passingSections: number }>).primary;
  expect(primary).toMatchObject({ sections: SCHOOLS, passingSections: 0 });
  expect(Object.keys((rest.levels as Record<string, { cv: object }>).primary.cv)).toEqual([...INDICATOR_IDS]);
  // whole sections from both ends: each school short of all seven standards
  expect(first.length).toBeGreaterThan(10);
  expect(last.length).toBeGreaterThan(10);
  for (const section of [...first, ...last]) {
    expect(section).toMatchObject({ level: "primary", included: true, pass: false });
    expect((section as { shortfalls: { indicator: string }[] }).shortfalls.map((x) => x.indicator)).toEqual([
      ...INDICATOR_IDS,
    ]);
  }
  expect(first[1]).toMatchObject({ school: "第1小学", students: 101 });
  expect(last[last.length - 1]).toMatchObject({
    school: `第${SCHOOLS - 1}小学`,
    students: 100 + ((SCHOOLS - 1) % 50),
  });
}, 600_000);

test(`a county of ${SCHOOLS.toLocaleString("en")} schools: the whole readable verdict`, async () => {
  let lines = 0;
  let failing = 0;
  let partial = "";
  let last = "";
  const write = (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) {
      lines++;
      // each failing school: its line, then its seven shortfalls
      if (/^ {4}第\d+小学（\d+ 人，达标 0 项）$/.test(line)) failing++;
      if (line !== "") last = line;
    }
  };
  const heading = { file: "大县.xlsx", sheet: "学校", schools: SCHOOLS };
  await writeLines(
    { stdout: write, stderr: () => undefined },
    verdictLines(evaluation, NATIONAL_2017, heading, [], "zh"),
  );
  expect(partial).toBe("");
  expect(failing).toBe(SCHOOLS);
  expect(lines).toBeGreaterThan(8 * SCHOOLS);
  expect(last).toMatch(/^结论：资源配置未达标 ✗：小学有 300,000 个学校（校区）未达标/);
}, 600_000);
