import fc from "fast-check";
import { SCHOOL_TYPES, type Locale, type SchoolRecord, type SchoolType } from "../../src/engine/records";
import { readSchoolTable } from "../../src/sheet/read";
import {
  LOCALE_CHOICES,
  SCHOOL_TYPE_CHOICES,
  recordsToRows,
  templateHeaderOf,
  templateHeaderRow,
  templateHeaderUnit,
} from "../../src/sheet/template";
import { ENROLMENT_LEVELS, isCombinedSchool, parseLocale } from "../../src/sheet/vocabulary";
import { TEMPLATE_COLUMNS, templateHeader } from "../../src/standard/columns";
import { matchHeader, parseSchoolType } from "../../src/sheet/read";
import type { Grid } from "../../src/sheet/grid";
import { JUNIOR, NINE_YEAR, PRIMARY, TEACHING_POINT, errors, templateGrid } from "./helpers";

const withoutSource = (records: readonly SchoolRecord[]) =>
  records.map(({ source: _source, ...rest }) => rest);

function gridOf(records: readonly SchoolRecord[], unit: "万元" | "元" = "万元"): Grid {
  return { sheet: "学校", topLeft: "A1", values: [templateHeaderRow(unit), ...recordsToRows(records, unit)] };
}

describe("the template's header and drop-downs (docs/school-table.md#headers)", () => {
  it("has one header per template column, with its unit, in order, that the reader matches back", () => {
    const header = templateHeaderRow();
    expect(header).toHaveLength(TEMPLATE_COLUMNS.length);
    expect(header[0]).toBe("学校名称");
    expect(header).toContain("教学及辅助用房面积（㎡）");
    expect(header).toContain("教学仪器设备值（万元）");
    expect(header).toContain("网络多媒体教室数（间）");
    expect(header.map(matchHeader)).toEqual(TEMPLATE_COLUMNS.map((c) => c.id));
    expect(header).toEqual(TEMPLATE_COLUMNS.map(templateHeader));
  });

  it("says 元 in the equipment header when the rows are in 元", () => {
    expect(templateHeaderRow("元")).toContain("教学仪器设备值（元）");
  });

  it("knows its own header row, to the letter, and the equipment unit it states", () => {
    expect(templateHeaderUnit(templateHeaderRow("万元"))).toBe("万元");
    expect(templateHeaderUnit(templateHeaderRow("元"))).toBe("元");
    expect(templateHeaderOf("元")).toEqual(templateHeaderRow("元"));
    const other = templateHeaderRow();
    other[4] = "小学学生数";
    expect(templateHeaderUnit(other)).toBeUndefined();
    expect(templateHeaderUnit(templateHeaderRow().slice(0, 26))).toBeUndefined();
    expect(templateHeaderUnit([...templateHeaderRow(), "备注"])).toBeUndefined();
    expect(templateHeaderUnit(templateHeaderRow().map((h) => ` ${h}`))).toBeUndefined();
  });

  it("offers the eight school types and the three locales, each read back as itself", () => {
    expect(SCHOOL_TYPE_CHOICES).toEqual([
      "小学",
      "初中",
      "九年一贯制学校",
      "十二年一贯制学校",
      "完全中学",
      "教学点",
      "特殊教育学校",
      "职业学校",
    ]);
    expect(SCHOOL_TYPE_CHOICES.map(parseSchoolType)).toEqual([...SCHOOL_TYPES]);
    expect(LOCALE_CHOICES).toEqual(["城区", "镇区", "乡村"]);
    expect(LOCALE_CHOICES.map(parseLocale)).toEqual(["urban", "town", "rural"]);
  });
});

describe("recordsToRows: the inverse of the reader", () => {
  const read = readSchoolTable(templateGrid([PRIMARY, JUNIOR, NINE_YEAR, TEACHING_POINT]));

  it("writes equipment in 万元 (records hold 元) and leaves blank what a school does not have", () => {
    const [row] = recordsToRows(read.records.slice(0, 1));
    const at = (id: string) => row[TEMPLATE_COLUMNS.findIndex((c) => c.id === id)];
    expect(at("name")).toBe("城关第一小学");
    expect(at("type")).toBe("小学");
    expect(at("locale")).toBe("城区");
    expect(at("equipmentValue")).toBe(150);
    expect(at("primaryStudents")).toBe(600);
    expect(at("juniorStudents")).toBeNull();
    expect(at("juniorQualifiedTeachers")).toBeNull();
    expect(at("musicRooms")).toBeNull();
    expect(
      recordsToRows(read.records.slice(0, 1), "元")[0][
        TEMPLATE_COLUMNS.findIndex((c) => c.id === "equipmentValue")
      ],
    ).toBe(1_500_000);
  });

  it.each(["万元", "元"] as const)("gives back the same records through the reader (%s)", (unit) => {
    const again = readSchoolTable(gridOf(read.records, unit));
    expect(again.problems).toEqual([]);
    expect(withoutSource(again.records)).toEqual(withoutSource(read.records));
  });
});

