/**
 * The county-level parts of the standard as data (docs/standard.md#parts, docs/standard.md#guarantee, docs/standard.md#quality, docs/standard.md#league-plan): the 15 government-guarantee
 * items, the 9 education-quality items, social recognition and the one-vote vetoes. Each item holds the
 * measures a county reports on the county sheet (县级指标), each with its kind, comparison and threshold; the
 * items checked from the school table (§5 items 3–5) hold their limits here too. The engine
 * (src/engine/county/) compares; nothing here computes.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export type CountyPart = "guarantee" | "quality" | "recognition";

/**
 * How a measure's value is written and read:
 * percent — a share (0.95, 95, "95%", "９５％"); ratio — a plain ratio (1.02 or "102%"); yuan — 元 (or "0.6万元");
 * attested — 是/否; level — a monitoring level Ⅰ–Ⅳ; rate — a plain rate (0.12 or "12%");
 * percentOrAttested — either a share or 是/否.
 */
export type MeasureKind = "percent" | "ratio" | "yuan" | "attested" | "level" | "rate" | "percentOrAttested";

/** atLeast: value ≥ threshold (exactly at the threshold passes); below: value < threshold (strictly); yes: 是. */
export type Comparison = "atLeast" | "below" | "yes";

export interface MeasureDefinition {
  /** stable id, e.g. "g11.rotation" */
  id: string;
  /** the key of this measure inside its item's value object, e.g. "rotation" */
  key: string;
  /** the row code on the county sheet, e.g. 保障11-1 */
  code: string;
  /** English alias of the row code, e.g. G11-1 */
  codeEn: string;
  /** what the county reports */
  text: Bilingual;
  kind: MeasureKind;
  comparison: Comparison;
  /** in the value's own unit: shares as fractions (0.95), 元, levels as 1–4 */
  threshold?: number;
  /** requirement with its threshold, as shown on the sheet and in results */
  requirement: Bilingual;
  /**
   * grades a county may answer an attested measure with, beyond 是/否, as the standard words its requirement:
   * those that meet it (良好以上: 优秀, 良好) and those that do not
   */
  grades?: { meet: readonly string[]; fail: readonly string[] };
}

/**
 * The kind of an item as a whole: number/percent/ratio — compared automatically; attested — 是/否 with evidence;
 * derived — computed from the school table; mixed — several measures of different kinds.
 */
export type ItemKind = "number" | "percent" | "ratio" | "attested" | "derived" | "mixed";

export interface CountyItemDefinition {
  part: CountyPart;
  /** number of the item within its part (docs/standard.md#guarantee, docs/standard.md#quality); recognition is 1 */
  item: number;
  /** stable key: G1…G15, Q1…Q9, R1 */
  key: string;
  /** short name */
  title: Bilingual;
  /** the item as the standard words it */
  text: Bilingual;
  kind: ItemKind;
  /** the whole requirement, with thresholds */
  requirement: Bilingual;
  /** measures reported on the county sheet (none for items derived from the school table only) */
  measures: MeasureDefinition[];
  /** checked from the school table (§5 items 3, 4, 5) */
  derived?: "musicArtRooms" | "schoolSize" | "classSize";
}

export interface VetoDefinition {
  veto: number;
  /** V1…V5 */
  key: string;
  title: Bilingual;
  /** asked on the county sheet; 是 means the veto applies (absent for the veto derived from recognition) */
  measure?: MeasureDefinition;
  /** the recognition veto follows from the recognition item */
  derivedFrom?: "recognition";
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });

const YES_REQUIRED = b("是", "yes");

function measure(
  id: string,
  key: string,
  code: string,
  codeEn: string,
  text: Bilingual,
  kind: MeasureKind,
  comparison: Comparison,
  threshold: number | undefined,
  requirement: Bilingual,
): MeasureDefinition {
  return { id, key, code, codeEn, text, kind, comparison, threshold, requirement };
}

