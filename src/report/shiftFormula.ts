/**
 * A formula with each reference to a row of its own sheet from `at` on moved down `by` rows; references to other
 * sheets and text in quotes are left as they are.
 */
export function shiftFormula(formula: string, at: number, by: number): string {
  const row = (r: string) => String(Number(r) >= at ? Number(r) + by : Number(r));
  const ref =
    /(?<![A-Za-z0-9_.$])((?:'(?:[^']|'')+'|[^\s'!(),:;=+\-*/&<>^",{}]+)!)?(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?(?![A-Za-z0-9_(])/g;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            ref,
            (whole: string, sheet: string | undefined, c0: string, r0: string, c1?: string, r1?: string) =>
              sheet ? whole : `${c0}${row(r0)}${c1 ? `:${c1}${row(r1!)}` : ""}`,
          ),
    )
    .join("");
}
