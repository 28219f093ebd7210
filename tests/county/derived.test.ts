import { type SchoolFinding } from "../../src/engine/county/results";
import { classSize, deriveSchoolItems, musicArtRooms, schoolSize } from "../../src/engine/county/schoolItems";
import { schoolRecord, soundPrimary, type SchoolFields } from "./helpers";

const only = (findings: SchoolFinding[], check: SchoolFinding["check"]) =>
  findings.filter((f) => f.check === check);

describe("docs/standard.md#guarantee-3: music and art rooms per 12 classes, 96 m² / 90 m²", () => {
  const withRooms = (classes: number, music: number, art: number, smallestMusic = 100, smallestArt = 100) =>
    schoolRecord({
      primary: classes * 40,
      classes: { primary: classes },
      rooms: { music, art, smallestMusic, smallestArt },
    });

  it("24 classes need 2 rooms each: 2 passes (at), 3 passes (above), 1 fails (below) naming the cell", () => {
    expect(musicArtRooms([withRooms(24, 2, 2)]).status).toBe("pass");
    expect(musicArtRooms([withRooms(24, 3, 3)]).status).toBe("pass");
    const below = musicArtRooms([withRooms(24, 1, 2)]);
    expect(below.status).toBe("fail");
    const music = only(below.findings, "musicRooms")[0];
    expect(music).toMatchObject({ status: "fail", value: 1, limit: 2, cell: "学校!T3" });
    // a check that passes is counted, not listed
    expect(below.checked).toBe(1);
    expect(only(below.findings, "artRooms")).toEqual([]);
  });

  it("25 classes need ⌈25/12⌉ = 3 rooms; 12 classes need 1; 13 need 2", () => {
    expect(musicArtRooms([withRooms(25, 2, 3)]).status).toBe("fail");
    expect(musicArtRooms([withRooms(25, 3, 3)]).status).toBe("pass");
    expect(musicArtRooms([withRooms(12, 1, 1)]).status).toBe("pass");
    expect(musicArtRooms([withRooms(13, 1, 2)]).status).toBe("fail");
    expect(musicArtRooms([withRooms(13, 2, 2)]).status).toBe("pass");
  });

  it("a combined school counts primary plus junior classes", () => {
    const nineYear = schoolRecord({
      type: "nineYear",
      primary: 400,
      junior: 300,
      classes: { primary: 10, junior: 6 },
      rooms: { music: 1, art: 2, smallestMusic: 96, smallestArt: 90 },
    });
    const result = musicArtRooms([nineYear]);
    expect(only(result.findings, "musicRooms")[0]).toMatchObject({ status: "fail", value: 1, limit: 2 });
    expect(only(result.findings, "artRooms")).toEqual([]);
  });

  it("smallest music room: 96 m² passes (at), 95.9 fails (below), 120 passes; art room 90 / 89.9", () => {
    expect(musicArtRooms([withRooms(12, 1, 1, 96, 90)]).status).toBe("pass");
    expect(musicArtRooms([withRooms(12, 1, 1, 120, 91)]).status).toBe("pass");
    const smallMusic = musicArtRooms([withRooms(12, 1, 1, 95.9, 90)]);
    expect(smallMusic.status).toBe("fail");
    expect(only(smallMusic.findings, "smallestMusicRoom")[0]).toMatchObject({
      status: "fail",
      value: 95.9,
      limit: 96,
      cell: "学校!V3",
    });
    const smallArt = musicArtRooms([withRooms(12, 1, 1, 96, 89.9)]);
    expect(only(smallArt.findings, "smallestArtRoom")[0]).toMatchObject({ status: "fail", cell: "学校!W3" });
  });

  it("blank room columns make the school missing, never passing; a blank cell is named from its column", () => {
    const blank = schoolRecord({ primary: 300, classes: { primary: 8 } });
    const result = musicArtRooms([blank]);
    expect(result.status).toBe("missing");
    expect(only(result.findings, "musicRooms")[0].cell).toBeNull();
    const located = musicArtRooms([blank], [{ columnId: "musicRooms", cell: "学校!T2" }]);
    expect(only(located.findings, "musicRooms")[0]).toMatchObject({ status: "missing", cell: "学校!T3" });
    // a workbook without the columns says so
    expect(only(located.findings, "artRooms")[0].message.zh).toContain("学校表无此列");
  });

  it("rooms given but classes blank: one room at least is known to be needed", () => {
    const noRoom = schoolRecord({ primary: 300, rooms: { music: 0, art: 1, smallestArt: 90 } });
    const result = musicArtRooms([noRoom]);
    expect(result.status).toBe("fail");
    expect(only(result.findings, "musicRooms")[0]).toMatchObject({ status: "fail", value: 0, limit: 1 });
    expect(only(result.findings, "artRooms")[0].status).toBe("missing");
  });

  it("a failing school outweighs a missing one; an area blank where a room exists is missing", () => {
    const missingArea = schoolRecord({
      name: "甲",
      primary: 300,
      classes: { primary: 8 },
      rooms: { music: 1, art: 1 },
    });
    expect(musicArtRooms([missingArea]).status).toBe("missing");
    const failing = schoolRecord({
      name: "乙",
      row: 4,
      primary: 300,
      classes: { primary: 8 },
      rooms: { music: 0, art: 1, smallestArt: 90 },
    });
    expect(musicArtRooms([missingArea, failing]).status).toBe("fail");
  });

  it("applies to primary, junior and combined schools, not to teaching points, special or vocational schools", () => {
    const noRooms = (type: SchoolFields["type"]) =>
      schoolRecord({
        type,
        primary: 40,
        junior: type === "vocational" ? 40 : 0,
        classes: { primary: 2 },
        rooms: { music: 0, art: 0 },
      });
    for (const type of ["teachingPoint", "special", "vocational"] as const) {
      expect(musicArtRooms([noRooms(type)]).checked).toBe(0);
    }
    expect(musicArtRooms([noRooms("primary")]).status).toBe("fail");
  });

  it("with no school to check the item is missing", () => {
    expect(musicArtRooms([]).status).toBe("missing");
  });
});

