import type { Profile } from "./profile";
import { XING_AN_LEAGUE_PLAN } from "./county";

/**
 * 县域义务教育优质均衡发展督导评估办法 (教督〔2017〕6号), as distilled in docs/standard.md#indicators, docs/standard.md#coefficient, docs/standard.md#scope.
 */
export const NATIONAL_2017: Profile = {
  id: "national-2017",
  name: { zh: "国家标准（教督〔2017〕6号）", en: "National standard (2017)" },
  source: "县域义务教育优质均衡发展督导评估办法 教督〔2017〕6号",
  indicators: {
    qualifiedTeachers: {
      name: {
        zh: "每百名学生拥有高于规定学历教师数",
        en: "Teachers above required qualification per 100 students",
      },
      shortName: { zh: "高学历教师", en: "Qualified teachers" },
      unit: { zh: "人/百生", en: "per 100 students" },
      resourceUnit: { zh: "人", en: "teachers" },
      scale: "per100",
      integral: true,
      standard: { primary: 4.2, junior: 5.3 },
    },
    keyTeachers: {
      name: {
        zh: "每百名学生拥有县级以上骨干教师数",
        en: "County-level or higher key teachers per 100 students",
      },
      shortName: { zh: "骨干教师", en: "Key teachers" },
      unit: { zh: "人/百生", en: "per 100 students" },
      resourceUnit: { zh: "人", en: "teachers" },
      scale: "per100",
      integral: true,
      standard: { primary: 1.0, junior: 1.0 },
    },
    peArtTeachers: {
      name: {
        zh: "每百名学生拥有体育、艺术(美术、音乐)专任教师数",
        en: "Full-time PE and art (music, fine art) teachers per 100 students",
      },
      shortName: { zh: "体艺教师", en: "PE and art teachers" },
      unit: { zh: "人/百生", en: "per 100 students" },
      resourceUnit: { zh: "人", en: "teachers" },
      scale: "per100",
      integral: true,
      standard: { primary: 0.9, junior: 0.9 },
    },
    teachingArea: {
      name: { zh: "生均教学及辅助用房面积", en: "Teaching and auxiliary room area per student" },
      shortName: { zh: "教学用房", en: "Teaching area" },
      unit: { zh: "㎡/生", en: "m² per student" },
      resourceUnit: { zh: "㎡", en: "m²" },
      scale: "perStudent",
      integral: false,
      standard: { primary: 4.5, junior: 5.8 },
    },
    sportsArea: {
      name: { zh: "生均体育运动场馆面积", en: "Sports ground and gymnasium area per student" },
      shortName: { zh: "运动场馆", en: "Sports area" },
      unit: { zh: "㎡/生", en: "m² per student" },
      resourceUnit: { zh: "㎡", en: "m²" },
      scale: "perStudent",
      integral: false,
      standard: { primary: 7.5, junior: 10.2 },
    },
    equipmentValue: {
      name: { zh: "生均教学仪器设备值", en: "Teaching equipment value per student" },
      shortName: { zh: "仪器设备", en: "Equipment value" },
      unit: { zh: "元/生", en: "yuan per student" },
      resourceUnit: { zh: "元", en: "yuan" },
      scale: "perStudent",
      integral: false,
      standard: { primary: 2000, junior: 2500 },
    },
    multimediaRooms: {
      name: { zh: "每百名学生拥有网络多媒体教室数", en: "Networked multimedia classrooms per 100 students" },
      shortName: { zh: "多媒体教室", en: "Multimedia rooms" },
      unit: { zh: "间/百生", en: "rooms per 100 students" },
      resourceUnit: { zh: "间", en: "rooms" },
      scale: "per100",
      integral: true,
      standard: { primary: 2.3, junior: 2.4 },
    },
  },
  // docs/standard.md#pass-rule
  passRule: { minMet: 6, floorRatio: 0.85 },
  // docs/standard.md#balance
  cvLimit: { primary: 0.5, junior: 0.45 },
  // docs/standard.md#scope
  exclusions: { specialEducation: true, vocational: true, teachingPointMinStudents: 50 },
  // docs/standard.md#teaching-points
  teachingPoints: "ownSchool",
  // docs/standard.md#apportioning
  apportioning: {
    nineYear: { primary: 1, junior: 1.1 },
    twelveYear: { primary: 1, junior: 1.1, senior: 1.32 },
    complete: { junior: 1, senior: 1.2 },
  },
  // docs/standard.md#indoor-sports
  indoorSportsMovesToSportsArea: false,
  // docs/standard.md#equipment-unit
  equipmentDefaultUnit: "万元",
  equipmentImplausibleBelow: 50,
  // the seed: the Xing'an League plan's counties, their target years and its starting-grade date
  counties: XING_AN_LEAGUE_PLAN.counties.map(({ aliases, ...c }) => ({
    ...c,
    ...(aliases ? { aliases: [...aliases] } : {}),
  })),
  startingGradesFrom: { ...XING_AN_LEAGUE_PLAN.startingGradesFrom },
};
