import { readHandJson } from "../../problems/handJson";
import { decodeHandText } from "../../problems/handText";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SpinButton,
  Spinner,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { leagueCountyInput, type CountyFileResult } from "../../countyWorkbook";
import { leagueSummary, planTotals, type PlanTotals } from "../../engine/league";
import { countiesByYear } from "../../engine/monitor";
import {
  DEFAULT_PROJECT_SIZES,
  DEFAULT_UNIT_COSTS,
  parseCosts,
  type ProjectSizes,
  type UnitCosts,
} from "../../engine/plan/costs";
import { planLeastCost } from "../../engine/plan/leastCost";
import { calendarDayOf, yearOfDay } from "../../engine/years";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { buildLeagueReport } from "../../report/league";
import type { Profile } from "../../standard/profile";
import { today } from "../../taskpane/addresses";
import { SaidByFocus } from "../../taskpane/components/Announcer";
import { PaneHeader } from "../../taskpane/components/PaneHeader";
import { PrintedPage } from "../../taskpane/components/PrintedPage";
import { BLANK } from "../../report/print";
import { usePaneStyles } from "../../taskpane/styles";
import { useKeptFocus } from "../../taskpane/useKeptFocus";
import { parseRecipe } from "../../sheet/recipe/load";
import type { TableRecipe } from "../../sheet/recipe/schema";
import { MAX_FOLDER_ENTRIES, withoutRepeats, type CountyFile, type NothingDropped } from "../folderFiles";
import { readCountyFiles } from "../readFiles";
import { saveFile } from "../saveFile";
import { LeagueView } from "./LeagueView";
import { CountyFilesInput } from "./OpenCounties";

export interface LeagueScreenProps {
  lang: Lang;
  onLang(lang: Lang): void;
  profile: Profile;
  /** the county files chosen so far, in order; files added later are read as they come */
  files: readonly CountyFile[];
  onAddFiles(files: CountyFile[]): void;
  onBack(): void;
  /**
   * why the last drop on this screen added no county file: a folder of no spreadsheet, or one too big to walk
   * (folderFiles.ts `droppedWorkbooks`); null when the last drop added files, or none was made
   */
  nothingDropped?: NothingDropped | null;
}

type Note = { text: string; failed: boolean } | null;

/** What the plans are priced at: the defaults, or a unit costs file's (the command line's --costs). */
interface Pricing {
  costs: UnitCosts;
  projects: ProjectSizes;
}

const DEFAULT_PRICING: Pricing = { costs: DEFAULT_UNIT_COSTS, projects: DEFAULT_PROJECT_SIZES };

