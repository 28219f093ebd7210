/**
 * A small Excel formula evaluator for the in-memory Excel double: the functions and operators the report
 * writes (SUM, SUMPRODUCT, SQRT, IF, ABS, ROUND, MIN, MAX, AND, OR, ROWS, COUNTIF with a plain criterion;
 * + − * / ^ & and comparisons; cell and
 * range references, also on other sheets), with Excel's coercions (blank is 0 or "", TRUE is 1) and error
 * values. It lets tests and the demo show the values Excel would compute, so the report's formulas can be
 * checked against the engine without Excel.
 */
import { columnIndex } from "../../sheet/grid";

export interface FormulaError {
  error: string;
}
export type Scalar = number | string | boolean | null | FormulaError;
export interface ArrayValue {
  rows: number;
  cols: number;
  data: Scalar[][];
}
export type Value = Scalar | ArrayValue;

export interface CellRef {
  sheet: string | null;
  row: number;
  col: number;
}
export interface RangeRef {
  sheet: string | null;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

type Node =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "range"; ref: RangeRef }
  | { kind: "unary"; op: string; arg: Node }
  | { kind: "percent"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "call"; name: string; args: Node[] };

/** Reads a cell's value (evaluating its formula if it has one) on the given sheet. */
export type CellReader = (sheet: string, row: number, col: number) => Scalar;

const err = (code: string): FormulaError => ({ error: code });
export const isError = (v: unknown): v is FormulaError =>
  typeof v === "object" && v !== null && "error" in (v as object) && !("data" in (v as object));
const isArray = (v: Value): v is ArrayValue => typeof v === "object" && v !== null && "data" in v;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.comparison();
    this.space();
    if (this.i < this.s.length) throw new SyntaxError(`unexpected "${this.s.slice(this.i)}"`);
    return node;
  }
  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  private peek(...ops: string[]): string | null {
    this.space();
    for (const op of ops) if (this.s.startsWith(op, this.i)) return op;
    return null;
  }
  private take(op: string): boolean {
    if (this.peek(op) === null) return false;
    this.i += op.length;
    return true;
  }
  private comparison(): Node {
    let left = this.concat();
    for (;;) {
      const op = this.peek("<=", ">=", "<>", "=", "<", ">");
      if (!op) return left;
      this.i += op.length;
      left = { kind: "binary", op, left, right: this.concat() };
    }
  }
  private concat(): Node {
    let left = this.additive();
    while (this.take("&")) left = { kind: "binary", op: "&", left, right: this.additive() };
    return left;
  }
  private additive(): Node {
    let left = this.multiplicative();
    for (;;) {
      const op = this.peek("+", "-");
      if (!op) return left;
      this.i++;
      left = { kind: "binary", op, left, right: this.multiplicative() };
    }
  }
  private multiplicative(): Node {
    let left = this.power();
    for (;;) {
      const op = this.peek("*", "/");
      if (!op) return left;
      this.i++;
      left = { kind: "binary", op, left, right: this.power() };
    }
  }
  private power(): Node {
    let left = this.unary();
    while (this.take("^")) left = { kind: "binary", op: "^", left, right: this.unary() };
    return left;
  }
  private unary(): Node {
    const op = this.peek("-", "+");
    if (op) {
      this.i++;
      return { kind: "unary", op, arg: this.unary() };
    }
    let node = this.primary();
    while (this.take("%")) node = { kind: "percent", arg: node };
    return node;
  }
  private primary(): Node {
    this.space();
    const rest = this.s.slice(this.i);
    if (this.take("(")) {
      const inner = this.comparison();
      if (!this.take(")")) throw new SyntaxError("missing )");
      return inner;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { kind: "number", value: Number(num[0]) };
    }
    if (rest.startsWith('"')) {
      let j = 1;
      let text = "";
      for (;;) {
        if (j >= rest.length) throw new SyntaxError("unterminated string");
        if (rest[j] === '"') {
          if (rest[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += rest[j++];
      }
      this.i += j + 1;
      return { kind: "string", value: text };
    }
    let sheet: string | null = null;
    if (rest.startsWith("'")) {
      const m = /^'((?:[^']|'')+)'!/.exec(rest);
      if (!m) throw new SyntaxError("bad sheet reference");
      sheet = m[1].replace(/''/g, "'");
      this.i += m[0].length;
    } else {
      const m = /^([\p{L}\p{N}_.]+)!/u.exec(rest);
      if (m) {
        sheet = m[1];
        this.i += m[0].length;
      }
    }
    const after = this.s.slice(this.i);
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![\p{L}\p{N}_(])/u.exec(after);
    if (ref) {
      this.i += ref[0].length;
      const r0 = Number(ref[2]) - 1;
      const c0 = columnIndex(ref[1]);
      const r1 = ref[4] ? Number(ref[4]) - 1 : r0;
      const c1 = ref[3] ? columnIndex(ref[3]) : c0;
      return {
        kind: "range",
        ref: {
          sheet,
          r0: Math.min(r0, r1),
          c0: Math.min(c0, c1),
          r1: Math.max(r0, r1),
          c1: Math.max(c0, c1),
        },
      };
    }
    if (sheet !== null) throw new SyntaxError("bad reference after sheet name");
    const name = /^([A-Za-z][A-Za-z0-9.]*)/.exec(after);
    if (name) {
      this.i += name[0].length;
      const upper = name[1].toUpperCase();
      if (this.take("(")) {
        const args: Node[] = [];
        if (!this.take(")")) {
          do args.push(this.comparison());
          while (this.take(","));
          if (!this.take(")")) throw new SyntaxError("missing ) after arguments");
        }
        return { kind: "call", name: upper, args };
      }
      if (upper === "TRUE" || upper === "FALSE") return { kind: "bool", value: upper === "TRUE" };
      throw new SyntaxError(`unknown name ${name[1]}`);
    }
    throw new SyntaxError(`unexpected "${after}"`);
  }
}

