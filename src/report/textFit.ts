/**
 * How much room a cell's text takes on paper, and where it breaks onto lines: widths counted as 宋体 counts them
 * (a Chinese character as wide as two digits), and line breaks set at the places a person breaks a heading —
 * before an opening bracket, after a closing one or a mark of punctuation, between two words — never leaving a
 * closing bracket or a mark of punctuation alone at the start of a line, nor an opening bracket at the end of one.
 */

/** Display width in characters: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

/** Line height in points for a font size, with the leading Chinese faces need. */
function lineHeight(size: number): number {
  return Math.ceil(size * 1.45 + 1);
}

/** The characters of one line in a column `width` characters wide, at a font size (on the generous side). */
function capacityOf(width: number, size: number): number {
  // characters of the column width are those of an 11-point face; smaller text fits more
  return Math.max(1, (width - 1) * (11 / size));
}

/**
 * The room of a line the report breaks itself: the estimate's characters, rounded up to a whole Chinese
 * character (the estimate is on the generous side by one, and a line breaks between whole characters).
 */
function lineRoom(width: number, size: number): number {
  const capacity = capacityOf(width, size);
  return Math.max(capacity, Math.ceil(capacity / 2) * 2);
}

/**
 * Lines a text wraps onto in a column `width` characters wide, at a font size (an estimate on the generous
 * side); a line break the text holds starts a line.
 */
export function wrappedLines(text: string, width: number, size: number): number {
  // the lines of a text broken by `breakLines` each take one line of the column
  if (text.includes("\n")) {
    const room = lineRoom(width, size);
    return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
  }
  const capacity = capacityOf(width, size);
  const even = Math.ceil(displayWidth(text) / capacity);
  // Chinese text breaks between any two characters, and the even estimate fits it (the school table's headers
  // fill their rows exactly in LibreOffice); a figure, a formula or a Latin word is set whole, so a text holding
  // one is set run by run, which leaves room empty at the ends of lines
  return /[0-9A-Za-z]/.test(text) ? Math.max(even, linesBetweenRuns(text, capacity)) : even;
}

/**
 * The lines a spreadsheet sets a text on, filling each line and breaking only where a line may break: a word or a
 * figure, and a bracket or a mark with what it holds to (“=0.5+14”）；), goes whole onto the next line when it
 * does not fit in the room left, which is left empty; a run wider than a line is broken wherever it must be.
 */
function linesBetweenRuns(text: string, capacity: number): number {
  const runs: number[] = [];
  let previous = "";
  for (const piece of piecesOf(text)) {
    const w = displayWidth(piece);
    if (
      runs.length > 0 &&
      !/\s/.test(piece) &&
      !/\s/.test(previous) &&
      (NO_START.test(piece) || NO_END.test(previous))
    )
      runs[runs.length - 1] += w;
    else runs.push(w);
    previous = piece;
  }
  let lines = 1;
  let used = 0;
  for (const run of runs) {
    if (used > 0 && used + run > capacity) {
      lines++;
      used = 0;
    }
    const whole = Math.ceil(run / capacity) - 1;
    lines += Math.max(0, whole);
    used += run - Math.max(0, whole) * capacity;
  }
  return lines;
}

/** The height in points of a row whose text wraps onto lines in a column `width` characters wide. */
export function wrappedHeight(text: string, width: number, size: number): number {
  return wrappedLines(text, width, size) * lineHeight(size) + 3;
}

/** Marks no line starts with: closing brackets and quotes, punctuation, a per cent sign. */
const NO_START = /^[)\]}）〕】》〉」』”’，。、；：！？,.;:!?%％…·—～/／]/u;
/** Marks no line ends with: opening brackets and quotes. */
const NO_END = /[([{（〔【《〈「『“‘]$/u;
/** Where a break costs nothing: before an opening bracket, after a closing one or punctuation. */
const GOOD_START = /^[([{（〔【《〈「『“‘]/u;
const GOOD_END = /[)\]}）〕】》〉」』”’，。、；：！？,;:!?]$/u;

/**
 * The pieces a line may break between: a word of Latin letters and digits (85%, 1.00, CV) is whole, a space is a
 * piece of its own, every other character is one.
 */
function piecesOf(text: string): string[] {
  return text.match(/[A-Za-z0-9.,%％·\-+×/⁄≥≤<>=_~'’]+|\s|./gu) ?? [];
}

/**
 * The text with line breaks where it is to wrap in a column `width` characters wide: on as few lines as the
 * column allows, at the best places (see the module's note), lines kept within the column's width. A text that
 * fits on one line, or that no such breaks can fit, is returned as it is.
 */
export function breakLines(text: string, width: number, size: number): string {
  if (text.includes("\n") || wrappedLines(text, width, size) === 1) return text;
  const pieces = piecesOf(text);
  const widths = pieces.map(displayWidth);
  const n = pieces.length;
  // the cost of a break before piece i: Infinity where forbidden
  const breakCost = (i: number): number => {
    const before = pieces[i - 1];
    const after = pieces[i];
    if (/\s/.test(after)) return NO_START.test(pieces[i + 1] ?? "") || NO_END.test(before) ? Infinity : 0;
    if (/\s/.test(before)) return Infinity; // break at the space itself, before it
    if (NO_START.test(after) || NO_END.test(before)) return Infinity;
    if (GOOD_START.test(after) || GOOD_END.test(before)) return 0;
    return 1;
  };
  // a run that cannot be broken ((间), a long word) is given its line even where it is wider than the column's
  // estimate: better a little tight than a lone bracket
  let run = 0;
  let capacity = lineRoom(width, size);
  for (let i = 0; i < n; i++) {
    run = i > 0 && breakCost(i) === Infinity ? run + widths[i] : widths[i];
    capacity = Math.max(capacity, run);
  }
  const lineWidth = (from: number, to: number): number => {
    let w = 0;
    for (let k = from; k < to; k++) w += widths[k];
    // a space where the line breaks is not printed
    if (to < n && /\s/.test(pieces[to - 1] ?? "")) w -= widths[to - 1];
    if (/\s/.test(pieces[from] ?? "")) w -= widths[from];
    return w;
  };
  // least cost of setting pieces[0..i) on lines, the last ending at i: breaks' costs, then unused room; of two
  // settings alike, the one with the longer lines first
  const best: { cost: number; lines: number; from: number }[] = [{ cost: 0, lines: 0, from: -1 }];
  for (let i = 1; i <= n; i++) {
    best[i] = { cost: Infinity, lines: Infinity, from: -1 };
    if (i < n && breakCost(i) === Infinity) continue;
    for (let j = i - 1; j >= 0; j--) {
      const w = lineWidth(j, i);
      if (w > capacity) break;
      if (best[j].cost === Infinity || (j > 0 && breakCost(j) === Infinity)) continue;
      // every line's unused room counts, the last's too: a heading's lines come out even (差异系数 / 达标项)
      const room = (capacity - w) / capacity;
      const lines = best[j].lines + 1;
      const cost = best[j].cost + (j > 0 ? breakCost(j) : 0) + room * room;
      const b = best[i];
      if (lines < b.lines || (lines === b.lines && cost < b.cost)) best[i] = { cost, lines, from: j };
    }
  }
  if (best[n].cost === Infinity) return text;
  const lines: string[] = [];
  for (let i = n; i > 0; i = best[i].from) lines.unshift(pieces.slice(best[i].from, i).join("").trim());
  return lines.join("\n");
}