// ─── round trip, for any valid records ───────────────────────────────────────────────────────────────────────

const PLACES = [
  "乌兰浩特",
  "阿尔山",
  "突泉",
  "扎赉特",
  "科右前旗",
  "科右中旗",
  "索伦",
  "白狼",
  "Horqin",
  "Ulan",
];

const count = (max: number) => fc.integer({ min: 0, max });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const compact = <T extends Record<string, unknown>>(value: T): T | undefined => {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
};

function schoolArb(index: number): fc.Arbitrary<SchoolRecord> {
  return fc
    .record({
      place: fc.constantFrom(...PLACES),
      type: fc.constantFrom<SchoolType>(...SCHOOL_TYPES),
      locale: optional(fc.constantFrom<Locale>("urban", "town", "rural")),
      parent: optional(fc.constantFrom(...PLACES.map((p) => `${p}中心校`))),
      students: fc.record({ primary: count(3000), junior: count(3000), senior: count(3000) }),
      teachers: fc.record({
        primary: fc.record({
          qualifiedTeachers: count(200),
          keyTeachers: count(60),
          peArtTeachers: count(40),
        }),
        junior: fc.record({
          qualifiedTeachers: count(200),
          keyTeachers: count(60),
          peArtTeachers: count(40),
        }),
      }),
      facilities: fc.record({
        // areas to 0.1 m², equipment to the fen: what the statistics carry
        teachingArea: fc.integer({ min: 0, max: 400_000 }).map((n) => n / 10),
        sportsArea: fc.integer({ min: 0, max: 800_000 }).map((n) => n / 10),
        equipmentValue: fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 100),
        multimediaRooms: count(120),
      }),
      classes: fc.record({ primary: optional(count(60)), junior: optional(count(60)) }),
      rooms: fc.record({
        music: optional(count(6)),
        art: optional(count(6)),
        smallestMusic: optional(fc.integer({ min: 0, max: 2000 }).map((n) => n / 10)),
        smallestArt: optional(fc.integer({ min: 0, max: 2000 }).map((n) => n / 10)),
      }),
      largestClass: fc.record({
        primary: optional(count(80)),
        junior: optional(count(80)),
        grade1: optional(count(80)),
        grade7: optional(count(80)),
      }),
    })
    .map((g) => {
      // enrolment only where the type has it; a combined school has each of its sections
      const allowed = ENROLMENT_LEVELS[g.type];
      const students = { primary: 0, junior: 0, senior: 0 };
      for (const level of allowed) students[level] = g.students[level];
      if (isCombinedSchool(g.type)) {
        if (g.type !== "complete") students.primary = Math.max(1, students.primary);
        students.junior = Math.max(1, students.junior);
      }
      const record: SchoolRecord = {
        name: `${g.place}${index + 1}号学校`,
        type: g.type,
        students,
        teachers: g.teachers,
        facilities: g.facilities,
      };
      if (g.locale) record.locale = g.locale;
      if (g.parent) record.parent = g.parent;
      const classes = compact(g.classes);
      if (classes) record.classes = classes;
      const rooms = compact(g.rooms);
      if (rooms) record.rooms = rooms;
      const largestClass = compact(g.largestClass);
      if (largestClass) record.largestClass = largestClass;
      return record;
    });
}

const countyArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => schoolArb(i))));

describe("round trip: records → rows → readSchoolTable → the same records", () => {
  it.each(["万元", "元"] as const)("holds for any valid county (%s)", (unit) => {
    fc.assert(
      fc.property(countyArb, (records) => {
        const result = readSchoolTable(gridOf(records, unit));
        expect(errors(result.problems)).toEqual([]);
        expect(result.equipmentUnit).toBe(unit);
        expect(result.rows).toEqual(records.map((_, i) => i + 1));
        expect(withoutSource(result.records)).toEqual(records);
      }),
      { numRuns: 200 },
    );
  });
});