const attested = (id: string, code: string, codeEn: string, text: Bilingual): MeasureDefinition =>
  measure(id, "attested", code, codeEn, text, "attested", "yes", undefined, YES_REQUIRED);

const atLeastPercent = (
  id: string,
  key: string,
  code: string,
  codeEn: string,
  text: Bilingual,
  share: number,
): MeasureDefinition => {
  // a share of 100 % is reached only by being all (达到100%): "= 100%", as the item's requirement says it
  const shown = share === 1 ? "= 100%" : `≥ ${Math.round(share * 1000) / 10}%`;
  return measure(id, key, code, codeEn, text, "percent", "atLeast", share, b(shown, shown));
};

/** docs/standard.md#guarantee: the limits of the items checked from the school table. */
export const SCHOOL_TABLE_LIMITS = {
  /** item 3: ≥ 1 music room and ≥ 1 art room per 12 classes */
  classesPerRoom: 12,
  smallestMusicRoom: 96,
  smallestArtRoom: 90,
  /** item 4: students of the compulsory part */
  schoolSize: { single: 2000, combined: 2500 },
  /** item 5: students in every class */
  classSize: { primary: 45, junior: 50 },
  /** class-size vocabulary (docs/standard.md#class-size): 大班额 56 or more, 超大班额 66 or more */
  largeClass: 56,
  veryLargeClass: 66,
} as const;

