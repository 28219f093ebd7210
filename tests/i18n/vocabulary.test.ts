/**
 * One name for one thing in every host. A section — a school at a level, what the standard evaluates — is
 * 学校（校区） wherever it is counted, passes or fails (the league views, `balance`, the workbooks); 学段 is the level
 * itself (小学, 初中), which is named but never counted as schools are. A count of passing sections carries its noun
 * ("8/13 个学校（校区）达标", not "8/13 达标"). Checked over the pane's and web app's catalogue and over the source of
 * the text builders of the command and the workbooks, whose words are written in place.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { MESSAGES } from "../../src/i18n/messages";

/** What a clerk must not read, each with the reason and the word to use instead. */
const BANNED: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /(?:\d|\}|") ?个学段/, why: "a count of 学段 is a count of sections: say 个学校（校区）" },
  {
    pattern: /(?:参评|达标的|低于标准的)学段/,
    why: "sections take part and pass, not levels: say 学校（校区）",
  },
  {
    pattern: /学段的?(?:未达标|低于标准|指标状态)/,
    why: "a section fails or changes status: say 学校（校区）",
  },
  { pattern: /无参评学校(?!（校区）)/, why: "none of the sections of a level: say 无参评学校（校区）" },
  { pattern: /(?:达标|参评)校区|(?:\d|\}) ?个校区|的校区（/, why: "a count of sections: say 学校（校区）" },
  { pattern: /(?:\d|\})\/(?:\d+|\$?\{[^}]*\}) ?达标/, why: "a count that passes names what it counts" },
];

function offences(text: string): string[] {
  return BANNED.filter((b) => b.pattern.test(text)).map((b) => `${b.why}: ${text.trim()}`);
}

/** The source files that build the texts of the command and the workbooks in place (not through the catalogue). */
function builders(): string[] {
  const dirs = ["src/cli", "src/cli/commands", "src/report", "src/sheet"];
  return dirs.flatMap((dir) =>
    readdirSync(join(__dirname, "../..", dir))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(dir, f)),
  );
}

describe("the words for a section", () => {
  it("the catalogue of the pane and the web app counts sections as 学校（校区）, never as 学段", () => {
    const found = Object.entries(MESSAGES.zh).flatMap(([key, text]) =>
      offences(text).map((o) => `${key}: ${o}`),
    );
    expect(found).toEqual([]);
  });

  it("the command's and the workbooks' texts use the same words", () => {
    const found = builders().flatMap((file) =>
      readFileSync(join(__dirname, "../..", file), "utf8")
        .split("\n")
        .flatMap((line, i) => offences(line).map((o) => `${file}:${i + 1}: ${o}`)),
    );
    expect(found).toEqual([]);
  });

  it("the rules catch the texts they were written against", () => {
    for (const text of [
      "{n} 个学段低于标准",
      "{level}：{passing}/{sections} 个学段达标",
      "{level}：无参评学段",
      "未达标的学段",
      "没有学段的指标状态变化。",
      '{ zh: "个学段", en: "sections" }',
      "`${name}：无参评学校（视为达标）`",
      "仍未达标的校区（{n} 个）",
      "`${LEVEL_NAMES[level].zh} ${l.passingSections}/${l.sections} 达标，最大差异系数`",
    ])
      expect(offences(text)).not.toEqual([]);
    // the level itself is 学段; a level passes; 学校（校区） is the word
    for (const text of [
      "学段",
      "派出学段",
      "有小学和初中两个学段：请给出学段",
      "各学段达标学校（校区）数",
      "{level}：{passing}/{sections} 个学校（校区）达标 · {cvPassing}/7 项差异系数达标",
      "不计校数的校区并入隶属学校",
    ])
      expect(offences(text)).toEqual([]);
  });
});
