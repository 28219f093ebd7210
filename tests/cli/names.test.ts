/**
 * Names as clerks' files carry them (docs/school-table.md#names): copied from web pages, WeChat or PDFs, a school's
 * name holds a zero-width space, a bidirectional mark or a full-width bracket that the clerk cannot see. One rule
 * (`nameKey`) makes such names one name wherever names are matched — repeated names, 所属学校, two years compared,
 * the edits file, a county named in a title — and the clerk is told where a match needed it; a control character
 * in a name is removed when the name is read, with a warning, so that it never reaches the output.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCountyFiles } from "../../src/web/readFiles";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { run, tempDir } from "./helpers";

const SAMPLE = join(__dirname, "../../examples/sample-county.xlsx");
const dir = tempDir();

const ZWSP = "\u200b";
const RLO = "\u202e";

/** The sample county with the given cells of its school sheet changed (row, column, 1-based), written to `name`. */
async function sampleWith(name: string, cells: [number, number, string][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  for (const [r, c, value] of cells) sheet.getCell(r, c).value = value;
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

/** The text of a cell of the sample's school sheet. */
async function sampleCell(r: number, c: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  return String(book.worksheets[0].getCell(r, c).value);
}

interface JsonProblem {
  code: string;
  cell: string | null;
  message: string;
  severity: string;
}

describe("names that differ only by invisible or full-width characters", () => {
  it("a repeated name is found, and its error shows both spellings with what tells them apart", async () => {
    const first = await sampleCell(3, 1);
    const again = first.replace("第一", `第一${ZWSP}`);
    const file = await sampleWith("repeated.xlsx", [[4, 1, again]]);
    const r = await run("evaluate", file, "--json");
    const problems: JsonProblem[] = JSON.parse(r.stdout).problems;
    const repeated = problems.filter((p) => p.code === "duplicate-name");
    expect(repeated.map((p) => p.cell)).toEqual(["学校!A4"]);
    expect(repeated[0].message).toContain("学校!A3");
    expect(repeated[0].message).toContain(`“${first}”与“${again.replace(ZWSP, "<U+200B>")}”`);
  });

  it("a teaching point's 所属学校 spelt otherwise is matched, with a warning naming both cells", async () => {
    // rows 28 and 31: teaching points whose parents are the schools of rows 22 and 25
    const [parent28, parent31] = [await sampleCell(28, 4), await sampleCell(31, 4)];
    const file = await sampleWith("parents.xlsx", [
      [28, 4, parent28.replace("中心", `中心${ZWSP}`)],
      [31, 4, `${parent31}\u2060`],
    ]);
    const r = await run("evaluate", file, "--json");
    const problems: JsonProblem[] = JSON.parse(r.stdout).problems;
    expect(problems.filter((p) => p.code === "parent-not-found")).toEqual([]);
    const otherwise = problems.filter((p) => p.code === "parent-spelled-otherwise");
    expect(otherwise.map((p) => [p.cell, p.severity])).toEqual([
      ["学校!D28", "warning"],
      ["学校!D31", "warning"],
    ]);
    expect(otherwise[0].message).toContain("学校!A22");
    expect(otherwise[0].message).toContain("<U+200B>");
    expect(otherwise[1].message).toContain("<U+2060>");
  });

  it("balance compare matches a school spelt otherwise in the later year, and lists it as spelt otherwise", async () => {
    // a27's isolate is removed when the table is read (docs/school-table.md#names): the same name, not spelt otherwise
    const [a3, a15, a27] = [await sampleCell(3, 1), await sampleCell(15, 1), await sampleCell(27, 1)];
    const earlier = await sampleWith("白狼县2025.xlsx", [[15, 1, `${a15}(一校区)`]]);
    const later = await sampleWith("白狼县2026.xlsx", [
      [3, 1, a3.replace("第一", `第一${ZWSP}`)],
      [15, 1, `${a15}（一校区）`],
      [27, 1, `${a27}\u2066`],
    ]);
    const r = await run("compare", earlier, later, "--json");
    const schools = JSON.parse(r.stdout).schools;
    expect(schools.added).toEqual([]);
    expect(schools.removed).toEqual([]);
    expect(schools.respelled.map((x: { from: string }) => x.from).sort()).toEqual(
      [a3, `${a15}(一校区)`].sort(),
    );
    const text = (await run("compare", earlier, later)).stdout;
    expect(text).toContain("名称写法不同，按同一学校对比");
    // what tells the two spellings apart, which the terminal would not show
    expect(text).toContain(`${a3} → ${a3.replace("第一", "第一<U+200B>")}`);
    expect(text).not.toContain("撤销学校");
    // the workbook lists them under 写法不同; the name whose control was removed is not among them
    const out = join(dir, "对比.xlsx");
    expect((await run("compare", earlier, later, "--out", out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows: string[] = [];
    book
      .getWorksheet("对比汇总")!
      .eachRow((row) => rows.push(`${row.getCell(1).value}|${row.getCell(2).value}`));
    // a zero-width space, which prints as nothing, is shown: on paper the two spellings differ visibly
    expect(rows).toContain(`写法不同|${a3} → ${a3.replace("第一", "第一<U+200B>")}`);
    expect(rows).toContain(`写法不同|${a15}(一校区) → ${a15}（一校区）`);
    expect(rows.filter((row) => row.startsWith("写法不同") && row.includes(a27))).toEqual([]);
    expect(rows.some((row) => row.includes("\u2066") || row.includes("<U+2066>"))).toBe(false);
  });

  it("an edit naming a school spelt otherwise applies to it, with a warning", async () => {
    const school = await sampleCell(3, 1);
    const edits = join(dir, "edits.json");
    writeFileSync(
      edits,
      JSON.stringify([
        { kind: "addStudents", school: school.replace("第一", `第一${ZWSP}`), level: "primary", value: 10 },
      ]),
    );
    const r = await run("whatif", SAMPLE, "--edits", edits, "--json");
    const doc = JSON.parse(r.stdout);
    const problems: JsonProblem[] = doc.problems;
    expect(problems.map((p) => [p.code, p.severity])).toEqual([["edit-school-spelled-otherwise", "warning"]]);
    expect(problems[0].message).toContain("<U+200B>");
    expect(doc.applied).toEqual([0]);
    // balance plan reads the edits as whatif does: it plans, with the warning
    const plan = await run("plan", SAMPLE, "--edits", edits, "--json");
    expect(plan.code).toBe(0);
    const planned = JSON.parse(plan.stdout);
    expect(planned.ok).toBe(true);
    expect(planned.problems.map((p: JsonProblem) => p.code)).toEqual(["edit-school-spelled-otherwise"]);
  });

  it("a county named in a title with a zero-width space is the plan's county, on the command line and the web", async () => {
    const title = await sampleCell(1, 1);
    const file = await sampleWith("学校表.xlsx", [[1, 1, title.replace("白狼县", `阿尔山${ZWSP}市`)]]);
    const batch = JSON.parse((await run("batch", file, "--json")).stdout);
    expect(batch.counties.map((c: { county: string }) => c.county)).toEqual(["阿尔山市"]);
    const web = await readCountyFiles([new File([readFileSync(file)], "学校表.xlsx")], NATIONAL_2017);
    expect(web.map((c) => c.county)).toEqual(["阿尔山市"]);
  });
});

describe("a county of the league plan named with a zero-width space", () => {
  it("--county finds the plan's county, its target year and readiness", async () => {
    const r = await run("evaluate", SAMPLE, "--county", `阿尔山${ZWSP}市`, "--json");
    const readiness = JSON.parse(r.stdout).readiness;
    expect(readiness).toMatchObject({ county: "阿尔山市", targetYear: expect.any(Number) });
  });
});

describe("a county's file named with a zero-width space", () => {
  it("names the plan's county", async () => {
    const file = await sampleWith(`阿尔山${ZWSP}市2025.xlsx`, [[1, 1, "义务教育学校办学条件统计表"]]);
    const batch = JSON.parse((await run("batch", file, "--json")).stdout);
    expect(
      batch.counties.map((c: { county: string; countyFrom: string }) => [c.county, c.countyFrom]),
    ).toEqual([["阿尔山市", "file"]]);
  });
});

describe("a sheet named on the command line", () => {
  it("--sheet finds the sheet whose title holds a zero-width space, with a warning; --county-sheet too", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const name = sheet.name;
    sheet.name = `${name}${ZWSP}`;
    const file = join(dir, "sheet.xlsx");
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const r = await run("evaluate", file, "--sheet", name, "--json");
    expect(r.code).toBe(0);
    const problems: JsonProblem[] = JSON.parse(r.stdout).problems;
    expect(problems.map((p) => p.code)).toContain("sheet-spelled-otherwise");
    expect(problems.find((p) => p.code === "sheet-spelled-otherwise")!.message).toContain(`${name}<U+200B>`);
    // the same sheet named as the county sheet, with an ideographic space: found (it holds no county header)
    const county = await run("evaluate", file, "--sheet", name, "--county-sheet", `${name}\u3000`, "--json");
    const read = JSON.parse(county.stdout);
    expect(read.countySheet).toBe(`${name}${ZWSP}`);
    // and told, as --sheet is, once for each name given
    const otherwise = (read.problems as JsonProblem[]).filter((p) => p.code === "sheet-spelled-otherwise");
    expect(otherwise.map((p) => p.message)).toEqual([
      expect.stringContaining(`“${name}”`),
      expect.stringContaining(`“${name}<U+3000>”`),
    ]);
  });
});

describe("a bidirectional override in a name", () => {
  it("a right-to-left mark is removed from the name when read: the text output names the school as it reads", async () => {
    // row 27's school has a shortfall, so the text names it
    const name = await sampleCell(27, 1);
    const file = await sampleWith("mark.xlsx", [[27, 1, `\u200f${name}`]]);
    const r = await run("evaluate", file);
    expect(r.stdout).toContain(name);
    expect(r.stdout).not.toContain("\u200f");
    expect(r.stdout).not.toContain(`<U+200F>${name}`);
    const problems: JsonProblem[] = JSON.parse((await run("evaluate", file, "--json")).stdout).problems;
    const removed = problems.filter((p) => p.code === "name-controls-removed");
    expect(removed.map((p) => [p.cell, p.severity])).toEqual([["学校!A27", "warning"]]);
    expect(removed[0].message).toContain("<U+200F>");
  });

  it("does not reach the report workbook: the name is written without it", async () => {
    const name = await sampleCell(5, 1);
    const spoofed = name.replace("县", `县${RLO}`);
    const file = await sampleWith("spoofed.xlsx", [[5, 1, spoofed]]);
    const out = join(dir, "report.xlsx");
    const r = await run("evaluate", file, "--out", out);
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          const text = typeof v === "object" && v !== null && "result" in v ? v.result : v;
          if (typeof text === "string") texts.push(text);
        }),
      ),
    );
    expect(texts.some((t) => t.includes(RLO))).toBe(false);
    expect(texts).toContain(name);
    // only the warning quotes the override, as its code point
    expect(texts.filter((t) => t.includes("<U+202E>")).every((t) => t.includes("学校!A5"))).toBe(true);
  });
});

