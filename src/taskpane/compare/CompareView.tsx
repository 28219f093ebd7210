import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { ExcelHost } from "../../excel/host";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { cellInMessage, problemMessage, type Problem } from "../../problems/problem";
import type { ReportSheet } from "../../report/model";
import { writeSheetsNote } from "../writeSheets";
import type { Profile } from "../../standard/profile";
import { usePaneStyles } from "../styles";
import { PrintedPage, printedTitle, type PrintHeading } from "../components/PrintedPage";
import { TrendResult } from "./TrendResult";
import {
  useComparison,
  type CurrentTable,
  type EarlierFile,
  type EarlierSource,
  type EarlierTable,
} from "./useComparison";
import { isSchoolYear } from "../../report/print";
import { COUNTY_FILES_ACCEPT } from "../../xlsx/spreadsheetFiles";

export interface CompareViewProps {
  lang: Lang;
  profile: Profile;
  host: ExcelHost;
  /** the school table checked in the pane: the later year */
  current: CurrentTable;
  /** the web app: reads another .xlsx from disk. Absent inside Excel, where the earlier year is a sheet */
  openFile?: (file: File, source: EarlierSource) => Promise<EarlierFile>;
  onWriteSheets(sheets: ReportSheet[]): Promise<void>;
  /** what the comparison is printed under: the county and year, and the later year's table read */
  print?: PrintHeading;
}

const SHOWN_PROBLEMS = 5;

/**
 * Where the earlier year was read from and how many schools: 较早一年：工作表“学校2025”，5 所学校. A table of several
 * counties read for none holds no school yet: the county is to be chosen, not "0 schools" read.
 */
function earlierReadText(lang: Lang, earlier: EarlierTable): string {
  const where = earlier.file
    ? t(lang, "compareFileSheet", { file: earlier.file, sheet: earlier.sheet })
    : t(lang, "compareSheetName", { sheet: earlier.sheet });
  const recipe = earlier.result.read.recipe;
  if (recipe && recipe.county === null && recipe.counties.length > 1)
    return t(lang, "compareReadFromCounties", { where, n: recipe.counties.length });
  return t(lang, "compareReadFrom", { where, schools: earlier.result.read.records.length });
}

/**
 * One problem of the earlier table. Of a sheet of this workbook, a button: a click selects its cell, as this year's
 * problems do. Of another file, which is not open, plain text naming the file: nothing is dressed as a link.
 */
function EarlierProblem(props: {
  lang: Lang;
  earlier: EarlierTable;
  problem: Problem;
  onSelectCell(cell: string): void;
}) {
  const { lang, earlier, problem: p } = props;
  const styles = usePaneStyles();
  const message = problemMessage(p, lang, "earlierYear");
  // a message naming its own cell (学校!E3“小学在校生数”…) is not put after the cell again
  const cellShown = p.cell !== null && cellInMessage(message, p.cell) < 0;
  if (earlier.file !== null)
    return (
      <li>
        {t(lang, "compareFileProblem", { file: earlier.file })}
        {cellShown && <span className={styles.cellText}>{p.cell} </span>}
        {message}
      </li>
    );
  const cell = p.cell;
  if (cell === null) return <li>{message}</li>;
  return (
    <li>
      <button
        type="button"
        className={styles.problem}
        // a message naming its cell is the button's one column
        style={cellShown ? undefined : { gridTemplateColumns: "minmax(0, 1fr)" }}
        onClick={() => props.onSelectCell(cell)}
        data-problem={p.code}
        data-print-as-text
      >
        {cellShown && <span className={styles.cell}>{cell}</span>}
        <span>{message}</span>
      </button>
    </li>
  );
}

