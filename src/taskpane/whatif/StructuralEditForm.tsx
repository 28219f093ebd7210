import * as React from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { applyEdits, checkEdit, describeEdit, type Edit, type EditIssue } from "../../engine/scenario";
import { EDIT_KIND_NAMES, withoutEditPlace } from "../../engine/edits";
import {
  ENROLMENT_LEVELS,
  SCHOOL_TYPE_NAMES,
  SCHOOL_TYPES,
  SECTIONS_OF_TYPE,
  type EnrolmentLevel,
  type Locale,
  type SchoolRecord,
  type SchoolType,
} from "../../engine/records";
import {
  FACILITY_INDICATORS,
  LEVEL_NAMES,
  LEVELS,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type Level,
  type TeacherIndicatorId,
} from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import type { Lang } from "../../i18n/format";
import { t, type MessageKey } from "../../i18n/messages";
import { NumberField } from "../components/NumberField";
import { usePaneStyles } from "../styles";
import { paneEditMessage, wanToYuan } from "./equipment";

/**
 * The edits that change which schools there are or move teachers or pupils between them, each with a form of its
 * own.
 */
export const STRUCTURAL_KINDS = [
  "openSchool",
  "mergeSchool",
  "closeSchool",
  "transferTeachers",
  "moveStudents",
] as const;
export type StructuralKind = (typeof STRUCTURAL_KINDS)[number];

/** What the forms hold as typed: school names as text, numbers as set, equipment in 万元. */
interface Draft {
  kind: StructuralKind;
  school: string;
  into: string;
  from: string;
  to: string;
  fromLevel: Level;
  toLevel: Level;
  /** the level of the pupils a move moves */
  level: Level;
  resource: TeacherIndicatorId;
  count: number;
  name: string;
  type: SchoolType;
  locale: Locale | "";
  students: Record<EnrolmentLevel, number>;
  teachers: Record<Level, Record<TeacherIndicatorId, number>>;
  facilities: Record<FacilityIndicatorId, number>;
}

const noTeachers = () => ({ qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 });

const EMPTY_DRAFT: Draft = {
  kind: "openSchool",
  school: "",
  into: "",
  from: "",
  to: "",
  fromLevel: "primary",
  toLevel: "primary",
  level: "primary",
  resource: "qualifiedTeachers",
  count: 1,
  name: "",
  type: "primary",
  locale: "",
  students: { primary: 0, junior: 0, senior: 0 },
  teachers: { primary: noTeachers(), junior: noTeachers() },
  facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
};

/**
 * The edit a form describes, as an edits file would write it, for the engine's own check (`checkEdit`): a new
 * school has the pupils and teachers of the levels its type has, the only fields its form shows.
 */
function rawEdit(d: Draft): unknown {
  switch (d.kind) {
    case "mergeSchool":
      return { kind: d.kind, school: d.school, into: d.into };
    case "closeSchool":
      return { kind: d.kind, school: d.school };
    case "transferTeachers":
      return {
        kind: d.kind,
        from: d.from,
        to: d.to,
        fromLevel: d.fromLevel,
        toLevel: d.toLevel,
        resource: d.resource,
        count: d.count,
      };
    case "moveStudents":
      return { kind: d.kind, from: d.from, to: d.to, level: d.level, count: d.count };
    case "openSchool":
      return {
        kind: d.kind,
        record: {
          name: d.name,
          type: d.type,
          ...(d.locale ? { locale: d.locale } : {}),
          students: Object.fromEntries(ENROLMENT_LEVELS[d.type].map((l) => [l, d.students[l]])),
          teachers: Object.fromEntries(SECTIONS_OF_TYPE[d.type].map((l) => [l, d.teachers[l]])),
          facilities: { ...d.facilities, equipmentValue: wanToYuan(d.facilities.equipmentValue) },
        },
      };
  }
}

const LOCALE_KEYS: Record<Locale, MessageKey> = {
  urban: "whatifLocaleUrban",
  town: "whatifLocaleTown",
  rural: "whatifLocaleRural",
};