/** docs/standard.md#guarantee: the 15 government-guarantee items (政府保障程度). */
export const GUARANTEE_ITEMS: readonly CountyItemDefinition[] = [
  {
    part: "guarantee",
    item: 1,
    key: "G1",
    title: b("规划布局合理", "School layout planned"),
    text: b(
      "县级人民政府制定义务教育学校规划布局，规划布局合理，符合国家规定要求。",
      "The county plans its school layout reasonably, as national rules require.",
    ),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      attested(
        "g1.attested",
        "保障1",
        "G1",
        b("学校规划布局合理，符合国家规定", "School layout planned as required"),
      ),
    ],
  },
  {
    part: "guarantee",
    item: 2,
    key: "G2",
    title: b("城乡统一标准", "Unified urban–rural standards"),
    text: b(
      "县级人民政府制定城乡统一的学校建设标准、教师编制标准、生均公用经费基准定额、中小学校装备配置标准。",
      "Unified urban–rural standards for school building, staffing, per-student public funding and equipment.",
    ),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      attested(
        "g2.attested",
        "保障2",
        "G2",
        b("已制定城乡统一的建设、编制、经费、装备标准", "Unified urban–rural standards in force"),
      ),
    ],
  },
  {
    part: "guarantee",
    item: 3,
    key: "G3",
    title: b("音乐美术专用教室", "Music and art rooms"),
    text: b(
      "所有小学、初中每12个班级配备音乐、美术专用教室1间以上；其中，每间音乐专用教室面积不小于96平方米，每间美术专用教室面积不小于90平方米。",
      "Every primary and junior school has at least one music room and one art room per 12 classes; each music room at least 96 m², each art room at least 90 m².",
    ),
    kind: "derived",
    requirement: b(
      "音乐、美术专用教室各 ≥ ⌈班级数 ÷ 12⌉ 间；音乐教室 ≥ 96 ㎡，美术教室 ≥ 90 ㎡",
      "music and art rooms each ≥ ⌈classes ÷ 12⌉; music room ≥ 96 m², art room ≥ 90 m²",
    ),
    measures: [],
    derived: "musicArtRooms",
  },
  {
    part: "guarantee",
    item: 4,
    key: "G4",
    title: b("学校规模", "School size"),
    text: b(
      "所有小学、初中学校规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人。",
      "Primary and junior schools have at most 2,000 students; nine-year and twelve-year schools at most 2,500 in their compulsory part.",
    ),
    kind: "derived",
    requirement: b(
      "小学、初中 ≤ 2,000 人；九年一贯制、十二年一贯制义务教育阶段 ≤ 2,500 人",
      "primary and junior ≤ 2,000; nine- and twelve-year schools' compulsory part ≤ 2,500",
    ),
    measures: [],
    derived: "schoolSize",
  },
  {
    part: "guarantee",
    item: 5,
    key: "G5",
    title: b("班额", "Class size"),
    text: b(
      "小学、初中所有班级学生数分别不超过45人、50人。",
      "Every primary class has at most 45 students, every junior class at most 50.",
    ),
    kind: "derived",
    requirement: b("小学每班 ≤ 45 人，初中每班 ≤ 50 人", "primary classes ≤ 45, junior classes ≤ 50"),
    measures: [],
    derived: "classSize",
  },
  {
    part: "guarantee",
    item: 6,
    key: "G6",
    title: b("小规模学校公用经费", "Small schools funded as 100"),
    text: b(
      "不足100名学生的村小学和教学点按100名学生核定公用经费。",
      "Village schools and teaching points with fewer than 100 students are funded as 100 students.",
    ),
    kind: "mixed",
    requirement: b("是，或按100人核定的比例 100%", "yes, or 100 % of such schools funded as 100"),
    measures: [
      measure(
        "g6.funded",
        "funded",
        "保障6",
        "G6",
        b(
          "不足100人的村小学和教学点按100人核定公用经费（填“是/否”或所占比例）",
          "Small village schools and teaching points funded as 100 students (yes/no or the share)",
        ),
        "percentOrAttested",
        "atLeast",
        1,
        b("是，或 100%", "yes, or 100%"),
      ),
    ],
  },
  {
    part: "guarantee",
    item: 7,
    key: "G7",
    title: b("特殊教育学校生均公用经费", "Special-education funding"),
    text: b(
      "特殊教育学校生均公用经费不低于6000元。",
      "Special-education schools: public funding of at least 6,000 yuan per student per year.",
    ),
    kind: "number",
    requirement: b("≥ 6,000 元/生·年", "≥ 6,000 yuan per student per year"),
    measures: [
      measure(
        "g7.funding",
        "funding",
        "保障7",
        "G7",
        b(
          "特殊教育学校生均公用经费（元/生·年）",
          "Special-education public funding (yuan per student per year)",
        ),
        "yuan",
        "atLeast",
        6000,
        b("≥ 6,000 元", "≥ 6,000 yuan"),
      ),
    ],
  },
  {
    part: "guarantee",
    item: 8,
    key: "G8",
    title: b("教师工资", "Teachers' pay"),
    text: b(
      "全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量。",
      "Teachers' average pay is at least local civil servants' average pay; performance pay is fully approved.",
    ),
    kind: "mixed",
    requirement: b(
      "教师平均工资 ÷ 公务员平均工资 ≥ 1；绩效工资足额核定",
      "teacher ÷ civil-servant pay ≥ 1; performance pay approved",
    ),
    measures: [
      measure(
        "g8.payRatio",
        "payRatio",
        "保障8-1",
        "G8-1",
        b(
          "教师平均工资与当地公务员平均工资之比",
          "Teachers' average pay ÷ local civil servants' average pay",
        ),
        "ratio",
        "atLeast",
        1,
        b("≥ 1", "≥ 1"),
      ),
      measure(
        "g8.performancePay",
        "performancePay",
        "保障8-2",
        "G8-2",
        b("按规定足额核定教师绩效工资总量", "Performance pay fully approved"),
        "attested",
        "yes",
        undefined,
        YES_REQUIRED,
      ),
    ],
  },
  {
    part: "guarantee",
    item: 9,
    key: "G9",
    title: b("教师培训完成率", "Teacher training"),
    text: b("教师5年360学时培训完成率达到100%。", "Completion of 360 hours of training in 5 years: 100 %."),
    kind: "percent",
    requirement: b("= 100%", "= 100%"),
    measures: [
      atLeastPercent(
        "g9.training",
        "training",
        "保障9",
        "G9",
        b("教师5年360学时培训完成率", "Completion of 360 training hours in 5 years"),
        1,
      ),
    ],
  },
  {
    part: "guarantee",
    item: 10,
    key: "G10",
    title: b("编制岗位统筹", "Staffing quotas allocated"),
    text: b(
      "县级教育行政部门在核定的教职工编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量。",
      "The county allocates staffing quotas and posts across schools within the approved totals.",
    ),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      attested(
        "g10.attested",
        "保障10",
        "G10",
        b("在核定总额内统筹分配各校编制和岗位", "Quotas and posts allocated within the approved totals"),
      ),
    ],
  },
  {
    part: "guarantee",
    item: 11,
    key: "G11",
    title: b("教师交流轮岗", "Teacher rotation"),
    text: b(
      "全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%。",
      "Each year at least 10 % of eligible teachers rotate; key teachers are at least 20 % of those rotated.",
    ),
    kind: "percent",
    requirement: b(
      "交流轮岗比例 ≥ 10%；其中骨干教师 ≥ 20%",
      "rotation ≥ 10 %; key teachers ≥ 20 % of those rotated",
    ),
    measures: [
      atLeastPercent(
        "g11.rotation",
        "rotation",
        "保障11-1",
        "G11-1",
        b("交流轮岗教师占符合交流条件教师总数的比例", "Rotated teachers ÷ eligible teachers"),
        0.1,
      ),
      atLeastPercent(
        "g11.keyShare",
        "keyShare",
        "保障11-2",
        "G11-2",
        b("骨干教师占交流轮岗教师总数的比例", "Key teachers ÷ rotated teachers"),
        0.2,
      ),
    ],
  },
  {
    part: "guarantee",
    item: 12,
    key: "G12",
    title: b("教师资格持证上岗", "Teaching certificates"),
    text: b(
      "专任教师持有教师资格证上岗率达到100%。",
      "Full-time teachers holding a teaching certificate: 100 %.",
    ),
    kind: "percent",
    requirement: b("= 100%", "= 100%"),
    measures: [
      atLeastPercent(
        "g12.certified",
        "certified",
        "保障12",
        "G12",
        b("专任教师持证上岗率", "Full-time teachers with a teaching certificate"),
        1,
      ),
    ],
  },
  {
    part: "guarantee",
    item: 13,
    key: "G13",
    title: b("就近划片入学", "Nearby enrolment"),
    text: b(
      "城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例分别达到100%、95%以上。",
      "Nearby enrolment in urban and town public schools (boarding schools excepted): primary 100 %, junior at least 95 %.",
    ),
    kind: "percent",
    requirement: b("小学 = 100%；初中 ≥ 95%", "primary = 100 %; junior ≥ 95 %"),
    measures: [
      atLeastPercent(
        "g13.primary",
        "primary",
        "保障13-1",
        "G13-1",
        b("城区和镇区公办小学就近划片入学比例", "Nearby enrolment, urban and town public primary schools"),
        1,
      ),
      atLeastPercent(
        "g13.junior",
        "junior",
        "保障13-2",
        "G13-2",
        b("城区和镇区公办初中就近划片入学比例", "Nearby enrolment, urban and town public junior schools"),
        0.95,
      ),
    ],
  },
  {
    part: "guarantee",
    item: 14,
    key: "G14",
    title: b("优质高中指标到校", "Senior-high quota allocation"),
    text: b(
      "全县优质高中招生名额分配比例不低于50%，并向农村学校倾斜。",
      "At least 50 % of quality senior-high places are allocated to junior schools, favouring rural schools.",
    ),
    kind: "percent",
    requirement: b("≥ 50%", "≥ 50%"),
    measures: [
      atLeastPercent(
        "g14.quota",
        "quota",
        "保障14",
        "G14",
        b("优质高中招生名额分配到校比例", "Quality senior-high places allocated to junior schools"),
        0.5,
      ),
    ],
  },
  {
    part: "guarantee",
    item: 15,
    key: "G15",
    title: b("随迁子女与留守儿童", "Migrant and left-behind children"),
    text: b(
      "符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%；留守儿童关爱体系健全。",
      "At least 85 % of eligible migrant workers' children attend public or government-funded private schools; a care system for left-behind children is in place.",
    ),
    kind: "mixed",
    requirement: b(
      "随迁子女就读比例 ≥ 85%；留守儿童关爱体系健全",
      "migrant children ≥ 85 %; care system in place",
    ),
    measures: [
      atLeastPercent(
        "g15.migrant",
        "migrant",
        "保障15-1",
        "G15-1",
        b(
          "随迁子女在公办学校和政府购买服务的民办学校就读比例",
          "Migrant children in public or government-funded private schools",
        ),
        0.85,
      ),
      measure(
        "g15.leftBehindCare",
        "leftBehindCare",
        "保障15-2",
        "G15-2",
        b("留守儿童关爱体系健全", "Care system for left-behind children in place"),
        "attested",
        "yes",
        undefined,
        YES_REQUIRED,
      ),
    ],
  },
];

