import type { Profile } from "../../standard/profile";
import type { EnrolmentLevel, SchoolRecord } from "../records";
import { nameKey, revealed, spelledOtherwise } from "../names";
import { editOrdinal, editProblem, type Edit, type EditKind, type EditProblem } from "../edits";
import type { EditedSchools } from "./schools";
import { ENROLMENT_NAMES } from "./levels";
import { effectWords, type EditEffect, type EffectFigures } from "./effects";

/** The edits of one kind, as its module takes them. */
export type EditOf<K extends EditKind> = Extract<Edit, { kind: K }>;

/** What a problem says, in both languages. */
export interface Words {
  zh: string;
  en: string;
}

/**
 * One edit being applied: the scenario's schools, and the problems it reports, each naming the edit by its place in
 * the file it came from. Each kind's module returns whether its edit applied; one refused reports why and returns
 * false (`refuse`, `notFound`, `negative`, `noLevel`).
 */
export class EditStep {
  constructor(
    readonly schools: EditedSchools,
    readonly profile: Profile,
    /** the edit's place in the file it came from */
    readonly place: number,
    private readonly problems: EditProblem[],
    private readonly effects: EditEffect[] = [],
  ) {}

  /** Says what the edit, which applies, moved or dropped (a structural edit: ./effects.ts). */
  effect(figures: EffectFigures): void {
    const effect = { ...figures, edit: this.place, sections: [] };
    this.effects.push({ ...effect, words: effectWords(effect, this.profile) });
  }

  /** The schools as the edits before this one left them. */
  get records(): SchoolRecord[] {
    return this.schools.records;
  }

  /** Reports a problem (with fields of its own, as `equipment`). */
  report(problem: EditProblem): void {
    this.problems.push(problem);
  }

  /** Reports a warning about the edit, which applies. */
  warn(code: string, field: string, zh: string, en: string): void {
    this.report(editProblem(code, this.place, field, zh, en, "warning"));
  }

  /** Reports why the edit is not applied: false. */
  refuse(code: string, field: string, zh: string, en: string): false {
    this.report(editProblem(code, this.place, field, zh, en));
    return false;
  }

  /**
   * The index of the school `name` names, or -1. A school found by `nameKey` but spelt otherwise in the table
   * (docs/school-table.md#names): the edit applies to it, and the clerk is told.
   */
  named(field: string, name: string): number {
    const i = this.schools.find(name);
    if (i >= 0 && spelledOtherwise(name, this.records[i].name))
      this.warn(
        "edit-school-spelled-otherwise",
        field,
        `“${revealed(name)}”与表中校名“${revealed(this.records[i].name)}”写法不同（空格、不可见字符或全角半角），已按同一所学校修改；请核对`,
        `"${revealed(name)}" is spelt otherwise than the table's "${revealed(this.records[i].name)}" (spaces, invisible characters or full-width forms); applied to that school: please check`,
      );
    return i;
  }

  /** No school is named `name`: said with the edit that closed or merged it, or the names it is likely a slip for. */
  notFound(field: string, name: string): false {
    const earlier = this.schools.goneBy(name);
    const near = earlier ? [] : nearNames(name, this.records);
    const [zh, en] = !earlier
      ? near.length === 0
        ? ["", ""]
        : [
            `；是否指${near.map((n) => `“${n}”`).join("或")}？`,
            `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?`,
          ]
      : earlier.into === undefined
        ? [
            `（已由${editOrdinal(earlier.edit, "zh")}撤销）`,
            ` (closed by ${editOrdinal(earlier.edit, "en")})`,
          ]
        : [
            `（已由${editOrdinal(earlier.edit, "zh")}并入“${earlier.into}”）`,
            ` (merged into "${earlier.into}" by ${editOrdinal(earlier.edit, "en")})`,
          ];
    return this.refuse(
      "edit-school-not-found",
      field,
      `找不到学校“${name}”${zh}`,
      `no school named "${name}"${en}`,
    );
  }

  /**
   * A result below zero, with what the section has, so that the clerk sees why (docs/plans.md#edits): "只有 3 人，
   * 不能派出 10 人".
   */
  negative(field: string, has?: Words): false {
    return this.refuse(
      "edit-negative-result",
      field,
      has ? `${has.zh}，未应用` : "修改后数值小于 0，未应用",
      has ? `${has.en}; not applied` : "the result would be below 0; not applied",
    );
  }

  /** School `name` has no section at level `l`; `what`: what the edit gives there, which would be lost. */
  noLevel(field: string, name: string, l: EnrolmentLevel, what?: Words): false {
    return this.refuse(
      "edit-level-not-in-school",
      field,
      `学校“${name}”没有${ENROLMENT_NAMES[l].zh}学段${what ? `，${what.zh}无处计入，未应用` : ""}`,
      `"${name}" has no ${ENROLMENT_NAMES[l].en} section${what ? `: ${what.en} would be lost; not applied` : ""}`,
    );
  }
}

/**
 * The schools whose names are one character away from `name` (one typed wrong, left out or added), as names are
 * matched (`nameKey`), at most three: what a clerk most likely meant by a name no school has. Names of fewer than
 * NEAR_NAME_LENGTH characters are too short for one character to be a slip (丙小学, 丁小学).
 */
function nearNames(name: string, records: readonly SchoolRecord[]): string[] {
  const wanted = [...nameKey(name)];
  if (wanted.length < NEAR_NAME_LENGTH) return [];
  const near: string[] = [];
  for (const r of records) {
    if (oneEditApart(wanted, [...nameKey(r.name)])) near.push(r.name);
    if (near.length === 3) break;
  }
  return near;
}

const NEAR_NAME_LENGTH = 5;

/** Whether two strings (as arrays of characters) differ by at most one character changed, added or left out. */
function oneEditApart(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // after the first difference the rest must agree, shifted by the character added or left out
  const rest = (x: number, y: number) => a.slice(x).join("") === b.slice(y).join("");
  return a.length === b.length ? rest(i + 1, i + 1) : a.length < b.length ? rest(i, i + 1) : rest(i + 1, i);
}
