/**
 * A county's per-school 教基 form workbooks, as the statistics system prints them for each school — 教基1001 (the
 * school), 3112/3115/3118 (pupils), 4155/4156 (full-time teachers by qualification and subject), 5170 (buildings),
 * 5176 (conditions), 1102续 (key teachers) — each sheet named with the school type after it (教基4155_小学). The
 * primary and junior teacher forms put the same rows and columns in different places, so that only reading by
 * labels reads both. And the same schools typed into the template by a clerk, the arithmetic written out here.
 */
import ExcelJS from "exceljs";
import { seededRandom } from "../../src/sample/random";
import type { Grid, MergedRange } from "../../src/sheet/grid";
import type { FormWorkbook } from "../../src/sheet/recipe/forms";
import type { TemplateCell } from "../../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";

type Cell = string | number | null;

export interface LevelFigures {
  students: number;
  classes: number;
  /** 博士研究生, 硕士研究生, 本科, 专科, 高中阶段, 高中阶段以下 */
  education: [number, number, number, number, number, number];
  /** 体育与健康, 音乐, 美术, 艺术 */
  arts: [number, number, number, number];
  key: number;
}

export interface FormSchool {
  name: string;
  code: string;
  county: string;
  /** 办学类型 as the forms write it */
  type: string;
  locale: string;
  primary?: LevelFigures;
  junior?: LevelFigures;
  senior?: number;
  teaching: number;
  indoor: number;
  otherArea: number;
  ground: number;
  /** 万元 */
  equipment: number;
  rooms: number;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A sheet being laid out: rows of cells from A1 and its merged ranges. */
class Sheet {
  readonly values: Cell[][] = [];
  readonly merges: MergedRange[] = [];
  constructor(readonly name: string) {}
  set(r: number, c: number, value: Cell): void {
    while (this.values.length <= r) this.values.push([]);
    const row = this.values[r];
    while (row.length <= c) row.push(null);
    row[c] = value;
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }
  grid(): Grid {
    const width = Math.max(...this.values.map((r) => r.length));
    return {
      sheet: this.name,
      topLeft: "A1",
      values: this.values.map((r) => [...r, ...new Array<null>(width - r.length).fill(null)]),
      merges: this.merges,
    };
  }
}

/** Labels standing in both rows of a two-row header (项目, 编号, 合计), from column 0. */
function tallLabels(sheet: Sheet, labels: readonly string[]): void {
  labels.forEach((label, c) => {
    sheet.set(3, c, label);
    sheet.merge(3, c, 4, c);
  });
}

/** A form's title over its columns, its code, and the unit row. */
function titled(sheet: Sheet, title: string, width: number, unit: string): void {
  sheet.set(0, 0, title);
  sheet.merge(0, 0, 0, width - 1);
  sheet.set(1, 0, sheet.name.slice(0, 6));
  sheet.set(1, width - 1, `单位：${unit}`);
}

function form1001(s: FormSchool, suffix: string): Grid {
  const sheet = new Sheet(`教基1001_${suffix}`);
  titled(sheet, "学校（机构）基本情况", 3, "—");
  sheet.set(2, 0, "项目");
  sheet.set(2, 1, "编号");
  sheet.set(2, 2, "内容");
  const rows: [string, Cell][] = [
    ["学校（机构）标识码", s.code],
    ["学校（机构）名称", s.name],
    ["学校（机构）英文名称", null],
    ["举办者", "县级教育部门"],
    ["所在地区划", `内蒙古自治区兴安盟${s.county}`],
    ["统计三级", s.county],
    ["城乡分类", s.locale],
    ["学校地址", `${s.county}某路${s.code.slice(-2)}号`],
    ["邮政编码", "137400"],
    ["办学类型", s.type],
    ["学制", s.junior && s.primary ? "九年" : "六年"],
  ];
  rows.forEach(([label, value], i) => {
    sheet.set(3 + i, 0, label);
    sheet.set(3 + i, 1, String(i + 1).padStart(2, "0"));
    sheet.set(3 + i, 2, value);
  });
  return sheet.grid();
}

/** 教基3112/3115/3118: pupils by grade under a two-row header; the total is 在校生数›合计 of 总计. */
function pupilsForm(code: string, suffix: string, grades: string[], students: number, classes: number): Grid {
  const sheet = new Sheet(`${code}_${suffix}`);
  titled(sheet, "学生情况", 11, "人");
  const heads: [string, string[]][] = [
    ["班数", []],
    ["毕业生数", ["计", "其中：女"]],
    ["招生数", ["计", "其中：女"]],
    ["在校生数", ["合计", "其中：女", "其中：少数民族", "随迁子女"]],
  ];
  tallLabels(sheet, ["项目", "编号"]);
  let c = 2;
  for (const [head, subs] of heads) {
    sheet.set(3, c, head);
    if (subs.length === 0) {
      sheet.merge(3, c, 4, c);
      c++;
      continue;
    }
    sheet.merge(3, c, 3, c + subs.length - 1);
    subs.forEach((sub, i) => sheet.set(4, c + i, sub));
    c += subs.length;
  }
  // 总计 first, then the grades (pupils spread over them)
  const perGrade = grades.map(
    (_, i) => Math.floor(students / grades.length) + (i < students % grades.length ? 1 : 0),
  );
  const classesPer = grades.map(
    (_, i) => Math.floor(classes / grades.length) + (i < classes % grades.length ? 1 : 0),
  );
  [
    ["总计", students, classes] as const,
    ...grades.map((g, i) => [g, perGrade[i], classesPer[i]] as const),
  ].forEach(([label, n, k], i) => {
    const r = 5 + i;
    sheet.set(r, 0, label);
    sheet.set(r, 1, String(i + 1).padStart(2, "0"));
    sheet.set(r, 2, k);
    sheet.set(r, 3, Math.round(n / 6));
    sheet.set(r, 4, Math.round(n / 12));
    sheet.set(r, 5, Math.round(n / 6));
    sheet.set(r, 6, Math.round(n / 12));
    sheet.set(r, 7, n);
    sheet.set(r, 8, Math.round(n / 2));
    sheet.set(r, 9, Math.round(n / 5));
    sheet.set(r, 10, 0);
  });
  return sheet.grid();
}

/**
 * 教基4155 / 4156: teachers by qualification (rows) and subject taught (columns). The junior form has a row for
 * 研究生毕业 above 博士 and more subjects, so its figures stand in other cells.
 */
function teachersForm(code: string, suffix: string, f: LevelFigures, junior: boolean): Grid {
  const subjects = junior
    ? [
        "道德与法治",
        "语文",
        "数学",
        "外语",
        "物理",
        "化学",
        "生物",
        "历史",
        "地理",
        "信息科技",
        "劳动",
        "综合实践活动",
        "地方课程",
        "心理健康",
        "科学",
        "其他",
        "体育与健康",
        "音乐",
        "美术",
        "艺术",
      ]
    : [
        "道德与法治",
        "语文",
        "数学",
        "科学",
        "外语",
        "信息科技",
        "综合实践活动",
        "劳动",
        "体育与健康",
        "地方课程",
        "音乐",
        "美术",
        "艺术",
        "其他",
      ];
  const sheet = new Sheet(`${code}_${suffix}`);
  const width = 3 + subjects.length;
  titled(sheet, junior ? "初中专任教师学历、任教课程情况" : "小学专任教师学历、任教课程情况", width, "人");
  tallLabels(sheet, ["项目", "编号", "合计"]);
  sheet.set(3, 3, "按任教课程分");
  sheet.merge(3, 3, 3, width - 1);
  subjects.forEach((s, i) => sheet.set(4, 3 + i, s));
  const total = sum(f.education);
  const [doctor, master, bachelor, college, high, below] = f.education;
  const rows: [string, number][] = [
    ["总计", total],
    ["其中：女", Math.round(total * 0.7)],
    ["其中：少数民族", Math.round(total * 0.4)],
    ...(junior ? ([["其中：研究生毕业", doctor + master]] as [string, number][]) : []),
    ["博士研究生毕业", doctor],
    ["硕士研究生毕业", master],
    ["本科毕业", bachelor],
    ["专科毕业", college],
    ["高中阶段毕业", high],
    ["高中阶段以下毕业", below],
  ];
  rows.forEach(([label, n], i) => {
    const r = 5 + i;
    sheet.set(r, 0, label);
    sheet.set(r, 1, String(i + 1).padStart(2, "0"));
    sheet.set(r, 2, n);
  });
  // the subjects of 总计: the arts as drawn, the rest over the other subjects
  const arts = new Map([
    ["体育与健康", f.arts[0]],
    ["音乐", f.arts[1]],
    ["美术", f.arts[2]],
    ["艺术", f.arts[3]],
  ]);
  const rest = total - sum(f.arts);
  const others = subjects.filter((s) => !arts.has(s));
  subjects.forEach((s, i) => {
    const k = others.indexOf(s);
    const n = arts.get(s) ?? Math.floor(rest / others.length) + (k < rest % others.length ? 1 : 0);
    sheet.set(5, 3 + i, n);
  });
  return sheet.grid();
}

function buildingsForm(s: FormSchool, suffix: string): Grid {
  const sheet = new Sheet(`教基5170_${suffix}`);
  titled(sheet, "学校校舍情况", 8, "平方米");
  tallLabels(sheet, ["项目", "编号", "合计"]);
  sheet.set(3, 3, "学校产权");
  sheet.merge(3, 3, 3, 5);
  ["计", "其中：危房", "当年新增"].forEach((t, i) => sheet.set(4, 3 + i, t));
  sheet.set(3, 6, "非学校产权");
  sheet.merge(3, 6, 3, 7);
  ["独立使用", "共同使用"].forEach((t, i) => sheet.set(4, 6 + i, t));
  const teachingOthers = round1(s.teaching - s.indoor);
  const rows: [string, number][] = [
    ["总计", round1(s.teaching + s.otherArea)],
    ["一、教学及辅助用房", s.teaching],
    ["其中：普通教室", round1(teachingOthers * 0.6)],
    ["实验室", round1(teachingOthers * 0.15)],
    ["图书室", round1(teachingOthers * 0.1)],
    ["微机室", round1(teachingOthers * 0.1)],
    ["室内体育用房", s.indoor],
    ["二、行政办公用房", round1(s.otherArea * 0.4)],
    ["三、生活用房", round1(s.otherArea * 0.6)],
  ];
  rows.forEach(([label, n], i) => {
    const r = 5 + i;
    sheet.set(r, 0, label);
    sheet.set(r, 1, String(i + 1).padStart(2, "0"));
    sheet.set(r, 2, n);
    sheet.set(r, 3, n);
    sheet.set(r, 4, 0);
  });
  return sheet.grid();
}

function conditionsForm(s: FormSchool, suffix: string): Grid {
  const sheet = new Sheet(`教基5176_${suffix}`);
  titled(sheet, "学校办学条件", 4, "见计量单位");
  ["项目", "编号", "计量单位", "合计"].forEach((t, i) => sheet.set(3, i, t));
  const rows: [string, string, number][] = [
    ["占地面积", "平方米", round1(s.ground * 1.8)],
    ["其中：运动场地面积", "平方米", s.ground],
    ["绿化用地面积", "平方米", round1(s.ground * 0.3)],
    ["图书", "册", 20000],
    ["计算机数", "台", 40],
    ["其中：教学用计算机", "台", 30],
    ["网络多媒体教室", "间", s.rooms],
    ["教学仪器设备资产值", "万元", s.equipment],
  ];
  rows.forEach(([label, unit, n], i) => {
    const r = 4 + i;
    sheet.set(r, 0, label);
    sheet.set(r, 1, String(i + 1).padStart(2, "0"));
    sheet.set(r, 2, unit);
    sheet.set(r, 3, n);
  });
  return sheet.grid();
}

function keyTeachersForm(s: FormSchool, suffix: string): Grid {
  const sheet = new Sheet(`教基1102续_${suffix}`);
  titled(sheet, "专任教师中骨干教师情况", 5, "人");
  ["项目", "编号", "专任教师数", "县级及以上骨干教师", "其中：省级及以上"].forEach((t, i) =>
    sheet.set(3, i, t),
  );
  const levels: [string, LevelFigures | undefined][] = [
    ["幼儿园", undefined],
    ["小学", s.primary],
    ["初中", s.junior],
    ["高中", undefined],
  ];
  const all = levels.filter(([, f]) => f).map(([, f]) => f as LevelFigures);
  [["总计", all] as const, ...levels.map(([l, f]) => [l, f ? [f] : []] as const)].forEach(
    ([label, fs], i) => {
      const r = 4 + i;
      sheet.set(r, 0, label);
      sheet.set(r, 1, String(i + 1).padStart(2, "0"));
      sheet.set(r, 2, fs.length ? sum(fs.map((f) => sum(f.education))) : null);
      sheet.set(r, 3, fs.length ? sum(fs.map((f) => f.key)) : null);
      sheet.set(r, 4, fs.length ? 0 : null);
    },
  );
  return sheet.grid();
}

/** The sheets of one school's workbook. */
export function formWorkbook(s: FormSchool): FormWorkbook {
  const suffix = s.type;
  const grids: Grid[] = [form1001(s, suffix)];
  if (s.primary) {
    grids.push(
      pupilsForm(
        "教基3112",
        suffix,
        ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"],
        s.primary.students,
        s.primary.classes,
      ),
    );
  }
  if (s.junior)
    grids.push(
      pupilsForm("教基3115", suffix, ["七年级", "八年级", "九年级"], s.junior.students, s.junior.classes),
    );
  if (s.senior)
    grids.push(pupilsForm("教基3118", suffix, ["高一", "高二", "高三"], s.senior, Math.ceil(s.senior / 50)));
  if (s.primary) grids.push(teachersForm("教基4155", suffix, s.primary, false));
  if (s.junior) grids.push(teachersForm("教基4156", suffix, s.junior, true));
  grids.push(buildingsForm(s, suffix), conditionsForm(s, suffix), keyTeachersForm(s, suffix));
  return { file: `${s.code}-${s.name}.xlsx`, grids };
}

function level(draw: () => number, students: number): LevelFigures {
  const total = Math.max(3, Math.round(students / (11 + draw() * 6)));
  const doctor = draw() < 0.1 ? 1 : 0;
  const master = Math.floor(draw() * total * 0.1);
  const bachelor = Math.floor(total * (0.4 + draw() * 0.4));
  const college = Math.max(0, Math.min(total - doctor - master - bachelor, Math.floor(total * 0.3)));
  const rest = Math.max(0, total - doctor - master - bachelor - college);
  return {
    students,
    classes: Math.ceil(students / 42),
    education: [doctor, master, bachelor, college, rest, 0],
    arts: [
      Math.max(1, Math.round(total * 0.07)),
      Math.round(total * 0.04),
      Math.round(total * 0.04),
      draw() < 0.3 ? 1 : 0,
    ],
    key: Math.round(total * (0.05 + draw() * 0.15)),
  };
}

export const FORMS_COUNTY = "突泉县";

/** The schools of the folder. */
export function formSchools(seed = 1102): FormSchool[] {
  const draw = seededRandom(seed);
  const school = (
    name: string,
    type: string,
    locale: string,
    pupils: { primary?: number; junior?: number; senior?: number },
    i: number,
  ): FormSchool => {
    const all = (pupils.primary ?? 0) + (pupils.junior ?? 0) + (pupils.senior ?? 0);
    const teaching = round1(all * (3.8 + draw() * 4));
    return {
      name,
      code: String(2152240000 + i),
      county: FORMS_COUNTY,
      type,
      locale,
      primary: pupils.primary ? level(draw, pupils.primary) : undefined,
      junior: pupils.junior ? level(draw, pupils.junior) : undefined,
      senior: pupils.senior,
      teaching,
      indoor: draw() < 0.3 ? 0 : round1(teaching * (0.04 + draw() * 0.08)),
      otherArea: round1(all * draw() * 2),
      ground: round1(all * (6 + draw() * 9)),
      equipment: round2((all * (1800 + draw() * 2400)) / 10000),
      rooms: Math.max(1, Math.round(all / (28 + draw() * 20))),
    };
  };
  return [
    school("突泉县第一小学", "小学", "城区", { primary: 880 }, 1),
    school("突泉县第二小学", "小学", "城区", { primary: 540 }, 2),
    school("六户镇中心小学", "小学", "乡村", { primary: 210 }, 3),
    school("突泉县第一中学", "初级中学", "城区", { junior: 990 }, 4),
    school("水泉镇中学", "初级中学", "镇区", { junior: 360 }, 5),
    school("突泉县蒙古族学校", "九年一贯制学校", "城区", { primary: 420, junior: 300 }, 6),
    school("突泉县实验学校", "十二年一贯制学校", "城区", { primary: 500, junior: 380, senior: 450 }, 7),
  ];
}

const TEMPLATE_TYPE: Record<string, string> = {
  小学: "小学",
  初级中学: "初中",
  九年一贯制学校: "九年一贯制学校",
  十二年一贯制学校: "十二年一贯制学校",
};

/** The same schools typed into the template by a clerk. */
export function formTemplateRows(schools: readonly FormSchool[]): TemplateCell[][] {
  return schools.map((s) => {
    const values: Record<string, TemplateCell> = {
      name: s.name,
      type: TEMPLATE_TYPE[s.type],
      locale: s.locale,
      seniorStudents: s.senior ?? null,
      teachingArea: round1(s.teaching - s.indoor),
      sportsArea: round1(s.ground + s.indoor),
      equipmentValue: s.equipment,
      multimediaRooms: s.rooms,
    };
    for (const [prefix, f, qualified] of [
      ["primary", s.primary, 4],
      ["junior", s.junior, 3],
    ] as const) {
      if (!f) continue;
      values[`${prefix}Students`] = f.students;
      values[`${prefix}Classes`] = f.classes;
      values[`${prefix}QualifiedTeachers`] = sum(f.education.slice(0, qualified));
      values[`${prefix}KeyTeachers`] = f.key;
      values[`${prefix}PeArtTeachers`] = sum(f.arts);
    }
    return TEMPLATE_COLUMNS.map((c) => values[c.id] ?? null);
  });
}

/** A workbook as an .xlsx file, its merged ranges kept. */
export async function formWorkbookFile(workbook: FormWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const grid of workbook.grids) {
    const ws = book.addWorksheet(grid.sheet);
    grid.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined)
          ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
    for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