/** docs/standard.md#quality: the 9 education-quality items (教育质量). */
export const QUALITY_ITEMS: readonly CountyItemDefinition[] = [
  {
    part: "quality",
    item: 1,
    key: "Q1",
    title: b("初中巩固率", "Junior retention"),
    text: b("全县初中三年巩固率达到95%以上。", "Junior three-year retention at least 95 %."),
    kind: "percent",
    requirement: b("≥ 95%", "≥ 95%"),
    measures: [
      atLeastPercent(
        "q1.retention",
        "retention",
        "质量1",
        "Q1",
        b("初中三年巩固率", "Junior three-year retention"),
        0.95,
      ),
    ],
  },
  {
    part: "quality",
    item: 2,
    key: "Q2",
    title: b("残疾儿童少年入学率", "Enrolment of children with disabilities"),
    text: b(
      "全县残疾儿童少年入学率达到95%以上。",
      "Enrolment rate of children with disabilities at least 95 %.",
    ),
    kind: "percent",
    requirement: b("≥ 95%", "≥ 95%"),
    measures: [
      atLeastPercent(
        "q2.disabledEnrolment",
        "disabledEnrolment",
        "质量2",
        "Q2",
        b("残疾儿童少年入学率", "Enrolment rate of children with disabilities"),
        0.95,
      ),
    ],
  },
  {
    part: "quality",
    item: 3,
    key: "Q3",
    title: b("学校章程与信息化管理", "Charters and digital management"),
    text: b(
      "所有学校制定章程，实现学校管理与教学信息化。",
      "Every school has a charter; management and teaching are digitised.",
    ),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      attested(
        "q3.attested",
        "质量3",
        "Q3",
        b("所有学校有章程，管理与教学信息化", "Charters in place, digitised management"),
      ),
    ],
  },
  {
    part: "quality",
    item: 4,
    key: "Q4",
    title: b("教师培训经费", "Teacher-training budget"),
    text: b(
      "所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费。",
      "Every school spends at least 5 % of its annual public-funding budget on teacher training.",
    ),
    kind: "percent",
    requirement: b("每所学校 ≥ 5%", "every school ≥ 5 %"),
    measures: [
      atLeastPercent(
        "q4.trainingBudget",
        "trainingBudget",
        "质量4",
        "Q4",
        b(
          "教师培训经费占年度公用经费预算的比例（各校中最低者）",
          "Teacher-training share of the public-funding budget (lowest school)",
        ),
        0.05,
      ),
    ],
  },
  {
    part: "quality",
    item: 5,
    key: "Q5",
    title: b("信息化教学与设施利用", "ICT in teaching"),
    text: b(
      "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平。",
      "Teachers use ICT fluently in teaching; facilities and equipment are used at a high rate.",
    ),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      attested(
        "q5.attested",
        "质量5",
        "Q5",
        b("教师熟练运用信息化手段，设施利用率高", "ICT used fluently, facilities well used"),
      ),
    ],
  },
  {
    part: "quality",
    item: 6,
    key: "Q6",
    title: b("德育与校园文化", "Moral education and campus culture"),
    text: b(
      "所有学校德育工作、校园文化建设水平达到良好以上。",
      "Moral education and campus culture are rated good or better in every school.",
    ),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      {
        ...attested(
          "q6.attested",
          "质量6",
          "Q6",
          b("所有学校德育和校园文化达到良好以上", "Every school rated good or better"),
        ),
        // docs/standard.md#quality-6: 良好以上 — a grade of 良好 or 优秀 meets it, a lower one does not
        grades: { meet: ["优秀", "良好"], fail: ["中等", "合格", "一般", "较差", "差", "不合格"] },
      },
    ],
  },
  {
    part: "quality",
    item: 7,
    key: "Q7",
    title: b("课程与教学秩序", "Curriculum and teaching"),
    text: b(
      "课程开齐开足，教学秩序规范，综合实践活动有效开展。",
      "The full curriculum is taught, teaching is orderly, practical activities are carried out.",
    ),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      attested(
        "q7.attested",
        "质量7",
        "Q7",
        b("课程开齐开足，教学规范，综合实践有效开展", "Full curriculum, orderly teaching"),
      ),
    ],
  },
  {
    part: "quality",
    item: 8,
    key: "Q8",
    title: b("学生课业负担", "Academic burden"),
    text: b("无过重课业负担。", "No excessive academic burden."),
    kind: "attested",
    requirement: YES_REQUIRED,
    measures: [
      attested("q8.attested", "质量8", "Q8", b("学生无过重课业负担", "No excessive academic burden")),
    ],
  },
  {
    part: "quality",
    item: 9,
    key: "Q9",
    title: b("质量监测", "Quality monitoring"),
    text: b(
      "在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15。",
      "In national quality monitoring, students reach level Ⅲ or above in the monitored subjects, and the inter-school difference rate is below 0.15.",
    ),
    kind: "mixed",
    requirement: b("学业水平 ≥ Ⅲ级；校际差异率 < 0.15", "level ≥ Ⅲ; difference rate < 0.15"),
    measures: [
      measure(
        "q9.level",
        "level",
        "质量9-1",
        "Q9-1",
        b(
          "监测科目学生学业水平等级（各科中最低者，Ⅰ–Ⅳ）",
          "Students' level in the monitored subjects (lowest subject, Ⅰ–Ⅳ)",
        ),
        "level",
        "atLeast",
        3,
        b("≥ Ⅲ级", "≥ level Ⅲ"),
      ),
      measure(
        "q9.differenceRate",
        "differenceRate",
        "质量9-2",
        "Q9-2",
        b("校际差异率", "Inter-school difference rate"),
        "rate",
        "below",
        0.15,
        b("< 0.15", "< 0.15"),
      ),
    ],
  },
];