const parsed = new Map<string, Node | SyntaxError>();

function parseFormula(formula: string): Node | SyntaxError {
  let node = parsed.get(formula);
  if (!node) {
    try {
      node = new Parser(formula.replace(/^=/, "")).parse();
    } catch (e) {
      node = e instanceof SyntaxError ? e : new SyntaxError(String(e));
    }
    parsed.set(formula, node);
  }
  return node;
}

/** Cell and range references of a formula (for dependency checks); empty when it does not parse. */
export function formulaReferences(formula: string): RangeRef[] {
  const node = parseFormula(formula);
  const refs: RangeRef[] = [];
  const walk = (n: Node): void => {
    if (n.kind === "range") refs.push(n.ref);
    else if (n.kind === "unary" || n.kind === "percent") walk(n.arg);
    else if (n.kind === "binary") {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === "call") n.args.forEach(walk);
  };
  if (!(node instanceof SyntaxError)) walk(node);
  return refs;
}

function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = v.trim() === "" ? NaN : Number(v);
    return Number.isFinite(n) ? n : err("#VALUE!");
  }
  return v;
}

function toText(v: Scalar): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return v;
}

function typeRank(v: number | string | boolean): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

function compare(op: string, a: Scalar, b: Scalar): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  // a blank compares as the other side's empty value
  const x = a === null ? (typeof b === "string" ? "" : typeof b === "boolean" ? false : 0) : a;
  const y = b === null ? (typeof x === "string" ? "" : typeof x === "boolean" ? false : 0) : b;
  let d: number;
  if (typeRank(x) !== typeRank(y)) d = typeRank(x) - typeRank(y);
  else if (typeof x === "string") {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    d = p < q ? -1 : p > q ? 1 : 0;
  } else d = Number(x) - Number(y);
  switch (op) {
    case "=":
      return d === 0;
    case "<>":
      return d !== 0;
    case "<":
      return d < 0;
    case ">":
      return d > 0;
    case "<=":
      return d <= 0;
    default:
      return d >= 0;
  }
}

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  if (op === "&") {
    const x = toText(a);
    const y = toText(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    return x + y;
  }
  if (op.length > 1 || op === "=" || op === "<" || op === ">") return compare(op, a, b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? err("#DIV/0!") : x / y;
    default: {
      const p = Math.pow(x, y);
      return Number.isFinite(p) ? p : err("#NUM!");
    }
  }
}

