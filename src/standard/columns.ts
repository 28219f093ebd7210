/**
 * The columns of the school table (docs/school-table.md#headers), in the template's order. The reader matches headers against
 * `zh`, `en` and `aliases`; the template writer writes `zh` (with `unit` in full-width brackets).
 */
export type ColumnKind = "text" | "schoolType" | "locale" | "count" | "area" | "money" | "rooms";

export interface ColumnDefinition {
  id: string;
  zh: string;
  en: string;
  /** unit shown in the template header, e.g. ㎡, 万元, 间 */
  unit?: string;
  kind: ColumnKind;
  /** required in every row */
  required?: boolean;
  /** required when the school has this section (its enrolment is above 0) */
  requiredForSection?: "primary" | "junior";
  /** further header spellings seen in real workbooks */
  aliases?: string[];
  /** in the canonical template (false for optional per-section facility columns) */
  inTemplate: boolean;
  /** used only for the guarantee items (docs/standard.md#guarantee) */
  guaranteeOnly?: boolean;
}

const col = (c: Omit<ColumnDefinition, "inTemplate"> & { inTemplate?: boolean }): ColumnDefinition => ({
  inTemplate: true,
  ...c,
});

export const COLUMNS: readonly ColumnDefinition[] = [
  col({
    id: "name",
    zh: "学校名称",
    en: "School",
    kind: "text",
    required: true,
    aliases: ["学校", "校名", "单位名称", "School name"],
  }),
  col({
    id: "type",
    zh: "学校类型",
    en: "Type",
    kind: "schoolType",
    required: true,
    aliases: ["办学类型", "类型", "School type"],
  }),
  col({ id: "locale", zh: "城乡类型", en: "Locale", kind: "locale", aliases: ["城乡分类", "城乡"] }),
  col({ id: "parent", zh: "所属学校", en: "Parent", kind: "text", aliases: ["所属中心校", "Parent school"] }),
  col({
    id: "primaryStudents",
    zh: "小学在校生数",
    en: "Primary students",
    kind: "count",
    aliases: [
      "小学学生数",
      "小学生数",
      "小学在校学生数",
      "小学在校生",
      "小学在校学生",
      "小学在校生人数",
      "小学在校学生人数",
      "小学学生人数",
      "小学生人数",
      "Primary enrolment",
      "Primary pupils",
    ],
  }),
  col({
    id: "juniorStudents",
    zh: "初中在校生数",
    en: "Junior students",
    kind: "count",
    aliases: [
      "初中学生数",
      "初中生数",
      "初中在校学生数",
      "初中在校生",
      "初中在校学生",
      "初中在校生人数",
      "初中在校学生人数",
      "初中学生人数",
      "初中生人数",
      "Junior enrolment",
      "Junior pupils",
    ],
  }),
  col({
    id: "seniorStudents",
    zh: "高中在校生数",
    en: "Senior students",
    kind: "count",
    aliases: ["高中学生数"],
  }),
  col({
    id: "primaryClasses",
    zh: "小学班级数",
    en: "Primary classes",
    kind: "count",
    guaranteeOnly: true,
    aliases: ["小学班数"],
  }),
  col({
    id: "juniorClasses",
    zh: "初中班级数",
    en: "Junior classes",
    kind: "count",
    guaranteeOnly: true,
    aliases: ["初中班数"],
  }),
  col({
    id: "primaryQualifiedTeachers",
    zh: "小学高于规定学历教师数",
    en: "Primary qualified teachers",
    kind: "count",
    requiredForSection: "primary",
    aliases: [
      "小学高于规定学历的教师数",
      "小学高于规定学历专任教师数",
      "小学高于规定学历的专任教师数",
      "小学高学历教师数",
    ],
  }),
  col({
    id: "juniorQualifiedTeachers",
    zh: "初中高于规定学历教师数",
    en: "Junior qualified teachers",
    kind: "count",
    requiredForSection: "junior",
    aliases: [
      "初中高于规定学历的教师数",
      "初中高于规定学历专任教师数",
      "初中高于规定学历的专任教师数",
      "初中高学历教师数",
    ],
  }),
  col({
    id: "primaryKeyTeachers",
    zh: "小学县级以上骨干教师数",
    en: "Primary key teachers",
    kind: "count",
    requiredForSection: "primary",
    aliases: ["小学县级及以上骨干教师数", "小学县级以上骨干教师", "小学县级及以上骨干教师", "小学骨干教师数"],
  }),
  col({
    id: "juniorKeyTeachers",
    zh: "初中县级以上骨干教师数",
    en: "Junior key teachers",
    kind: "count",
    requiredForSection: "junior",
    aliases: ["初中县级及以上骨干教师数", "初中县级以上骨干教师", "初中县级及以上骨干教师", "初中骨干教师数"],
  }),
  col({
    id: "primaryPeArtTeachers",
    zh: "小学体育艺术专任教师数",
    en: "Primary PE and art teachers",
    kind: "count",
    requiredForSection: "primary",
    aliases: [
      "小学体育、艺术专任教师数",
      "小学体育和艺术专任教师数",
      "小学体育艺术教师数",
      "小学体艺专任教师数",
      "小学体艺教师数",
    ],
  }),
  col({
    id: "juniorPeArtTeachers",
    zh: "初中体育艺术专任教师数",
    en: "Junior PE and art teachers",
    kind: "count",
    requiredForSection: "junior",
    aliases: [
      "初中体育、艺术专任教师数",
      "初中体育和艺术专任教师数",
      "初中体育艺术教师数",
      "初中体艺专任教师数",
      "初中体艺教师数",
    ],
  }),
  col({
    id: "teachingArea",
    zh: "教学及辅助用房面积",
    en: "Teaching area",
    unit: "㎡",
    kind: "area",
    required: true,
    aliases: ["生均教学及辅助用房总面积"],
  }),
  col({
    id: "sportsArea",
    zh: "体育运动场馆面积",
    en: "Sports area",
    unit: "㎡",
    kind: "area",
    required: true,
    aliases: ["体育运动场(馆)面积", "运动场馆面积"],
  }),
  col({
    id: "equipmentValue",
    zh: "教学仪器设备值",
    en: "Equipment value",
    unit: "万元",
    kind: "money",
    required: true,
    aliases: ["教学仪器设备资产值", "仪器设备值", "Equipment value (10k yuan)", "Equipment value (yuan)"],
  }),
  col({
    id: "multimediaRooms",
    zh: "网络多媒体教室数",
    en: "Multimedia rooms",
    unit: "间",
    kind: "rooms",
    required: true,
    aliases: ["多媒体教室数", "网络多媒体教室"],
  }),
  col({
    id: "musicRooms",
    zh: "音乐专用教室数",
    en: "Music rooms",
    unit: "间",
    kind: "rooms",
    guaranteeOnly: true,
    aliases: ["音乐教室数"],
  }),
  col({
    id: "artRooms",
    zh: "美术专用教室数",
    en: "Art rooms",
    unit: "间",
    kind: "rooms",
    guaranteeOnly: true,
    aliases: ["美术教室数"],
  }),
  col({
    id: "smallestMusicRoom",
    zh: "音乐专用教室最小面积",
    en: "Smallest music room",
    unit: "㎡",
    kind: "area",
    guaranteeOnly: true,
  }),
  col({
    id: "smallestArtRoom",
    zh: "美术专用教室最小面积",
    en: "Smallest art room",
    unit: "㎡",
    kind: "area",
    guaranteeOnly: true,
  }),
  col({
    id: "primaryLargestClass",
    zh: "小学最大班额",
    en: "Primary largest class",
    kind: "count",
    guaranteeOnly: true,
  }),
  col({
    id: "juniorLargestClass",
    zh: "初中最大班额",
    en: "Junior largest class",
    kind: "count",
    guaranteeOnly: true,
  }),
  col({
    id: "grade1LargestClass",
    zh: "小学起始年级最大班额",
    en: "Grade 1 largest class",
    kind: "count",
    guaranteeOnly: true,
    aliases: ["一年级最大班额"],
  }),
  col({
    id: "grade7LargestClass",
    zh: "初中起始年级最大班额",
    en: "Grade 7 largest class",
    kind: "count",
    guaranteeOnly: true,
    aliases: ["七年级最大班额"],
  }),
  // Optional columns outside the template: facilities given per section (used as given, not apportioned),
  // and indoor sports rooms for the profile option indoorSportsMovesToSportsArea.
  col({
    id: "primaryTeachingArea",
    zh: "小学教学及辅助用房面积",
    en: "Primary teaching area",
    unit: "㎡",
    kind: "area",
    inTemplate: false,
  }),
  col({
    id: "juniorTeachingArea",
    zh: "初中教学及辅助用房面积",
    en: "Junior teaching area",
    unit: "㎡",
    kind: "area",
    inTemplate: false,
  }),
  col({
    id: "primarySportsArea",
    zh: "小学体育运动场馆面积",
    en: "Primary sports area",
    unit: "㎡",
    kind: "area",
    inTemplate: false,
  }),
  col({
    id: "juniorSportsArea",
    zh: "初中体育运动场馆面积",
    en: "Junior sports area",
    unit: "㎡",
    kind: "area",
    inTemplate: false,
  }),
  col({
    id: "primaryEquipmentValue",
    zh: "小学教学仪器设备值",
    en: "Primary equipment value",
    unit: "万元",
    kind: "money",
    inTemplate: false,
  }),
  col({
    id: "juniorEquipmentValue",
    zh: "初中教学仪器设备值",
    en: "Junior equipment value",
    unit: "万元",
    kind: "money",
    inTemplate: false,
  }),
  col({
    id: "primaryMultimediaRooms",
    zh: "小学网络多媒体教室数",
    en: "Primary multimedia rooms",
    unit: "间",
    kind: "rooms",
    inTemplate: false,
  }),
  col({
    id: "juniorMultimediaRooms",
    zh: "初中网络多媒体教室数",
    en: "Junior multimedia rooms",
    unit: "间",
    kind: "rooms",
    inTemplate: false,
  }),
  col({
    id: "indoorSportsArea",
    zh: "室内体育用房面积",
    en: "Indoor sports area",
    unit: "㎡",
    kind: "area",
    inTemplate: false,
  }),
];

export const TEMPLATE_COLUMNS: readonly ColumnDefinition[] = COLUMNS.filter((c) => c.inTemplate);

export function columnById(id: string): ColumnDefinition | undefined {
  return COLUMNS.find((c) => c.id === id);
}

/** The canonical template header of a column: Chinese name with its unit in full-width brackets. */
export function templateHeader(column: ColumnDefinition): string {
  return column.unit ? `${column.zh}（${column.unit}）` : column.zh;
}
