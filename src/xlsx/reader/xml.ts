/**
 * One part of the zip parsed as XML while it inflates (saxes): the handler sees elements by their local name,
 * so that Strict OOXML's namespaces, or any prefix a writer chose, read as the transitional ones.
 */
import { SaxesParser } from "saxes";
import { damaged } from "./problems";
import type { Zip, ZipEntry } from "./zip";

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  /** text (entities decoded) and CDATA, between tags */
  text(text: string): void;
}

/** Characters written to the parser at a time. */
const SLICE = 1 << 20;
/** A text, tag or comment longer than this is not in any honest workbook (a cell holds 32,767 characters). */
const LONGEST_TOKEN = 8 << 20;

/** The local part of a qualified name: x:row → row. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever its prefix (r:id, or the Strict namespace's own prefix). */
export function attributeByLocalName(attributes: Attributes, local: string): string | undefined {
  if (attributes[local] !== undefined) return attributes[local];
  for (const key in attributes) if (localName(key) === local) return attributes[key];
  return undefined;
}

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/** Parses the entry as XML, streaming, into `handler`; a malformed or truncated part is a damaged workbook. */
export function parsePart(zip: Zip, entry: ZipEntry, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // characters written since the parser last reported something: a token that never ends is refused
  let pending = 0;
  let seen = false;
  parser.on("opentag", (tag) => {
    seen = true;
    handler.open(localName(tag.name), tag.attributes as Attributes);
  });
  parser.on("closetag", (tag) => {
    seen = true;
    handler.close(localName(tag.name));
  });
  parser.on("text", (text) => {
    seen = true;
    handler.text(text);
  });
  parser.on("cdata", (text) => {
    seen = true;
    handler.text(text);
  });
  parser.on("error", (error) => {
    throw damaged({
      zh: `“${entry.name}”不是完好的 XML：${error.message}`,
      en: `"${entry.name}" is not well-formed XML: ${error.message}`,
    });
  });
  const write = (chars: string) => {
    for (let at = 0; at < chars.length; at += SLICE) {
      const slice = at === 0 && chars.length <= SLICE ? chars : chars.slice(at, at + SLICE);
      parser.write(slice);
      pending = seen ? 0 : pending + slice.length;
      seen = false;
      if (pending > LONGEST_TOKEN) {
        throw damaged({
          zh: `“${entry.name}”中有一段超过 800 万字符的文本或标记`,
          en: `"${entry.name}" holds a text or tag of more than 8 million characters`,
        });
      }
    }
  };
  let decoder: TextDecoder | null = null;
  zip.stream(entry, (bytes) => {
    decoder ??= decoderFor(bytes);
    write(decoder.decode(bytes, { stream: true }));
  });
  if (decoder) write((decoder as TextDecoder).decode());
  parser.close();
}
