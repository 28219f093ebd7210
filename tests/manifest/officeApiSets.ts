/**
 * Which Office.js requirement sets the code needs, read from the code itself: every member of the
 * `Excel` and `Office` APIs that src/ calls (the Excel double aside), looked up in @types/office-js, whose JSDoc
 * names the set each member came in (`[Api set: ExcelApi 1.9]`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
/**
 * Where the Office.js calls are: every module of src/ but the Excel double and the in-memory host over it (they
 * implement the API for tests and the web app; nothing in them runs against Office). A new module calling Office.js
 * is scanned without being named here.
 */
const NOT_OFFICE = [/^src\/excel\/double\//, /^src\/excel\/memory\//];

function sourceFiles(dir = "src"): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out.filter((f) => !NOT_OFFICE.some((r) => r.test(f)));
}

/**
 * The modules that can reach Office.js: those naming its globals or types, or a request context's workbook (a
 * callback typed elsewhere). The rest are left out of the program, which keeps the scan quick.
 */
export function officeModules(): string[] {
  const reaches = /\b(Excel|Office|OfficeExtension|OfficeRuntime|CustomFunctions)\b|\.workbook\b/;
  return sourceFiles().filter((f) => reaches.test(readFileSync(path.join(ROOT, f), "utf8")));
}

const MEMBER_KINDS = new Set([
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.FunctionDeclaration,
]);

export const compareVersions = (a: string, b: string): number => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
};
const compare = compareVersions;

/** One Office.js member the code uses: its name, the requirement sets @types/office-js names for it, where. */
export interface OfficeApiUse {
  /** fully qualified, as `Excel.Range.getTables` */
  member: string;
  /** "ExcelApi 1.9"; empty for a member @types/office-js names no set for */
  sets: string[];
  /** files (relative to the repository) that use it */
  files: Set<string>;
}

const isOffice = (d: ts.Declaration) => /[\\/]@types[\\/]office-js[\\/]/.test(d.getSourceFile().fileName);

