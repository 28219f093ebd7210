/**
 * Which Office.js requirement sets the pane's code needs, read from the code itself: every member of the
 * `Excel` and `Office` APIs that src/excel and src/taskpane call, looked up in @types/office-js, whose JSDoc
 * names the set each member came in (`[Api set: ExcelApi 1.9]`).
 */
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
/** The files that call Office.js for the pane (the host and the page's start). */
const PANE_FILES = [
  "src/excel/officeHost.ts",
  "src/excel/sheetWriter.ts",
  "src/taskpane/index.tsx",
  "src/excel/officeScript.ts",
];

const MEMBER_KINDS = new Set([
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.FunctionDeclaration,
]);

const compare = (a: string, b: string) => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
};

/** Every requirement set named by an Office.js member the pane uses, with the members that need it. */
export function apiSetsUsed(): Map<string, Set<string>> {
  const files = PANE_FILES.map((f) => path.join(ROOT, f));
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  const options = ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const used = new Map<string, Set<string>>();
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.declarations ?? []) {
          if (!MEMBER_KINDS.has(declaration.kind)) continue;
          if (!/[\\/]@types[\\/]office-js[\\/]/.test(declaration.getSourceFile().fileName)) continue;
          const docs = ts
            .getJSDocCommentsAndTags(declaration)
            .map((d) => d.getText())
            .join("\n");
          for (const m of docs.matchAll(/\[Api set: (\w+) (\d+\.\d+)/g)) {
            const key = `${m[1]} ${m[2]}`;
            if (!used.has(key)) used.set(key, new Set());
            used.get(key)!.add(`${checker.getFullyQualifiedName(symbol!)}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(program.getSourceFile(file)!);
  }
  return used;
}

/** The highest version of a set (ExcelApi) the pane uses, and the members that need exactly it. */
export function highestApiSet(name: string): { version: string; members: string[] } {
  let version = "0";
  let members: string[] = [];
  for (const [key, names] of apiSetsUsed()) {
    const [set, v] = key.split(" ");
    if (set !== name) continue;
    const order = compare(v, version);
    if (order > 0) [version, members] = [v, [...names]];
    else if (order === 0) members.push(...names);
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
