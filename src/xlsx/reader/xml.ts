/**
 * One part of the zip parsed as XML while it inflates. SpreadsheetML needs little of XML — elements,
 * attributes, text, the five entities and character references, CDATA — and no DTD (the format forbids one),
 * so a scanner of its own reads a sheet several times faster than a general parser and with nothing to warm
 * up, which is most of a small county's reading time. It still refuses what is not well-formed: a tag that does
 * not close, a close tag that does not match, an unknown entity, a part cut short, a DOCTYPE.
 *
 * The handler sees elements by their local name, so that Strict OOXML's namespaces, or any prefix a writer
 * chose, read as the transitional ones.
 */
import { damaged } from "./problems";
import type { Zip, ZipEntry } from "./zip";

/**
 * The attributes of the element being opened. The list is the scanner's own and is refilled for the next tag:
 * a handler reads what it needs during `open` and keeps the strings, never the list. A value is kept as where it
 * is in the text being scanned and copied out only when asked for (a sheet's cells have three attributes each,
 * read as numbers or compared, most never needed as strings); a value with references is resolved at once, so
 * that a bad one fails wherever it is.
 */
export class Attributes {
  private readonly names: string[] = [];
  /** per attribute: the resolved value, or null when it is source[from, to) as written */
  private readonly resolved: (string | null)[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private source = "";
  private count = 0;

  private indexOf(name: string): number {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return i;
    return -1;
  }

  private valueAt(i: number): string {
    return this.resolved[i] ?? this.source.slice(this.from[i], this.to[i]);
  }

  get(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.valueAt(i);
  }

  /** An attribute by its local name, whatever its prefix (r:id, or the Strict namespace's own prefix). */
  byLocalName(local: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (localName(this.names[i]) === local) return this.valueAt(i);
    return undefined;
  }

  /**
   * An attribute's value read in place by `parse` (given the text and the value's bounds in it), without a copy;
   * `absent` when there is no such attribute.
   */
  read<T>(name: string, parse: (text: string, from: number, to: number) => T, absent: T): T {
    const i = this.indexOf(name);
    if (i < 0) return absent;
    const value = this.resolved[i];
    return value === null ? parse(this.source, this.from[i], this.to[i]) : parse(value, 0, value.length);
  }

  /** Whether the attribute is there and is `expected`, compared in place. */
  is(name: string, expected: string): boolean {
    const i = this.indexOf(name);
    if (i < 0) return false;
    const value = this.resolved[i];
    if (value !== null) return value === expected;
    const from = this.from[i];
    return this.to[i] - from === expected.length && this.source.startsWith(expected, from);
  }

  clear(source: string): void {
    this.source = source;
    this.count = 0;
  }

  add(name: string, value: string): void {
    this.names[this.count] = name;
    this.resolved[this.count] = value;
    this.count++;
  }

  /** An attribute whose value is source[from, to) as written (no references in it). */
  addInPlace(name: string, from: number, to: number): void {
    this.names[this.count] = name;
    this.resolved[this.count] = null;
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.count++;
  }
}

export interface XmlHandler {
  /**
   * What the part is and how far it has been read, for a clerk told it is damaged: 工作表“学校”的 B7 附近, and
   * the cell when there is one. Without it the part is named by its path in the zip.
   */
  where?(): { zh: string; en: string; cell: string | null };
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  /** text between tags, entities and CDATA resolved */
  text(text: string): void;
  /**
   * A cell of the plain form (PLAIN_CELL), given by its parts as the expression captured them instead of as the
   * opening and closing of its elements: its reference's letters and digits, its style and type when written,
   * and its value's text, as `number` when it is a plain decimal (at most 15 digits before an optional point,
   * an optional minus before them), else as `text` (undefined when the cell has no `<v>`). False when the
   * handler would rather be told of the elements (as a handler without it always is).
   */
  plainCell?(
    letters: string,
    digits: string,
    style: string | undefined,
    type: string | undefined,
    number: string | undefined,
    text: string | undefined,
  ): boolean;
}

/** A text, tag or comment longer than this is not in any honest workbook (a cell holds 32,767 characters). */
const LONGEST_TOKEN = 8 << 20;
/** An incomplete token this long is scanned again only once it has doubled (XmlScanner.write). */
const RESCAN_FROM = 64 << 10;
/** Elements nested deeper than this are in no workbook (a sheet's cells sit five deep). */
const DEEPEST = 256;

/** The local part of a qualified name: x:row → row. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&([^;&\s]{0,10});?/g;

/**
 * A cell of the plain form: its reference, style and type (each plain, in this order), closed at once or holding
 * at most a value whose text has no reference and no carriage return. Sticky: matched where a cell starts. Its
 * groups are the parts `XmlHandler.plainCell` takes, in order; a value of plain decimal digits is captured apart
 * (group 5) from any other (group 6).
 *
 * The expression does a cell's character-by-character work (the reference's letters and digits, the attributes'
 * bounds, whether the value is a plain number) in the engine's compiled matcher, where the same loops in
 * JavaScript run interpreted until V8 has compiled them: a command reads its one workbook in a fresh process,
 * and on a 3,000-school sheet that first read takes about a quarter less CPU time (some 30 ms) than it did when
 * the cell was read in place. Once warm, the strings the groups make cost it about 5 ms more: a trade made for
 * the read a clerk waits for.
 */
const PLAIN_CELL =
  /<c r="([A-Za-z]{1,3})([0-9]{1,7})"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?(?:\/>|>(?:<v>(?:(-?[0-9]{1,15}(?:\.[0-9]+)?)(?=<)|([^<&\r]*))<\/v>)?<\/c>)/y;

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/**
 * The text s[from, to): the words a sheet repeats on every cell as the one string of each — its names (c, v, r,
 * s, t, f, row) and its cell types (s, n, b, e, d, str) — any other text as its own slice. A sheet of 80,000
 * cells would otherwise make a quarter of a million one-letter strings, each a new object to allocate and to
 * compare by its contents.
 */
export function wordAt(s: string, from: number, to: number): string {
  if (to - from === 1) {
    switch (s.charCodeAt(from)) {
      case 99:
        return "c";
      case 118:
        return "v";
      case 114:
        return "r";
      case 115:
        return "s";
      case 116:
        return "t";
      case 102:
        return "f";
      case 110:
        return "n";
      case 98:
        return "b";
      case 101:
        return "e";
      case 100:
        return "d";
    }
  } else if (to - from === 3) {
    if (s.startsWith("row", from)) return "row";
    if (s.startsWith("str", from)) return "str";
  }
  return s.slice(from, to);
}

/** Whether an attribute name is plainly valid: ASCII letters, digits and : _ - . (every name a workbook uses). */
function plainName(key: string): boolean {
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    // digits and ":", "_", "-", "."
    if (!(letter || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46)) return false;
  }
  return key.length > 0;
}