/** What was read for the earlier year: where from, how many schools, and the problems that block or do not. */
function EarlierRead(props: { lang: Lang; earlier: EarlierTable; onSelectCell(cell: string): void }) {
  const { lang, earlier } = props;
  const styles = usePaneStyles();
  const { result } = earlier;
  const errors = result.problems.filter((p) => p.severity === "error");
  const warnings = result.problems.length - errors.length;
  return (
    <>
      <Text size={200} role="status" data-earlier={earlier.sheet}>
        {earlierReadText(lang, earlier)}
      </Text>
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-earlier-errors={errors.length}>
          <MessageBarBody>
            {t(lang, "compareEarlierErrors", { n: errors.length })}
            <ul className={styles.bullets}>
              {errors.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <EarlierProblem
                  key={i}
                  lang={lang}
                  earlier={earlier}
                  problem={p}
                  onSelectCell={props.onSelectCell}
                />
              ))}
            </ul>
            {!earlier.file && t(lang, "compareEarlierFix")}
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings > 0 && errors.length === 0 && (
        <Text size={200} className={styles.note}>
          {t(lang, "compareEarlierWarnings", { n: warnings })}
        </Text>
      )}
    </>
  );
}

/**
 * 对比 Compare: this year's table (checked in the pane) against an earlier year's — a sheet of the workbook, or in
 * the web app another .xlsx — as `balance compare` compares them, and the comparison sheets on request.
 */