/** docs/standard.md#recognition: social recognition (社会认可度). */
export const RECOGNITION_ITEM: CountyItemDefinition = {
  part: "recognition",
  item: 1,
  key: "R1",
  title: b("社会认可度", "Social recognition"),
  text: b(
    "学生、家长、教师、校长、人大代表、政协委员及其他群众对县域义务教育优质均衡发展的认可度达到85%以上。",
    "Students, parents, teachers, principals, deputies and others recognise the county's balanced development: at least 85 %.",
  ),
  kind: "percent",
  requirement: b("≥ 85%", "≥ 85%"),
  measures: [
    atLeastPercent(
      "r1.recognition",
      "recognition",
      "认可度",
      "R1",
      b("社会认可度调查结果", "Survey result"),
      0.85,
    ),
  ],
};

const vetoQuestion = (id: string, code: string, codeEn: string, text: Bilingual): MeasureDefinition =>
  measure(id, "applies", code, codeEn, text, "attested", "yes", undefined, b("否", "no"));

/** docs/standard.md#veto: the one-vote vetoes (一票否决). 是 means the veto applies. */
export const VETOES: readonly VetoDefinition[] = [
  {
    veto: 1,
    key: "V1",
    title: b("以考试方式招生", "Admission by examination"),
    measure: vetoQuestion(
      "v1.examAdmission",
      "否决1",
      "V1",
      b("是否存在以考试方式招生", "Admission by examination?"),
    ),
  },
  {
    veto: 2,
    key: "V2",
    title: b("违规择校", "Illegal school choice"),
    measure: vetoQuestion(
      "v2.schoolChoice",
      "否决2",
      "V2",
      b("是否存在违规择校行为", "Illegal school choice?"),
    ),
  },
  {
    veto: 3,
    key: "V3",
    title: b("重点学校或重点班", "Key schools or key classes"),
    measure: vetoQuestion(
      "v3.keySchools",
      "否决3",
      "V3",
      b("是否设置重点学校或重点班", "Key schools or key classes?"),
    ),
  },
  {
    veto: 4,
    key: "V4",
    title: b("弄虚作假", "Fraud in the materials"),
    measure: vetoQuestion("v4.fraud", "否决4", "V4", b("是否存在弄虚作假行为", "Fraud in the materials?")),
  },
  {
    veto: 5,
    key: "V5",
    title: b("社会认可度低于85%", "Social recognition below 85 %"),
    derivedFrom: "recognition",
  },
];

