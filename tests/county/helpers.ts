import type { SchoolRecord, SchoolType } from "../../src/engine/records";
import type { CountyAnswers } from "../../src/engine/county/results";
import { COUNTY_MEASURES } from "../../src/standard/county";

const zero = { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 };

/** Column letters of the school template used to fake source cells: each guarantee column at a fixed letter. */
export const LETTER: Record<string, string> = {
  primaryStudents: "E",
  juniorStudents: "F",
  primaryClasses: "H",
  juniorClasses: "I",
  musicRooms: "T",
  artRooms: "U",
  smallestMusicRoom: "V",
  smallestArtRoom: "W",
  primaryLargestClass: "X",
  juniorLargestClass: "Y",
  grade1LargestClass: "Z",
  grade7LargestClass: "AA",
};

export interface SchoolFields {
  name?: string;
  type?: SchoolType;
  primary?: number;
  junior?: number;
  classes?: SchoolRecord["classes"];
  rooms?: SchoolRecord["rooms"];
  largestClass?: SchoolRecord["largestClass"];
  row?: number;
}

/**
 * A school record as the reader gives it, with `source.cells` for every field that was filled (blank fields have
 * no cell, as with the reader).
 */
export function schoolRecord(f: SchoolFields = {}): SchoolRecord {
  const row = f.row ?? 3;
  const cells: Record<string, string> = {};
  const note = (id: string, v: unknown) => {
    if (v !== undefined) cells[id] = `学校!${LETTER[id]}${row}`;
  };
  note("primaryStudents", f.primary);
  note("juniorStudents", f.junior);
  note("primaryClasses", f.classes?.primary);
  note("juniorClasses", f.classes?.junior);
  note("musicRooms", f.rooms?.music);
  note("artRooms", f.rooms?.art);
  note("smallestMusicRoom", f.rooms?.smallestMusic);
  note("smallestArtRoom", f.rooms?.smallestArt);
  note("primaryLargestClass", f.largestClass?.primary);
  note("juniorLargestClass", f.largestClass?.junior);
  note("grade1LargestClass", f.largestClass?.grade1);
  note("grade7LargestClass", f.largestClass?.grade7);
  return {
    name: f.name ?? "第一小学",
    type: f.type ?? "primary",
    students: { primary: f.primary ?? 0, junior: f.junior ?? 0, senior: 0 },
    classes: f.classes,
    teachers: { primary: { ...zero }, junior: { ...zero } },
    facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
    rooms: f.rooms,
    largestClass: f.largestClass,
    source: { sheet: "学校", row, cells },
  };
}

/** A primary school meeting items 3–5 of docs/standard.md#guarantee with room to spare. */
export function soundPrimary(name = "第一小学", row = 3): SchoolRecord {
  return schoolRecord({
    name,
    row,
    primary: 600,
    classes: { primary: 15 },
    rooms: { music: 2, art: 2, smallestMusic: 100, smallestArt: 95 },
    largestClass: { primary: 42, grade1: 40 },
  });
}

/** Every measure answered so that it passes: 是 for attested items, 否 for vetoes, the threshold or better. */
export function passingAnswers(): CountyAnswers {
  const answers: CountyAnswers = {};
  for (const m of COUNTY_MEASURES) {
    let value: number | boolean;
    if (m.id.startsWith("v")) value = false;
    else if (m.kind === "attested" || m.kind === "percentOrAttested") value = true;
    else if (m.comparison === "below") value = (m.threshold as number) / 2;
    else value = m.threshold as number;
    answers[m.id] = { value, cell: `县级指标!E${COUNTY_MEASURES.indexOf(m) + 4}`, evidence: "县政府文件" };
  }
  return answers;
}