export function CompareView(props: CompareViewProps) {
  const { lang, current, openFile } = props;
  const styles = usePaneStyles();
  const c = useComparison(props);
  const [source, setSource] = useState<"sheet" | "file">(openFile ? "file" : "sheet");
  const [chosenSheet, setChosenSheet] = useState("");
  const [writing, setWriting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const others = (c.sheets ?? []).filter((s) => !s.report && s.name !== current.sheet).map((s) => s.name);
  const sheet = others.includes(chosenSheet) ? chosenSheet : (others[0] ?? "");
  // a cell of the earlier table's sheet of this workbook, selected as this year's problems' cells are
  const selectCell = (cell: string) => void props.host.selectCell(cell).catch(() => undefined);

  const write = async () => {
    const sheets = c.comparisonSheets();
    if (sheets.length === 0) return;
    setWriting(true);
    setMessage(null);
    setMessage(await writeSheetsNote(props.onWriteSheets, sheets, lang));
    setWriting(false);
  };

  const countyField = (
    <Field label={t(lang, "compareCounty")}>
      <Select
        value={c.county ?? ""}
        onChange={(_, data) => c.setCounty(data.value === "" ? null : data.value)}
      >
        <option value="">{t(lang, "compareCountyNone")}</option>
        {c.counties.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </Select>
    </Field>
  );

  // on paper: the comparison alone, under a title naming the county and the later year (when the names gave one:
  // inside Excel it may be 当前, this year's sheet; else the report's year), with both tables read
  const later = c.trend?.years[c.trend.years.length - 1];
  const year = later && isSchoolYear(later) ? later : props.print?.parts.year;
  return (
    <PrintedPage
      lang={lang}
      name="compare"
      className={styles.view}
      title={printedTitle({ county: c.countyName ?? props.print?.parts.county, year }, "compareTitle", lang)}
      read={[...(props.print?.read ?? []), c.earlier ? earlierReadText(lang, c.earlier) : null]}
      signed={c.trend !== null}
    >
      <section className={styles.step} aria-labelledby="compare-title">
        <h2 id="compare-title" className={styles.stepTitle}>
          {t(lang, "compareTitle")}
        </h2>
        <Text size={200} className={styles.note}>
          {t(lang, "compareIntro")}
        </Text>
        {!openFile && (
          <MessageBar intent="info" layout="multiline" data-sheet-only>
            <MessageBarBody>{t(lang, "compareSheetOnlyNote")}</MessageBarBody>
          </MessageBar>
        )}
        {openFile && (
          <Field label={t(lang, "compareSourceLabel")}>
            <RadioGroup
              value={source}
              onChange={(_, data) => {
                // another source: the earlier table read from the one before is not shown under it
                setSource(data.value as "sheet" | "file");
                c.clear();
              }}
            >
              <Radio value="file" label={t(lang, "compareFromFile")} />
              <Radio value="sheet" label={t(lang, "compareFromSheet")} />
            </RadioGroup>
          </Field>
        )}
        {source === "sheet" &&
          (c.sheets !== null && others.length === 0 ? (
            <Text size={200}>{t(lang, "compareNoOtherSheet")}</Text>
          ) : (
            <>
              <Field label={t(lang, "compareSheetLabel")}>
                <Select
                  value={sheet}
                  onChange={(_, data) => {
                    // another sheet: not compared until it is read
                    setChosenSheet(data.value);
                    if (data.value !== sheet) c.clear();
                  }}
                >
                  {others.map((name) => (
                    <option key={name}>{name}</option>
                  ))}
                </Select>
              </Field>
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  disabled={c.busy || sheet === ""}
                  onClick={() => void c.readSheet(sheet)}
                >
                  {t(lang, "compareReadSheet")}
                </Button>
              </div>
            </>
          ))}
        {source === "file" && openFile && (
          <div className={styles.row}>
            <input
              ref={input}
              id="earlier-file"
              type="file"
              hidden
              // the files the web app's first screen takes: a workbook sent zipped is read from the archive
              accept={COUNTY_FILES_ACCEPT}
              aria-label={t(lang, "compareChooseFile")}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void c.readFile(file);
              }}
            />
            <Button appearance="primary" disabled={c.busy} onClick={() => input.current?.click()}>
              {t(lang, "compareChooseFile")}
            </Button>
          </div>
        )}
        {c.busy && <Spinner size="tiny" label={t(lang, "compareReading")} />}
        {c.failure && (
          <MessageBar intent="error" layout="multiline" data-compare-failure>
            <MessageBarBody>{c.failure}</MessageBarBody>
          </MessageBar>
        )}
        {c.earlier && !c.busy && <EarlierRead lang={lang} earlier={c.earlier} onSelectCell={selectCell} />}
        {/* the county, also where the earlier table holds several and is read again for the one chosen */}
        {c.earlier && !c.earlier.result.evaluation && c.earlierCounties > 1 && countyField}
      </section>

      {c.earlier?.result.evaluation && (
        <section className={styles.step} aria-label={t(lang, "compareYearsHelp")}>
          <div className={styles.fieldGrid}>
            <Field label={t(lang, "compareYearEarlier")}>
              <Input
                className={styles.dropdown}
                size="small"
                inputMode="numeric"
                value={c.years.earlier}
                onChange={(_, data) => c.setYears({ ...c.years, earlier: data.value })}
              />
            </Field>
            <Field label={t(lang, "compareYearLater")}>
              <Input
                className={styles.dropdown}
                size="small"
                inputMode="numeric"
                value={c.years.later}
                onChange={(_, data) => c.setYears({ ...c.years, later: data.value })}
              />
            </Field>
          </div>
          <Text size={200} className={c.yearsOutOfOrder ? styles.verdictFail : styles.note}>
            {c.yearsOutOfOrder ? t(lang, "compareYearsOrder") : t(lang, "compareYearsHelp")}
          </Text>
          {countyField}
          {c.targetYear !== null && (
            <Text size={200} className={styles.note}>
              {t(lang, "compareTarget", { year: c.targetYear })}
            </Text>
          )}
        </section>
      )}

      {c.trend && (
        <>
          {/* the two years' files of two counties: warned of as balance compare warns */}
          {c.countyWarnings.map((p, i) => (
            <MessageBar key={i} intent="warning" layout="multiline" data-compare-warning={p.code}>
              <MessageBarBody>{p.message[lang]}</MessageBarBody>
            </MessageBar>
          ))}
          {/* printed whole: every section changed, nothing to choose or rename */}
          <TrendResult
            lang={lang}
            profile={props.profile}
            trend={c.trend}
            county={c.countyName}
            renames={c.renames}
            onRenames={c.setRenames}
          />
          <div className={styles.row}>
            <Button disabled={writing} onClick={() => void write()}>
              {t(lang, "trendWrite")}
            </Button>
            {writing && <Spinner size="tiny" />}
          </div>
          {message && <Text role="status">{message}</Text>}
        </>
      )}
    </PrintedPage>
  );
}