/** The text pieces of a load() argument: "a,b/c", a template's literal parts, the strings inside its expressions. */
function loadedPaths(arg: ts.Node): string[] {
  const pieces: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      pieces.push(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(arg);
  return pieces
    .flatMap((p) => p.split(","))
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Every member of the `Excel` and `Office` APIs the code calls: property accesses whose declaration lies in
 * @types/office-js, and the properties named in the strings given to `load("a,items/b")`, which are members as
 * much as an access is (Office fails the request when the host lacks one). Each with the set its JSDoc names
 * (`[Api set: ExcelApi 1.9]`).
 */
export function officeApiUses(files: string[] = officeModules()): OfficeApiUse[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  const options = ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
  const program = ts.createProgram(
    files.map((f) => path.join(ROOT, f)),
    { ...options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const uses = new Map<string, OfficeApiUse>();
  const note = (symbol: ts.Symbol, file: string) => {
    const declarations = (symbol.declarations ?? []).filter((d) => MEMBER_KINDS.has(d.kind) && isOffice(d));
    if (declarations.length === 0) return;
    const member = checker.getFullyQualifiedName(symbol);
    const sets = new Set<string>();
    for (const declaration of declarations) {
      const docs = ts
        .getJSDocCommentsAndTags(declaration)
        .map((d) => d.getText())
        .join("\n");
      for (const m of docs.matchAll(/\[Api set: (\w+) (\d+\.\d+)/g)) sets.add(`${m[1]} ${m[2]}`);
    }
    const use = uses.get(member) ?? { member, sets: [], files: new Set<string>() };
    use.sets = [...new Set([...use.sets, ...sets])].sort();
    use.files.add(file);
    uses.set(member, use);
  };
  for (const file of files) {
    const source = program.getSourceFile(path.join(ROOT, file))!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        if (symbol) note(symbol, file);
        if (
          node.name.text === "load" &&
          ts.isCallExpression(node.parent) &&
          node.parent.expression === node
        ) {
          const loadSymbol = checker.getSymbolAtLocation(node.name);
          if (loadSymbol?.declarations?.some(isOffice)) {
            const receiver = checker.getNonNullableType(checker.getTypeAtLocation(node.expression));
            for (const arg of node.parent.arguments) {
              for (const loaded of loadedPaths(arg)) {
                let type: ts.Type | undefined = receiver;
                for (const segment of loaded.split("/")) {
                  const property: ts.Symbol | undefined = type?.getProperty(segment);
                  if (!property) throw new Error(`${file}: load("${loaded}") names ${segment}, not a member`);
                  if (segment !== "items") note(property, file);
                  const next = checker.getTypeOfSymbolAtLocation(property, node);
                  type =
                    segment === "items"
                      ? (checker.getIndexTypeOfType(next, ts.IndexKind.Number) ?? next)
                      : next;
                }
              }
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...uses.values()].sort((a, b) => a.member.localeCompare(b.member));
}

/** `isSetSupported("ExcelApi", "1.10")`, as a file guarding a member of that set calls it. */
export const guardCall = (set: string): string => {
  const [name, version] = set.split(" ");
  return `isSetSupported("${name}", "${version}")`;
};

/**
 * Whether every file using a member checks for its set first (`isSetSupported("ExcelApi", "1.10")` in the same
 * file): a use above the minimum a manifest requires must be guarded so, and then it does not raise the minimum.
 */
export function guarded(
  use: OfficeApiUse,
  set: string,
  read = (f: string) => readFileSync(path.join(ROOT, f), "utf8"),
): boolean {
  return [...use.files].every((f) => read(f).includes(guardCall(set)));
}

/**
 * The highest version of a set (ExcelApi) the code needs, and the members that need exactly it: a member whose
 * every use is guarded by isSetSupported for its set is not needed (the code does without it).
 */
export function highestApiSet(
  name: string,
  uses: OfficeApiUse[] = officeApiUses(),
): { version: string; members: string[] } {
  let version = "0";
  let members: string[] = [];
  for (const use of uses) {
    for (const key of use.sets) {
      const [set, v] = key.split(" ");
      if (set !== name || guarded(use, key)) continue;
      const order = compare(v, version);
      if (order > 0) [version, members] = [v, [use.member]];
      else if (order === 0) members.push(use.member);
    }
  }
  return { version, members };
}

/**
 * The CustomFunctionsRuntime set each part of Office's custom-functions runtime came in (Microsoft's "Custom
 * Functions requirement sets" page): 1.1 registration, 1.2 the CustomFunctions.Error object with five error codes,
 * 1.3 more error codes. The functions use the members of the OfficeCustomFunctions interface (src/functions/
 * runtime.ts) and return the error codes of ExcelErrorKind (src/functions/errors.ts).
 */
const CUSTOM_FUNCTIONS_MEMBERS: Record<string, string> = { associate: "1.1", Error: "1.2" };
const CUSTOM_FUNCTIONS_ERROR_CODES: Record<string, string> = {
  "#VALUE!": "1.2",
  "#DIV/0!": "1.2",
  "#N/A": "1.2",
  "#NUM!": "1.2",
  "#NULL!": "1.2",
};

/** The CustomFunctionsRuntime version the functions' code needs; throws on a member or code not in the tables. */
export function customFunctionsRuntimeNeeded(): string {
  const read = (file: string) => ts.sys.readFile(path.join(ROOT, file)) ?? "";
  const runtime = read("src/functions/runtime.ts");
  const body = /export interface OfficeCustomFunctions \{([\s\S]*?)\n\}/.exec(runtime)?.[1] ?? "";
  const members = [...body.matchAll(/^\s+(\w+)[(:]/gm)].map((m) => m[1]);
  const errors = read("src/functions/errors.ts");
  const kinds = /export type ExcelErrorKind = ([^;]+);/.exec(errors)?.[1] ?? "";
  const codes = [...kinds.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  if (members.length === 0 || codes.length === 0) throw new Error("runtime.ts or errors.ts changed shape");
  const versions = [
    ...members.map((m) => CUSTOM_FUNCTIONS_MEMBERS[m] ?? `unknown member ${m}`),
    ...codes.map((c) => CUSTOM_FUNCTIONS_ERROR_CODES[c] ?? `unknown error code ${c}`),
  ];
  const unknown = versions.find((v) => v.startsWith("unknown"));
  if (unknown) throw new Error(`${unknown}: add the CustomFunctionsRuntime set it came in`);
  return versions.sort(compare).at(-1)!;
}