describe("names typed on the command line and in the files it names", () => {
  it("--county typed with an override is read without it, with a warning on stderr naming the option", async () => {
    // 白狼县 is no county of the plan: the name typed is the one the results go by
    const r = await run("evaluate", SAMPLE, "--county", `白狼${RLO}县`);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "提示：--county 所给名称中有 1 个不可见的控制字符（<U+202E>），已去除，读作“白狼县”",
    );
    expect(r.stdout).toContain("标准中没有“白狼县”的目标年份");
    expect(r.stdout).not.toContain("<U+202E>");
    // compare's JSON names the county given
    const compared = await run(
      "compare",
      SAMPLE,
      SAMPLE,
      "--years",
      "2025,2026",
      "--county",
      `白狼${RLO}县`,
      "--json",
    );
    expect(JSON.parse(compared.stdout).county).toBe("白狼县");
    expect(compared.stderr).toContain("--county");
  });

  it("a new school typed with an override in the edits file opens without it, the warning naming its field", async () => {
    const edits = join(dir, "typed-edits.json");
    const opened = {
      kind: "openSchool",
      record: {
        name: `新区${RLO}第一小学`,
        type: "primary",
        students: { primary: 300 },
        teachers: { primary: { qualifiedTeachers: 15, keyTeachers: 3, peArtTeachers: 3 } },
        facilities: { teachingArea: 1500, sportsArea: 2500, equipmentValue: 700000, multimediaRooms: 8 },
      },
    };
    writeFileSync(edits, JSON.stringify([opened]));
    const r = await run("whatif", SAMPLE, "--edits", edits, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const problems: JsonProblem[] = doc.problems;
    expect(problems.map((p) => [p.code, p.severity])).toEqual([["name-controls-removed", "warning"]]);
    expect(problems[0].message).toContain("第 1 项的新学校名称（edits[0].record.name）");
    expect(problems[0].message).toContain("<U+202E>");
    expect(doc.applied).toEqual([0]);
    // only the warning shows the override, as its code point: the school is 新区第一小学 everywhere else
    const results = JSON.stringify({ ...doc, problems: [] });
    expect(results).toContain("新区第一小学");
    expect(results).not.toContain("<U+202E>");
  });

  it("a rename map with an override in a name is read without it, the warning naming the file", async () => {
    const a3 = await sampleCell(3, 1);
    const later = await sampleWith("白狼县2026-renamed.xlsx", [[3, 1, "白狼县城关小学"]]);
    const renames = join(dir, "renames.json");
    writeFileSync(renames, JSON.stringify({ [a3]: `白狼县${RLO}城关小学` }));
    const r = await run("compare", SAMPLE, later, "--years", "2025,2026", "--rename", renames, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const warned = doc.problems.filter((p: JsonProblem) => p.code === "name-controls-removed");
    expect(warned.map((p: { file: string }) => p.file)).toEqual([renames]);
    expect(warned[0].message).toContain(`“${a3}”的新名`);
    expect(doc.schools.renamed).toEqual([{ from: a3, to: "白狼县城关小学", year: "2026" }]);
  });
});
