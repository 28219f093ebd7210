import { COLUMNS, TEMPLATE_COLUMNS, templateHeader } from "../../src/standard/columns";
import { equipmentUnitOf } from "../../src/sheet/headers";
import { matchHeader, parseSchoolType } from "../../src/sheet/read";
import { foldText, parseLocale } from "../../src/sheet/vocabulary";

describe("matchHeader: headers matched tolerantly (docs/school-table.md#headers, issue 2 item 3)", () => {
  it("knows every column by its Chinese name, English name, template header and aliases", () => {
    for (const column of COLUMNS) {
      for (const spelling of [column.zh, column.en, templateHeader(column), ...(column.aliases ?? [])]) {
        expect([spelling, matchHeader(spelling)]).toEqual([spelling, column.id]);
      }
    }
  });

  it.each([
    ["学校名称", "name"],
    ["学 校 名 称", "name"],
    ["学校\n名称", "name"],
    ["学校\r\n名称 ", "name"],
    ["　学校名称　", "name"],
    ["*学校名称", "name"],
    ["学校名称：", "name"],
    ["ＳＣＨＯＯＬ", "name"],
    ["school name", "name"],
    ["PRIMARY STUDENTS", "primaryStudents"],
    ["Primary  students", "primaryStudents"],
    ["小学在校生数（人）", "primaryStudents"],
    ["教学及辅助用房面积（㎡）", "teachingArea"],
    ["教学及辅助用房面积(㎡)", "teachingArea"],
    ["教学及辅助用房面积(m2)", "teachingArea"],
    ["教学及辅助用房面积（平方米）", "teachingArea"],
    ["教学及辅助用房面积/㎡", "teachingArea"],
    ["教学及辅助\n用房面积\n（㎡）", "teachingArea"],
    ["Teaching area (m2)", "teachingArea"],
    ["体育运动场（馆）面积", "sportsArea"],
    ["体育运动场馆面积【㎡】", "sportsArea"],
    ["教学仪器设备值（万元）", "equipmentValue"],
    ["教学仪器设备值(元)", "equipmentValue"],
    ["教学仪器设备值万元", "equipmentValue"],
    ["Equipment value (10k yuan)", "equipmentValue"],
    ["网络多媒体教室数（间）", "multimediaRooms"],
    ["网络多媒体教室数(间)", "multimediaRooms"],
    ["Multimedia rooms", "multimediaRooms"],
    ["小学教学及辅助用房面积（㎡）", "primaryTeachingArea"],
    ["室内体育用房面积(m2)", "indoorSportsArea"],
    ["一年级最大班额", "grade1LargestClass"],
  ])("%j → %s", (header, id) => {
    expect(matchHeader(header)).toBe(id);
  });

  it.each(["", "   ", "序号", "备注", "小学", "在校生数", "教学", "学校名称 备注", "Students"])(
    "%j names no column",
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );

  it("gives every template column a header of its own", () => {
    const ids = TEMPLATE_COLUMNS.map((c) => matchHeader(templateHeader(c)));
    expect(new Set(ids).size).toBe(TEMPLATE_COLUMNS.length);
  });

  it("takes the equipment unit from the header", () => {
    expect(equipmentUnitOf("教学仪器设备值（万元）")).toBe("万元");
    expect(equipmentUnitOf("教学仪器设备值（元）")).toBe("元");
    expect(equipmentUnitOf("教学仪器设备值(元)")).toBe("元");
    expect(equipmentUnitOf("Equipment value (10k yuan)")).toBe("万元");
    expect(equipmentUnitOf("Equipment value (yuan)")).toBe("元");
    expect(equipmentUnitOf("教学仪器设备值")).toBeNull();
    expect(equipmentUnitOf("Equipment value")).toBeNull();
    expect(equipmentUnitOf("教学仪器设备值（千元）")).toBe("other");
    expect(equipmentUnitOf("教学仪器设备值（百万元）")).toBe("other");
  });
});

describe("parseSchoolType: the types of docs/school-table.md#types and their short forms", () => {
  it.each([
    ["小学", "primary"],
    ["完全小学", "primary"],
    ["初中", "junior"],
    ["初级中学", "junior"],
    ["九年一贯制学校", "nineYear"],
    ["九年一贯制", "nineYear"],
    ["十二年一贯制学校", "twelveYear"],
    ["十二年一贯制", "twelveYear"],
    ["完全中学", "complete"],
    ["完中", "complete"],
    ["教学点", "teachingPoint"],
    ["特殊教育学校", "special"],
    ["特殊教育", "special"],
    ["特教", "special"],
    ["职业学校", "vocational"],
    ["职校", "vocational"],
    ["职业高中", "vocational"],
    [" 九年 一贯制 ", "nineYear"],
    ["Nine-year school", "nineYear"],
    ["Primary school", "primary"],
    ["Special-education school", "special"],
  ])("%j → %s", (text, type) => {
    expect(parseSchoolType(text)).toBe(type);
  });

  it.each(["", "幼儿园", "高中", "大学", "小学教学点 "])("%j is no school type of the standard", (text) => {
    expect(parseSchoolType(text)).toBeNull();
  });
});

describe("parseLocale: 城乡类型", () => {
  it.each([
    ["城区", "urban"],
    ["城市", "urban"],
    ["主城区", "urban"],
    ["镇区", "town"],
    ["县镇", "town"],
    ["镇中心区", "town"],
    ["乡村", "rural"],
    ["农村", "rural"],
    ["村庄", "rural"],
    ["Rural", "rural"],
  ])("%j → %s", (text, locale) => {
    expect(parseLocale(text)).toBe(locale);
  });

  it("knows no other", () => {
    expect(parseLocale("牧区")).toBeNull();
    expect(parseLocale("城镇")).toBeNull();
  });
});

describe("parseLocale: the statistics' urban–rural codes, as an export's 城乡分类 gives them", () => {
  it.each([
    ["111", "urban"],
    ["112", "urban"],
    ["121", "town"],
    ["122", "town"],
    ["123", "town"],
    ["210", "rural"],
    ["220", "rural"],
    ["111主城区", "urban"],
    ["122 镇乡结合区", "town"],
    ["村庄（220）", "rural"],
    ["乡中心区(210)", "rural"],
    ["２２０", "rural"],
  ])("%j → %s", (text, locale) => {
    expect(parseLocale(text)).toBe(locale);
  });

  it("reads a name beside a code only where the two agree, and no code the statistics do not use", () => {
    expect(parseLocale("111主城区")).toBe("urban");
    expect(parseLocale("111村庄")).toBeNull();
    expect(parseLocale("220(111)")).toBeNull();
    expect(parseLocale("113")).toBeNull();
    expect(parseLocale("200")).toBeNull();
    expect(parseLocale("111220")).toBeNull();
  });
});

describe("foldText: text as a person may have typed it", () => {
  it.each([
    ["第一小学", "第一小学"],
    ["No.5中学", "no.5中学"],
    ["ABC School", "abcschool"],
    ["ＡＢＣ学校", "abc学校"],
    [" 红旗\n小学 ", "红旗小学"],
    ["学校\u200b一", "学校一"],
    ["Ⅲ号", "iii号"],
  ])("%j → %j", (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
