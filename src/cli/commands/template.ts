import { schoolTableWorkbook } from "../../xlsx/template";
import { countySheetWorkbook } from "../../xlsx/countyTemplate";
import {
  EXIT,
  checkOutputPath,
  usageError,
  writeFailure,
  writeFileAtomic,
  type CliIO,
  type Command,
} from "../io";
import { parseCommandLine } from "../commandLine";

const HELP = `balance template <out.xlsx> [--force]
balance template --county <out.xlsx> [--force]

写出空白的学校统计表：规范表头（含单位）、表头冻结、学校类型和城乡类型下拉列表。
Writes the empty school table: canonical headers with units, frozen header, drop-downs for type and locale.
加 --county 则写出县级指标表（县级指标）：政府保障程度 15 项、教育质量 9 项、社会认可度和一票否决，
每项一行（指标、要求及标准值、填报值、佐证材料、备注），是/否项带下拉列表。
With --county, writes the county sheet (县级指标): the 15 guarantee items, 9 quality items, social recognition
and the vetoes, one row each (item, requirement with threshold, value, evidence, notes), yes/no drop-downs.

选项 / Options:
  --county       写出县级指标表 / write the county sheet
  --force        覆盖已有文件 / overwrite an existing file
  --lang zh|en   提示语言 / language of messages (default zh)
  -h, --help     显示帮助 / show help

文件名须以 .xlsx 结尾；不会通过符号链接写入另一个文件；写入过程中按 Ctrl-C 不会留下不完整的文件。
The name must end in .xlsx; a symbolic link is never written through; Ctrl-C while writing leaves no partial file.

退出码 / Exit codes: 0 已写出 written; 1 无法写入 could not write;
  2 命令行有误、文件已存在或路径不可写 usage error, file exists, or the path cannot be written;
  130/143 写入时被 Ctrl-C 或 SIGTERM 中断（不留下文件） interrupted while writing (no file left)
`;

export const templateCommand: Command = {
  name: "template",
  summary: { zh: "写出空白的学校统计表（.xlsx）", en: "write the empty school table (.xlsx)" },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(
      io,
      templateCommand,
      args,
      { force: { type: "boolean" }, county: { type: "boolean" } },
      { zh: "缺少输出文件名", en: "the output file is missing" },
    );
    if (typeof line === "number") return line;
    const { values, file: out, lang } = line;
    const force = values.force === true;
    const check = await checkOutputPath(out, { force, extension: ".xlsx" });
    if (!check.ok) return usageError(io, check.message, "balance template --help");
    const bytes = values.county ? await countySheetWorkbook() : await schoolTableWorkbook();
    const written = await writeFileAtomic(out, bytes, { force });
    if (!written.ok) {
      io.stderr(`balance: ${writeFailure(out, written.code)[lang]}\n`);
      return EXIT.inputErrors;
    }
    if (values.county) {
      io.stdout(lang === "zh" ? `已写出县级指标表：${out}\n` : `Wrote the county sheet: ${out}\n`);
      return EXIT.ok;
    }
    io.stdout(lang === "zh" ? `已写出空白统计表：${out}\n` : `Wrote the empty school table: ${out}\n`);
    return EXIT.ok;
  },
};
