/**
 * The layers of src/ (docs/architecture.md#layers), enforced with ESLint's `no-restricted-imports` and
 * `no-restricted-globals`: a module may import its own layer and the layers below it, never one above; only a
 * host imports React, Fluent UI, Office.js or Node's modules (files, paths, zlib) and uses Office.js's globals.
 *
 * Each entry is a folder under src/ (or a file at its top) and the rank of its layer; a higher rank may import a
 * lower one. Hosts share the top rank and name the other hosts they may import.
 */
const LAYERS = [
  // the base: the rules as data, the messages, a problem found in the input
  { name: "standard", rank: 0 },
  { name: "i18n", rank: 0 },
  { name: "problems", rank: 0 },
  { name: "engine", rank: 1 },
  { name: "sample", rank: 2 },
  { name: "sheet", rank: 3 },
  { name: "report", rank: 4 },
  { name: "xlsx", rank: 5 },
  { name: "pipeline", rank: 6, file: true },
  { name: "countyVerdict", rank: 6, file: true },
  { name: "countyWorkbook", rank: 7, file: true },
  // hosts
  { name: "excel", rank: 8, host: true, hosts: [] },
  { name: "functions", rank: 8, host: true, hosts: ["excel"] },
  { name: "taskpane", rank: 8, host: true, hosts: ["excel"] },
  { name: "web", rank: 8, host: true, hosts: ["excel", "taskpane"] },
  { name: "cli", rank: 8, host: true, hosts: [] },
];

const NODE_BUILTINS = [
  "fs",
  "fs/promises",
  "path",
  "zlib",
  "os",
  "child_process",
  "http",
  "https",
  "net",
  "crypto",
];

/** Packages only a host may import. */
const HOST_PACKAGES = [
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
  "office-js",
  "@microsoft/office-js",
  "@microsoft/office-js/*",
  "node:*",
  ...NODE_BUILTINS,
];

/** Office.js's globals, which only a host may use. */
const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension", "CustomFunctions"];

const OFFICE_MESSAGE = "only a host uses Office.js (docs/architecture.md#layers).";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The layers `layer` must not import. */
function forbidden(layer) {
  return LAYERS.filter(
    (other) =>
      other.name !== layer.name &&
      (other.rank > layer.rank || (other.host && layer.host && !layer.hosts.includes(other.name))),
  );
}

const LAYER_MESSAGE = (layer) =>
  `${layer.name} must not import a layer above it or another host (docs/architecture.md#layers).`;

/**
 * A regular expression of the relative imports that land in a layer `layer` must not import: `../sheet/grid` from
 * a folder, `./sheet/grid` from a file at the top of src/. Null when it may import every layer. `slash` is how a
 * slash is written: esquery's selectors cannot hold a literal one.
 */
function forbiddenSpecifier(layer, slash = "/") {
  const names = forbidden(layer).map((other) => escape(other.name));
  if (names.length === 0) return null;
  const prefix = layer.file ? `^\\.${slash}` : `^(\\.\\.${slash})+`;
  return `${prefix}(${names.join("|")})(${slash}|$)`;
}

function restrictions(layer) {
  const patterns = [];
  const specifier = forbiddenSpecifier(layer);
  if (specifier) patterns.push({ regex: specifier, message: LAYER_MESSAGE(layer) });
  if (!layer.host) {
    patterns.push({
      group: HOST_PACKAGES,
      message:
        "only a host (excel, functions, taskpane, web, cli) imports React, Fluent UI, Office.js or Node.",
    });
  }
  return patterns;
}

/** The layers where the rules and the standard's figures live (docs/architecture.md#rules). */
const RULE_LAYERS = ["standard", "engine"];

const RULE_MESSAGE = (what) =>
  `${what}: a rule is applied once, in src/engine, with its figures in src/standard; call the engine's function ` +
  `or compare with standard/comparison.ts (docs/architecture.md#rules).`;

/** The standard's limits and shares (0.50, 0.45, 0.65, 85 %, 0.15), as a literal's raw text. */
const LIMIT_RAW = "/^(0?\\.(5|50|45|65|85|15)|85(\\.0+)?)$/";
/** The profile's figures of the rules: a pass rule's ratio and count, a coefficient's limit, the equipment floor. */
const RULE_FIGURES = "/^(floorRatio|cvLimit|minMet|equipmentImplausibleBelow)$/";
const COMPARISON = "/^[<>]=?$/";
/**
 * The standard's named figures of the plausible (standard/plausibility.ts, standard/equipmentUnit.ts) and of an
 * edit's equipment (engine/scenario/addFacility.ts): whether a value passes one is the engine's judgement
 * (engine/plausibility.ts, engine/equipmentUnit.ts).
 */
const RULE_CONSTANTS =
  "/^(SECTION_STUDENTS_ABOVE|TEACHING_AREA_PER_STUDENT_ABOVE|SPORTS_AREA_PER_STUDENT_ABOVE|" +
  "LARGEST_CLASS_ABOVE|AREA_PER_STUDENT_ABOVE|EQUIPMENT_PER_STUDENT_ABOVE|EQUIPMENT_EDIT_BELOW)$/";

