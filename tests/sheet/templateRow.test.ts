import fc from "fast-check";
import { SCHOOL_TYPES, type SchoolType } from "../../src/engine/records";
import type { CellValue } from "../../src/sheet/grid";
import { readSchoolRecords, readTemplateRow } from "../../src/sheet/read";
import { SCHOOL_TYPE_CHOICES, templateHeaderRow } from "../../src/sheet/template";
import { ENROLMENT_LEVELS, type EnrolmentLevel } from "../../src/sheet/vocabulary";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import { PRIMARY_PASS } from "../functions/rows";

type Unit = "万元" | "元";

/** The reader on the same row: the second row of a grid at A1 under the template's header in `unit`. */
function readByTable(row: CellValue[], sheet: string, unit: Unit, profile: Profile) {
  return readSchoolRecords(
    { sheet, topLeft: "A1", values: [templateHeaderRow(unit), row] },
    { profile, headerRow: 0 },
  );
}

const PROFILES: Profile[] = [
  NATIONAL_2017,
  { ...NATIONAL_2017, equipmentDefaultUnit: "元" },
  // special-education and vocational schools evaluated: their teachers and facilities become required
  {
    ...NATIONAL_2017,
    exclusions: { ...NATIONAL_2017.exclusions, specialEducation: false, vocational: false },
  },
];

const COLUMN_IDS = TEMPLATE_COLUMNS.map((c) => c.id);
const KIND = new Map(TEMPLATE_COLUMNS.map((c) => [c.id, c.kind]));

/** Spellings of every school type: the template's names, short forms, English, full-width and spaced ones. */
const TYPE_SPELLINGS: Record<SchoolType, string[]> = {
  primary: ["小学", "完小", "Primary school", "ｐｒｉｍａｒｙ", " 小 学 "],
  junior: ["初中", "初级中学", "独立初中", "Junior"],
  nineYear: ["九年一贯制学校", "九年一贯制", "九年制", "Nine-year school"],
  twelveYear: ["十二年一贯制学校", "十二年一贯制", "twelve-year"],
  complete: ["完全中学", "完中"],
  teachingPoint: ["教学点", "Teaching point"],
  special: ["特殊教育学校", "特教", "特校"],
  vocational: ["职业学校", "职高", "中等职业学校"],
};

const names = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map((i) => `第${i}小学`),
  fc.constantFrom("ABC School", "ＡＢＣ学校", " 红旗小学 ", "学校\n二部", "学校\u200b一", "No.5 中学"),
);
/** Cells a number column may hold: plain numbers most often, then everything the reader looks at twice. */
const figureCell = (kind: string): fc.Arbitrary<CellValue> => {
  const whole = kind === "count" || kind === "rooms";
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 3000 }) },
    {
      weight: 2,
      arbitrary: whole ? fc.integer({ min: 0, max: 60 }) : fc.double({ min: 0, max: 5000, noNaN: true }),
    },
    { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, undefined, "", " ", "-", "—", "/") },
    {
      weight: 2,
      arbitrary: fc.constantFrom<CellValue>(
        "1,234",
        "１２３",
        " 45 ",
        "1，234",
        "12.5",
        "-0",
        -0,
        3.0000000001,
        7e-10,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<CellValue>(
        -1,
        -0.5,
        2.5,
        0.3,
        NaN,
        Infinity,
        "abc",
        "十",
        true,
        false,
        new Date(2024, 0, 1),
        { error: "#N/A" },
        "#DIV/0!",
        1e400,
      ),
    },
  );
};
const textCell = (words: fc.Arbitrary<CellValue>): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { weight: 8, arbitrary: words },
    {
      weight: 1,
      arbitrary: fc.constantFrom<CellValue>(
        null,
        "",
        " ",
        12,
        true,
        { error: "#REF!" },
        "#VALUE!",
        new Date(0),
      ),
    },
  );
const nameCell = textCell(
  fc.oneof(
    { weight: 6, arbitrary: names },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "合计",
        "小计",
        "城区小计",
        "总 计",
        "Total",
        "甲",
        "栏次",
        "（甲）",
        "注：",
      ),
    },
  ),
);
const typeCell = textCell(
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...Object.values(TYPE_SPELLINGS).flat()) },
    { weight: 1, arbitrary: fc.constantFrom("幼儿园", "高中", "（小学）") },
  ),
);
const localeCell = fc.oneof(
  fc.constant(null),
  textCell(fc.constantFrom("城区", "镇区", "乡村", "农村", "Rural", "牧区")),
);
/** 所属学校: blank most often, another school, or "SELF" for the row's own name (spelt another way). */
const parentCell = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: textCell(fc.constantFrom("中心小学", "SELF")) },
);