/**
 * The scanner itself, written text in pieces (`write`) and told when it ends (`end`): what `parsePart` feeds a
 * zip's part to, and what reads an XML file held whole (an Excel 2003 XML spreadsheet, text/spreadsheet2003.ts).
 */
export class XmlScanner {
  /** the unparsed tail of what has been written: a token not yet complete */
  private rest = "";
  private readonly open: string[] = [];
  private rootClosed = false;
  private rootSeen = false;
  private readonly attributes = new Attributes();
  /** PLAIN_CELL, the scanner's own (a sticky expression keeps where it matched) */
  private readonly plainCellAt = new RegExp(PLAIN_CELL);

  constructor(
    private readonly part: string,
    private readonly handler: XmlHandler,
  ) {}

  fail(zh: string, en: string): never {
    const where = this.handler.where?.();
    throw damaged(
      where
        ? {
            zh: `${where.zh}（${this.part}）不是完好的 XML：${zh}`,
            en: `${where.en} (${this.part}) is not well-formed XML: ${en}`,
          }
        : { zh: `“${this.part}”不是完好的 XML：${zh}`, en: `"${this.part}" is not well-formed XML: ${en}` },
      where?.cell ?? null,
    );
  }

  /** Resolves entity and character references; an unknown one is an error (no DTD can define it). */
  private unescape(raw: string): string {
    return raw.replace(REFERENCE, (whole, name: string) => {
      if (!whole.endsWith(";")) this.fail(`“&”后缺少实体名`, `a bare "&"`);
      if (name.charCodeAt(0) === 35 /* # */) {
        const code =
          name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (!(code > 0 && code <= 0x10ffff) || !/^#(?:x[0-9a-f]+|\d+)$/i.test(name)) {
          this.fail(`无效的字符引用 ${whole}`, `invalid character reference ${whole}`);
        }
        return String.fromCodePoint(code);
      }
      const entity = ENTITIES[name];
      if (entity === undefined) this.fail(`未定义的实体 ${whole}`, `undefined entity ${whole}`);
      return entity;
    });
  }

