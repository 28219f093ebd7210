/** A problem found in the input: data, not an exception. Errors block the verdict; warnings do not. */
export interface Problem {
  severity: "error" | "warning";
  /** stable code, e.g. "blank-required", "not-a-number" */
  code: string;
  /** e.g. 学校!F12, or null when the problem is not about one cell */
  cell: string | null;
  message: { zh: string; en: string };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
