/** Sizes of what passes between the add-in and the double, as Office measures them against its limits. */

/** Payload size of an argument as Office would serialise it (JSON), without building huge strings twice. */
export function payloadBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "number" || typeof value === "boolean") return String(value).length;
  if (typeof value === "string") return utf8Length(value) + 2;
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += payloadBytes(v);
    return n;
  }
  return JSON.stringify(value).length;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