/** A school of the given type as the template holds it: figures where the type has students, blanks elsewhere. */
function plausibleSchool(type: SchoolType): fc.Arbitrary<Record<string, CellValue>> {
  const levels = ENROLMENT_LEVELS[type];
  const has = (level: EnrolmentLevel) => levels.includes(level);
  const count = (min: number, max: number) => fc.integer({ min, max });
  const area = fc.oneof(fc.integer({ min: 0, max: 20000 }), fc.double({ min: 0, max: 20000, noNaN: true }));
  const section = (level: "primary" | "junior") =>
    has(level)
      ? {
          [`${level}Students`]: count(1, 2500),
          [`${level}QualifiedTeachers`]: count(0, 150),
          [`${level}KeyTeachers`]: count(0, 40),
          [`${level}PeArtTeachers`]: count(0, 30),
          [`${level}Classes`]: fc.option(count(1, 60), { nil: null }),
          [`${level}LargestClass`]: fc.option(count(20, 70), { nil: null }),
        }
      : {};
  return fc.record({
    name: names,
    type: fc.constantFrom(...TYPE_SPELLINGS[type]),
    locale: fc.constantFrom(null, "城区", "镇区", "乡村"),
    parent: type === "teachingPoint" ? fc.constantFrom(null, "中心小学") : fc.constant(null),
    ...section("primary"),
    ...section("junior"),
    seniorStudents: has("senior") ? fc.option(count(0, 2000), { nil: null }) : fc.constant(null),
    teachingArea: area,
    sportsArea: area,
    equipmentValue: fc.oneof(count(0, 3000), fc.double({ min: 0, max: 3000, noNaN: true })),
    multimediaRooms: count(0, 80),
    musicRooms: fc.option(count(0, 6), { nil: null }),
    artRooms: fc.option(count(0, 6), { nil: null }),
    smallestMusicRoom: fc.option(area, { nil: null }),
    smallestArtRoom: fc.option(area, { nil: null }),
    grade1LargestClass: fc.option(count(20, 70), { nil: null }),
    grade7LargestClass: fc.option(count(20, 70), { nil: null }),
  });
}

const schoolArb = fc.constantFrom(...SCHOOL_TYPES).chain(plausibleSchool);
const toRow = (school: Record<string, CellValue>): CellValue[] =>
  COLUMN_IDS.map((id) => (school[id] === "SELF" ? ` ${String(school.name)} ` : (school[id] ?? null)));

/** Any cell of a column, of the kinds the reader meets there. */
function cellOf(id: string): fc.Arbitrary<CellValue> {
  if (id === "name") return nameCell;
  if (id === "type") return typeCell;
  if (id === "locale") return localeCell;
  if (id === "parent") return parentCell;
  return figureCell(KIND.get(id) as string);
}
/** A plausible school with a few of its cells changed to anything a column may hold. */
const changedRowArb = fc
  .tuple(
    schoolArb,
    fc.array(
      fc.nat({ max: COLUMN_IDS.length - 1 }).chain((c) => cellOf(COLUMN_IDS[c]).map((v) => [c, v] as const)),
      { maxLength: 4 },
    ),
    fc.oneof({ weight: 6, arbitrary: fc.constant(COLUMN_IDS.length) }, fc.nat({ max: COLUMN_IDS.length })),
  )
  .map(([school, changes, width]) => {
    const row = toRow(school);
    for (const [c, v] of changes) row[c] = v === "SELF" ? ` ${String(school.name)} ` : v;
    return row.slice(0, width);
  });
/** A row of blanks, or of anything at all, column by column. */
const wildRowArb = fc.oneof(
  fc.constant<CellValue[]>(COLUMN_IDS.map(() => null)),
  fc.tuple(...COLUMN_IDS.map(cellOf)),
);

const settings = fc.record({
  sheet: fc.constantFrom("学校", "My sheet", "Sheet1"),
  unit: fc.constantFrom<Unit>("万元", "元"),
  profile: fc.constantFrom(...PROFILES),
});

