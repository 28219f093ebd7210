/**
 * `balance plan --edits-out 修改清单.json` (docs/plans.md#edits-out): the plan shown written as an edits file, so
 * that a planner runs `balance whatif 学校表.xlsx --edits 修改清单.json` and sees the county pass by the same
 * evaluation: the least-cost plan, or with `--budget` the plan within the budget. `--rotation-out 轮岗.json` writes
 * the teacher rotation, an alternative to hiring, as an edits file of its own. After `--edits`, the what-if's own
 * edits come first, as they were typed, then the plan's.
 */
import type { Lang } from "../../i18n/format";
import type { Edit } from "../../engine/scenario";
import type { Bilingual } from "../io";
import { EXIT, checkOutputPath, usageError, writeFailure, writeFileAtomic, type CliIO } from "../io";

/** The edits of an edits file as it was read: a list, or the list under `edits` (docs/plans.md#edits). */
function editsOf(file: unknown): unknown[] {
  if (Array.isArray(file)) return file;
  const listed = (file as { edits?: unknown } | null)?.edits;
  return Array.isArray(listed) ? listed : [];
}

/**
 * Checks `--edits-out` (or `--rotation-out`, the `flag`) before anything is computed: a .json file that is none of
 * the inputs; an exit code or null.
 */
export async function checkEditsOut(
  io: CliIO,
  out: string | undefined,
  force: boolean,
  inputs: readonly (string | undefined)[],
  flag = "--edits-out",
): Promise<number | null> {
  if (out === undefined) return null;
  if (!out.toLowerCase().endsWith(".json")) {
    return usageError(io, {
      zh: `${flag} 写出修改清单，文件名须以 .json 结尾：“${out}”`,
      en: `${flag} writes an edits file, whose name must end in .json: "${out}"`,
    });
  }
  const read = inputs.filter((f): f is string => f !== undefined);
  const check = await checkOutputPath(out, { force, inputs: read });
  return check.ok ? null : usageError(io, check.message);
}

/**
 * Writes the edits file: the typed edits, then the plan's (`planned`), `what` naming the plan written (the least-cost
 * plan, the plan within the budget, the rotation). The line to print, or null after saying why it could not be
 * written.
 */
export async function writeEditsOut(
  io: CliIO,
  out: string,
  planned: readonly Edit[],
  typed: unknown,
  options: { force: boolean; lang: Lang; what: Bilingual },
): Promise<string | null> {
  const { lang } = options;
  const edits = [...(typed === undefined ? [] : editsOf(typed)), ...planned];
  const bytes = new TextEncoder().encode(JSON.stringify({ edits }, null, 2) + "\n");
  const written = await writeFileAtomic(out, bytes, { force: options.force });
  if (!written.ok) {
    io.stderr(`balance: ${writeFailure(out, written.code)[lang]}\n`);
    return null;
  }
  return lang === "zh"
    ? `已写出修改清单：${out}（${options.what.zh}，可用 balance whatif 核对）\n`
    : `Wrote the edits file: ${out} (${options.what.en}; balance whatif checks it)\n`;
}

/** The exit code when writing failed. */
export const EDITS_OUT_FAILED = EXIT.inputErrors;