describe("docs/standard.md#guarantee-4: school size ≤ 2,000, combined schools ≤ 2,500", () => {
  it("a primary school of 2,000 passes (at), 1,999 passes, 2,001 fails naming the enrolment cell", () => {
    expect(schoolSize([schoolRecord({ primary: 2000 })]).status).toBe("pass");
    expect(schoolSize([schoolRecord({ primary: 1999 })]).status).toBe("pass");
    const over = schoolSize([schoolRecord({ primary: 2001 })]);
    expect(over.status).toBe("fail");
    expect(over.findings[0]).toMatchObject({ value: 2001, limit: 2000, cell: "学校!E3" });
  });

  it("a junior school is held to 2,000 too", () => {
    expect(schoolSize([schoolRecord({ type: "junior", junior: 2000 })]).status).toBe("pass");
    expect(schoolSize([schoolRecord({ type: "junior", junior: 2001 })]).status).toBe("fail");
  });

  it("a nine-year school's compulsory part: 2,500 passes (at), 2,501 fails, 2,499 passes", () => {
    const nine = (p: number, j: number) => schoolRecord({ type: "nineYear", primary: p, junior: j });
    expect(schoolSize([nine(1500, 1000)]).status).toBe("pass");
    expect(schoolSize([nine(1500, 999)]).status).toBe("pass");
    const over = schoolSize([nine(1500, 1001)]);
    expect(over.status).toBe("fail");
    expect(over.findings[0]).toMatchObject({ value: 2501, limit: 2500, cell: "学校!E3" });
  });

  it("a twelve-year school counts only its compulsory part; senior students do not count", () => {
    const twelve = schoolRecord({ type: "twelveYear", primary: 1200, junior: 1300 });
    twelve.students.senior = 2000;
    expect(schoolSize([twelve])).toMatchObject({ status: "pass", checked: 1, findings: [] });
    const over = schoolRecord({ type: "twelveYear", primary: 1200, junior: 1301 });
    over.students.senior = 2000;
    expect(schoolSize([over]).findings).toMatchObject([{ status: "fail", value: 2501, limit: 2500 }]);
  });
});

