/**
 * Scans built JavaScript for what the add-in must never do at run time: send data anywhere but its own origin,
 * or run generated code. The scan works on the minified text the build ships.
 */

export interface Finding {
  file: string;
  kind: "network" | "codegen" | "url";
  excerpt: string;
}

/** APIs that send or fetch over the network, and XMLHttpRequest's / window's open. */
const NETWORK_API =
  /(?<![\w$])(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)(?![\w$])|\.open\s*\(/g;
const ABSOLUTE_URL = /["'`]((?:https?|wss?):\/\/[^"'`\s]*)/gi;

/** Ways of running generated code: eval, the Function constructor called or taken into a variable. */
const CODEGEN: RegExp[] = [
  /(?<![\w$.])eval\s*\(/g,
  /new\s+Function\s*\(/g,
  /(?<![\w$.])Function\s*\(/g,
  /[=:(,]\s*Function\s*[,;)}]/g,
  /\bsetTimeout\s*\(\s*["'`]/g,
  /\bsetInterval\s*\(\s*["'`]/g,
];

/**
 * Absolute URLs that may appear in the bundles because they are never fetched: XML namespaces, JSON-schema
 * identifiers written into generated schemas, and documentation links inside error messages.
 */
export const INERT_URLS: RegExp[] = [
  /^http:\/\/www\.w3\.org\/(?:1999\/xhtml|2000\/svg|1999\/xlink|XML\/1998\/namespace|1998\/Math\/MathML|2000\/xmlns\/)$/,
  /^https?:\/\/json-schema\.org\/draft[-\w/]*\/schema#?$/,
  /^https:\/\/reactjs\.org\/docs\/error-decoder\.html\?invariant=$/,
  /^https:\/\/react\.dev\/errors\/$/,
  // zod's URL check builds `http://[${host}]` to parse an IPv6 address locally
  /^http:\/\/\[\$\{\w+\}\]$/,
  // the web app's .xlsx writer (exceljs, and the charts): the namespaces of the Office Open XML parts it writes
  /^http:\/\/schemas\.openxmlformats\.org\/[\w./-]+$/,
  /^http:\/\/schemas\.microsoft\.com\/office\/[\w./-]+$/,
  /^http:\/\/purl\.org\/dc\/(?:elements\/1\.1|terms|dcmitype)\/$/,
  /^http:\/\/www\.w3\.org\/2001\/XMLSchema-instance$/,
  // project links inside the licence notes and error messages of exceljs's bundled polyfills
  /^https:\/\/github\.com\/(?:zloirock\/core-js|crypto-browserify\/crypto-browserify|indutny\/elliptic)[\w./-]*$/,
];

function excerpt(text: string, at: number, length: number): string {
  return text.slice(Math.max(0, at - 40), Math.min(text.length, at + length + 40)).replace(/\s+/g, " ");
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Network call sites whose target is an absolute URL outside `allowedOrigins` (the add-in's own). */
export function networkFindings(file: string, text: string, allowedOrigins: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(NETWORK_API)) {
    const window = text.slice(m.index, m.index + 300);
    for (const u of window.matchAll(ABSOLUTE_URL)) {
      const origin = originOf(u[1]);
      if (origin !== null && allowedOrigins.includes(origin)) continue;
      findings.push({ file, kind: "network", excerpt: excerpt(text, m.index, u.index + u[0].length) });
    }
  }
  return findings;
}

export function codegenFindings(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const pattern of CODEGEN) {
    for (const m of text.matchAll(pattern))
      findings.push({ file, kind: "codegen", excerpt: excerpt(text, m.index, m[0].length) });
  }
  return findings;
}

/** Every absolute URL in the text that is not known to be inert or of an allowed origin. */
export function urlFindings(file: string, text: string, allowedOrigins: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(ABSOLUTE_URL)) {
    const url = m[1];
    if (INERT_URLS.some((re) => re.test(url))) continue;
    const origin = originOf(url);
    if (origin !== null && allowedOrigins.includes(origin)) continue;
    findings.push({ file, kind: "url", excerpt: excerpt(text, m.index, m[0].length) });
  }
  return findings;
}

/** The directives of a Content-Security-Policy: name → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