/** Every measure the county sheet asks for, in sheet order. */
export const COUNTY_MEASURES: readonly MeasureDefinition[] = [
  ...GUARANTEE_ITEMS.flatMap((i) => i.measures),
  ...QUALITY_ITEMS.flatMap((i) => i.measures),
  ...RECOGNITION_ITEM.measures,
  ...VETOES.flatMap((v) => (v.measure ? [v.measure] : [])),
];

export function measureById(id: string): MeasureDefinition | undefined {
  return COUNTY_MEASURES.find((m) => m.id === id);
}

export const PART_NAMES: Record<CountyPart | "resources" | "vetoes", Bilingual> = {
  resources: b("资源配置", "Resource allocation"),
  guarantee: b("政府保障程度", "Government guarantee"),
  quality: b("教育质量", "Education quality"),
  recognition: b("社会认可度", "Social recognition"),
  vetoes: b("一票否决", "One-vote vetoes"),
};

/** A county and the year it is to be recognised (docs/standard.md#league-plan). */
export interface CountyTarget {
  name: string;
  targetYear: number;
  /**
   * other names the county goes by where tables name it: its full official name, as the statistics system writes
   * it (科尔沁右翼前旗 for 科右前旗)
   */
  aliases?: readonly string[];
}

/**
 * The Xing'an League plan (兴安盟推进义务教育优质均衡发展攻坚行动方案 2025—2028, docs/standard.md#league-plan): target year of
 * each county, and from the autumn term of 2026 every starting-grade class (grades 1 and 7) within the standard.
 */
export const XING_AN_LEAGUE_PLAN = {
  name: b(
    "兴安盟推进义务教育优质均衡发展攻坚行动方案（2025—2028年）",
    "Xing'an League action plan 2025–2028",
  ),
  counties: [
    { name: "阿尔山市", targetYear: 2026 },
    { name: "乌兰浩特市", targetYear: 2028 },
    { name: "扎赉特旗", targetYear: 2028 },
    { name: "科右前旗", targetYear: 2028, aliases: ["科尔沁右翼前旗"] },
    { name: "突泉县", targetYear: 2028 },
    { name: "科右中旗", targetYear: 2028, aliases: ["科尔沁右翼中旗"] },
  ] as readonly CountyTarget[],
  /**
   * the autumn term of 2026: year and month from which starting-grade classes must be within the standard
   * (docs/standard.md#starting-grades)
   */
  startingGradesFrom: { year: 2026, month: 9 },
} as const;