export interface StructuralEditFormProps {
  lang: Lang;
  profile: Profile;
  /** the table's schools, before any edit */
  records: readonly SchoolRecord[];
  /** the edits so far, in order, when asked: a new edit is checked after them, as it will apply */
  edits(): readonly Edit[];
  /** the schools after the edits so far, offered in the school fields */
  schools: readonly string[];
  onAdd(edit: Edit): void;
}

/**
 * 学校布局调整: open a school, merge one into another, close one, move teachers between schools, or move pupils
 * from one school's catchment to another's (调整学区). Each form is checked by the engine alone: the edits' schema
 * (`checkEdit`), then applying the edit after the others (`applyEdits`). What either says is shown at its field, or
 * under the form; an edit the engine would not apply is not added, and the engine's warnings on an edit added show
 * under the form and with it in the list of edits, in the pane's words (`paneEditMessage`: equipment in 万元).
 */
export const StructuralEditForm = React.memo(function StructuralEditForm(
  props: StructuralEditFormProps,
): React.JSX.Element {
  const { lang, profile } = props;
  const styles = usePaneStyles();
  const [draft, setDraft] = React.useState<Draft>(EMPTY_DRAFT);
  // what the engine said of the last attempt, by field path ("" for what names no field of the form)
  const [said, setSaid] = React.useState<{ refused: string | null; fields: Map<string, string> }>({
    refused: null,
    fields: new Map(),
  });
  const [added, setAdded] = React.useState<string | null>(null);
  // what the engine warns of the edit just added (a new school's equipment per pupil), in the form's words
  const [warnings, setWarnings] = React.useState<string[]>([]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const levelName = (l: EnrolmentLevel) =>
    l === "senior" ? t(lang, "whatifSeniorLevel") : LEVEL_NAMES[l][lang];
  const shortName = (id: TeacherIndicatorId | FacilityIndicatorId) => profile.indicators[id].shortName[lang];
  const message = (field: string) => said.fields.get(field);
  /** a Field's look when the engine said something of its value */
  const fieldState = (field: string) => ({
    validationState: message(field) ? ("error" as const) : ("none" as const),
    validationMessage: message(field),
  });

  const submit = () => {
    setAdded(null);
    setWarnings([]);
    const checked = checkEdit(rawEdit(draft), profile);
    const fields = new Map<string, string>();
    const place = (field: string, text: string) => {
      const key = fieldPaths(draft).includes(field) ? field : "";
      fields.set(key, fields.has(key) ? `${fields.get(key)}；${text}` : text);
    };
    if (!checked.ok) {
      for (const issue of checked.issues) place(issue.field, issueText(issue, lang));
      setSaid({ refused: null, fields });
      return;
    }
    // applied after the edits so far, as the list will apply it
    const edits = props.edits();
    const index = edits.length;
    const trial = applyEdits(props.records, [...edits, checked.edit], profile);
    if (!trial.applied.includes(index)) {
      for (const p of trial.problems.filter((x) => x.edit === index)) {
        place(p.field ?? "", withoutEditPlace(p.message[lang]));
      }
      setSaid({ refused: describeEdit(checked.edit, profile, lang), fields });
      return;
    }
    setSaid({ refused: null, fields });
    setAdded(describeEdit(checked.edit, profile, lang));
    setWarnings([
      // a name typed with controls is added without them (docs/school-table.md#names), and the form says so
      ...checked.removed.map((r) => issueText(r, lang)),
      ...trial.problems
        .filter((p) => p.edit === index && p.severity === "warning")
        .flatMap((p) => paneEditMessage(p, lang, withoutEditPlace(p.message[lang])) ?? []),
    ]);
    props.onAdd(checked.edit);
    // a school is opened once: its name is cleared, so that pressing again does not ask to open it twice
    if (draft.kind === "openSchool") set({ name: "" });
  };

  const schoolField = (field: "school" | "into" | "from" | "to", label: string) => (
    <SchoolPicker
      key={field}
      label={label}
      value={draft[field]}
      schools={props.schools}
      message={message(field)}
      onText={(text) => set({ [field]: text })}
    />
  );
  const levelField = (field: "fromLevel" | "toLevel" | "level", label: string) => (
    <Field key={field} label={label} {...fieldState(field)}>
      <Select
        className={styles.fillInput}
        value={draft[field]}
        onChange={(_e, d) => set({ [field]: d.value as Level })}
      >
        {options(LEVELS, (l) => LEVEL_NAMES[l][lang])}
      </Select>
    </Field>
  );
  // a new school's figures, named apart from the steppers of the school shown above
  const newField = (label: string) => t(lang, "whatifNewField", { label });
  const numberField = (
    field: string,
    label: string,
    value: number,
    step: number,
    onValue: (n: number) => void,
  ) => (
    <NumberField
      key={field}
      lang={lang}
      label={label}
      value={value}
      decimals={2}
      step={step}
      message={message(field)}
      onValue={onValue}
    />
  );

  const fields = (): React.ReactNode[] => {
    switch (draft.kind) {
      case "mergeSchool":
        return [
          schoolField("school", t(lang, "whatifMergeSchool")),
          schoolField("into", t(lang, "whatifMergeInto")),
        ];
      case "closeSchool":
        return [schoolField("school", t(lang, "whatifCloseSchool"))];
      case "transferTeachers":
        return [
          schoolField("from", t(lang, "whatifFrom")),
          levelField("fromLevel", t(lang, "whatifFromLevel")),
          schoolField("to", t(lang, "whatifTo")),
          levelField("toLevel", t(lang, "whatifToLevel")),
          <Field key="resource" label={t(lang, "whatifTeacherKind")}>
            <Select
              className={styles.fillInput}
              value={draft.resource}
              onChange={(_e, d) => set({ resource: d.value as TeacherIndicatorId })}
            >
              {options(TEACHER_INDICATORS, (id) => shortName(id))}
            </Select>
          </Field>,
          numberField("count", t(lang, "whatifCount"), draft.count, 1, (count) => set({ count })),
        ];
      case "moveStudents":
        return [
          schoolField("from", t(lang, "whatifMoveFrom")),
          schoolField("to", t(lang, "whatifMoveTo")),
          levelField("level", t(lang, "whatifMoveLevel")),
          numberField("count", t(lang, "whatifMoveCount"), draft.count, 10, (count) => set({ count })),
        ];
      case "openSchool":
        return newSchoolFields();
    }
  };

  const newSchoolFields = (): React.ReactNode[] => {
    const type = draft.type;
    return [
      <Field key="name" label={t(lang, "whatifNewName")} {...fieldState("record.name")}>
        <Input className={styles.fillInput} value={draft.name} onChange={(_e, d) => set({ name: d.value })} />
      </Field>,
      <Field key="type" label={t(lang, "whatifNewType")}>
        <Select
          className={styles.fillInput}
          value={type}
          onChange={(_e, d) => set({ type: d.value as SchoolType })}
        >
          {options(SCHOOL_TYPES, (st) => SCHOOL_TYPE_NAMES[st][lang])}
        </Select>
      </Field>,
      <Field key="locale" label={t(lang, "whatifNewLocale")}>
        <Select
          className={styles.fillInput}
          value={draft.locale}
          onChange={(_e, d) => set({ locale: d.value as Locale | "" })}
        >
          <option value="">{t(lang, "whatifLocaleNone")}</option>
          {options(Object.keys(LOCALE_KEYS) as Locale[], (l) => t(lang, LOCALE_KEYS[l]))}
        </Select>
      </Field>,
      ...ENROLMENT_LEVELS[type].map((l) =>
        numberField(
          `record.students.${l}`,
          newField(t(lang, "whatifStudents", { level: levelName(l) })),
          draft.students[l],
          10,
          (n) => setDraft((d) => ({ ...d, students: { ...d.students, [l]: n } })),
        ),
      ),
      ...SECTIONS_OF_TYPE[type].flatMap((l) =>
        TEACHER_INDICATORS.map((id) =>
          numberField(
            `record.teachers.${l}.${id}`,
            newField(`${LEVEL_NAMES[l][lang]} ${shortName(id)}`),
            draft.teachers[l][id],
            1,
            (n) =>
              setDraft((d) => ({ ...d, teachers: { ...d.teachers, [l]: { ...d.teachers[l], [id]: n } } })),
          ),
        ),
      ),
      ...FACILITY_INDICATORS.map((id) =>
        numberField(
          `record.facilities.${id}`,
          newField(
            t(lang, "whatifUnitLabel", {
              name: shortName(id),
              unit:
                id === "equipmentValue" ? t(lang, "unitWanyuan") : profile.indicators[id].resourceUnit[lang],
            }),
          ),
          draft.facilities[id],
          id === "teachingArea" || id === "sportsArea" ? 100 : 1,
          (n) => setDraft((d) => ({ ...d, facilities: { ...d.facilities, [id]: n } })),
        ),
      ),
    ];
  };

  const unplaced = message("");
  return (
    <section aria-label={t(lang, "whatifStructural")} data-structural-form={draft.kind}>
      <h2 className={styles.stepTitle}>{t(lang, "whatifStructural")}</h2>
      <Field label={t(lang, "whatifStructuralKind")}>
        <Select
          value={draft.kind}
          onChange={(_e, d) => {
            set({ kind: d.value as StructuralKind });
            setSaid({ refused: null, fields: new Map() });
            setAdded(null);
            setWarnings([]);
          }}
        >
          {options(STRUCTURAL_KINDS, (k) => EDIT_KIND_NAMES[k][lang])}
        </Select>
      </Field>
      <div className={styles.fieldGrid}>{fields()}</div>
      <div className={styles.row}>
        <Button onClick={submit}>{t(lang, "whatifAdd")}</Button>
        {added && <Text role="status">{t(lang, "whatifAdded", { edit: added })}</Text>}
      </div>
      {warnings.map((w, i) => (
        <Text key={i} block className={styles.note} data-added-warning>
          {t(lang, "whatifWarning", { message: w })}
        </Text>
      ))}
      {(said.refused || unplaced) && (
        <Text role="alert" className={styles.mappingMissing} block data-not-added>
          {said.refused ? `${t(lang, "whatifNotAdded")}${said.refused}` : ""}
          {said.refused && unplaced ? (lang === "zh" ? "。" : ". ") : ""}
          {unplaced ?? ""}
        </Text>
      )}
    </section>
  );
});

/** The paths in the edit of the fields a form shows with a message of their own: the rest show under the form. */
function fieldPaths(d: Draft): readonly string[] {
  switch (d.kind) {
    case "mergeSchool":
      return ["school", "into"];
    case "closeSchool":
      return ["school"];
    case "transferTeachers":
      return ["from", "to", "fromLevel", "toLevel", "count"];
    case "moveStudents":
      return ["from", "to", "level", "count"];
    case "openSchool":
      return [
        "record.name",
        ...ENROLMENT_LEVELS[d.type].map((l) => `record.students.${l}`),
        ...SECTIONS_OF_TYPE[d.type].flatMap((l) =>
          TEACHER_INDICATORS.map((id) => `record.teachers.${l}.${id}`),
        ),
        ...FACILITY_INDICATORS.map((id) => `record.facilities.${id}`),
      ];
  }
}

/** A native select's options: each value with its name. */
function options<T extends string>(values: readonly T[], name: (value: T) => string) {
  return values.map((v) => (
    <option key={v} value={v}>
      {name(v)}
    </option>
  ));
}

const issueText = (issue: EditIssue, lang: Lang) => (lang === "zh" ? issue.zh : issue.en);

interface SchoolPickerProps {
  label: string;
  value: string;
  schools: readonly string[];
  message: string | undefined;
  onText(text: string): void;
}

/**
 * A school's name, picked from the schools or typed: a name no school has is the engine's to refuse, with the
 * names one character away (`nearNames`), as the edits file is.
 */
function SchoolPicker(props: SchoolPickerProps) {
  const styles = usePaneStyles();
  // the browser's own list of suggestions, filtered as the name is typed
  const list = React.useId();
  return (
    <Field
      label={props.label}
      validationState={props.message ? "error" : "none"}
      validationMessage={props.message}
    >
      <Input
        className={styles.fillInput}
        list={list}
        autoComplete="off"
        value={props.value}
        onChange={(_e, d) => props.onText(d.value)}
      />
      <datalist id={list}>
        {props.schools.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </Field>
  );
}
