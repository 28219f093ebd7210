import { Button, Field, Radio, RadioGroup, Spinner, Text } from "@fluentui/react-components";
import type { TableSource } from "../../excel/host";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import type { Busy } from "../useCheckFlow";
import { usePaneStyles } from "../styles";

/** What the last read took and what it held, for the line under the button and the printed views' heading. */
export interface ReadLine {
  sheet: string;
  range: string;
  schools: number;
  /**
   * a statistics export of several counties before one is chosen: how many it holds (its schools are not read
   * until then, so the count of schools would read 0)
   */
  countiesToChoose: number | null;
}

/** 已读取 学校基本情况!A1:AC31：11 所学校, or, before a county of several is chosen, how many there are to choose from. */
export function readLineText(lang: Lang, read: ReadLine): string {
  const { sheet, range, schools, countiesToChoose } = read;
  return countiesToChoose === null
    ? t(lang, "readFrom", { sheet, range, schools })
    : t(lang, "readFromChoose", { sheet, range, counties: countiesToChoose });
}

export interface StartStepProps {
  lang: Lang;
  source: TableSource;
  busy: Busy;
  insertedSheet: string | null;
  /** what the last read took, and how many schools it held */
  read: ReadLine | null;
  /** the web app has no empty sheet to fill in: it hides the template buttons */
  canInsertTemplate?: boolean;
  /** false where no range can be selected and no Excel table exists (the web app): the active sheet is read */
  choosesSource?: boolean;
  onSource(source: TableSource): void;
  onInsertTemplate(withSample: boolean): void;
  onRead(): void;
}

const SOURCES: { source: TableSource; label: "sourceUsedRange" | "sourceSelection" | "sourceTable" }[] = [
  { source: "usedRange", label: "sourceUsedRange" },
  { source: "selection", label: "sourceSelection" },
  { source: "table", label: "sourceTable" },
];

/** Step 1: insert the template (empty or with the sample county), or point at the school table. */
export function StartStep(props: StartStepProps) {
  const { lang, busy } = props;
  const styles = usePaneStyles();
  return (
    <section className={styles.step} aria-labelledby="step-start">
      <h2 id="step-start" className={styles.stepTitle}>
        {t(lang, "stepStart")}
      </h2>
      {props.canInsertTemplate !== false && (
        <div className={styles.row}>
          <Button size="small" disabled={busy !== null} onClick={() => props.onInsertTemplate(false)}>
            {t(lang, "insertTemplate")}
          </Button>
          <Button size="small" disabled={busy !== null} onClick={() => props.onInsertTemplate(true)}>
            {t(lang, "insertSample")}
          </Button>
        </div>
      )}
      {props.insertedSheet && (
        <Text size={200} className={styles.note}>
          {t(lang, "templateInserted", { sheet: props.insertedSheet })}
        </Text>
      )}
      {props.choosesSource === false ? (
        <Text size={200} className={styles.note} data-source-note>
          {t(lang, "sourceActiveSheet")}
        </Text>
      ) : (
        <Field label={t(lang, "sourceLabel")}>
          <RadioGroup value={props.source} onChange={(_, data) => props.onSource(data.value as TableSource)}>
            {SOURCES.map(({ source, label }) => (
              <Radio key={source} value={source} label={t(lang, label)} />
            ))}
          </RadioGroup>
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={props.onRead}>
          {t(lang, "readAndCheck")}
        </Button>
        {busy === "reading" && <Spinner size="tiny" label={t(lang, "reading")} />}
      </div>
      {props.read && busy !== "reading" && (
        <Text size={200} role="status" data-read-from={`${props.read.sheet}!${props.read.range}`}>
          {readLineText(lang, props.read)}
        </Text>
      )}
    </section>
  );
}
