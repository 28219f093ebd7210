import { Badge, Button, Dropdown, Option, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { unitIn, type Lang, PUNCTUATION } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { columnLetters, parseAddress, type Grid } from "../../sheet/grid";
import { COLUMNS, type ColumnDefinition } from "../../standard/columns";
import { REQUIRED_ENROLMENT, type EnrolmentLevel } from "../../sheet/vocabulary";
import { headerCells } from "../mapping";
import { usePaneStyles } from "../styles";
import type { TableResult } from "../useCheckFlow";

export interface ColumnsStepProps {
  lang: Lang;
  grid: Grid;
  read: TableResult["read"];
  /** the user's corrections (column id → grid column or null) */
  mapping: Record<string, number | null>;
  onChoose(columnId: string, col: number | null): void;
  onReset(): void;
  /** false where the corrections cannot be kept in the workbook (the web app): they last while it is open */
  kept?: boolean;
}

const NONE = "none";
/** The enrolment columns of the two levels the standard evaluates. */
const ENROLMENT: Record<string, EnrolmentLevel | undefined> = {
  primaryStudents: "primary",
  juniorStudents: "junior",
};

function fieldLabel(column: ColumnDefinition, lang: Lang): string {
  const name = lang === "zh" ? column.zh : column.en;
  if (!column.unit) return name;
  return lang === "zh" ? `${name}（${column.unit}）` : `${name} (${unitIn(lang, column.unit)})`;
}

/** Step 2: which header feeds which field, with a drop-down to correct each match. */
export function ColumnsStep(props: ColumnsStepProps) {
  const { lang, grid, read } = props;
  const styles = usePaneStyles();
  const [showAll, setShowAll] = useState(false);
  const origin = parseAddress(grid.topLeft);
  const headers = useMemo(() => headerCells(grid, read.headerRow), [grid, read.headerRow]);
  const matchedCol = new Map(read.columns.map((c) => [c.columnId, c.col]));
  const headerText = (col: number) => {
    const h = headers.find((x) => x.col === col);
    return `${columnLetters(origin.col + col)} · ${h ? h.header : ""}`;
  };

  // a level's enrolment decides which sections a school has: needed when a school's type has that level (or
  // when no row could be read at all)
  const levels = new Set(read.records.flatMap((r) => REQUIRED_ENROLMENT[r.type]));
  const enrolmentNeeded = (id: string) => {
    const level = ENROLMENT[id];
    return level !== undefined && (read.records.length === 0 || levels.has(level));
  };
  const needed = (c: ColumnDefinition) =>
    Boolean(c.required || c.requiredForSection || enrolmentNeeded(c.id));
  // by default the fields the evaluation needs and any the user corrected; the rest on request
  const fields = COLUMNS.filter((c) => showAll || needed(c) || c.id in props.mapping);
  const missing = COLUMNS.filter((c) => needed(c) && !matchedCol.has(c.id));

  if (read.headerRow === null) {
    return (
      <section className={styles.step} aria-labelledby="step-columns">
        <h2 id="step-columns" className={styles.stepTitle}>
          {t(lang, "stepColumns")}
        </h2>
        <Text className={styles.mappingMissing}>{t(lang, "noHeaderRow")}</Text>
      </section>
    );
  }

  return (
    <section className={styles.step} aria-labelledby="step-columns">
      <h2 id="step-columns" className={styles.stepTitle}>
        {t(lang, "stepColumns")}
      </h2>
      <Text size={200} className={styles.note}>
        {t(lang, "columnsHelp")}
        {PUNCTUATION[lang].sentence}
        {t(lang, props.kept === false ? "correctionsSession" : "correctionsKept")}
      </Text>
      <Text size={200}>
        {t(lang, "columnsMatched", { n: read.columns.length })}
        {missing.length > 0 && (
          <span className={styles.mappingMissing}>
            {" · "}
            {t(lang, "columnsMissing")}
            {missing.map((c) => (lang === "zh" ? c.zh : c.en)).join(PUNCTUATION[lang].list)}
          </span>
        )}
      </Text>
      <ul className={styles.list} aria-label={t(lang, "stepColumns")}>
        {fields.map((column) => {
          const col = matchedCol.get(column.id);
          const label = fieldLabel(column, lang);
          const selected = col === undefined ? NONE : String(col);
          return (
            <li key={column.id} className={styles.mappingRow} data-mapping-row={column.id}>
              <span
                className={`${styles.mappingLabel} ${col === undefined && needed(column) ? styles.mappingMissing : ""}`}
              >
                {label}
                {column.required && (
                  <>
                    {" "}
                    <Badge size="small" appearance="tint" color="informative">
                      {t(lang, "columnRequired")}
                    </Badge>
                  </>
                )}
              </span>
              <Dropdown
                size="small"
                className={styles.dropdown}
                aria-label={label}
                value={col === undefined ? t(lang, "columnNone") : headerText(col)}
                selectedOptions={[selected]}
                onOptionSelect={(_, data) => {
                  const value = data.optionValue ?? NONE;
                  if (value === selected) return;
                  props.onChoose(column.id, value === NONE ? null : Number(value));
                }}
              >
                <Option value={NONE}>{t(lang, "columnNone")}</Option>
                {headers.map((h) => (
                  <Option key={h.col} value={String(h.col)} text={headerText(h.col)}>
                    {headerText(h.col)}
                  </Option>
                ))}
              </Dropdown>
            </li>
          );
        })}
      </ul>
      {read.unmatchedHeaders.length > 0 && (
        <Text size={200} className={styles.note}>
          {t(lang, "columnsUnmatchedHeaders", {
            headers: read.unmatchedHeaders.map((h) => h.header).join(PUNCTUATION[lang].list),
          })}
        </Text>
      )}
      <div className={styles.row}>
        <Button size="small" appearance="subtle" onClick={() => setShowAll(!showAll)}>
          {showAll ? t(lang, "columnsHideOptional") : t(lang, "columnsShowAll", { n: COLUMNS.length })}
        </Button>
        {Object.keys(props.mapping).length > 0 && (
          <Button size="small" appearance="subtle" onClick={props.onReset}>
            {t(lang, "columnReset")}
          </Button>
        )}
      </div>
    </section>
  );
}
