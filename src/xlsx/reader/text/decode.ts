/**
 * The text of a file that is no workbook, from its bytes, as Excel and a browser decode it: a byte-order mark
 * (UTF-8, UTF-16LE — Excel's "Unicode text" — or UTF-16BE) first; else the encoding the file itself names (a web
 * page's `<meta charset>`, an XML declaration's `encoding`); else UTF-8 when the bytes are valid UTF-8; else
 * GB18030, of which GBK and GB2312 are parts (what Chinese Windows writes a .csv in). TextDecoder only: the
 * browser has it, and Node with its full ICU.
 */

export interface DecodedText {
  text: string;
  /** the encoding the text was decoded from, as TextDecoder names it (utf-8, utf-16le, gb18030 …) */
  encoding: string;
  /**
   * whether the bytes end within a character (the first bytes of a Chinese character's three in UTF-8, a GBK
   * character's first byte, half a UTF-16 unit): the file was cut short, and what followed is lost
   */
  cutShort?: boolean;
}

/** The start of the bytes as Latin-1 (each byte one character): enough to find a declared encoding in. */
export function latin1Head(data: Uint8Array, length = 2048): string {
  let s = "";
  for (let i = 0; i < Math.min(data.length, length); i++) s += String.fromCharCode(data[i]);
  return s;
}

const XML_DECLARATION = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/u;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/iu;

/** The encoding the file's start names: an XML declaration's, else a web page's meta (charset= or content=). */
function declaredEncoding(head: string): string | undefined {
  return XML_DECLARATION.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
}

function decoder(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(data: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

/**
 * Where the last character of UTF-8 bytes begins when the bytes end before it does (a lead byte followed by fewer
 * continuation bytes than it announces), else -1.
 */
function incompleteUtf8Tail(data: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= data.length; back++) {
    const byte = data[data.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? data.length - back : -1;
  }
  return -1;
}

const REPLACEMENT = "\ufffd";

/** Decodes a text file; never throws (an encoding that cannot be read is passed over for the next guess). */
export function decodeText(data: Uint8Array): DecodedText {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    const body = data.subarray(3);
    const cutShort = incompleteUtf8Tail(body) >= 0;
    return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8", cutShort };
  }
  const odd = data.length % 2 === 1;
  if (data[0] === 0xff && data[1] === 0xfe)
    return {
      text: new TextDecoder("utf-16le").decode(data.subarray(2)),
      encoding: "utf-16le",
      cutShort: odd,
    };
  if (data[0] === 0xfe && data[1] === 0xff)
    return {
      text: new TextDecoder("utf-16be").decode(data.subarray(2)),
      encoding: "utf-16be",
      cutShort: odd,
    };
  const label = declaredEncoding(latin1Head(data, 4096));
  const declared = label === undefined ? null : decoder(label);
  // a file that says UTF-8 and is not is read as what Chinese Windows writes; any other encoding named is trusted
  // (a page cannot name UTF-16 for itself: bytes its meta was read from in ASCII are not UTF-16, as a browser holds)
  if (declared !== null && declared.encoding !== "utf-8" && !declared.encoding.startsWith("utf-16")) {
    const text = declared.decode(data);
    return { text, encoding: declared.encoding, cutShort: text.endsWith(REPLACEMENT) };
  }
  const utf8 = strictUtf8(data);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  // UTF-8 but for its last character, cut by the end of the file: UTF-8 cut short, never GBK mojibake
  const tail = incompleteUtf8Tail(data);
  const whole = tail > 0 ? strictUtf8(data.subarray(0, tail)) : null;
  if (whole !== null) return { text: whole, encoding: "utf-8", cutShort: true };
  const text = new TextDecoder("gb18030").decode(data);
  return { text, encoding: "gb18030", cutShort: text.endsWith(REPLACEMENT) };
}
