/**
 * Where a wrapped heading breaks onto its lines (src/report/textFit.ts): at the places a person breaks it, never
 * leaving a closing bracket or punctuation alone at the start of a line; and on every sheet of the reports, each
 * short text that wraps holds its breaks.
 */
import { breakLines, displayWidth, wrappedLines } from "../../src/report/textFit";

/** Lines that start with a closing bracket or punctuation, or end with an opening bracket. */
const badLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => /^[)）」』】》，。、；：！？%]/u.test(line) || /[（(「『【《]$/u.test(line));

describe("breakLines", () => {
  test("a header breaks before its opening bracket, not before the closing one", () => {
    expect(breakLines("纳入计算学校（校区）数", 16, 10)).toBe("纳入计算学校\n（校区）数");
    expect(breakLines("在校生数（人）", 9, 10)).toBe("在校生数\n（人）");
  });

  test("a unit in brackets stays whole on its line", () => {
    const text = "每百名学生拥有网络多媒体教室数（间/百生）";
    for (const width of [8, 10, 14, 20, 30]) {
      const broken = breakLines(text, width, 10);
      expect(broken.replace(/\n/g, "")).toBe(text);
      expect(badLines(broken)).toEqual([]);
      for (const line of broken.split("\n"))
        // within the estimate's room, rounded up to a whole Chinese character
        expect(displayWidth(line)).toBeLessThanOrEqual(Math.ceil(((width - 1) * 1.1) / 2) * 2);
    }
  });

  test("a unit in brackets wider than a narrow column keeps its line, not a lone bracket", () => {
    const broken = breakLines("网络多媒体教室数（间）", 6, 10);
    expect(broken.split("\n").pop()).toBe("（间）");
    expect(badLines(broken)).toEqual([]);
  });

  test("a text left to the spreadsheet to wrap takes the lines its unbreakable runs leave it", () => {
    // a figure in quotes and brackets goes whole onto the next line, as LibreOffice and Excel set it:
    // 无法识别 / （“=0.5+14”）；未提 / 供 in an 18-character column of 10-point text
    expect(wrappedLines("无法识别（“=0.5+14”）；未提供", 18, 10)).toBe(3);
    // a word longer than the line is broken where it must be, and text that fits stays on one line
    expect(wrappedLines("x".repeat(60), 10, 11)).toBe(Math.ceil(60 / 9));
    expect(wrappedLines("无法识别", 18, 10)).toBe(1);
  });

  test("Chinese text without a figure is counted evenly: it breaks between any two characters", () => {
    // 11 characters, 22 wide, in a 6-character column of 11-point text (room for 5 by the generous estimate):
    // 5 lines, as the school table's headers fill their rows in LibreOffice; setting each character whole on
    // lines of 5 would count 6 and leave the header a line of blank paper
    expect(wrappedLines("小学高于规定学历教师数", 6, 11)).toBe(5);
  });

  test("words and figures are not split; a space at a break is dropped", () => {
    const broken = breakLines("Sections below 85 % of the standard", 12, 10);
    expect(broken.split("\n")).toEqual(["Sections", "below 85 % of", "the standard"]);
  });

  test("text that fits is left as it is, and so is one no breaks can fit", () => {
    expect(breakLines("学段", 8, 10)).toBe("学段");
    expect(breakLines("Coefficients", 5, 10)).toBe("Coefficients");
  });

  test("on as few lines as the estimate of its height counts", () => {
    for (const text of [
      "低于标准的学校（校区）数",
      "差异系数超限旗县市数",
      "小学（初中）每百名学生拥有县级以上骨干教师数",
    ]) {
      for (const width of [9, 10, 12, 16]) {
        const broken = breakLines(text, width, 10);
        expect(wrappedLines(broken, width, 10)).toBe(broken.split("\n").length);
        expect(broken.split("\n").length).toBeLessThanOrEqual(wrappedLines(text, width, 10) + 1);
        expect(badLines(broken)).toEqual([]);
      }
    }
  });
});
