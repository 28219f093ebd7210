/**
 * An edits file written in Chinese: the kinds by their names (新建学校, 撤并学校 …), levels, school types, locales and
 * resources in the words the school table's reader accepts, each read as its code; the English codes as before.
 */
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { parseEdits } from "../../src/engine/scenario";
import { parseLevel } from "../../src/sheet/recipe/table";

const newSchool = (words: boolean) => ({
  kind: words ? "新建学校" : "openSchool",
  record: {
    name: "新区第一小学",
    type: words ? "九年一贯制" : "nineYear",
    locale: words ? "城区" : "urban",
    students: words ? { 小学: 600, 初中部: 300 } : { primary: 600, junior: 300 },
    teachers: words
      ? { 初中: { qualifiedTeachers: 20, keyTeachers: 5, peArtTeachers: 4 } }
      : { junior: { qualifiedTeachers: 20, keyTeachers: 5, peArtTeachers: 4 } },
    facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 1500000, multimediaRooms: 15 },
  },
});

describe("an edits file in Chinese", () => {
  test("each Chinese name reads as the code an English file writes", () => {
    const chinese = [
      { kind: "设定在校生数", school: "甲", level: "小学", value: 10 },
      { kind: "增减在校生", school: "甲", level: "初中部", value: 10 },
      { kind: "增减设施", school: "甲", resource: "教学用房", amount: 100 },
      { kind: "招聘教师", school: "甲", level: "初级中学", resource: "骨干教师", count: 1 },
      {
        kind: "交流教师",
        from: "甲",
        to: "乙",
        fromLevel: "小学段",
        toLevel: "初中学段",
        resource: "体艺教师",
        count: 2,
      },
      { kind: "撤并学校", school: "甲", into: "乙" },
      newSchool(true),
      { kind: " 撤销学校 ", school: "乙" },
    ];
    const english = [
      { kind: "setStudents", school: "甲", level: "primary", value: 10 },
      { kind: "addStudents", school: "甲", level: "junior", value: 10 },
      { kind: "addFacility", school: "甲", resource: "teachingArea", amount: 100 },
      { kind: "hireTeachers", school: "甲", level: "junior", resource: "keyTeachers", count: 1 },
      {
        kind: "transferTeachers",
        from: "甲",
        to: "乙",
        fromLevel: "primary",
        toLevel: "junior",
        resource: "peArtTeachers",
        count: 2,
      },
      { kind: "mergeSchool", school: "甲", into: "乙" },
      newSchool(false),
      { kind: "closeSchool", school: "乙" },
    ];
    const fromChinese = parseEdits({ edits: chinese }, NATIONAL_2017);
    expect(fromChinese.problems).toEqual([]);
    expect(fromChinese.edits).toEqual(parseEdits(english, NATIONAL_2017).edits);
    expect(fromChinese.edits.map((e) => e.kind)).toEqual(english.map((e) => e.kind));
  });

  test("the levels are the reader's: what it reads as 小学 or 初中 an edit reads so too", () => {
    for (const word of [
      "小学",
      "小学部",
      "小学段",
      "初中",
      "初中段",
      "初中学段",
      "初级中学",
      "初中阶段",
      "ｐｒｉｍａｒｙ",
    ]) {
      const parsed = parseEdits(
        [{ kind: "addStudents", school: "甲", level: word, value: 1 }],
        NATIONAL_2017,
      );
      expect([word, parsed.edits[0]?.kind === "addStudents" ? parsed.edits[0].level : null]).toEqual([
        word,
        parseLevel(word),
      ]);
    }
  });

  test("a word naming no code, or a level outside compulsory education, is refused as written", () => {
    const parsed = parseEdits(
      [
        { kind: "addStudents", school: "甲", level: "高中", value: 1 },
        { kind: "撤消学校", school: "甲" },
        { kind: "招聘教师", school: "甲", level: "小学", resource: "教学用房", count: 1 },
        {
          kind: "新建学校",
          record: { ...newSchool(true).record, students: { 小学: 600, primary: 1 }, teachers: { 高中: {} } },
        },
      ],
      NATIONAL_2017,
    );
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems.map((p) => p.message.zh)).toEqual([
      '第 1 项的学段（edits[0].level）：修改无效（应为以下之一："primary"（小学）、"junior"（初中）；这里是 "高中"）',
      expect.stringMatching(
        /^第 2 项的修改方式（edits\[1\]\.kind）：修改无效（应为以下之一：.*"closeSchool"（撤销学校）；这里是 "撤消学校"）$/,
      ),
      expect.stringMatching(
        /^第 3 项的指标项（edits\[2\]\.resource）：修改无效（应为以下之一：.*；这里是 "教学用房"）$/,
      ),
      // a level written twice is said to be given twice, naming both ways it was written; a level a school's
      // teachers are not counted in is a field refused by name
      "第 4 项的新学校小学在校生数（edits[3].record.students.primary）：同一学段写了两次（“小学”和“primary”），只能写一次",
      "第 4 项（edits[3].record.teachers.高中）：未知字段（拼写有误？）",
    ]);
  });

  test("a level given twice, as its code and as a word, is said to be given twice, not an unknown field", () => {
    const teachers = { qualifiedTeachers: 20, keyTeachers: 5, peArtTeachers: 4 };
    const { record } = newSchool(false);
    const parsed = parseEdits(
      [
        { kind: "openSchool", record: { ...record, students: { primary: 600, junior: 300, 小学部: 5 } } },
        { kind: "openSchool", record: { ...record, teachers: { junior: teachers, 初中: teachers } } },
      ],
      NATIONAL_2017,
    );
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems.map((p) => [p.message.zh, p.message.en])).toEqual([
      [
        "第 1 项的新学校小学在校生数（edits[0].record.students.primary）：同一学段写了两次（“primary”和“小学部”），只能写一次",
        'edit 1 (edits[0].record.students.primary): the same level is given twice ("primary" and "小学部"); give it once',
      ],
      [
        "第 2 项的新学校初中教师（edits[1].record.teachers.junior）：同一学段写了两次（“junior”和“初中”），只能写一次",
        'edit 2 (edits[1].record.teachers.junior): the same level is given twice ("junior" and "初中"); give it once',
      ],
    ]);
  });
});
