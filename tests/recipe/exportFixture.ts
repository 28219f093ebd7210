/**
 * A league's per-school statistics export (教育事业统计) as the statistics system writes it — title rows, a three-row
 * merged header, a unit row, two counties, uncounted campuses, teaching points above and below 50 pupils, combined
 * schools given one row per 学段, a special school and a senior high school — and the same schools typed into the
 * school-table template by a clerk. The clerk's arithmetic is written out here (qualified teachers = 博士 + 硕士 +
 * 本科 + 专科 for primary, …), independent of the recipe code, so that the two can be compared.
 */
import { seededRandom } from "../../src/sample/random";
import { columnLetters } from "../../src/sheet/grid";
import type { TemplateCell } from "../../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import type { RecipeColumn } from "../../src/sheet/recipe/table";

/** The raw figures of one row of the export. */
export interface ExportRow {
  name: string;
  code: string;
  county: string;
  type: string;
  level: "小学" | "初中" | "高中" | null;
  counted: "是" | "否";
  parent: string | null;
  locale: string;
  students: { primary: number | null; junior: number | null; senior: number | null };
  /** 博士研究生, 硕士研究生, 本科, 专科, 高中阶段及以下 */
  education: [number, number, number, number, number];
  /** 体育与健康, 音乐, 美术, 艺术 */
  courses: [number, number, number, number];
  key: number;
  teaching: number;
  indoor: number;
  otherArea: number;
  sportsGround: number;
  /** 万元 */
  equipment: number;
  rooms: number;
}

