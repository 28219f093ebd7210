/**
 * JSON as a person types it in Notepad or WPS (docs/cli.md#hand-written): read exactly as JSON.parse reads it, or
 * refused at the line and column of the first fault with what to type there instead, in both languages. What a
 * Chinese input method puts in place of JSON's punctuation (，：“”｛｝［］ and full-width digits) is never guessed
 * at: the character and its place are named, to be retyped. A key written twice in one object is refused (JSON.parse
 * would keep the last silently), as is a number too large for a double (JSON.parse reads 1e400 as Infinity) and
 * nesting deeper than any of these files has. Linear in the text, without recursion: a 50 MB file or 100,000 `[`
 * is refused or read, never a stack overflow.
 */
import type { Bilingual } from "../standard/county";

/** No settings, edits, costs or rename file nests this deep; the deepest (an edit's new school) has 5 levels. */
export const MAX_JSON_DEPTH = 64;

export type HandJson =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; path: string; message: Bilingual };

/** Full-width and Chinese punctuation an input method types, with the ASCII character JSON needs there. */
const FULL_WIDTH: Record<string, { ascii: string; zh: string; en: string }> = {
  "，": { ascii: ",", zh: "中文逗号", en: "a Chinese comma" },
  "、": { ascii: ",", zh: "顿号", en: "a Chinese enumeration comma" },
  "：": { ascii: ":", zh: "中文冒号", en: "a Chinese colon" },
  "；": { ascii: ",", zh: "中文分号", en: "a Chinese semicolon" },
  "“": { ascii: '"', zh: "中文引号", en: "a Chinese quotation mark" },
  "”": { ascii: '"', zh: "中文引号", en: "a Chinese quotation mark" },
  "‘": { ascii: '"', zh: "中文单引号", en: "a Chinese single quotation mark" },
  "’": { ascii: '"', zh: "中文单引号", en: "a Chinese single quotation mark" },
  "＂": { ascii: '"', zh: "全角引号", en: "a full-width quotation mark" },
  "｛": { ascii: "{", zh: "全角大括号", en: "a full-width brace" },
  "｝": { ascii: "}", zh: "全角大括号", en: "a full-width brace" },
  "［": { ascii: "[", zh: "全角方括号", en: "a full-width bracket" },
  "］": { ascii: "]", zh: "全角方括号", en: "a full-width bracket" },
  "【": { ascii: "[", zh: "中文方括号", en: "a Chinese bracket" },
  "】": { ascii: "]", zh: "中文方括号", en: "a Chinese bracket" },
  "（": { ascii: "", zh: "中文括号", en: "a Chinese parenthesis" },
  "）": { ascii: "", zh: "中文括号", en: "a Chinese parenthesis" },
  "．": { ascii: ".", zh: "全角小数点", en: "a full-width full stop" },
  "。": { ascii: ".", zh: "中文句号", en: "a Chinese full stop" },
  "－": { ascii: "-", zh: "全角减号", en: "a full-width minus" },
  "＋": { ascii: "", zh: "全角加号", en: "a full-width plus" },
  "\u3000": { ascii: " ", zh: "全角空格", en: "a full-width space" },
};

