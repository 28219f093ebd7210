import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { countOf } from "../../i18n/count";
import type { Lang } from "../../i18n/format";
import { hasErrors, type Problem } from "../../problems/problem";
import { holdsSchoolTable, readSchoolTable } from "../../sheet/read";
import { holdsRecipeTable } from "../../sheet/recipe/inReader";
import { holdsCountyAsked, sheetNamedFor } from "../../sheet/recipe/rowGroups";
import { countyNames } from "../../engine/county/readiness";
import { readFormWorkbooks, type FormWorkbook } from "../../sheet/recipe/forms";
import { JIAOJI_FORMS } from "../../sheet/recipe/load";
import { formRecipeReading, type RecipeReading } from "../../sheet/recipe/reading";
import type { Recipe } from "../../sheet/recipe/schema";
import type { Profile } from "../../standard/profile";
import { importWorkbook } from "../../xlsx/importFile";
import { chooseSheet, readArchived, type WorkbookResult } from "../../xlsx/reader";
import { readCountySheet, withoutOtherSheets } from "../../xlsx/reader/chooseSheet";
import { spreadsheetsIn, subfoldersWithSpreadsheets, unreadableFolder } from "../folderFiles";
import {
  archivedInFile,
  archivedPath,
  readFileBytes,
  readWorkbookBytes,
  readWorkbookFile,
} from "../workbookFile";
import { formatProblems } from "../verdict";
import { checkOutPath } from "../workbookOut";
import { samePath } from "../outputFile";
import { inputAsOut } from "../countySource";
import { EXIT, usageError, writeFailure, writeFileAtomic, type CliIO, type Command } from "../io";
import {
  jsonProblems,
  parseCommandLine,
  readProfileOption,
  readRecipeOption,
  sayArchive,
  tableRecipeOption,
} from "../commandLine";

const HELP = `balance import <导出表.xlsx | 教基报表文件夹> --out 学校.xlsx [--county NAME] [--recipe FILE.json]
              [--sheet NAME] [--profile FILE.json] [--force] [--lang zh|en] [--json]

把教育事业统计的分校导出表（或每校一个工作簿的教基报表文件夹）转换为标准学校表：模板的表头和单位，一校一行；
不计校数的校区并入隶属学校，按学段分行的一贯制学校合为一行；另有工作表“来源”，逐列写明推导方法和来源列。
文件夹只读其中的文件（.zip 压缩包中的工作簿与 batch 一样逐个读取），子文件夹中的工作簿不读，逐个提示。
Converts the statistics system's per-school export (or a folder of per-school 教基 form workbooks) into the
canonical school table: the template's headers and units, one row per school; uncounted campuses joined to their
school, combined schools given one row per 学段 joined; and a sheet 来源 saying how each column was derived.
Of a folder only its own files are read (the workbooks in a .zip one by one, as batch reads them); each
subfolder holding workbooks is named, not read.

选项 / Options:
  --out 学校.xlsx      写出的学校表（必填；不会覆盖输入文件）/ the school table to write (required)
  --county NAME        表中有多个旗县市区时，转换哪一个 / the county to convert from a table of several
  --recipe FILE.json   配方文件（省份导出表的列名不同时）；默认按内置配方识别
                       a recipe file (a province's export with other column names); the built-in by default
  --sheet NAME         要读取的工作表 / the sheet to read
  --profile FILE.json  自定义评估标准（设备值默认单位等）/ a custom standard profile
  --force              覆盖已有的文件 / overwrite an existing file
  --lang zh|en         输出语言 / output language
  --json               输出一个 JSON 文档 / print one JSON document
  -h, --help           显示帮助 / show help

退出码 / Exit codes:
  0  已写出学校表 / the school table was written
  1  读不出、没有学校，或写出的表中仍有错误待改正 / nothing to write, or errors remain to be fixed in the table
  2  命令行有误 / usage error
`;

/** A subfolder holding workbooks, which `balance import` of a folder does not read. */
function subfolderNotRead(subfolder: string): Problem {
  return {
    severity: "warning",
    code: "subfolder-not-read",
    cell: null,
    message: {
      zh: `子文件夹“${subfolder}”中的工作簿未读取，其中的学校不在学校表中；要一并导入，请把这些工作簿移到所给的文件夹中。`,
      en: `The workbooks in the subfolder "${subfolder}" were not read: their schools are not in the school table. To import them too, move them into the folder given.`,
    },
  };
}

/**
 * The workbooks of a folder, one school each, by name; a zip archive's spreadsheets (a township's forms sent zipped)
 * each read as if it lay in the folder, named by its path through the archive (补报.zip/某小学.xlsx), as `balance
 * batch` reads a league's folder; an archive in the archive, or one that cannot be read so (.rar, .7z), named as
 * a file not read.
 */
