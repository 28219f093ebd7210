import {
  columnsNamed,
  foldLabel,
  parsePattern,
  pathFit,
  shownPattern,
} from "../../src/sheet/recipe/patterns";
import { parseLevel } from "../../src/sheet/recipe/table";

const pattern = (text: string) => {
  const p = parsePattern(text);
  if (!p) throw new Error(`no pattern: ${text}`);
  return p;
};

describe("header path patterns (docs/import.md#recipe-format)", () => {
  it("folds the marks statistics forms put before a label, widths, spaces and bracketed units", () => {
    expect(foldLabel("其中：室内体育用房")).toBe(foldLabel("室内体育用房"));
    expect(foldLabel("#按学历分")).toBe("按学历分");
    expect(foldLabel("一、教学及辅助用房")).toBe("教学及辅助用房");
    expect(foldLabel("（1）本 科")).toBe("本科");
    expect(foldLabel("网络多媒体教室（间）")).toBe(foldLabel("网络多媒体教室(间)"));
    // a leading number that is a figure, not an enumeration, stays
    expect(foldLabel("1.5倍")).toBe("1.5倍");
  });

  it("fits a path whose last label the pattern's last level names, other levels in order", () => {
    const p = pattern("专任教师›按学历分›本科");
    expect(pathFit(p, ["专任教师", "按学历分", "本科"])).toBe(0);
    expect(pathFit(p, ["教基1102", "专任教师", "#按学历分", "本 科"])).toBe(1);
    expect(pathFit(p, ["专任教师", "本科"])).toBeNull();
    expect(pathFit(p, ["按学历分", "专任教师", "本科"])).toBeNull();
    expect(pathFit(p, ["专任教师", "按学历分", "本科", "其中：女"])).toBeNull();
    expect(pathFit(pattern("按学历分›本科"), ["专任教师", "按学历分", "本科"])).toBe(1);
  });

  it("takes any of a level's spellings and a unit in brackets on either side", () => {
    const county = pattern("统计三级|县|区县|旗县市区");
    expect(pathFit(county, ["旗县市区"])).toBe(0);
    expect(pathFit(county, ["县"])).toBe(0);
    expect(pathFit(county, ["县级以上骨干教师"])).toBeNull();
    expect(pathFit(pattern("教学仪器设备资产值（万元）"), ["教学仪器设备资产值"])).toBe(0);
    expect(pathFit(pattern("教学仪器设备资产值"), ["教学仪器设备资产值(万元)"])).toBe(0);
    // brackets that are not a unit are part of the label
    expect(pathFit(pattern("县级以上骨干教师"), ["县级以上骨干教师(小学)"])).toBeNull();
  });

  it("names the closest column first, then the leftmost", () => {
    const columns = [
      { id: "a", path: ["代课教师", "按学历分", "本科"] },
      { id: "b", path: ["专任教师", "按学历分", "本科"] },
      { id: "c", path: ["本科"] },
    ];
    expect(columnsNamed(pattern("本科"), columns).map((c) => c.id)).toEqual(["c", "a", "b"]);
    expect(columnsNamed(pattern("专任教师›本科"), columns).map((c) => c.id)).toEqual(["b"]);
  });

  it("reads to a person as its first spellings joined by ›", () => {
    expect(shownPattern("专任教师 > 按学历分 > 本科|本科毕业")).toBe("专任教师›按学历分›本科");
    expect(parsePattern(" | ")).toBeNull();
  });
});

describe("parseLevel: the 学段 of an export's row", () => {
  it.each([
    ["初中阶段", "junior"],
    ["小学阶段", "primary"],
    ["高中阶段", "senior"],
    // 学段 and 段 both end these: 小学 + 段, not 小 + 学段
    ["小学段", "primary"],
    ["小学学段", "primary"],
    ["高中段", "senior"],
  ])("%j → %s, as 小学部 and 初中段 are", (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });
});