describe("docs/standard.md#guarantee-5: every class within 45 / 50, via the largest class", () => {
  it("primary largest class 45 passes (at), 44 passes, 46 fails naming the cell", () => {
    const at = (n: number) => schoolRecord({ primary: 400, largestClass: { primary: n, grade1: 40 } });
    expect(classSize([at(45)]).classSize.status).toBe("pass");
    expect(classSize([at(44)]).classSize.status).toBe("pass");
    const over = classSize([at(46)]).classSize;
    expect(over.status).toBe("fail");
    expect(over.findings[0]).toMatchObject({ level: "primary", value: 46, limit: 45, cell: "学校!X3" });
  });

  it("junior largest class 50 passes (at), 49 passes, 51 fails", () => {
    const at = (n: number) => schoolRecord({ type: "junior", junior: 400, largestClass: { junior: n } });
    expect(classSize([at(50)]).classSize.status).toBe("pass");
    expect(classSize([at(49)]).classSize.status).toBe("pass");
    expect(classSize([at(51)]).classSize.findings[0]).toMatchObject({
      status: "fail",
      cell: "学校!Y3",
      limit: 50,
    });
  });

  it("each section of a combined school is checked against its own limit", () => {
    const nine = schoolRecord({
      type: "nineYear",
      primary: 300,
      junior: 200,
      largestClass: { primary: 45, junior: 48 },
    });
    expect(classSize([nine]).classSize).toMatchObject({ status: "pass", checked: 2 });
    const bad = schoolRecord({
      type: "nineYear",
      primary: 300,
      junior: 200,
      largestClass: { primary: 47, junior: 48 },
    });
    expect(classSize([bad]).classSize).toMatchObject({
      status: "fail",
      checked: 2,
      findings: [{ level: "primary", status: "fail", value: 47, limit: 45 }],
    });
  });

  it("a blank largest class is missing, and a section without students is not checked", () => {
    const blankJunior = schoolRecord({
      type: "nineYear",
      primary: 300,
      junior: 200,
      largestClass: { primary: 40 },
    });
    const result = classSize([blankJunior]).classSize;
    expect(result.status).toBe("missing");
    expect(result.findings).toMatchObject([{ level: "junior", status: "missing", value: null }]);
    const primaryOnly = schoolRecord({ primary: 300, largestClass: { primary: 40 } });
    expect(classSize([primaryOnly]).classSize).toMatchObject({ status: "pass", checked: 1 });
  });

  it("teaching points' classes are held to the standard too; special-education schools are not", () => {
    const tp = schoolRecord({ type: "teachingPoint", primary: 30, largestClass: { primary: 46 } });
    expect(classSize([tp]).classSize.status).toBe("fail");
    const special = schoolRecord({ type: "special", primary: 30, largestClass: { primary: 60 } });
    expect(classSize([special]).classSize.checked).toBe(0);
  });

  it("大班额 is 56 or more, 超大班额 66 or more (55 / 56 / 65 / 66)", () => {
    const records = [55, 56, 65, 66].map((n, i) =>
      schoolRecord({ name: `小学${n}`, row: 3 + i, primary: 500, largestClass: { primary: n } }),
    );
    const { largeClasses, veryLargeClasses } = classSize(records);
    expect(largeClasses.map((s) => s.largestClass)).toEqual([56, 65, 66]);
    expect(veryLargeClasses).toEqual([
      { school: "小学66", level: "primary", largestClass: 66, cell: "学校!X6" },
    ]);
  });

  it("a section without its largest class is counted apart, not as one without 大班额", () => {
    const records = [
      schoolRecord({ name: "甲", primary: 500, largestClass: { primary: 60 } }),
      schoolRecord({ name: "乙", primary: 500 }),
      schoolRecord({
        name: "丙",
        type: "nineYear",
        primary: 300,
        junior: 200,
        largestClass: { primary: 40 },
      }),
    ];
    const derived = classSize(records);
    // 乙's one section and 丙's junior section give no largest class
    expect(derived.largeClassesUnknown).toBe(2);
    expect(derived.largeClasses.map((s) => s.school)).toEqual(["甲"]);
    expect(classSize([records[0]]).largeClassesUnknown).toBe(0);
  });

  it("docs/standard.md#starting-grades: grade 1 ≤ 45 and grade 7 ≤ 50 (at passes, above fails), blank missing", () => {
    const nine = (g1: number | undefined, g7: number | undefined) =>
      schoolRecord({
        type: "nineYear",
        primary: 300,
        junior: 200,
        largestClass: { primary: 45, junior: 50, grade1: g1, grade7: g7 },
      });
    expect(classSize([nine(45, 50)]).startingGrades.status).toBe("pass");
    expect(classSize([nine(44, 49)]).startingGrades.status).toBe("pass");
    const g1 = classSize([nine(46, 50)]).startingGrades;
    expect(g1.status).toBe("fail");
    expect(g1.findings[0]).toMatchObject({ check: "startingGradeClassSize", value: 46, cell: "学校!Z3" });
    const g7 = classSize([nine(45, 51)]).startingGrades;
    expect(g7.findings).toMatchObject([{ level: "junior", status: "fail", value: 51, cell: "学校!AA3" }]);
    expect(classSize([nine(undefined, 50)]).startingGrades.status).toBe("missing");
  });
});

describe("deriveSchoolItems", () => {
  it("a sound school passes items 3, 4 and 5; a county without the guarantee columns has them missing", () => {
    const sound = deriveSchoolItems([soundPrimary()]);
    expect([sound.musicArtRooms.status, sound.schoolSize.status, sound.classSize.status]).toEqual([
      "pass",
      "pass",
      "pass",
    ]);
    const bare = deriveSchoolItems([schoolRecord({ primary: 500 })]);
    expect(bare.musicArtRooms.status).toBe("missing");
    expect(bare.classSize.status).toBe("missing");
    // school size needs only the enrolment, which every table has
    expect(bare.schoolSize.status).toBe("pass");
  });
});