/**
 * What a module outside the rules' layers may not write (docs/architecture.md#rules): a comparison with one of the
 * standard's limits or with a rule's figure, a difference coefficient compared (with its limit), a limit as a factor, the per-100-students arithmetic, and a tolerance
 * of its own (a literal of 1e-6 or less, Number.EPSILON) where the one of standard/comparison.ts serves. A share
 * shown as a percentage (`floorRatio * 100`), a figure rounded to hundredths (`Math.round(x * 100) / 100`) and a
 * layout's halves (`left: 0.5`) are no rule.
 */
const RULE_SELECTORS = [
  {
    selector: `BinaryExpression[operator=${COMPARISON}] > Literal[raw=${LIMIT_RAW}]`,
    message: RULE_MESSAGE("a comparison with a limit of the standard"),
  },
  {
    selector: `BinaryExpression[operator=/^[*\\x2F]$/] > Literal[raw=/^0?\\.(85|15)$/]`,
    message: RULE_MESSAGE("a share of the standard as a factor"),
  },
  {
    selector: `BinaryExpression[operator=${COMPARISON}] > MemberExpression[property.name=${RULE_FIGURES}]`,
    message: RULE_MESSAGE("a comparison with a rule's figure"),
  },
  {
    selector: `BinaryExpression[operator=${COMPARISON}] > MemberExpression[object.property.name=${RULE_FIGURES}]`,
    message: RULE_MESSAGE("a comparison with a rule's figure"),
  },
  {
    selector: `BinaryExpression[operator=${COMPARISON}] > Identifier[name=${RULE_CONSTANTS}]`,
    message: RULE_MESSAGE("a comparison with a figure of the plausible"),
  },
  {
    selector: `BinaryExpression[operator=${COMPARISON}] > MemberExpression[property.name=${RULE_CONSTANTS}]`,
    message: RULE_MESSAGE("a comparison with a figure of the plausible"),
  },
  {
    selector: `BinaryExpression[operator=${COMPARISON}] > MemberExpression[object.name=${RULE_CONSTANTS}]`,
    message: RULE_MESSAGE("a comparison with a figure of the plausible"),
  },
  {
    selector: `BinaryExpression[operator=${COMPARISON}] > MemberExpression[property.name="cv"]`,
    message: RULE_MESSAGE("a difference coefficient judged"),
  },
  {
    selector:
      `BinaryExpression[operator=/^[*\\x2F]$/]:not([left.raw="100"]):not([right.raw="100"]) > ` +
      `MemberExpression[property.name=/^(floorRatio|equipmentImplausibleBelow)$/]`,
    message: RULE_MESSAGE("a threshold worked out from a rule's figure"),
  },
  {
    selector: `BinaryExpression[operator=/^\\x2F$/]:not([right.type="Literal"]) > BinaryExpression.left[operator="*"] > Literal[raw="100"]`,
    message: RULE_MESSAGE("a value per 100 students"),
  },
  {
    selector: `TemplateElement[value.raw=/\\*\\s*100\\s*\\x2F/]`,
    message: RULE_MESSAGE("a value per 100 students in a formula"),
  },
  {
    selector: `Literal[raw=/^[0-9.]/][value>0][value<=0.000001]`,
    message: RULE_MESSAGE("a tolerance of its own"),
  },
  {
    selector: `MemberExpression[object.name="Number"][property.name="EPSILON"]`,
    message: RULE_MESSAGE("a tolerance of its own"),
  },
];

/**
 * What no-restricted-syntax forbids: a dynamic `import()` across the layers, outside a host Office.js's types, and
 * outside the rules' layers a rule worked out again (`RULE_SELECTORS`).
 */
function syntax(layer) {
  const selectors = [];
  if (!RULE_LAYERS.includes(layer.name)) selectors.push(...RULE_SELECTORS);
  const specifier = forbiddenSpecifier(layer, "\\x2F");
  if (specifier) {
    // no-restricted-imports does not see a dynamic `import("../web/…")`
    selectors.push({
      selector: `ImportExpression > Literal.source[value=/${specifier}/]`,
      message: LAYER_MESSAGE(layer),
    });
  }
  if (!layer.host) {
    // Office.js's types too (`Excel.RequestContext`), which no-restricted-globals does not see
    selectors.push({
      selector: `TSQualifiedName > Identifier.left[name=/^(${OFFICE_GLOBALS.join("|")})$/]`,
      message: OFFICE_MESSAGE,
    });
  }
  return selectors;
}

/** One config block per layer, for the flat config. */
export const layerConfigs = LAYERS.map((layer) => ({
  files: layer.file ? [`src/${layer.name}.ts`] : [`src/${layer.name}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": ["error", { patterns: restrictions(layer) }],
    "no-restricted-syntax": ["error", ...syntax(layer)],
    ...(layer.host
      ? {}
      : {
          "no-restricted-globals": [
            "error",
            ...OFFICE_GLOBALS.map((name) => ({ name, message: OFFICE_MESSAGE })),
          ],
        }),
  },
}));