  private emitText(raw: string): void {
    if (raw.length === 0) return;
    if (this.open.length === 0) {
      for (let i = 0; i < raw.length; i++) {
        if (!isSpace(raw.charCodeAt(i))) this.fail("根元素之外有文本", "text outside the root element");
      }
      return;
    }
    let text = raw.indexOf("&") >= 0 ? this.unescape(raw) : raw;
    if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
    this.handler.text(text);
  }

  /** pieces written while a long token waits incomplete, and their length (see `write`) */
  private waiting: string[] = [];
  private waitingLength = 0;
  /** how long a long incomplete token and the pieces after it must grow before they are scanned again */
  private rescanAt = 0;

  /**
   * Parses what it can of `chunk` after the rest of the last one; keeps an incomplete token for the next. A long
   * token still incomplete (a text, a comment, a tag of megabytes) is scanned again only once what waits has
   * doubled: scanning it costs its length a few times over, not its length once for each piece of 16 KB written
   * (an 8 MB comment cost seconds so).
   */
  write(chunk: string): void {
    if (this.rest.length < RESCAN_FROM) {
      this.scan(chunk);
      return;
    }
    this.waiting.push(chunk);
    this.waitingLength += chunk.length;
    const length = this.rest.length + this.waitingLength;
    if (length < this.rescanAt && length <= LONGEST_TOKEN) return;
    this.scanWaiting();
  }

  private scanWaiting(): void {
    const joined = this.waiting.join("");
    this.waiting = [];
    this.waitingLength = 0;
    this.scan(joined);
  }

