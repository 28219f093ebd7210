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