async function readFolder(
  folder: string,
  out: string,
): Promise<{ workbooks: FormWorkbook[]; problems: Problem[] }> {
  // every spreadsheet, so that a school's form kept as .xls is said to need saving as .xlsx, not left out
  // the output only (a school table written there before), never a school's form of the same name elsewhere
  const names: string[] = [];
  for (const name of await spreadsheetsIn(folder))
    if (!(await samePath(join(folder, name), out))) names.push(name);
  const workbooks: FormWorkbook[] = [];
  const problems: Problem[] = [];
  const add = (name: string, book: WorkbookResult) => {
    if (book.ok) workbooks.push({ file: name, grids: book.grids });
    else
      problems.push({
        ...book.problem,
        message: { zh: `${name}：${book.problem.message.zh}`, en: `${name}: ${book.problem.message.en}` },
      });
  };
  for (const name of names) {
    const path = join(folder, name);
    const file = await readFileBytes(path);
    const archived = file.ok ? await archivedInFile(name, file.data) : null;
    if (archived === null) add(name, file.ok ? await readWorkbookBytes(file.data, path) : file);
    else
      for await (const inside of readArchived(archived, readWorkbookBytes))
        add(archivedPath(name, inside.name), inside.workbook);
  }
  return { workbooks, problems };
}

type Reading =
  | {
      ok: true;
      reading: RecipeReading;
      problems: Problem[];
      sheet: string | null;
      /** the folder's files that could not be read: their schools are not in the table */
      unread: number;
      /** the folder's subfolders holding workbooks, which are not read */
      subfolders: string[];
      /** the name of the one spreadsheet read from the zip archive given */
      inside?: string;
    }
  | { ok: false; problems: Problem[]; inside?: string };

async function readExportFile(
  file: string,
  options: { sheet?: string; county?: string; recipe?: Recipe; profile: Profile },
): Promise<Reading> {
  const recipe = options.recipe?.kind === "table" ? options.recipe : undefined;
  const book = await readWorkbookFile(file);
  const { inside } = book;
  if (!book.ok) return { ok: false, problems: [book.problem], inside };
  const read = (grid: (typeof book.grids)[number]) =>
    readSchoolTable(grid, { profile: options.profile, recipe, county: options.county });
  const holds = recipe ? holdsRecipeTable(recipe) : holdsSchoolTable;
  const chosen = chooseSheet(book.grids, options.sheet, holds);
  if (!chosen.ok) return { ok: false, problems: [chosen.problem], inside };
  // a county asked for that the sheet read lacks may have a sheet of its own (an export split by county)
  const { grid, reading: result } =
    options.sheet === undefined && options.county !== undefined
      ? readCountySheet(
          book.grids,
          chosen.grid,
          holds,
          read,
          holdsCountyAsked,
          sheetNamedFor(options.county, countyNames(options.profile, options.county)),
        )
      : { grid: chosen.grid, reading: read(chosen.grid) };
  if (!result.recipe) {
    const problem: Problem = {
      severity: "error",
      code: "not-an-export",
      cell: null,
      message: {
        zh: `工作表“${grid.sheet}”的表头不是统计导出表的表头（它可能已是学校表：可直接用 balance evaluate）。列名不同的导出表请用 --recipe 给出配方。`,
        en: `The header of sheet "${grid.sheet}" is not a statistics export's (it may be a school table already: use balance evaluate). For an export with other column names give a recipe with --recipe.`,
      },
    };
    return { ok: false, problems: [...result.problems, problem], inside };
  }
  // what choosing the sheet said (a hidden sheet or other sheets with a table passed over), as evaluate says it;
  // when the county asked for chose the sheet, the other sheets are other counties'
  const choosing =
    grid !== chosen.grid
      ? []
      : options.county !== undefined
        ? withoutOtherSheets(chosen.problems)
        : chosen.problems;
  return {
    ok: true,
    reading: result.recipe,
    problems: [...choosing, ...result.problems],
    sheet: grid.sheet,
    unread: 0,
    subfolders: [],
    inside,
  };
}

async function readFormsFolder(
  folder: string,
  out: string,
  options: { county?: string; recipe?: Recipe; profile: Profile },
): Promise<Reading> {
  const recipe = options.recipe?.kind === "forms" ? options.recipe : JIAOJI_FORMS;
  const unreadable = await unreadableFolder(folder);
  if (unreadable !== null) return { ok: false, problems: [unreadable] };
  const { workbooks, problems } = await readFolder(folder, out);
  // a school's form in a subfolder is not read: said of each subfolder, never left out without a word
  const subfolders = await subfoldersWithSpreadsheets(folder);
  const passedOver = subfolders.map(subfolderNotRead);
  if (workbooks.length === 0) {
    problems.push({
      severity: "error",
      code: "no-workbooks",
      cell: null,
      message: {
        zh: `文件夹“${folder}”中没有表格文件（.xlsx、.xls、.csv 等）。`,
        en: `The folder "${folder}" holds no spreadsheet (.xlsx, .xls, .csv …).`,
      },
    });
    return { ok: false, problems: [...problems, ...passedOver] };
  }
  const exported = readFormWorkbooks(
    recipe,
    workbooks,
    {
      county: options.county,
      countyNames: options.county === undefined ? [] : countyNames(options.profile, options.county),
      defaultUnit: options.profile.equipmentDefaultUnit,
    },
    (grid) => readSchoolTable(grid, { profile: options.profile, recipe: null }),
  );
  const reading = formRecipeReading(recipe, exported, exported.county);
  return {
    ok: true,
    reading,
    problems: [...problems, ...exported.read.problems, ...passedOver],
    sheet: null,
    unread: problems.length,
    subfolders,
  };
}