/** Applies `f` element by element, broadcasting a scalar or a single row/column like Excel's array maths. */
function elementwise(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!isArray(a) && !isArray(b)) return f(a, b);
  const A = isArray(a) ? a : { rows: 1, cols: 1, data: [[a]] };
  const B = isArray(b) ? b : { rows: 1, cols: 1, data: [[b]] };
  const rows = Math.max(A.rows, B.rows);
  const cols = Math.max(A.cols, B.cols);
  const at = (m: ArrayValue, r: number, c: number): Scalar => {
    const rr = m.rows === 1 ? 0 : r;
    const cc = m.cols === 1 ? 0 : c;
    return rr < m.rows && cc < m.cols ? m.data[rr][cc] : err("#N/A");
  };
  const data: Scalar[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = f(at(A, r, c), at(B, r, c));
    data.push(row);
  }
  return { rows, cols, data };
}

function map(v: Value, f: (x: Scalar) => Scalar): Value {
  if (!isArray(v)) return f(v);
  return { rows: v.rows, cols: v.cols, data: v.data.map((row) => row.map(f)) };
}

function scalarOf(v: Value): Scalar {
  // implicit intersection is not modelled: a range where one value is needed gives its first cell
  return isArray(v) ? (v.data[0]?.[0] ?? null) : v;
}

function flatten(v: Value): Scalar[] {
  return isArray(v) ? v.data.flat() : [v];
}

export class FormulaEvaluator {
  constructor(private readonly read: CellReader) {}

  /** Evaluates a formula written on `sheet`; a reference without a sheet name refers to that sheet. */
  evaluate(formula: string, sheet: string): Scalar {
    const node = parseFormula(formula);
    if (node instanceof SyntaxError) return err("#NAME?");
    const v = this.evaluateNode(node, sheet);
    const s = scalarOf(v);
    return typeof s === "number" && !Number.isFinite(s) ? err("#NUM!") : s;
  }

  private rangeValue(ref: RangeRef, sheet: string): Value {
    const name = ref.sheet ?? sheet;
    if (ref.r0 === ref.r1 && ref.c0 === ref.c1) return this.read(name, ref.r0, ref.c0);
    const data: Scalar[][] = [];
    for (let r = ref.r0; r <= ref.r1; r++) {
      const row: Scalar[] = [];
      for (let c = ref.c0; c <= ref.c1; c++) row.push(this.read(name, r, c));
      data.push(row);
    }
    return { rows: ref.r1 - ref.r0 + 1, cols: ref.c1 - ref.c0 + 1, data };
  }

  private evaluateNode(node: Node, sheet: string): Value {
    switch (node.kind) {
      case "number":
      case "string":
      case "bool":
        return node.value;
      case "range":
        return this.rangeValue(node.ref, sheet);
      case "unary":
        return map(this.evaluateNode(node.arg, sheet), (x) => {
          const n = toNumber(x);
          return isError(n) ? n : node.op === "-" ? -n : n;
        });
      case "percent":
        return map(this.evaluateNode(node.arg, sheet), (x) => {
          const n = toNumber(x);
          return isError(n) ? n : n / 100;
        });
      case "binary":
        return elementwise(
          this.evaluateNode(node.left, sheet),
          this.evaluateNode(node.right, sheet),
          (x, y) => arithmetic(node.op, x, y),
        );
      case "call":
        return this.call(node.name, node.args, sheet);
    }
  }

