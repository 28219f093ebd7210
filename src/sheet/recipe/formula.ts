/**
 * A derivation as a line of text, as the pane lets a clerk change it (docs/import.md#recipe-format):
 * `教学及辅助用房›计 − 其中：室内体育用房`, `按学历分›本科 + 按学历分›专科`. Terms are header paths; `+` adds, `−` (or
 * `-` between spaces) subtracts. No brackets: what is subtracted is taken from the sum of what comes before it.
 */
import type { BoundNode } from "./derive";
import { parsePattern } from "./patterns";
import type { TableDerivation } from "./schema";
import type { ColumnLeaf } from "./table";

/** An operator between terms: + or −, with spaces around a hyphen so that 高中阶段-以下 stays one label. */
const OPERATOR = /\s*(\+|−|\s-\s)\s*/u;

/** The derivation a line of text says, or null when a term names no label. */
export function parseFormula(text: string): TableDerivation | null {
  const pieces = text.trim().split(OPERATOR);
  const added: string[] = [];
  const subtracted: string[] = [];
  let subtracting = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i].trim();
    if (i % 2 === 1) {
      const minus = piece !== "+";
      // what is added after a subtraction would need brackets, which the line does not have
      if (!minus && subtracting) return null;
      subtracting ||= minus;
      continue;
    }
    if (parsePattern(piece) === null) return null;
    (subtracting ? subtracted : added).push(piece);
  }
  if (added.length === 0) return null;
  const total: TableDerivation = added.length === 1 ? added[0] : { sum: added };
  return subtracted.length === 0 ? total : { difference: [total, ...subtracted] };
}

/**
 * A bound derivation written with every column's whole path, for editing: nothing is left to guess. What is added
 * comes first, then what is subtracted (the same sum, said without brackets).
 */
export function formulaText(node: BoundNode<ColumnLeaf>): string {
  const added: string[] = [];
  const subtracted: string[] = [];
  const walk = (n: BoundNode<ColumnLeaf>, plus: boolean): void => {
    if (n.kind === "leaf") (plus ? added : subtracted).push(n.leaf.column.path.join("›"));
    else if (n.kind === "sum") n.parts.forEach((p) => walk(p, plus));
    else n.parts.forEach((p, i) => walk(p, i === 0 ? plus : !plus));
  };
  walk(node, true);
  return [added.join(" + "), ...subtracted].join(" − ");
}
