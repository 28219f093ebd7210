/**
 * `balance batch` over a league's folder where counties sent their workbooks zipped (by email or chat): each
 * spreadsheet in a .zip is read as if it lay in the folder, named 压缩包名/文件名, with the figures `balance
 * evaluate` gives for the file unzipped; a note in the archive is no county; an archive in the archive, and a .rar
 * or .7z in the folder, are named as counties not read, to be unpacked by hand — no county goes missing unsaid.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { LEVELS } from "../../src/standard/indicators";
import { run, tempDir } from "../cli/helpers";
import { randomCounty, writeCounty } from "./helpers";

const dir = tempDir();
const clean = join(dir, "各旗县");
const mixed = join(dir, "各旗县（含 rar）");
const unzipped = join(dir, "解压");
const sameName = join(dir, "同名");
const years = ["2025", "2026"].map((y) => join(dir, "逐年", y));

type County = {
  file: string;
  county: string;
  ok: boolean;
  countyPass: boolean | null;
  levels: Record<string, { sections: number; passingSections: number }> | null;
  problems: { code: string; message: string }[];
};

beforeAll(async () => {
  for (const folder of [clean, mixed, unzipped, sameName, ...years]) mkdirSync(folder, { recursive: true });
  await writeCounty(clean, "阿尔山市.xlsx", randomCounty(9101, 8, "阿市"));
  const bailang = readFileSync(await writeCounty(unzipped, "白狼县2025.xlsx", randomCounty(9102, 9, "白狼")));
  const tuquan = readFileSync(await writeCounty(unzipped, "突泉县.xlsx", randomCounty(9103, 7, "突泉")));
  // one county zipped alone, with a note beside its workbook; two counties zipped together, in a folder of the zip
  writeFileSync(
    join(clean, "白狼县.zip"),
    zipSync({ "白狼县2025.xlsx": bailang, "说明.txt": strToU8("白狼县报送的工作簿，请查收。\n") }),
  );
  writeFileSync(join(clean, "两县.zip"), zipSync({ "两县/突泉县.xlsx": tuquan }));
  // a county's 2025 workbook as it is, its 2026 one zipped in the year's folder
  await writeCounty(years[0], "阿尔山市.xlsx", randomCounty(9104, 8, "阿市"));
  const arxan = readFileSync(await writeCounty(unzipped, "阿尔山市.xlsx", randomCounty(9105, 8, "阿市")));
  writeFileSync(join(years[1], "阿尔山市.zip"), zipSync({ "阿尔山市.xlsx": arxan }));
  // two counties sending a workbook of the same name, each zipped under its county's name
  const table = (seed: number, prefix: string) =>
    writeCounty(unzipped, `${prefix}.xlsx`, randomCounty(seed, 8, prefix));
  writeFileSync(
    join(sameName, "扎赉特旗.zip"),
    zipSync({ "学校统计表.xlsx": readFileSync(await table(9106, "扎旗")) }),
  );
  writeFileSync(
    join(sameName, "科右前旗2025.zip"),
    zipSync({ "学校统计表.xlsx": readFileSync(await table(9107, "前旗")) }),
  );
  // a zip in the zip, and a RAR archive beside them
  writeFileSync(
    join(mixed, "扎赉特旗.zip"),
    zipSync({ "扎赉特旗.zip": zipSync({ "扎赉特旗.xlsx": tuquan }) }),
  );
  writeFileSync(
    join(mixed, "科右前旗.rar"),
    new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]),
  );
});

async function batch(...args: string[]) {
  const r = await run("batch", ...args, "--year", "2026");
  return { ...r, doc: args.includes("--json") ? JSON.parse(r.stdout) : null };
}

describe("a league's folder where counties sent their workbooks zipped", () => {
  test("each spreadsheet in a .zip is a county, named through its archive, as evaluate reads it unzipped", async () => {
    const { code, doc } = await batch(clean, "--json");
    expect(code).toBe(0);
    const counties = doc.counties as County[];
    expect(counties.map((c) => [c.county, c.file.slice(clean.length + 1), c.ok]).sort()).toEqual(
      [
        ["白狼县", "白狼县.zip/白狼县2025.xlsx", true],
        ["突泉县", "两县.zip/两县/突泉县.xlsx", true],
        ["阿尔山市", "阿尔山市.xlsx", true],
      ].sort(),
    );
    for (const [inZip, alone] of [
      ["白狼县.zip/白狼县2025.xlsx", "白狼县2025.xlsx"],
      ["两县.zip/两县/突泉县.xlsx", "突泉县.xlsx"],
    ]) {
      const county = counties.find((c) => c.file === join(clean, inZip))!;
      const evaluated = JSON.parse((await run("evaluate", join(unzipped, alone), "--json")).stdout);
      expect(county.countyPass).toBe(evaluated.countyPass);
      for (const level of LEVELS) {
        expect(county.levels![level].sections).toBe(evaluated.levels[level].sections);
        expect(county.levels![level].passingSections).toBe(evaluated.levels[level].passingSections);
      }
    }
  });

  test("the summary in Chinese counts the zipped counties", async () => {
    const { code, stdout } = await batch(clean);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^旗县市汇总（2026 年，3 个旗县市）/u);
    expect(stdout).toMatch(/^ {2}.*白狼县：9 所学校/mu);
    expect(stdout).toMatch(/^ {2}.*突泉县：7 所学校/mu);
  });

  test("the summary sheet names a zipped county's file through its archive, as the folder holds it", async () => {
    const out = join(clean, "..", "汇总-压缩包.xlsx");
    expect((await batch(clean, "--out", out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const files: unknown[] = [];
    book.getWorksheet("盟市汇总")!.eachRow((row) => files.push(row.getCell(2).value));
    expect(files).toEqual(
      expect.arrayContaining(["白狼县.zip/白狼县2025.xlsx", "两县.zip/两县/突泉县.xlsx", "阿尔山市.xlsx"]),
    );
  });

  test("an archive in the archive and a .rar are named as counties not read, to be unpacked", async () => {
    const { code, doc } = await batch(mixed, "--json");
    expect(code).toBe(1);
    const counties = doc.counties as County[];
    const nested = counties.find((c) => c.file === join(mixed, "扎赉特旗.zip", "扎赉特旗.zip"))!;
    expect(nested.ok).toBe(false);
    expect(nested.problems.map((p) => p.code)).toEqual(["archive-nested"]);
    expect(nested.problems[0].message).toBe(
      "压缩包中的压缩包“扎赉特旗.zip”未读取：请先解压，再读取解压出的工作簿",
    );
    const rar = counties.find((c) => c.file === join(mixed, "科右前旗.rar"))!;
    expect(rar.county).toBe("科右前旗");
    expect(rar.ok).toBe(false);
    expect(rar.problems[0].message).toMatch(/^该文件是 RAR 压缩包，不是 Excel 工作簿：请先解压/u);
  });

  test("a workbook zipped in a year's folder is of the folder's year, as unzipped there", async () => {
    const { code, doc } = await batch(...years, "--json");
    expect(code).toBe(0);
    const counted = (
      doc.counties as (County & { years?: { series: { year: number; file: string }[] } })[]
    ).find((c) => c.years !== undefined)!;
    expect(counted.county).toBe("阿尔山市");
    expect(counted.years!.series.map((s) => [s.year, s.file])).toEqual([
      [2025, join(years[0], "阿尔山市.xlsx")],
      [2026, join(years[1], "阿尔山市.zip", "阿尔山市.xlsx")],
    ]);
  });

  test("a workbook whose name names no county is named by its archive: two such counties are two", async () => {
    const { code, doc } = await batch(sameName, "--json");
    expect(code).toBe(0);
    expect(
      (doc.counties as County[]).map((c) => [c.county, c.file.slice(sameName.length + 1)]).sort(),
    ).toEqual(
      [
        ["扎赉特旗", "扎赉特旗.zip/学校统计表.xlsx"],
        ["科右前旗", "科右前旗2025.zip/学校统计表.xlsx"],
      ].sort(),
    );
    expect(doc.repeated).toEqual([]);
  });

  test("in text, each archive not read is said with its problem, Chinese first", async () => {
    const { code, stderr } = await batch(mixed);
    expect(code).toBe(1);
    expect(stderr).toContain(join(mixed, "扎赉特旗.zip", "扎赉特旗.zip"));
    expect(stderr).toContain("压缩包中的压缩包“扎赉特旗.zip”未读取");
    expect(stderr).toContain(join(mixed, "科右前旗.rar"));
  });
});
