/**
 * A small, strict XML reader for the manifest check: elements, attributes, text, comments, the XML declaration.
 * It throws on anything a validator would reject as not well-formed (mismatched or unclosed tags, unquoted or
 * duplicate attributes, unknown entities, text or a second element outside the root). No DTDs, no CDATA: the
 * manifest has none.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag, for messages */
  line: number;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string, line: number): string {
  return text.replace(/&([^;\s&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new Error(`line ${line}: bare & in text`);
    if (name in ENTITIES) return ENTITIES[name];
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (m) return String.fromCodePoint(m[1][0] === "x" ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10));
    throw new Error(`line ${line}: unknown entity &${name};`);
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const lineAt = (pos: number) => source.slice(0, pos).split("\n").length;
  const fail = (message: string): never => {
    throw new Error(`line ${lineAt(i)}: ${message}`);
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) fail("expected a name");
    i = NAME.lastIndex;
    return (m as RegExpExecArray)[0];
  };
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith("<!--", i)) {
        const end = source.indexOf("-->", i + 4);
        if (end < 0) fail("unclosed comment");
        if (source.slice(i + 4, end).includes("--")) fail("-- inside a comment");
        i = end + 3;
      } else if (source.startsWith("<?", i)) {
        if (i !== 0 && source.startsWith("<?xml", i)) fail("XML declaration not at the start");
        const end = source.indexOf("?>", i);
        if (end < 0) fail("unclosed processing instruction");
        i = end + 2;
      } else return;
    }
  };

  const element = (): XmlElement => {
    if (source[i] !== "<") fail("expected <");
    const line = lineAt(i);
    i++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith("/>", i)) {
        i += 2;
        return { name: tag, attributes, children: [], text: "", line };
      }
      if (source[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail(`expected space between attributes of <${tag}>`);
      const attr = name();
      skipSpace();
      if (source[i] !== "=") fail(`attribute ${attr} of <${tag}> has no value`);
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${tag}> is not quoted`);
      const end = source.indexOf(quote, i + 1);
      if (end < 0) fail(`unclosed attribute ${attr}`);
      const raw = source.slice(i + 1, end);
      if (raw.includes("<")) fail(`< inside attribute ${attr}`);
      if (attr in attributes) fail(`duplicate attribute ${attr} on <${tag}>`);
      attributes[attr] = decode(raw, lineAt(i));
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      const next = source.indexOf("<", i);
      if (next < 0) fail(`<${tag}> is not closed`);
      text += decode(source.slice(i, next), lineAt(i));
      i = next;
      if (source.startsWith("</", i)) {
        i += 2;
        const closing = name();
        skipSpace();
        if (source[i] !== ">") fail(`bad closing tag </${closing}`);
        i++;
        if (closing !== tag) fail(`</${closing}> closes <${tag}> (opened on line ${line})`);
        return { name: tag, attributes, children, text: text.trim(), line };
      }
      if (source.startsWith("<!--", i) || source.startsWith("<?", i)) {
        skipMisc();
        continue;
      }
      if (source.startsWith("<!", i)) fail("DTDs and CDATA are not expected in the manifest");
      children.push(element());
    }
  };

  if (source.charCodeAt(0) === 0xfeff) i = 1;
  skipMisc();
  const root = element();
  skipMisc();
  if (i < source.length) fail("content after the root element");
  return root;
}

/** Child elements by name (a qualified name such as bt:Url matches exactly). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function child(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1)
    throw new Error(`<${element.name}> (line ${element.line}) has ${found.length} <${name}>`);
  return found[0];
}

/** Every element of the tree, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  const all: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    all.push(e);
    e.children.forEach(walk);
  };
  walk(element);
  return all;
}
