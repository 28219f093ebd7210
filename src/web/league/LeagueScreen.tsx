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
import { useEffect, useMemo, useRef, useState } from "react";
import { leagueCountyInput, type CountyFileResult } from "../../countyWorkbook";
import { leagueSummary, planTotals, type PlanTotals } from "../../engine/league";
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
import { PaneHeader } from "../../taskpane/components/PaneHeader";
import { usePaneStyles } from "../../taskpane/styles";
import { readCountyFiles } from "../readFiles";
import { saveFile } from "../saveFile";
import { LeagueView } from "./LeagueView";
import { CountyFilesInput } from "./OpenCounties";

export interface LeagueScreenProps {
  lang: Lang;
  onLang(lang: Lang): void;
  profile: Profile;
  /** the county files chosen so far, in order; files added later are read as they come */
  files: readonly File[];
  onAddFiles(files: File[]): void;
  onBack(): void;
}

type Note = { text: string; failed: boolean } | null;

/** What the plans are priced at: the defaults, or a unit costs file's (the command line's --costs). */
interface Pricing {
  costs: UnitCosts;
  projects: ProjectSizes;
}

const DEFAULT_PRICING: Pricing = { costs: DEFAULT_UNIT_COSTS, projects: DEFAULT_PROJECT_SIZES };

/** A file's text, as UTF-8. */
function textOf(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsText(file, "utf-8");
  });
}

/**
 * The web app's league summary: every county file read and evaluated as `balance batch` does, the league's view
 * of them in the school year chosen, and the league workbook to download.
 */
export function LeagueScreen(props: LeagueScreenProps) {
  const { lang, profile, files } = props;
  const styles = usePaneStyles();
  const [results, setResults] = useState<CountyFileResult[]>([]);
  // files read: a statistics export holding several counties is one file and several results
  const [filesRead, setFilesRead] = useState(0);
  const [reading, setReading] = useState<{ done: number; file: string } | null>(null);
  const [year, setYear] = useState(() => yearOfDay(calendarDayOf(new Date())));
  const [note, setNote] = useState<Note>(null);
  const [downloading, setDownloading] = useState(false);
  // each evaluated county's least-cost plan, once asked for: by its result, so that files added later are planned
  // only when asked again
  const [plans, setPlans] = useState<ReadonlyMap<CountyFileResult, PlanTotals>>(new Map());
  const [planning, setPlanning] = useState<{ done: number; total: number; county: string } | null>(null);
  const [pricing, setPricing] = useState<Pricing>(DEFAULT_PRICING);
  // how many of `files` are read or being read: a file is read once, however often the screen renders
  const started = useRef(0);

  // files added while others are being read wait their turn: the results stay in the order of `files`
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (started.current >= files.length) return;
    const from = started.current;
    const batch = files.slice(from);
    started.current = files.length;
    queue.current = queue.current.then(async () => {
      const read = await readCountyFiles(batch, profile, (i, file) =>
        setReading({ done: from + i, file: file.name }),
      );
      setResults((before) => [...before, ...read]);
      setFilesRead((before) => before + batch.length);
      setReading(null);
    });
  }, [files, profile]);

  const summary = useMemo(
    () =>
      leagueSummary(
        results.map((r) => leagueCountyInput(r, plans.get(r) ?? null)),
        year,
      ),
    [results, plans, year],
  );

  // the counties `balance batch --plan` would plan: those whose table was read and evaluated
  const plannable = results.filter((r) => r.ok && r.table?.evaluation);
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
          details: results.map((r) => ({ evaluation: r.table?.evaluation ?? null, problems: r.problems })),
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
    let json: unknown;
    try {
      json = JSON.parse(await textOf(file));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const problems = t(lang, "leagueCostsNotJson", { message });
      setNote({ text: t(lang, "leagueCostsBad", { file: file.name, problems }), failed: true });
      return;
    }
    const parsed = parseCosts(json);
    if (parsed.problems.length > 0) {
      const problems = parsed.problems.map((p) => p.message[lang]).join(lang === "zh" ? "；" : "; ");
      setNote({ text: t(lang, "leagueCostsBad", { file: file.name, problems }), failed: true });
      return;
    }
    setPricing({ costs: parsed.costs, projects: parsed.projects });
    setPlans(new Map());
    setNote({ text: t(lang, "leagueCostsRead", { file: file.name }), failed: false });
  };

  // counties, not files: a county given in several files is one (engine/league.ts `countedFiles`)
  const evaluated = summary.counties.filter((c) => c.ok && c.counted).length;
  const busy = reading !== null || planning !== null;
  return (
    <div className={styles.root}>
      <PaneHeader lang={lang} subtitle={t(lang, "webSubtitle")} onLang={props.onLang} />
      <MessageBar intent="info" layout="multiline" data-league-bar>
        <MessageBarBody>
          <MessageBarTitle>{t(lang, "leagueBar", { files: filesRead, counties: evaluated })}</MessageBarTitle>
          <div className={styles.small}>{t(lang, "leagueBarDetail")}</div>
          {downloading && <Spinner size="extra-tiny" label={t(lang, "webDownloading")} />}
          {note && (
            <div className={styles.small} role="status" data-download-note={note.failed ? "failed" : "done"}>
              {note.text}
            </div>
          )}
        </MessageBarBody>
        <MessageBarActions className={styles.barActions}>
          <Button
            size="small"
            appearance="primary"
            disabled={busy || downloading || results.length === 0}
            onClick={() => void download()}
          >
            {t(lang, "leagueDownload")}
          </Button>
          <Button
            size="small"
            disabled={busy || downloading || unplanned.length === 0}
            onClick={() => void plan()}
            data-league-plan
          >
            {t(lang, plans.size > 0 && unplanned.length > 0 ? "leaguePlanMore" : "leaguePlanButton")}
          </Button>
          <CountyFilesInput
            lang={lang}
            label={t(lang, "leagueCostsFile")}
            size="small"
            accept=".json,application/json"
            single
            disabled={busy}
            onFiles={([file]) => void readCosts(file)}
          />
          <CountyFilesInput
            lang={lang}
            id="more-county-files"
            label={t(lang, "leagueAddFiles")}
            size="small"
            disabled={busy}
            onFiles={props.onAddFiles}
          />
          <Button size="small" onClick={props.onBack}>
            {t(lang, "leagueBack")}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <main className={styles.body}>
        <Field className={styles.yearField} label={t(lang, "leagueYear")} hint={t(lang, "leagueYearHelp")}>
          <SpinButton
            value={year}
            displayValue={String(year)}
            min={2000}
            max={2100}
            onChange={(_, data) => {
              const next = data.value ?? Number(data.displayValue);
              if (Number.isInteger(next) && next >= 2000 && next <= 2100) setYear(next);
            }}
          />
        </Field>
        {reading && (
          <Spinner
            size="tiny"
            label={t(lang, "leagueReading", {
              done: reading.done + 1,
              total: files.length,
              file: reading.file,
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
        {results.length > 0 && (
          <LeagueView lang={lang} profile={profile} summary={summary} results={results} />
        )}
      </main>
    </div>
  );
}