const INVISIBLE = /[\u00a0\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** What might be meant as a number: digits, signs, dots, exponents, full-width digits. */
const NUMBERISH = /[-+.0-9eE０-９]+/y;
const NUMBER_TAIL = /[\p{L}\p{N}_]+/uy;
const WORD = /[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff]*/uy;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** How a character is written in a message: itself, or its code when it cannot be seen. */
function shown(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  // a quotation mark quoted in quotation marks cannot be read: said bare
  if ("“”‘’".includes(c)) return `${c} `;
  return code < 0x20 || INVISIBLE.test(c) || c === "\u3000"
    ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
    : `“${c}”`;
}
function shownEn(c: string): string {
  const s = shown(c);
  return s.startsWith("“") || s.endsWith(" ") ? `"${c}"` : s;
}

interface Frame {
  kind: "object" | "array";
  value: Record<string, unknown> | unknown[];
  at: number;
  /** the object's keys so far, each with where it was written */
  keys?: Map<string, number>;
  key?: string;
  /** the array's next index, the object's key being read */
  path: string;
}

/**
 * Parses `text` (without a byte-order mark) as JSON, naming paths from `root` (`edits` gives edits[2].count; "" gives
 * cvLimit.junior).
 */
export function parseHandJson(text: string, root = ""): HandJson {
  let i = 0;
  const n = text.length;
  const stack: Frame[] = [];
  let path = root;
  /** Where the last text read starts and ends (its quotes left out). */
  let lastString = { start: 0, end: -1 };

  /** Line and column (from 1) of a place; a CRLF ends one line, as a LF does. */
  const place = (at: number): { line: number; column: number } => {
    let line = 1;
    let start = 0;
    for (let k = text.indexOf("\n"); k !== -1 && k < at; k = text.indexOf("\n", k + 1)) {
      line++;
      start = k + 1;
    }
    return { line, column: at - start + 1 };
  };
  const fail = (at: number, zh: string, en: string): HandJson => ({
    ok: false,
    ...place(at),
    path,
    message: { zh, en },
  });
  const skip = () => {
    i = nextNonSpace(text, i);
  };
  /** The fault of a character where JSON wanted `wanted` (words of both languages). */
  const unexpected = (wanted: { zh: string; en: string }): HandJson => {
    // "城关中学”, "level": the Chinese quote meant to end the text, which ran on to the next ASCII quote
    const curly = text.slice(lastString.start, lastString.end).search(/[“”]/u);
    if (curly >= 0 && text.slice(lastString.end + 1, i).trim() === "") {
      const c = text[lastString.start + curly];
      return fail(
        lastString.start + curly,
        `${shown(c)}是中文引号，这段文字应在此结束；请把它改为英文双引号 "`,
        `${shownEn(c)} is a Chinese quotation mark where this text should end; retype it as the ASCII "`,
      );
    }
    if (i >= n) {
      const open = stack[stack.length - 1];
      if (open === undefined)
        return fail(i, `文件在此处结束，缺少${wanted.zh}`, `the file ends here, before ${wanted.en}`);
      const close = open.kind === "object" ? "}" : "]";
      const o = place(open.at);
      return fail(
        i,
        `文件在此处结束：第 ${o.line} 行第 ${o.column} 列的“${open.kind === "object" ? "{" : "["}”缺少与之配对的“${close}”`,
        `the file ends here: the "${open.kind === "object" ? "{" : "["}" at line ${o.line}, column ${o.column} has no closing "${close}"`,
      );
    }
    const c = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const wide = FULL_WIDTH[c];
    if (wide !== undefined) {
      const retype = wide.ascii === "" ? "删去" : `改为英文（半角）的“${wide.ascii}”`;
      const retypeEn = wide.ascii === "" ? "delete it" : `retype it as the ASCII "${wide.ascii}"`;
      return fail(
        i,
        `${shown(c)}是${wide.zh}（中文输入法所打），JSON 不认；请${retype}`,
        `${shownEn(c)} is ${wide.en} (typed by a Chinese input method), which JSON does not read; ${retypeEn}`,
      );
    }
    if (/[０-９]/u.test(c))
      return fail(
        i,
        `${shown(c)}是全角数字；请改为半角数字 0–9`,
        `${shownEn(c)} is a full-width digit; retype it as an ASCII digit 0-9`,
      );
    if (INVISIBLE.test(c))
      return fail(
        i,
        `这里有一个看不见的字符 ${shown(c)}；请删去`,
        `an invisible character ${shown(c)} is here; delete it`,
      );
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*"))
      return fail(i, "JSON 不能写注释；请删去这条注释", "JSON has no comments; delete this comment");
    if (c === "'")
      return fail(
        i,
        "文字须用英文双引号 \" 括起，不能用单引号 '",
        "text is enclosed in double quotes \", not single quotes '",
      );
    if (c === "," && (text[nextNonSpace(text, i + 1)] === "}" || text[nextNonSpace(text, i + 1)] === "]"))
      return fail(
        i,
        "最后一项之后多了一个逗号；请删去这个逗号",
        "a comma after the last item; delete this comma",
      );
    WORD.lastIndex = i;
    const word = WORD.exec(text)?.[0];
    if (word !== undefined) {
      const lower = word.toLowerCase();
      const known: Record<string, { zh: string; en: string }> = {
        nan: {
          zh: "JSON 没有 NaN；请写一个数字，或删去这个字段",
          en: "JSON has no NaN; write a number, or delete the field",
        },
        infinity: {
          zh: "JSON 没有无穷大；请写一个数字",
          en: "JSON has no Infinity; write a number",
        },
        undefined: {
          zh: "JSON 没有 undefined；请删去这个字段",
          en: "JSON has no undefined; delete the field",
        },
        none: { zh: "请写 null（小写）", en: "write null (lower case)" },
      };
      const fix =
        known[lower] ??
        (["true", "false", "null"].includes(lower)
          ? { zh: `请写小写的 ${lower}`, en: `write ${lower} in lower case` }
          : wanted.en.startsWith("a key")
            ? {
                zh: `键须用英文双引号括起：写 "${clip(word)}"`,
                en: `a key is enclosed in double quotes: write "${clip(word)}"`,
              }
            : {
                zh: `文字须用英文双引号括起：写 "${clip(word)}"`,
                en: `text is enclosed in double quotes: write "${clip(word)}"`,
              });
      return fail(i, `“${clip(word)}”：${fix.zh}`, `"${clip(word)}": ${fix.en}`);
    }
    return fail(
      i,
      `这里应为${wanted.zh}，却是${shown(c)}`,
      `expected ${wanted.en} here, found ${shownEn(c)}`,
    );
  };

  /** A string at i (text[i] is `"`): its value, or the fault. */
  const readString = (): { value: string } | HandJson => {
    const at = i;
    // a loop, not a regular expression: a text of 50 MB overflows a regular expression's backtracking stack
    let end = at + 1;
    let escaped = false;
    for (;;) {
      while (end < n) {
        const code = text.charCodeAt(end);
        if (code === 0x22 || code === 0x5c || code < 0x20) break;
        end++;
      }
      if (text[end] !== "\\") break;
      ESCAPE.lastIndex = end;
      if (!ESCAPE.test(text)) break;
      end = ESCAPE.lastIndex;
      escaped = true;
    }
    if (text[end] === '"') {
      i = end + 1;
      lastString = { start: at + 1, end };
      return { value: escaped ? (JSON.parse(text.slice(at, i)) as string) : text.slice(at + 1, end) };
    }
    i = end;
    if (end >= n || text[end] === "\n" || text[end] === "\r") {
      const body = text.slice(at + 1, end);
      const curly = body.search(/[“”]/u);
      if (curly >= 0) {
        i = at + 1 + curly;
        return fail(
          i,
          `${shown(body[curly])}是中文引号，这段文字缺少结尾的英文双引号；请把它改为 "`,
          `${shownEn(body[curly])} is a Chinese quotation mark, and the text has no closing double quote; retype it as "`,
        );
      }
      i = at;
      return fail(
        at,
        '这段文字缺少结尾的英文双引号 "（文字不能跨行）',
        'this text has no closing double quote " (text cannot span lines)',
      );
    }
    if (text[end] === "\\")
      return fail(
        end,
        "文字中的反斜杠 \\ 须写两次（\\\\），如路径 C:\\\\数据",
        "a backslash \\ in text is written twice (\\\\), as in C:\\\\data",
      );
    return fail(
      end,
      `文字中有控制字符 ${shown(text[end])}；请删去`,
      `a control character ${shown(text[end])} in text; delete it`,
    );
  };

  /** A value at i: a scalar's value, a container opened (pushed), or the fault. */
  const readValue = (): { value: unknown; open?: boolean } | HandJson => {
    const c = text[i];
    if (c === "{" || c === "[") {
      if (stack.length >= MAX_JSON_DEPTH)
        return fail(
          i,
          `嵌套超过 ${MAX_JSON_DEPTH} 层，这不是此类文件的内容`,
          `nested deeper than ${MAX_JSON_DEPTH} levels; no such file nests so`,
        );
      const frame: Frame =
        c === "{"
          ? { kind: "object", value: {}, at: i, keys: new Map(), path }
          : { kind: "array", value: [], at: i, path };
      stack.push(frame);
      i++;
      return { value: frame.value, open: true };
    }
    if (c === '"') return readString();
    NUMBER.lastIndex = i;
    const number = c === "-" || (c >= "0" && c <= "9") ? NUMBER.exec(text)?.[0] : undefined;
    NUMBERISH.lastIndex = i;
    const numberish = NUMBERISH.exec(text)?.[0] ?? "";
    // 6OO, 1O.5, 12abc: a number run on into letters (O for 0, l for 1) is no number and no word
    NUMBER_TAIL.lastIndex = i + (number?.length ?? 0);
    const tail = number === undefined ? undefined : NUMBER_TAIL.exec(text)?.[0];
    if (number !== undefined && tail !== undefined)
      return fail(
        i,
        `“${clip(number + tail)}”不是数字：数字只能由 0–9、小数点 .、负号 - 和指数 e 写成（字母 O、l 不是 0、1）`,
        `"${clip(number + tail)}" is no number: a number is written with 0-9, a point, a minus and an exponent e (the letters O and l are not 0 and 1)`,
      );
    if (number !== undefined && number.length === numberish.length) {
      const value = Number(number);
      if (!Number.isFinite(value))
        return fail(
          i,
          `数字 ${clip(number)} 太大，超出可以计算的范围`,
          `the number ${clip(number)} is too large to compute with`,
        );
      i += number.length;
      return { value };
    }
    if (numberish !== "" && /[0-9０-９]/u.test(numberish) && !/[０-９]/u.test(numberish))
      return fail(
        i,
        `数字 ${clip(numberish)} 的写法 JSON 不认（不能以 + 或 . 开头、以 . 结尾，整数不能以 0 开头）；请写成如 12、0.5、-3`,
        `JSON does not read the number ${clip(numberish)} (no leading + or ., no trailing ., no leading 0); write it as 12, 0.5 or -3`,
      );
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const)
      if (text.startsWith(word, i) && !/[\w$]/u.test(text[i + word.length] ?? "")) {
        i += word.length;
        return { value };
      }
    return unexpected({
      zh: "一个值（数字、带英文双引号的文字、{ 或 [）",
      en: "a value (a number, text in double quotes, { or [)",
    });
  };

  skip();
  if (i >= n) return fail(0, "文件是空的", "the file is empty");
  let read = readValue();
  for (;;) {
    if ("ok" in read) return read;
    if (!read.open) {
      // a finished value: put it in its container, then find what follows
      const top = stack[stack.length - 1];
      if (top === undefined) {
        skip();
        if (i < n)
          return unexpected({
            zh: "文件结尾（值已写完）",
            en: "the end of the file (the value is complete)",
          });
        return { ok: true, value: read.value };
      }
      if (top.kind === "array") (top.value as unknown[]).push(read.value);
      else if (top.key === "__proto__")
        // an own field, as JSON.parse makes it: an assignment would set the object's prototype
        Object.defineProperty(top.value, top.key, {
          value: read.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else (top.value as Record<string, unknown>)[top.key as string] = read.value;
    }
    // in a container: after an item (or just opened), what comes next
    const top = stack[stack.length - 1];
    const fresh = read.open === true;
    skip();
    const close = top.kind === "object" ? "}" : "]";
    if (text[i] === close) {
      i++;
      stack.pop();
      path = top.path;
      read = { value: top.value };
      continue;
    }
    if (!fresh) {
      if (text[i] !== ",") return unexpected({ zh: `逗号“,”或“${close}”`, en: `a comma "," or "${close}"` });
      i++;
      skip();
      if (text[i] === close) {
        i--;
        while (i > 0 && text[i] !== ",") i--;
        return fail(
          i,
          "最后一项之后多了一个逗号；请删去这个逗号",
          "a comma after the last item; delete this comma",
        );
      }
    }
    if (top.kind === "array") {
      path = `${top.path}[${(top.value as unknown[]).length}]`;
    } else {
      if (text[i] !== '"') return unexpected({ zh: "带英文双引号的键", en: "a key in double quotes" });
      const keyAt = i;
      path = top.path;
      const key = readString();
      if ("ok" in key) return key;
      path = top.path === "" ? clip(key.value) : `${top.path}.${clip(key.value)}`;
      const earlier = top.keys?.get(key.value);
      if (earlier !== undefined) {
        const e = place(earlier);
        return fail(
          keyAt,
          `“${clip(key.value)}”在同一处写了两次（第 ${e.line} 行第 ${e.column} 列已有）；请只留一个`,
          `"${clip(key.value)}" is written twice in the same object (also at line ${e.line}, column ${e.column}); keep one`,
        );
      }
      top.keys?.set(key.value, keyAt);
      top.key = key.value;
      skip();
      if (text[i] !== ":") return unexpected({ zh: "冒号“:”", en: 'a colon ":"' });
      i++;
    }
    skip();
    if (i < n && (text[i] === close || text[i] === ","))
      return fail(i, "这里缺少一个值", "a value is missing here");
    read = readValue();
  }
}

/**
 * A hand-written file's text read as `parseHandJson` reads it, after the byte-order mark Notepad puts first: the
 * value, or the fault at its line and column: 第 3 行第 5 列（edits[2].count）：… / line 3, column 5 (…): …. Every loader of a person's JSON reads it so (the command line,
 * the web app, recipes and profiles given as text), so that each says the same fault alike.
 */
export function readHandJson(
  text: string,
  root = "",
): { ok: true; value: unknown } | { ok: false; message: Bilingual } {
  const parsed = parseHandJson(text.replace(/^\uFEFF/u, ""), root);
  if (parsed.ok) return parsed;
  const { line, column, path, message } = parsed;
  return {
    ok: false,
    message: {
      zh: `第 ${line} 行第 ${column} 列${path === "" ? "" : `（${path}）`}：${message.zh}`,
      en: `line ${line}, column ${column}${path === "" ? "" : ` (${path})`}: ${message.en}`,
    },
  };
}

/** A piece of the text as a message quotes it: at most 40 characters (a 10 MB "number" is not echoed). */
function clip(piece: string): string {
  return piece.length > 40 ? `${piece.slice(0, 40)}…` : piece;
}

function nextNonSpace(text: string, from: number): number {
  let k = from;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    k++;
  }
  return k;
}