function report(
  io: CliIO,
  json: boolean,
  lang: Lang,
  document: object,
  problems: Problem[],
  text: string,
): void {
  if (json) {
    io.stdout(JSON.stringify({ ...document, problems: jsonProblems(problems, lang) }, null, 2) + "\n");
    if (text) io.stderr(text);
    return;
  }
  if (problems.length > 0) io.stderr(`${formatProblems(problems, lang).join("\n")}\n`);
  if (text) io.stdout(text);
}

export const importCommand: Command = {
  name: "import",
  json: true,
  summary: {
    zh: "把统计导出表或教基报表转换为标准学校表（附“来源”说明）",
    en: "convert a statistics export or 教基 forms into the school table (with its sources)",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(io, importCommand, args, {
      out: { type: "string" },
      county: { type: "string" },
      recipe: { type: "string" },
      sheet: { type: "string" },
      profile: { type: "string" },
      force: { type: "boolean" },
      json: { type: "boolean" },
    });
    if (typeof line === "number") return line;
    const { values, file, lang } = line;
    const json = values.json === true;
    const out = values.out;
    if (out === undefined) {
      return usageError(
        io,
        { zh: "缺少 --out 学校.xlsx", en: "--out 学校.xlsx is missing" },
        "balance import --help",
      );
    }
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    const recipe = await readRecipeOption(io, values.recipe);
    if (typeof recipe === "number") return recipe;
    const force = values.force === true;
    const outError = await checkOutPath(io, out, [file], force);
    if (outError !== null) return outError;
    // a school's form in the folder read is never overwritten by the table, --force or not
    if (await inputAsOut(out, [file], (grids) => grids.some(holdsSchoolTable))) {
      return usageError(io, {
        zh: `“${out}”是所读文件夹中的报表工作簿，不会用导入的学校表覆盖它（加 --force 也不会）；请换一个文件名`,
        en: `"${out}" is a workbook of the folder being read: the school table is never written over it, even with --force; choose another name`,
      });
    }

    const folder = (await stat(file).catch(() => null))?.isDirectory() === true;
    if (!folder && typeof tableRecipeOption(io, recipe) === "number") return EXIT.usage;
    if (folder && recipe?.kind === "table") {
      return usageError(io, {
        zh: '文件夹按教基报表读取，配方须为 "kind": "forms"',
        en: 'a folder is read as 教基 forms: the recipe must be "kind": "forms"',
      });
    }
    const options = { county: values.county, recipe, profile, sheet: values.sheet };
    const read = folder ? await readFormsFolder(file, out, options) : await readExportFile(file, options);
    const { inside } = read;
    sayArchive(io, file, inside, lang, json);
    const schools = read.ok ? read.reading.table.rows.length : 0;
    const document = {
      ok: read.ok && schools > 0 && !hasErrors(read.problems),
      out: null as string | null,
      schools,
      county: read.ok ? read.reading.county : null,
      counties: read.ok ? read.reading.counties : [],
      recipe: read.ok ? read.reading.id : null,
      fields: read.ok ? read.reading.fields.map((f) => ({ field: f.field, derivation: f.text })) : [],
    };
    if (!read.ok || schools === 0) {
      report(io, json, lang, document, read.problems, "");
      return EXIT.inputErrors;
    }
    const source = archivedPath(basename(file), inside);
    const bytes = await importWorkbook(read.reading, { source, sheet: read.sheet });
    const written = await writeFileAtomic(out, bytes, { force });
    if (!written.ok) {
      io.stderr(`balance: ${writeFailure(out, written.code)[lang]}\n`);
      return EXIT.inputErrors;
    }
    document.out = out;
    const errors = hasErrors(read.problems);
    // the files not read come first among the problems; the table's own follow
    const { unread } = read;
    const tableErrors = hasErrors(read.problems.slice(unread));
    const remains = { zh: "", en: "" };
    if (unread > 0) {
      remains.zh += `；${unread} 个文件未能读取（见上），其中的学校不在表中`;
      remains.en += `; ${countOf(unread, "file")} could not be read (see above): their schools are not in it`;
    }
    if (read.subfolders.length > 0) {
      remains.zh += `；${read.subfolders.length} 个子文件夹中的工作簿未读取（见上）`;
      remains.en += `; the workbooks of ${countOf(read.subfolders.length, "subfolder")} were not read (see above)`;
    }
    if (tableErrors) {
      remains.zh += "；表中仍有错误，请在其中改正后再评估";
      remains.en += "; errors remain: fix them in it before evaluating";
    }
    const text =
      lang === "zh"
        ? `已写出学校表：${out}（${schools} 所学校）${remains.zh}\n`
        : `Wrote the school table: ${out} (${countOf(schools, "school")})${remains.en}\n`;
    report(io, json, lang, document, read.problems, text);
    return errors ? EXIT.inputErrors : EXIT.ok;
  },
};