  private call(name: string, args: Node[], sheet: string): Value {
    const scalarArg = (i: number): Scalar => scalarOf(this.evaluateNode(args[i], sheet));
    const numeric = (i: number, f: (x: number) => Scalar): Value =>
      map(this.evaluateNode(args[i], sheet), (x) => {
        const n = toNumber(x);
        return isError(n) ? n : f(n);
      });
    switch (name) {
      case "IF": {
        if (args.length < 2 || args.length > 3) return err("#VALUE!");
        const cond = scalarArg(0);
        if (isError(cond)) return cond;
        const truth = typeof cond === "string" ? null : toNumber(cond);
        if (truth === null || isError(truth)) return err("#VALUE!");
        if (truth !== 0) return this.evaluateNode(args[1], sheet);
        return args.length === 3 ? this.evaluateNode(args[2], sheet) : false;
      }
      case "SQRT":
        return numeric(0, (x) => (x < 0 ? err("#NUM!") : Math.sqrt(x)));
      case "ABS":
        return numeric(0, Math.abs);
      case "ROUND": {
        const digits = toNumber(scalarArg(1));
        if (isError(digits)) return digits;
        const f = Math.pow(10, Math.trunc(digits));
        return numeric(0, (x) => (Math.sign(x) * Math.round(Math.abs(x) * f)) / f);
      }
      case "SUM":
      case "MIN":
      case "MAX": {
        const numbers: number[] = [];
        for (const a of args) {
          const v = this.evaluateNode(a, sheet);
          for (const x of flatten(v)) {
            if (isError(x)) return x;
            // in ranges only numbers count; a scalar argument is coerced
            if (typeof x === "number") numbers.push(x);
            else if (!isArray(v)) {
              const n = toNumber(x);
              if (isError(n)) return n;
              numbers.push(n);
            }
          }
        }
        if (name === "SUM") return numbers.reduce((s, x) => s + x, 0);
        if (numbers.length === 0) return 0;
        return name === "MIN" ? Math.min(...numbers) : Math.max(...numbers);
      }
      case "AND":
      case "OR": {
        const values = args.flatMap((a) => flatten(this.evaluateNode(a, sheet)));
        const bools: boolean[] = [];
        for (const x of values) {
          if (isError(x)) return x;
          if (typeof x === "number" || typeof x === "boolean") bools.push(Boolean(x));
        }
        if (bools.length === 0) return err("#VALUE!");
        return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
      }
      case "SUMPRODUCT": {
        if (args.length === 0) return err("#VALUE!");
        const arrays = args.map((a) => {
          const v = this.evaluateNode(a, sheet);
          return isArray(v) ? v : { rows: 1, cols: 1, data: [[v]] };
        });
        const { rows, cols } = arrays[0];
        if (arrays.some((a) => a.rows !== rows || a.cols !== cols)) return err("#VALUE!");
        let sum = 0;
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            let product = 1;
            for (const a of arrays) {
              const x = a.data[r][c];
              if (isError(x)) return x;
              // SUMPRODUCT treats anything that is not a number as 0
              product *= typeof x === "number" ? x : 0;
            }
            sum += product;
          }
        }
        return sum;
      }
      case "ROWS": {
        if (args.length !== 1) return err("#VALUE!");
        const v = this.evaluateNode(args[0], sheet);
        return isArray(v) ? v.rows : 1;
      }
      case "COUNTIF": {
        if (args.length !== 2) return err("#VALUE!");
        const criterion = scalarArg(1);
        if (isError(criterion)) return criterion;
        // a plain value only: operators (">5") and wildcards are not modelled
        if (typeof criterion === "string" && /^[<>=]|[*?~]/.test(criterion)) return err("#VALUE!");
        let count = 0;
        for (const x of flatten(this.evaluateNode(args[0], sheet))) {
          if (isError(x) || x === null) continue;
          if (typeof criterion === "string") {
            if (typeof x === "string" && x.toLowerCase() === criterion.toLowerCase()) count++;
          } else if (x === criterion) count++;
        }
        return count;
      }
      default:
        return err("#NAME?");
    }
  }
}