/** A file's bytes, through the FileReader every browser the web app runs in has. */
function bytesOf(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * A JSON file of settings read as the command line reads a hand-written file (docs/cli.md#hand-written): UTF-8,
 * UTF-16 or GBK as Notepad or WPS saved it, a fault named at its line and column; or what is wrong, in `lang`.
 */
async function handJsonOf(
  file: File,
  lang: Lang,
): Promise<{ ok: true; value: unknown } | { ok: false; problems: string }> {
  let text: string;
  try {
    text = decodeHandText(await bytesOf(file), file.name);
  } catch {
    return { ok: false, problems: t(lang, "leagueFileNotJson", { message: t(lang, "leagueFileNotText") }) };
  }
  const json = readHandJson(text);
  return json.ok
    ? json
    : { ok: false, problems: t(lang, "leagueFileNotJson", { message: json.message[lang] }) };
}

/**
 * The web app's league summary: every county file read and evaluated as `balance batch` does, the league's view
 * of them in the year chosen (a calendar year, as src/engine/years.ts counts years left), and the league workbook
 * to download.
 */
export function LeagueScreen(props: LeagueScreenProps) {
  const { lang, profile } = props;
  // a file given twice is read once (folderFiles.ts `withoutRepeats`); the files only grow, and so do these
  const { files, repeated } = useMemo(() => withoutRepeats(props.files), [props.files]);
  const styles = usePaneStyles();
  const [results, setResults] = useState<CountyFileResult[]>([]);
  // files read: a statistics export holding several counties is one file and several results
  const [filesRead, setFilesRead] = useState(0);
  const [progress, setProgress] = useState<{ done: number; file: string } | null>(null);
  const [year, setYear] = useState(() => yearOfDay(calendarDayOf(new Date())));
  const [note, setNote] = useState<Note>(null);
  const [downloading, setDownloading] = useState(false);
  // each evaluated county's least-cost plan, once asked for: by its result, so that files added later are planned
  // only when asked again
  const [plans, setPlans] = useState<ReadonlyMap<CountyFileResult, PlanTotals>>(new Map());
  // the screen replaces the one whose button opened it: the focus goes to its bar's title, not to <body>
  const heading = useRef<HTMLSpanElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // as in the pane: a button disabled while the files are read (添加文件…) has the focus again when it is done
  const root = useRef<HTMLDivElement>(null);
  const kept = useKeptFocus(
    root,
    useCallback(() => heading.current, []),
  );
  const [planning, setPlanning] = useState<{ done: number; total: number; county: string } | null>(null);
  const [pricing, setPricing] = useState<Pricing>(DEFAULT_PRICING);
  // the recipe every file is read through (`balance batch --recipe`); none: the built-in ones
  const [recipe, setRecipe] = useState<TableRecipe | undefined>(undefined);
  // how many of `files` are read or being read: a file is read once, however often the screen renders
  const started = useRef(0);
  // which reading of the files results belong to: a recipe read starts a new one, and what an earlier reading
  // still brings in is dropped
  const reading = useRef(0);

  // files added while others are being read wait their turn: the results stay in the order of `files`
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (started.current >= files.length) return;
    const from = started.current;
    const batch = files.slice(from);
    started.current = files.length;
    const ofReading = reading.current;
    queue.current = queue.current.then(async () => {
      const read = await readCountyFiles(
        batch,
        profile,
        (i, file) => setProgress({ done: from + i, file: file.name }),
        recipe,
      );
      setProgress(null);
      if (ofReading !== reading.current) return;
      setResults((before) => [...before, ...read]);
      setFilesRead((before) => before + batch.length);
    });
  }, [files, profile, recipe]);

  // the workbooks Balance wrote among the files (a report, last year's league workbook): no county, left out
  const counties = useMemo(() => results.filter((r) => !r.skipped), [results]);
  const skipped = results.filter((r) => r.skipped);
  const inputs = useMemo(
    () => counties.map((r) => leagueCountyInput(r, plans.get(r) ?? null)),
    [counties, plans],
  );
  const summary = useMemo(() => leagueSummary(inputs, year), [inputs, year]);
  // a county given in files of several years: its years, on screen and in the workbook, as `balance batch` gives them
  const byYear = useMemo(() => countiesByYear(inputs, summary.counties), [inputs, summary]);

  // the counties `balance batch --plan` would plan: those whose table was read and evaluated
  const plannable = counties.filter((r) => r.ok && r.table?.evaluation);
  const unplanned = plannable.filter((r) => !plans.has(r));

  /** The least-cost plan of every county not yet planned, one after another, at the add-in's default costs. */
  const plan = async () => {
    setNote(null);
    const planned = new Map(plans);
    try {
      for (const [i, r] of unplanned.entries()) {
        setPlanning({ done: i + 1, total: unplanned.length, county: r.county });
        try {
          const totals = planTotals(
            await planLeastCost(r.table!.read.records, profile, pricing.costs, {
              projects: pricing.projects,
            }),
          );
          planned.set(r, totals);
          setPlans(new Map(planned));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          setNote({ text: t(lang, "leaguePlanFailed", { county: r.county, message }), failed: true });
        }
      }
    } finally {
      setPlanning(null);
    }
  };

  const download = async () => {
    setDownloading(true);
    setNote(null);
    try {
      const report = buildLeagueReport(
        {
          summary,
          // the workbook's sheet of the counties' years, as `balance batch --out`
          byYear,
          details: counties.map((r) => ({ evaluation: r.table?.evaluation ?? null, problems: r.problems })),
          profile,
        },
        { lang, date: today() },
      );
      const { leagueWorkbookBytes } = await import(/* webpackChunkName: "xlsx" */ "./leagueWorkbook");
      const name = t(lang, "leagueFileName", { year });
      saveFile(await leagueWorkbookBytes(report), name);
      setNote({ text: t(lang, "leagueDownloaded", { file: name }), failed: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setNote({ text: t(lang, "webDownloadFailed", { message }), failed: true });
    } finally {
      setDownloading(false);
    }
  };

  /** A unit costs file read as `balance batch --costs` reads it; the plans made at other prices are dropped. */
  const readCosts = async (file: File) => {
    const typed = await handJsonOf(file, lang);
    if (!typed.ok) {
      setNote({
        text: t(lang, "leagueCostsBad", { file: file.name, problems: typed.problems }),
        failed: true,
      });
      return;
    }
    const parsed = parseCosts(typed.value);
    if (parsed.problems.length > 0) {
      const problems = parsed.problems.map((p) => p.message[lang]).join(lang === "zh" ? "；" : "; ");
      setNote({ text: t(lang, "leagueCostsBad", { file: file.name, problems }), failed: true });
      return;
    }
    setPricing({ costs: parsed.costs, projects: parsed.projects });
    setPlans(new Map());
    // a unit cost that looks like 万元 is used as given, and said with the file
    const doubts = parsed.warnings.map((w) => w.message[lang]).join(lang === "zh" ? "；" : "; ");
    const read = t(lang, "leagueCostsRead", { file: file.name });
    setNote({ text: doubts ? `${read}${lang === "zh" ? "" : " "}${doubts}` : read, failed: false });
  };

  /**
   * A recipe file read as `balance batch --recipe` reads it: every file is read again through it, and the plans
   * of the counties read before are dropped. A file it cannot use leaves the reading as it was.
   */
  const readRecipe = async (file: File) => {
    let problems: string | null = null;
    let read: TableRecipe | undefined;
    try {
      const json = await handJsonOf(file, lang);
      const parsed = json.ok ? parseRecipe(json.value) : null;
      if (!json.ok) problems = json.problems;
      else if (parsed?.ok === false)
        problems = parsed.errors
          .map((e) => `${e.field}: ${e.message[lang]}`)
          .join(lang === "zh" ? "；" : "; ");
      else if (parsed?.recipe.kind === "table") read = parsed.recipe;
      else problems = t(lang, "leagueRecipeForms");
    } catch (error) {
      problems = error instanceof Error ? error.message : String(error);
    }
    if (!read) {
      setNote({
        text: t(lang, "leagueRecipeBad", { file: file.name, problems: problems ?? "" }),
        failed: true,
      });
      return;
    }
    reading.current++;
    started.current = 0;
    setResults([]);
    setFilesRead(0);
    setPlans(new Map());
    setRecipe(read);
    setNote({ text: t(lang, "leagueRecipeRead", { file: file.name }), failed: false });
  };

  /** A button that reads one JSON file of settings (unit costs, a recipe), as the command line's option reads it. */
  const settingsFile = (label: string, read: (file: File) => Promise<void>) => (
    <CountyFilesInput
      lang={lang}
      label={label}
      size="small"
      accept=".json,application/json"
      single
      disabled={busy}
      onFiles={([file]) => void read(file)}
    />
  );

  // counties, not files: a county given in several files is one (engine/league.ts `countedFiles`)
  const evaluated = summary.counties.filter((c) => c.ok && c.counted).length;
  const busy = progress !== null || planning !== null;
  // the files read, each once (a statistics export holding several counties is one file)
  const fileNames = [...new Set(results.map((r) => r.source.file))];
  const filesText = t(lang, "printLeagueFiles", {
    n: fileNames.length,
    files: fileNames.join(lang === "zh" ? "、" : ", "),
  });
  // on paper: the league's view alone, under a title with the league's name to fill in and the year, the
  // files read, and a line to sign; none of the bar's buttons nor the year's box
  return (
    <div
      ref={root}
      className={`${styles.root} ${styles.printsMainOnly}`}
      onFocus={kept.onFocus}
      onBlur={kept.onBlur}
    >
      <PaneHeader lang={lang} subtitle={t(lang, "webSubtitle")} onLang={props.onLang} />
      {/* the bars above the summary in a landmark of their own, as in the pane */}
      <section aria-label={t(lang, "noticesLabel")} className={styles.notices}>
        {/* read as the focus moves to its title, and not said again by the live region */}
        <SaidByFocus>
          <MessageBar intent="info" layout="multiline" data-league-bar>
            <MessageBarBody>
              <MessageBarTitle ref={heading} tabIndex={-1} data-league-bar-title>
                {t(lang, "leagueBar", { files: filesRead, counties: evaluated })}
              </MessageBarTitle>
              <div className={styles.small}>{t(lang, "leagueBarDetail")}</div>
              {skipped.length > 0 && (
                <div className={styles.small} data-skipped-files>
                  {t(lang, "leagueSkipped", {
                    files: skipped.map((r) => r.source.file).join(lang === "zh" ? "、" : ", "),
                  })}
                </div>
              )}
              {downloading && <Spinner size="extra-tiny" label={t(lang, "webDownloading")} />}
              {note && (
                <div
                  className={styles.small}
                  role="status"
                  data-download-note={note.failed ? "failed" : "done"}
                >
                  {note.text}
                </div>
              )}
            </MessageBarBody>
            <MessageBarActions className={styles.barActions}>
              {/* focusable while unusable: a button that stays disabled once its work is done (every county
                planned) would leave the focus nowhere */}
              <Button
                size="small"
                appearance="primary"
                disabledFocusable={busy || downloading || counties.length === 0}
                onClick={() => void download()}
              >
                {t(lang, "leagueDownload")}
              </Button>
              <Button
                size="small"
                disabledFocusable={busy || downloading || unplanned.length === 0}
                onClick={() => void plan()}
                data-league-plan
              >
                {t(lang, plans.size > 0 && unplanned.length > 0 ? "leaguePlanMore" : "leaguePlanButton")}
              </Button>
              {settingsFile(t(lang, "leagueCostsFile"), readCosts)}
              {settingsFile(t(lang, "leagueRecipeFile"), readRecipe)}
              <CountyFilesInput
                lang={lang}
                id="more-county-files"
                label={t(lang, "leagueAddFiles")}
                size="small"
                disabled={busy}
                onFiles={props.onAddFiles}
              />
              <CountyFilesInput
                lang={lang}
                id="more-county-folder"
                label={t(lang, "leagueChooseFolder")}
                size="small"
                disabled={busy}
                folder
                onFiles={props.onAddFiles}
                onNone={() => setNote({ text: t(lang, "leagueFolderEmpty"), failed: true })}
              />
              <Button size="small" onClick={props.onBack}>
                {t(lang, "leagueBack")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </SaidByFocus>
        {repeated.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-league-repeated>
            <MessageBarBody>
              {t(lang, "leagueRepeated", {
                files: repeated.map((p) => `“${p}”`).join(lang === "zh" ? "、" : ", "),
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {props.nothingDropped && (
          <MessageBar
            intent={props.nothingDropped === "tooMany" ? "error" : "warning"}
            layout="multiline"
            data-league-drop={props.nothingDropped}
          >
            <MessageBarBody>
              {props.nothingDropped === "tooMany"
                ? t(lang, "leagueDropTooMany", { max: MAX_FOLDER_ENTRIES })
                : t(lang, "leagueDropEmpty")}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      <main className={styles.body}>
        <PrintedPage
          lang={lang}
          name="league"
          title={t(lang, "printLeague", { blank: BLANK, year })}
          read={[filesText]}
          signed={counties.length > 0}
        >
          <Field className={styles.yearField} label={t(lang, "leagueYear")} hint={t(lang, "leagueYearHelp")}>
            <SpinButton
              value={year}
              displayValue={String(year)}
              min={2000}
              max={2100}
              incrementButton={{ "aria-label": t(lang, "stepUp") }}
              decrementButton={{ "aria-label": t(lang, "stepDown") }}
              onChange={(_, data) => {
                const next = data.value ?? Number(data.displayValue);
                if (Number.isInteger(next) && next >= 2000 && next <= 2100) setYear(next);
              }}
            />
          </Field>
          {progress && (
            <Spinner
              size="tiny"
              label={t(lang, "leagueReading", {
                done: progress.done + 1,
                total: files.length,
                file: progress.file,
              })}
            />
          )}
          {planning && (
            <Spinner
              size="tiny"
              label={t(lang, "leaguePlanning", {
                done: planning.done,
                total: planning.total,
                county: planning.county,
              })}
            />
          )}
          {plans.size === 0 && plannable.length > 0 && !planning && (
            <div className={styles.small}>{t(lang, "leaguePlanHelp")}</div>
          )}
          {counties.length > 0 && (
            <div data-printed>
              <LeagueView
                lang={lang}
                profile={profile}
                summary={summary}
                results={counties}
                byYear={byYear}
              />
            </div>
          )}
        </PrintedPage>
      </main>
    </div>
  );
}
