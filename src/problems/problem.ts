/** A problem found in the input: data, not an exception. Errors block the verdict; warnings do not. */
export interface Problem {
  severity: "error" | "warning";
  /** stable code, e.g. "blank-required", "not-a-number" */
  code: string;
  /** e.g. 学校!F12, or null when the problem is not about one cell */
  cell: string | null;
  message: { zh: string; en: string };
  /**
   * What to do about it where that differs between the hosts, said after the message: in the pane's steps (the
   * task pane, the web app) or with the command's options; and, where it differs from the pane's steps, in the
   * pane's 对比 of an earlier year's table, whose table is not the one step 2 reads. A problem that needs no such
   * words has none.
   */
  how?: {
    pane: { zh: string; en: string };
    commandLine: { zh: string; en: string };
    earlierYear?: { zh: string; en: string };
  };
  /**
   * What one line standing for many such cells of a column says after their range and count (`“教学及辅助用房面积”的公式
   * 尚未计算：…`): the same words for every cell of the column, without the cell. A problem without them is always
   * listed cell by cell (`groupProblems`).
   */
  many?: { zh: string; en: string };
}

/** Where a problem is shown: the pane's steps, the command line, or the pane's 对比 of an earlier year's table. */
export type ProblemHost = "pane" | "commandLine" | "earlierYear";

/**
 * A problem's message as a host shows it: with what to do in that host (`how`), where the problem says. The 对比
 * of an earlier year says only its own words: the pane's would point at the steps of this year's table.
 */
export function problemMessage(problem: Problem, lang: "zh" | "en", host: ProblemHost): string {
  const how = problem.how?.[host]?.[lang];
  return how ? `${problem.message[lang]}${lang === "zh" ? "" : " "}${how}` : problem.message[lang];
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/**
 * Where a problem's message names a cell: not 学校!A3 inside 学校!A30 or 学校!A3B; -1 when it does not. A message
 * that names its own cell (`学校!A3“学校名称”为空`) is shown as it is, without the cell again in front of it.
 */
export function cellInMessage(message: string, cell: string): number {
  for (let at = message.indexOf(cell); at >= 0; at = message.indexOf(cell, at + 1)) {
    if (!/[A-Za-z0-9]/.test(message.charAt(at + cell.length))) return at;
  }
  return -1;
}

/** Problems of one column sharing their words are listed as one line from this many cells on. */
export const GROUPED_FROM = 3;

const CELL = /^(.*!)?\$?([A-Z]{1,3})\$?(\d+)$/u;

/** `F3:F10、F12:F33`: rows as runs of consecutive rows of one column. */
function runsOf(column: string, rows: readonly number[], separator: string): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j === i ? `${column}${rows[i]}` : `${column}${rows[i]}:${column}${rows[j]}`);
    i = j + 1;
  }
  return runs.join(separator);
}

/**
 * The problems as a person reads them (docs/school-table.md#problems): where `GROUPED_FROM` or more problems of
 * the same code and severity fall in one column of one sheet and share their words (`many`), one problem stands
 * for them, in the place of the first: its cell is their range (学校!F3:F33, which a click selects), its message
 * their count and those words, and the cells between that hold none of them are named (`共 29 个单元格（F3:F10、
 * F12:F33）`). Every cell is still said; the JSON keeps the problems cell by cell.
 */
export function groupProblems(problems: readonly Problem[]): Problem[] {
  const keyOf = (p: Problem) => {
    const m = p.many && p.cell ? CELL.exec(p.cell) : null;
    return m && p.many
      ? { key: [p.code, p.severity, m[1] ?? "", m[2], p.many.zh, p.many.en].join("\u0000"), m }
      : null;
  };
  const members = new Map<string, { rows: number[]; sheet: string; column: string; first: Problem }>();
  for (const p of problems) {
    const k = keyOf(p);
    if (!k) continue;
    const group = members.get(k.key);
    if (group) group.rows.push(Number(k.m[3]));
    else members.set(k.key, { rows: [Number(k.m[3])], sheet: k.m[1] ?? "", column: k.m[2], first: p });
  }
  const out: Problem[] = [];
  for (const p of problems) {
    const k = keyOf(p);
    const group = k ? members.get(k.key) : undefined;
    if (!k || !group || group.rows.length < GROUPED_FROM) out.push(p);
    else if (group.first === p) out.push(grouped(group));
  }
  return out;
}

function grouped(group: { rows: number[]; sheet: string; column: string; first: Problem }): Problem {
  const { sheet, column, first } = group;
  const many = first.many as { zh: string; en: string };
  const rows = [...new Set(group.rows)].sort((a, b) => a - b);
  const n = rows.length;
  const whole = rows[n - 1] - rows[0] + 1 === n;
  const zhRuns = whole ? "" : `（${runsOf(column, rows, "、")}）`;
  const enRuns = whole ? "" : ` (${runsOf(column, rows, ", ")})`;
  return {
    ...first,
    cell: `${sheet}${column}${rows[0]}:${column}${rows[n - 1]}`,
    message: { zh: `共 ${n} 个单元格${zhRuns}${many.zh}`, en: `${n} cells${enRuns}${many.en}` },
  };
}