describe("readTemplateRow: a template row of plain cells, read as the reader reads it", () => {
  it("answers only where the reader finds no error, with the reader's own record", () => {
    let answered = 0;
    let deferred = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: changedRowArb }, wildRowArb), settings, (row, s) => {
        const lean = readTemplateRow(row, { sheet: s.sheet, equipmentUnit: s.unit, profile: s.profile });
        const read = readByTable(row, s.sheet, s.unit, s.profile);
        if (lean === undefined) {
          deferred++;
          return;
        }
        answered++;
        expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(read.records).toHaveLength(1);
        expect(lean).toStrictEqual(read.records[0]);
      }),
      { numRuns: 3000 },
    );
    // both branches taken often: the property says something of each
    expect(answered).toBeGreaterThan(300);
    expect(deferred).toBeGreaterThan(300);
  });

  it("answers for every plausible school of every type, spelt any way, as the reader does", () => {
    // every type by each of the template's names at least
    expect(SCHOOL_TYPE_CHOICES.every((zh) => Object.values(TYPE_SPELLINGS).flat().includes(zh))).toBe(true);
    fc.assert(
      fc.property(schoolArb, settings, (school, s) => {
        const row = toRow(school);
        const read = readByTable(row, s.sheet, s.unit, s.profile);
        const lean = readTemplateRow(row, { sheet: s.sheet, equipmentUnit: s.unit, profile: s.profile });
        expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(lean).toStrictEqual(read.records[0]);
      }),
      { numRuns: 1500 },
    );
  });

  it("leaves every row the reader reports an error in to the reader", () => {
    fc.assert(
      fc.property(fc.oneof(changedRowArb, wildRowArb), settings, (row, s) => {
        const read = readByTable(row, s.sheet, s.unit, s.profile);
        fc.pre(read.problems.some((p) => p.severity === "error") || read.records.length !== 1);
        expect(
          readTemplateRow(row, { sheet: s.sheet, equipmentUnit: s.unit, profile: s.profile }),
        ).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });
});

describe("readTemplateRow on rows the reader treats apart", () => {
  const P = NATIONAL_2017;
  const school: Record<string, CellValue> = { ...PRIMARY_PASS, locale: null };
  const lean = (changes: Record<string, CellValue>, profile: Profile = P, unit: Unit = "万元") =>
    readTemplateRow(toRow({ ...school, ...changes }), { sheet: "学校", equipmentUnit: unit, profile });
  const byTable = (changes: Record<string, CellValue>, profile: Profile = P, unit: Unit = "万元") =>
    readByTable(toRow({ ...school, ...changes }), "学校", unit, profile);

  it("reads a plain row: equipment in 万元 turned into 元, the cells named for the record's source", () => {
    const record = lean({ equipmentValue: 12.34 });
    expect(record?.facilities.equipmentValue).toBe(123400);
    expect(record?.source).toMatchObject({
      sheet: "学校",
      row: 2,
      cells: expect.objectContaining({ name: "学校!A2", equipmentValue: "学校!R2" }),
    });
    expect(lean({ equipmentValue: 123400 }, P, "元")?.facilities.equipmentValue).toBe(123400);
  });

  it.each<[string, Record<string, CellValue>]>([
    ["a total row", { name: "合计" }],
    ["a blank name", { name: " " }],
    ["an unknown type", { type: "幼儿园" }],
    ["blank teachers of a section with students", { primaryKeyTeachers: null }],
    ["blank facilities", { sportsArea: "" }],
    ["a fractional count", { primaryQualifiedTeachers: 24.5 }],
    ["a negative number", { teachingArea: -1 }],
    ["text in a number cell", { multimediaRooms: "十三" }],
    ["an Excel error", { equipmentValue: { error: "#N/A" } }],
    ["junior students in a primary school", { juniorStudents: 30 }],
    ["a combined school without junior students", { type: "九年一贯制学校", juniorStudents: 0 }],
  ])("leaves %s to the reader, which reports an error", (_, changes) => {
    expect(lean(changes)).toBeUndefined();
    expect(byTable(changes).problems.some((p) => p.severity === "error")).toBe(true);
  });

  it("reads a school someone named 甲 as the reader does, and a legend row (甲 乙 1 2 3 …) as no school", () => {
    expect(lean({ name: "甲" })?.name).toBe("甲");
    expect(lean({ name: "甲" })).toStrictEqual(byTable({ name: "甲" }).records[0]);
    const legend = toRow(school).map((_, c) => (c === 0 ? "甲" : c === 1 ? "乙" : String(c - 1)));
    expect(readTemplateRow(legend, { sheet: "学校", equipmentUnit: "万元", profile: P })).toBeUndefined();
    expect(readByTable(legend, "学校", "万元", P).records).toEqual([]);
  });

  it("reads an unknown locale as the reader does (ignored, a warning); leaves a school named as its own parent to the reader", () => {
    expect(byTable({ locale: "牧区" }).records[0].locale).toBeUndefined();
    expect(lean({ locale: "牧区" })).toStrictEqual(byTable({ locale: "牧区" }).records[0]);
    expect(lean({ parent: "第一小学 " })).toBeUndefined();
    expect(byTable({ name: "ABC", parent: "abc" }).records[0].parent).toBe("ABC");
  });

  it("answers for rows the reader only warns about, with the reader's record", () => {
    const warned: Record<string, CellValue>[] = [
      { equipmentValue: 1 }, // 20 元 per pupil: implausible for 万元
      { type: "教学点", name: "一村教学点", primaryStudents: 40 }, // a teaching point without its parent
      { primaryLargestClass: 160 },
    ];
    for (const changes of warned) {
      const read = byTable(changes);
      expect(read.problems.map((p) => p.severity)).toContain("warning");
      expect(lean(changes)).toStrictEqual(read.records[0]);
    }
  });

  it("reads a special-education school's blank facilities as 0 where the profile leaves such schools out", () => {
    const special = { type: "特殊教育学校", teachingArea: null, primaryKeyTeachers: null };
    expect(lean(special)?.facilities.teachingArea).toBe(0);
    const evaluated = PROFILES[2];
    expect(lean(special, evaluated)).toBeUndefined();
    expect(byTable(special, evaluated).problems.some((p) => p.severity === "error")).toBe(true);
  });
});
