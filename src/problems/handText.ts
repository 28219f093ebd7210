/**
 * The text of a file a person wrote, from its bytes, in Node and in the browser alike (src/cli/textFile.ts reads
 * the command's files with it, the web app the files dropped on it): docs/cli.md#hand-written.
 */

/** Thrown for bytes that are no text in any of these encodings: `code` is NOT_UTF8. */
export const NOT_UTF8 = "NOT_UTF8";
/** Thrown for an .xlsx, .zip or .xls given where text is wanted: `code` is A_WORKBOOK. */
export const A_WORKBOOK = "A_WORKBOOK";

/** The text of these bytes, without a byte-order mark; throws NOT_UTF8 or A_WORKBOOK. */
export function decodeHandText(bytes: Uint8Array, path: string): string {
  const starts = (...b: number[]) => b.every((x, k) => bytes[k] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0))
    throw Object.assign(new Error(`${path} is a workbook`), { code: A_WORKBOOK });
  if (starts(0xff, 0xfe)) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (starts(0xfe, 0xff)) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // JSON's first character is ASCII: in UTF-16 without a mark one of its two bytes is 0, which no other text has
  if (bytes.length >= 2 && bytes.length % 2 === 0 && (bytes[0] === 0) !== (bytes[1] === 0))
    return new TextDecoder(bytes[1] === 0 ? "utf-16le" : "utf-16be").decode(bytes);
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      // TextDecoder drops a UTF-8 byte-order mark by itself
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // the next encoding
    }
  }
  throw Object.assign(new Error(`${path} is not text`), { code: NOT_UTF8 });
}