  private scan(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const end = s.length;
    const plainCells = this.handler.plainCell !== undefined ? (this.handler as Required<XmlHandler>) : null;
    let i = 0;
    while (i < end) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break;
      if (lt > i) this.emitText(s.slice(i, lt));
      i = lt;
      const next = s.charCodeAt(i + 1);
      if (next === 33 /* ! */) {
        const consumed = this.special(s, i);
        if (consumed < 0) break;
        i = consumed;
      } else if (next === 63 /* ? */) {
        const close = s.indexOf("?>", i + 2);
        if (close < 0) break;
        i = close + 2;
      } else if (next === 47 /* / */) {
        const close = s.indexOf(">", i + 2);
        if (close < 0) break;
        this.closeTag(s, i + 2, close);
        i = close + 1;
      } else if (i + 1 < end) {
        // a plain cell opens no deeper than the general path would let it
        const consumed =
          next === 99 /* c */ && plainCells !== null && this.open.length > 0 && this.open.length + 1 < DEEPEST
            ? this.plainCell(plainCells, s, i)
            : this.startTag(s, i);
        if (consumed < 0) break;
        i = consumed;
      } else {
        break;
      }
    }
    // text runs to the next "<": held back until it comes, as an incomplete tag is
    this.rest = i < end ? s.slice(i) : "";
    if (this.rest.length > LONGEST_TOKEN) {
      this.fail("有一段超过 800 万字符的文本或标记", "a text or tag of more than 8 million characters");
    }
    this.rescanAt = 2 * this.rest.length;
  }

  /** <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE: the index after it, or -1 when it is not complete yet. */
  private special(s: string, i: number): number {
    if (s.startsWith("<!--", i)) {
      const close = s.indexOf("-->", i + 4);
      return close < 0 ? -1 : close + 3;
    }
    if (s.startsWith("<![CDATA[", i)) {
      const close = s.indexOf("]]>", i + 9);
      if (close < 0) return -1;
      if (this.open.length === 0) this.fail("根元素之外有 CDATA", "CDATA outside the root element");
      this.handler.text(s.slice(i + 9, close));
      return close + 3;
    }
    if (s.length - i < 9) return -1;
    if (s.startsWith("<!DOCTYPE", i))
      this.fail("含有 DTD（Office Open XML 不允许）", "it has a DTD, which Office Open XML forbids");
    return this.fail("无法识别的“<!”标记", 'an unknown "<!" markup');
  }

  /**
   * A cell at i written as Excel and most writers write one, `<c r="B3" s="5" t="s"><v>7</v></c>` (or closed at
   * once, `<c r="B3" s="5"/>`), read with one match of a regular expression and handed to a handler that takes
   * cells so by its parts: a county's sheet is nearly all such cells, and the general path's work on each (a tag
   * at a time, a character at a time) was most of its reading. Anything else at i — another attribute, a
   * formula, a prefix, a reference in the text, a cell cut by the end of the piece — goes the general way.
   */
  private plainCell(handler: Required<XmlHandler>, s: string, i: number): number {
    const pattern = this.plainCellAt;
    pattern.lastIndex = i;
    const cell = pattern.exec(s);
    if (cell === null) return this.startTag(s, i);
    const end = pattern.lastIndex;
    return handler.plainCell(cell[1], cell[2], cell[3], cell[4], cell[5], cell[6])
      ? end
      : this.startTag(s, i);
  }

  /** A start tag at i: the index after it, or -1 when it is not complete yet. */
  private startTag(s: string, i: number): number {
    const end = s.length;
    let j = i + 1;
    while (j < end) {
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break;
      j++;
    }
    if (j >= end) return -1;
    if (j === i + 1) this.fail("“<”后缺少元素名", 'a "<" without an element name');
    const name = wordAt(s, i + 1, j);
    const attributes = this.attributes;
    attributes.clear(s);
    for (;;) {
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      if (j >= end) return -1;
      const c = s.charCodeAt(j);
      if (c === 62 /* > */) {
        this.element(name, attributes, false);
        return j + 1;
      }
      if (c === 47 /* / */) {
        if (j + 1 >= end) return -1;
        if (s.charCodeAt(j + 1) !== 62) this.fail(`<${name}> 中有多余的“/”`, `a stray "/" in <${name}>`);
        this.element(name, attributes, true);
        return j + 2;
      }
      const eq = s.indexOf("=", j);
      if (eq < 0) return -1;
      let keyEnd = eq;
      while (keyEnd > j && isSpace(s.charCodeAt(keyEnd - 1))) keyEnd--;
      const key = wordAt(s, j, keyEnd);
      let q = eq + 1;
      while (q < end && isSpace(s.charCodeAt(q))) q++;
      if (q >= end) return -1;
      const quote = s[q];
      if (quote !== '"' && quote !== "'")
        this.fail(`<${name}> 的属性 ${key} 缺少引号`, `attribute ${key} of <${name}> is not quoted`);
      const close = s.indexOf(quote, q + 1);
      if (close < 0) return -1;
      if (!plainName(key) && (key.length === 0 || /[\s<>]/.test(key)))
        this.fail(`<${name}> 的属性名无效`, `an attribute of <${name}> has no valid name`);
      let references = false;
      for (let k = q + 1; k < close; k++) {
        const v = s.charCodeAt(k);
        if (v === 60 /* < */) this.fail(`<${name}> 的属性值中有“<”`, `a "<" in an attribute of <${name}>`);
        if (v === 38 /* & */) references = true;
      }
      if (references) attributes.add(key, this.unescape(s.slice(q + 1, close)));
      else attributes.addInPlace(key, q + 1, close);
      j = close + 1;
    }
  }

  private element(name: string, attributes: Attributes, selfClosing: boolean): void {
    if (this.open.length === 0) {
      if (this.rootClosed) this.fail("根元素之后还有元素", "an element after the root element");
      this.rootSeen = true;
    }
    const local = localName(name);
    this.handler.open(local, attributes);
    if (selfClosing) {
      this.handler.close(local);
      if (this.open.length === 0) this.rootClosed = true;
    } else {
      if (this.open.length >= DEEPEST)
        this.fail(`元素嵌套超过 ${DEEPEST} 层`, `elements nested more than ${DEEPEST} deep`);
      this.open.push(name);
    }
  }

  /** The close tag s[from, to) names, spaces after the name allowed. */
  private closeTag(s: string, from: number, to: number): void {
    // the element open is the one closed, in all but a broken part: compared in place, without a copy
    const open = this.open[this.open.length - 1];
    if (open !== undefined && s.startsWith(open, from)) {
      let k = from + open.length;
      while (k < to && isSpace(s.charCodeAt(k))) k++;
      if (k === to) {
        this.open.pop();
        if (this.open.length === 0) this.rootClosed = true;
        this.handler.close(localName(open));
        return;
      }
    }
    this.closeNamed(s.slice(from, to).trimEnd());
  }

  private closeNamed(name: string): void {
    const expected = this.open.pop();
    if (expected !== name) {
      this.fail(`</${name}> 与 <${expected ?? ""}> 不匹配`, `</${name}> does not close <${expected ?? ""}>`);
    }
    if (this.open.length === 0) this.rootClosed = true;
    this.handler.close(localName(name));
  }

  end(): void {
    if (this.waitingLength > 0) this.scanWaiting();
    if (this.rest.trim().length > 0 || this.open.length > 0)
      this.fail("内容不完整（被截断？）", "it ends too soon (cut short?)");
    if (!this.rootSeen) this.fail("没有根元素", "it has no root element");
  }
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="GB2312"?>`), read from its bytes. */
const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;

/**
 * The decoder of a part, by its first bytes: a byte-order mark, else the encoding its XML declaration names, else
 * UTF-8. Excel and WPS write UTF-8, but a part written by another program may be in GB2312 or GBK and say so, as
 * XML allows, and Excel reads it so: read as UTF-8 its Chinese would be lost to replacement characters.
 */
function decoderFor(part: string, first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  let head = "";
  for (let i = 0; i < first.length && i < 200 && first[i] < 0x80; i++) head += String.fromCharCode(first[i]);
  const label = DECLARED_ENCODING.exec(head)?.[1];
  if (label === undefined) return new TextDecoder("utf-8");
  try {
    return new TextDecoder(label);
  } catch {
    throw damaged({
      zh: `“${part}”使用了无法识别的字符编码 ${label}`,
      en: `"${part}" is in a character encoding that cannot be read, ${label}`,
    });
  }
}

/**
 * Parses the entry as XML, streaming, into `handler`; a malformed or truncated part is a damaged workbook.
 *
 * UTF-8 text is decoded in pieces that end before a "<": each piece then holds whole tags and whole texts, and
 * the scanner reads it as the one flat string the decoder made. A piece that ended inside a tag would leave its
 * tail to be joined to the next piece, and a joined string is read several times slower, character by character.
 * The "<" byte is never part of another character in UTF-8; in UTF-16 it can be, and such a part is decoded as
 * it comes.
 */
export async function parsePart(zip: Zip, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(entry.name, handler);
  let decoder: TextDecoder | null = null;
  /** the bytes from the last "<" of what came, not decoded yet */
  let held: Uint8Array | null = null;
  // a handler that says what its part is (a worksheet: its sheet) names it so when the part is too large
  const where = handler.where?.();
  const label = where && { zh: `${where.zh}（${entry.name}）`, en: `${where.en} (${entry.name})` };
  await zip.stream(
    entry,
    (bytes) => {
      decoder ??= decoderFor(entry.name, bytes);
      if (decoder.encoding !== "utf-8") {
        scanner.write(decoder.decode(bytes, { stream: true }));
        return;
      }
      let piece = bytes;
      if (held !== null) {
        piece = new Uint8Array(held.length + bytes.length);
        piece.set(held);
        piece.set(bytes, held.length);
        held = null;
      }
      const lt = piece.lastIndexOf(60 /* < */);
      if (lt > 0) {
        held = piece.slice(lt);
        piece = piece.subarray(0, lt);
      }
      scanner.write(decoder.decode(piece, { stream: true }));
    },
    label,
  );
  if (decoder) {
    const last = decoder as TextDecoder;
    if (held !== null) scanner.write(last.decode(held, { stream: true }));
    scanner.write(last.decode());
  }
  scanner.end();
}