/** A header of the export: a label over its children, or a leaf column read from a row. */
export interface HeaderNode {
  label: string;
  unit?: string;
  children?: HeaderNode[];
  value?: (row: ExportRow) => string | number | null;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const orBlank = (n: number | null) => n;

/** The export's header, as the statistics system lays it out (labels may be renamed for a province's export). */
export function exportHeader(
  rename: Readonly<Record<string, string>> = {},
  equipmentUnit = "万元",
): HeaderNode[] {
  const l = (label: string) => rename[label] ?? label;
  const equipmentLabel = equipmentUnit === "万元" ? "教学仪器设备资产值（万元）" : "教学仪器设备资产值";
  return [
    { label: l("学校名称"), value: (r) => r.name },
    { label: l("学校标识码"), value: (r) => r.code },
    { label: l("统计三级"), value: (r) => r.county },
    { label: l("办学类型"), value: (r) => r.type },
    { label: l("学段"), value: (r) => r.level },
    { label: l("是否计校数"), value: (r) => r.counted },
    { label: l("隶属学校"), value: (r) => r.parent },
    { label: l("城乡分类"), value: (r) => r.locale },
    {
      label: l("在校生数"),
      children: [
        {
          label: l("合计"),
          unit: "人",
          value: (r) => sum([r.students.primary ?? 0, r.students.junior ?? 0, r.students.senior ?? 0]),
        },
        { label: l("小学"), unit: "人", value: (r) => orBlank(r.students.primary) },
        { label: l("初中"), unit: "人", value: (r) => orBlank(r.students.junior) },
        { label: l("高中"), unit: "人", value: (r) => orBlank(r.students.senior) },
      ],
    },
    {
      label: l("专任教师"),
      children: [
        { label: l("合计"), unit: "人", value: (r) => sum(r.education) },
        {
          label: l("按学历分"),
          children: ["博士研究生", "硕士研究生", "本科", "专科", "高中阶段及以下"].map((label, i) => ({
            label: l(label),
            unit: "人",
            value: (r: ExportRow) => r.education[i],
          })),
        },
        {
          label: l("按授课课程分"),
          children: ["体育与健康", "音乐", "美术", "艺术"].map((label, i) => ({
            label: l(label),
            unit: "人",
            value: (r: ExportRow) => r.courses[i],
          })),
        },
      ],
    },
    { label: l("县级以上骨干教师"), unit: "人", value: (r) => r.key },
    {
      label: l("校舍建筑面积"),
      children: [
        { label: l("合计"), unit: "平方米", value: (r) => round1(r.teaching + r.otherArea) },
        {
          label: l("教学及辅助用房"),
          children: [
            { label: l("计"), unit: "平方米", value: (r) => r.teaching },
            { label: l("其中：室内体育用房"), unit: "平方米", value: (r) => r.indoor },
          ],
        },
      ],
    },
    { label: l("运动场地面积"), unit: "平方米", value: (r) => r.sportsGround },
    {
      label: l(equipmentLabel),
      unit: equipmentUnit,
      value: (r) => (equipmentUnit === "万元" ? r.equipment : Math.round(r.equipment * 10000)),
    },
    { label: l("网络多媒体教室（间）"), unit: "间", value: (r) => r.rooms },
  ];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Leaf {
  path: string[];
  unit?: string;
  value: (row: ExportRow) => string | number | null;
}

function leavesOf(nodes: HeaderNode[], above: string[] = []): Leaf[] {
  return nodes.flatMap((n) =>
    n.children
      ? leavesOf(n.children, [...above, n.label])
      : [{ path: [...above, n.label], unit: n.unit, value: n.value! }],
  );
}

export interface ExportSheet {
  sheet: string;
  /** rows of values from A1 */
  values: (string | number | null)[][];
  /** merged ranges as 0-based inclusive indices */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** the header's columns as the reader reads them (path, label cells, unit) */
  columns: RecipeColumn[];
  /** 0-based rows of the data */
  dataRows: number[];
}

export interface ExportLayout {
  sheet?: string;
  /** title rows above the header */
  titles?: string[];
  /** the unit row under the header */
  unitRow?: boolean;
  rename?: Readonly<Record<string, string>>;
  equipmentUnit?: "万元" | "元";
  /** the header laid out otherwise (of three levels at most) */
  header?: (nodes: HeaderNode[]) => HeaderNode[];
}

/** The export of these rows: titles, a three-row header with its merges, the unit row, the data. */
export function exportSheet(rows: readonly ExportRow[], layout: ExportLayout = {}): ExportSheet {
  const sheet = layout.sheet ?? "学校基本情况";
  const titles = layout.titles ?? [
    "2024年教育事业统计 学校（机构）基本情况及办学条件",
    "填报单位：兴安盟教育局",
  ];
  const built = exportHeader(layout.rename, layout.equipmentUnit ?? "万元");
  const nodes = layout.header ? layout.header(built) : built;
  const leaves = leavesOf(nodes);
  const width = leaves.length;
  const top = titles.length;
  const depth = 3;
  const values: (string | number | null)[][] = [];
  const merges: ExportSheet["merges"] = [];
  titles.forEach((t, i) => {
    values.push([t, ...new Array<null>(width - 1).fill(null)]);
    if (i === 0) merges.push({ top: i, left: 0, bottom: i, right: width - 1 });
  });
  for (let r = 0; r < depth; r++) values.push(new Array<null>(width).fill(null));
  const cellsOf: string[][] = leaves.map(() => []);
  const columns: RecipeColumn[] = leaves.map((leaf, c) => ({
    index: c,
    path: leaf.path,
    cells: cellsOf[c],
    unit: null,
  }));
  const sheetRef = sheet;
  let col = 0;
  const place = (node: HeaderNode, level: number): void => {
    const span = leavesOf([node]).length;
    const row = top + level;
    values[row][col] = node.label;
    const bottom = node.children ? row : top + depth - 1;
    if (span > 1 || bottom > row) merges.push({ top: row, left: col, bottom, right: col + span - 1 });
    for (let c = col; c < col + span; c++) cellsOf[c].push(`${sheetRef}!${columnLetters(col)}${row + 1}`);
    if (node.children) {
      const start = col;
      for (const child of node.children) place(child, level + 1);
      col = start + span;
    } else col++;
  };
  for (const node of nodes) {
    const start = col;
    place(node, 0);
    col = start + leavesOf([node]).length;
  }
  if (layout.unitRow ?? true) {
    const unitRow = top + depth;
    values.push(leaves.map((leaf) => leaf.unit ?? null));
    leaves.forEach((leaf, c) => {
      if (leaf.unit)
        columns[c].unit = { unit: leaf.unit, cell: `${sheetRef}!${columnLetters(c)}${unitRow + 1}` };
    });
  }
  const dataRows: number[] = [];
  for (const row of rows) {
    dataRows.push(values.length);
    values.push(leaves.map((leaf) => leaf.value(row)));
  }
  return { sheet, values, merges, columns, dataRows };
}

/**
 * The sheet with its header rows (and the unit row) printed again before data row `at`, the first row of a
 * school, and a sign-off line under the table after a blank row.
 */
export function printedOnPages(sheet: ExportSheet, at: number): ExportSheet {
  const headerTop = sheet.dataRows[0] - 4;
  const repeat = sheet.values.slice(headerTop, headerTop + 4).map((row) => [...row]);
  const before = sheet.dataRows[at];
  const values = [
    ...sheet.values.slice(0, before),
    ...repeat,
    ...sheet.values.slice(before),
    [],
    ["单位负责人：", "张敏", null, "填表人：", "李娜", null, "联系电话：", 4821234567],
  ];
  const shifted = sheet.merges
    .filter((m) => m.top >= headerTop && m.bottom < headerTop + 4)
    .map((m) => ({ ...m, top: m.top - headerTop + before, bottom: m.bottom - headerTop + before }));
  const merges = [
    ...sheet.merges.map((m) => (m.top >= before ? { ...m, top: m.top + 4, bottom: m.bottom + 4 } : m)),
    ...shifted,
  ];
  return { ...sheet, values, merges };
}

/** The index of the column whose header path is `label` (levels joined by ›). */
export function columnOf(sheet: ExportSheet, label: string): number {
  const column = sheet.columns.find((c) => c.path.join("›") === label);
  if (!column) throw new Error(label);
  return column.index;
}

// ── the league ────────────────────────────────────────────────────────────────────────────────────────────────

type Draw = () => number;
const int = (draw: Draw, lo: number, hi: number) => lo + Math.floor(draw() * (hi - lo + 1));

/** Teachers of a section of `students` pupils, about as many as such schools have. */
function staff(draw: Draw, students: number): Pick<ExportRow, "education" | "courses" | "key"> {
  const total = Math.max(2, Math.round(students / int(draw, 12, 18)));
  const doctor = draw() < 0.1 ? 1 : 0;
  const master = int(draw, 0, Math.ceil(total * 0.1));
  const bachelor = int(draw, Math.floor(total * 0.3), Math.floor(total * 0.7));
  const college = int(draw, 0, Math.max(0, total - doctor - master - bachelor));
  const high = Math.max(0, total - doctor - master - bachelor - college);
  const pe = int(draw, 0, Math.max(1, Math.ceil(total * 0.08)));
  const music = int(draw, 0, Math.max(1, Math.ceil(total * 0.05)));
  const art = int(draw, 0, Math.max(1, Math.ceil(total * 0.05)));
  const arts = draw() < 0.3 ? 1 : 0;
  return {
    education: [doctor, master, bachelor, college, high],
    courses: [pe, music, art, arts],
    key: int(draw, 0, Math.max(1, Math.ceil(total * 0.15))),
  };
}

/** Buildings and equipment of a school of `students` pupils (the indoor sports rooms part of the teaching rooms). */
function plant(
  draw: Draw,
  students: number,
): Pick<ExportRow, "teaching" | "indoor" | "otherArea" | "sportsGround" | "equipment" | "rooms"> {
  const teaching = round1(students * (3.5 + draw() * 4));
  return {
    teaching,
    indoor: draw() < 0.3 ? 0 : round1(teaching * (0.05 + draw() * 0.1)),
    otherArea: round1(students * draw() * 2),
    sportsGround: round1(students * (5 + draw() * 10)),
    equipment: round2((students * (1500 + draw() * 2500)) / 10000),
    rooms: Math.max(1, Math.round(students / int(draw, 30, 50))),
  };
}

interface SchoolSpec {
  name: string;
  type: string;
  county: string;
  locale: string;
  /** pupils per 学段 row; one entry without a 学段 for a school of one row */
  levels: { level: ExportRow["level"]; primary?: number; junior?: number; senior?: number }[];
  counted?: "是" | "否";
  parent?: string;
}

/** The league: two counties, one the Xing'an plan lists (科右前旗) and one it does not (扎鲁特旗). */
export const COUNTY_LISTED = "科右前旗";
export const COUNTY_UNLISTED = "扎鲁特旗";

const SPECS: SchoolSpec[] = [
  {
    name: "科右前旗第一小学",
    type: "小学",
    county: COUNTY_LISTED,
    locale: "主城区",
    levels: [{ level: null, primary: 820 }],
  },
  {
    name: "科右前旗第一小学南校区",
    type: "小学",
    county: COUNTY_LISTED,
    locale: "主城区",
    levels: [{ level: null, primary: 240 }],
    counted: "否",
    parent: "科右前旗第一小学",
  },
  {
    name: "科右前旗第二小学",
    type: "小学",
    county: COUNTY_LISTED,
    locale: "镇中心区",
    levels: [{ level: null, primary: 560 }],
  },
  {
    name: "归流河镇中心小学",
    type: "小学",
    county: COUNTY_LISTED,
    locale: "乡中心区",
    levels: [{ level: null, primary: 310 }],
  },
  {
    name: "索伦镇中心小学",
    type: "小学",
    county: COUNTY_LISTED,
    locale: "村庄",
    levels: [{ level: null, primary: 180 }],
  },
  {
    name: "索伦镇大石寨教学点",
    type: "教学点",
    county: COUNTY_LISTED,
    locale: "村庄",
    levels: [{ level: null, primary: 64 }],
    counted: "否",
    parent: "索伦镇中心小学",
  },
  {
    name: "索伦镇白音教学点",
    type: "教学点",
    county: COUNTY_LISTED,
    locale: "村庄",
    levels: [{ level: null, primary: 23 }],
    counted: "否",
    parent: "索伦镇中心小学",
  },
  {
    name: "科右前旗第一中学",
    type: "初级中学",
    county: COUNTY_LISTED,
    locale: "主城区",
    levels: [{ level: null, junior: 960 }],
  },
  {
    name: "归流河镇中学",
    type: "初级中学",
    county: COUNTY_LISTED,
    locale: "乡中心区",
    levels: [{ level: null, junior: 420 }],
  },
  {
    name: "科右前旗民族学校",
    type: "九年一贯制学校",
    county: COUNTY_LISTED,
    locale: "镇中心区",
    levels: [
      { level: "小学", primary: 450 },
      { level: "初中", junior: 380 },
    ],
  },
  {
    name: "科右前旗第三中学",
    type: "完全中学",
    county: COUNTY_LISTED,
    locale: "主城区",
    levels: [
      { level: "初中", junior: 700 },
      { level: "高中", senior: 640 },
    ],
  },
  {
    name: "科右前旗特殊教育学校",
    type: "特殊教育学校",
    county: COUNTY_LISTED,
    locale: "主城区",
    levels: [{ level: null, primary: 40, junior: 22 }],
  },
  {
    name: "科右前旗第一高级中学",
    type: "高级中学",
    county: COUNTY_LISTED,
    locale: "主城区",
    levels: [{ level: null, senior: 1500 }],
  },
  {
    name: "鲁北第一小学",
    type: "小学",
    county: COUNTY_UNLISTED,
    locale: "主城区",
    levels: [{ level: null, primary: 900 }],
  },
  {
    name: "鲁北第二小学",
    type: "小学",
    county: COUNTY_UNLISTED,
    locale: "镇中心区",
    levels: [{ level: null, primary: 430 }],
  },
  {
    name: "巴雅尔图胡硕镇小学",
    type: "小学",
    county: COUNTY_UNLISTED,
    locale: "村庄",
    levels: [{ level: null, primary: 150 }],
  },
  {
    name: "巴雅尔图胡硕镇哈拉教学点",
    type: "教学点",
    county: COUNTY_UNLISTED,
    locale: "村庄",
    levels: [{ level: null, primary: 45 }],
    counted: "否",
    parent: "巴雅尔图胡硕镇小学",
  },
  {
    name: "鲁北第一中学",
    type: "初级中学",
    county: COUNTY_UNLISTED,
    locale: "主城区",
    levels: [{ level: null, junior: 1100 }],
  },
  {
    name: "鲁北第一中学东校区",
    type: "初级中学",
    county: COUNTY_UNLISTED,
    locale: "主城区",
    levels: [{ level: null, junior: 300 }],
    counted: "否",
    parent: "鲁北第一中学",
  },
  {
    name: "鲁北第二中学",
    type: "初级中学",
    county: COUNTY_UNLISTED,
    locale: "镇中心区",
    levels: [{ level: null, junior: 510 }],
  },
  {
    name: "扎鲁特旗蒙古族学校",
    type: "十二年一贯制学校",
    county: COUNTY_UNLISTED,
    locale: "主城区",
    levels: [
      { level: "小学", primary: 520 },
      { level: "初中", junior: 410 },
      { level: "高中", senior: 380 },
    ],
  },
];

/**
 * The rows with one school's teachers by education (博士 … 高中阶段及以下) cut to a fifth: a year in which that school's
 * qualified teachers fall below the standard, a known regression to compare.
 */
export function withFewerTeachers(rows: readonly ExportRow[], school: string): ExportRow[] {
  return rows.map((r) =>
    r.name === school
      ? { ...r, education: r.education.map((n) => Math.round(n / 5)) as ExportRow["education"] }
      : r,
  );
}

/** The export's rows of the league, figures drawn from `seed`. */
export function leagueRows(seed = 14): ExportRow[] {
  const draw = seededRandom(seed);
  const rows: ExportRow[] = [];
  SPECS.forEach((spec, i) => {
    const all = sum(spec.levels.map((l) => (l.primary ?? 0) + (l.junior ?? 0) + (l.senior ?? 0)));
    const shared = plant(draw, all);
    for (const l of spec.levels) {
      const pupils = (l.primary ?? 0) + (l.junior ?? 0) + (l.senior ?? 0);
      rows.push({
        name: spec.name,
        code: String(2150000000 + i * 7),
        county: spec.county,
        type: spec.type,
        level: l.level,
        counted: spec.counted ?? "是",
        parent: spec.parent ?? null,
        locale: spec.locale,
        students: {
          // a school of one row may write 0 for a level it does not have; a 学段 row leaves the others blank
          primary: l.primary ?? (l.level === null && draw() < 0.5 ? 0 : null),
          junior: l.junior ?? null,
          senior: l.senior ?? null,
        },
        ...staff(draw, pupils),
        // a combined school given one row per 学段 repeats its whole-school facilities on each row
        ...shared,
      });
    }
  });
  return rows;
}

// ── the clerk's template ───────────────────────────────────────────────────────────────────────────────────────

const TYPE_IN_TEMPLATE: Record<string, string | null> = {
  小学: "小学",
  初级中学: "初中",
  九年一贯制学校: "九年一贯制学校",
  十二年一贯制学校: "十二年一贯制学校",
  完全中学: "完全中学",
  教学点: "教学点",
  特殊教育学校: "特殊教育学校",
  高级中学: null,
};
const LOCALE_IN_TEMPLATE: Record<string, string> = {
  主城区: "城区",
  镇中心区: "镇区",
  乡中心区: "乡村",
  村庄: "乡村",
};

/**
 * The template rows a clerk types for one county of the export: campuses added to their school, a combined school
 * one row, its facilities once, teachers per section; the teaching area without the indoor sports rooms and the
 * sports area with them.
 */
export function templateRowsOf(rows: readonly ExportRow[], county: string): TemplateCell[][] {
  const ofCounty = rows.filter((r) => r.county === county && TYPE_IN_TEMPLATE[r.type] !== null);
  const schools = new Map<string, ExportRow[]>();
  const campuses: ExportRow[] = [];
  for (const r of ofCounty) {
    if (r.counted === "否" && r.type !== "教学点") campuses.push(r);
    else schools.set(r.name, [...(schools.get(r.name) ?? []), r]);
  }
  const table: TemplateCell[][] = [];
  for (const [name, own] of schools) {
    const joined = campuses.filter((c) => c.parent === name);
    const rowsOf = [...own, ...joined];
    const first = own[0];
    const values: Record<string, TemplateCell> = {
      name,
      type: TYPE_IN_TEMPLATE[first.type],
      locale: LOCALE_IN_TEMPLATE[first.locale],
      parent: first.type === "教学点" ? first.parent : null,
    };
    const pupils = (level: "primary" | "junior" | "senior") => {
      const given = rowsOf.map((r) => r.students[level]).filter((n): n is number => n !== null);
      return given.length === 0 ? null : sum(given);
    };
    values.primaryStudents = pupils("primary");
    values.juniorStudents = pupils("junior");
    values.seniorStudents = pupils("senior");
    const special = first.type === "特殊教育学校";
    // a row's section: its 学段, else its type's
    const sectionRows = (level: "小学" | "初中") =>
      rowsOf.filter((r) => (r.level ?? (r.type === "初级中学" ? "初中" : "小学")) === level);
    for (const [prefix, level, qualified] of [
      ["primary", "小学", 4],
      ["junior", "初中", 3],
    ] as const) {
      const section = special ? [] : sectionRows(level);
      if (section.length === 0) continue;
      values[`${prefix}QualifiedTeachers`] = sum(section.map((r) => sum(r.education.slice(0, qualified))));
      values[`${prefix}KeyTeachers`] = sum(section.map((r) => r.key));
      values[`${prefix}PeArtTeachers`] = sum(section.map((r) => sum(r.courses)));
    }
    // whole-school figures: once for the school (its rows repeat them), then each campus's added
    const plantRows = [first, ...joined];
    values.teachingArea = round1(sum(plantRows.map((r) => r.teaching - r.indoor)));
    values.sportsArea = round1(sum(plantRows.map((r) => r.sportsGround + r.indoor)));
    values.equipmentValue = round2(sum(plantRows.map((r) => r.equipment)));
    values.multimediaRooms = sum(plantRows.map((r) => r.rooms));
    table.push(TEMPLATE_COLUMNS.map((c) => values[c.id] ?? null));
  }
  return table;
}
