import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { PUNCTUATION, type Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import { holdsSchoolTable } from "../sheet/read";
import type { Problem } from "../problems/problem";
import { NATIONAL_2017 } from "../standard/national2017";
import { Announcer, SaidByFocus } from "../taskpane/components/Announcer";
import { PaneHeader } from "../taskpane/components/PaneHeader";
import { ProblemGroup } from "../taskpane/components/ProblemsStep";
import { Pane } from "../taskpane/Pane";
import { usePaneStyles } from "../taskpane/styles";
import { startDemo } from "../excel/memory/demo";
import { memoryWorkbook, type MadeSheet, type MemoryWorkbook } from "../excel/memory/memoryHost";
import { LeagueScreen } from "./league/LeagueScreen";
import { OpenCounties } from "./league/OpenCounties";
import {
  atPath,
  droppedWorkbooks,
  MAX_FOLDER_ENTRIES,
  type CountyFile,
  type NothingDropped,
} from "./folderFiles";
import { OPEN_HEADING, OpenWorkbook } from "./OpenWorkbook";
import { openEarlierYear, readXlsxFile } from "./readFiles";
import { saveFile } from "./saveFile";
import { doubleFromGrids, sheetsForExcel, startOn } from "./workbook";

/** A workbook open in the app: the file's name and bytes (null for the sample county) and its in-memory host. */
export interface OpenedWorkbook {
  name: string;
  bytes: Uint8Array | null;
  /** where the workbook came from when it is the one spreadsheet of a zip archive chosen (读取压缩包…中的…) */
  from?: { zh: string; en: string };
  /** the number of sheets the file had */
  sheets: number;
  workbook: MemoryWorkbook;
  /** a new number for each workbook opened: the pane starts afresh */
  serial: number;
  /** what choosing the sheet to start on said: a hidden sheet with a table passed over, or read */
  sheetProblems: readonly Problem[];
}

declare global {
  interface Window {
    /** the workbook open in the web app, for a person (or a browser test) to look into */
    balanceWorkbook?: { values(sheet: string): (number | string | boolean)[][]; sheets(): string[] };
  }
}

/** The sheets the pane made that are in no downloaded file: all of them, or those written since `saved`. */
function notDownloaded(opened: OpenedWorkbook, saved: ReadonlySet<MadeSheet> | null): string[] {
  return [...opened.workbook.made.values()].filter((m) => !saved?.has(m)).map((m) => m.sheet.name);
}

/** The bar above the pane: which workbook is open, 下载工作簿, and a way to open another. */
function FileBar(props: {
  lang: Lang;
  opened: OpenedWorkbook;
  /** the sheets the pane had made when the workbook was last downloaded */
  saved: ReadonlySet<MadeSheet> | null;
  onSaved(saved: ReadonlySet<MadeSheet>): void;
  onOpenAnother(): void;
  /** another workbook asked for while sheets would be lost: go on without them, or stay */
  leaving: boolean;
  onLeave(): void;
  onStay(): void;
}) {
  const { lang, opened } = props;
  const styles = usePaneStyles();
  const [state, setState] = useState<{
    busy: boolean;
    note: string | null;
    failed: boolean;
    /** what of the original the file downloaded lacks, named; null when it lacks nothing */
    lost?: string | null;
  }>({
    busy: false,
    note: null,
    failed: false,
  });
  const pending = notDownloaded(opened, props.saved);
  // the bar comes with a workbook the clerk just opened: the focus goes to what was opened, not to <body> where
  // the button that opened it was
  const heading = useRef<HTMLSpanElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // sheets written or written again since the download (a plan, a report in the other language): the file
  // downloaded lacks them, and the note above must not let the clerk think otherwise
  const unsaved = props.saved ? pending : [];
  const download = async () => {
    const saved = new Set(opened.workbook.made.values());
    setState({ busy: true, note: null, failed: false });
    try {
      // exceljs and the report renderer come in a chunk of their own, on the first download
      const { downloadBytes, downloadName, notCarriedText } = await import(
        /* webpackChunkName: "xlsx" */ "./download"
      );
      const { bytes, copied, notCarried } = await downloadBytes(opened.bytes, opened.workbook);
      const name = downloadName(opened.name, lang);
      saveFile(bytes, name);
      const reports = opened.workbook.excel.model.sheets
        .filter((s) => opened.workbook.made.get(s.id)?.kind === "report")
        .map((s) => s.name);
      const note =
        (reports.length > 0
          ? t(lang, "webDownloaded", { file: name, sheets: reports.join(PUNCTUATION[lang].list) })
          : t(lang, "webDownloadedPlain", { file: name })) +
        (opened.bytes && !copied ? t(lang, "webDownloadedValues") : "");
      // charts, pivot tables, macros… exceljs cannot write: named, never dropped without a word
      const lost =
        notCarried.length > 0 ? t(lang, "webNotCarried", { items: notCarriedText(notCarried, lang) }) : null;
      setState({ busy: false, note, failed: false, lost });
      props.onSaved(saved);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ busy: false, note: t(lang, "webDownloadFailed", { message }), failed: true });
    }
  };
  const title = opened.bytes
    ? t(lang, "webOpened", {
        file: opened.name,
        sheets: opened.sheets,
      })
    : t(lang, "webSampleName");
  return (
    // read as the focus moves to its title, and not said again by the live region
    <SaidByFocus>
      <MessageBar intent="info" layout="multiline" data-file-bar>
        <MessageBarBody>
          <MessageBarTitle ref={heading} tabIndex={-1} data-file-bar-title>
            {title}
          </MessageBarTitle>
          {opened.from && <div data-from-archive>{opened.from[lang]}</div>}
          <div className={styles.small}>{t(lang, "webOpenedDetail")}</div>
          {/* the buttons in the text, and what a download did or lacks right under 下载工作簿: in a full window
            the bar's actions sit at its far end, a screen's width from the notes about them */}
          <div className={`${styles.row} ${styles.fileBarButtons}`} data-file-bar-buttons>
            <Button size="small" appearance="primary" disabled={state.busy} onClick={() => void download()}>
              {t(lang, "webDownload")}
            </Button>
            <Button size="small" onClick={props.onOpenAnother}>
              {t(lang, "webOpenAnother")}
            </Button>
          </div>
          {state.busy && <Spinner size="extra-tiny" label={t(lang, "webDownloading")} />}
          {state.note && (
            <div className={styles.small} role="status" data-download-note={state.failed ? "failed" : "done"}>
              {state.note}
            </div>
          )}
          {state.lost && (
            <div className={styles.mappingMissing} role="status" data-download-lost>
              {state.lost}
            </div>
          )}
          {unsaved.length > 0 && (
            <div className={styles.mappingMissing} role="status" data-download-stale>
              {t(lang, "webDownloadStale", { sheets: unsaved.join(PUNCTUATION[lang].list) })}
            </div>
          )}
          {props.leaving && (
            <div className={styles.mappingMissing} role="alert" data-leave-unsaved>
              {t(lang, "webLeaveUnsaved", { sheets: pending.join(PUNCTUATION[lang].list) })}
              <div className={styles.row}>
                <Button size="small" onClick={props.onLeave}>
                  {t(lang, "webLeaveAnyway")}
                </Button>
                <Button size="small" appearance="subtle" onClick={props.onStay}>
                  {t(lang, "webLeaveCancel")}
                </Button>
              </div>
            </div>
          )}
        </MessageBarBody>
      </MessageBar>
    </SaidByFocus>
  );
}

/**
 * What choosing the sheet said (a hidden sheet holding a table was passed over), shown as the pane shows the
 * reader's problems: a hidden copy of last year's table must not go unmentioned.
 */
function SheetNotices(props: { lang: Lang; problems: readonly Problem[] }) {
  const { lang, problems } = props;
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-sheet-notices>
      <MessageBarBody>
        <ProblemGroup
          lang={lang}
          title={t(lang, "webSheetNotices", { n: problems.length })}
          problems={problems}
          onSelectCell={() => undefined}
        />
      </MessageBarBody>
    </MessageBar>
  );
}

/** The first screen, before any workbook is open: the pane's header and the file chooser. */
function Landing(props: {
  lang: Lang;
  /** the clerk came back here (another workbook, the league left) or opened a file: a focus lost is given back */
  arrived: boolean;
  onLang(lang: Lang): void;
  reading: string | null;
  error: string | null;
  onFile(file: File): void;
  onCountyFiles(files: CountyFile[]): void;
  onDropped(data: DataTransfer): void;
  onSample(): void;
}) {
  const { lang, arrived, reading, error } = props;
  const styles = usePaneStyles();
  // the screen shown after the pane or the league, or after a file that could not be opened (its button was
  // disabled while it was read): the focus at its heading, where the clerk starts again
  useEffect(() => {
    const doc = document;
    if (arrived && reading === null && (!doc.activeElement || doc.activeElement === doc.body))
      doc.getElementById(OPEN_HEADING)?.focus();
  }, [arrived, reading, error]);
  return (
    <div className={styles.root}>
      <PaneHeader lang={lang} subtitle={t(lang, "webSubtitle")} onLang={props.onLang} />
      <main className={styles.body}>
        <OpenWorkbook
          lang={lang}
          reading={props.reading}
          error={props.error}
          onFile={props.onFile}
          onFiles={props.onCountyFiles}
          onDropped={props.onDropped}
          onSample={props.onSample}
        />
        <OpenCounties lang={lang} disabled={props.reading !== null} onFiles={props.onCountyFiles} />
      </main>
    </div>
  );
}

/**
 * The offline web app: the task pane on a workbook opened from disk. The file is read in the browser by the
 * same reader as the command line, put into an in-memory workbook, and the pane works on it through the same
 * host as demo mode; 下载工作簿 writes the original sheets and the pane's sheets to a new file.
 */
export function WebApp(props: { lang: Lang; theme: "light" | "dark" }) {
  const { theme } = props;
  const [lang, setLang] = useState<Lang>(props.lang);
  const [opened, setOpened] = useState<OpenedWorkbook | null>(null);
  /** the county files of the league summary, while it is shown */
  const [league, setLeague] = useState<CountyFile[] | null>(null);
  /** why the last drop on the league's screen added no county (an empty folder, one too big to walk); null once
   * files are added or the screen is left */
  const [leagueDrop, setLeagueDrop] = useState<NothingDropped | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** the sheets the pane had made at the last download of the open workbook */
  const [saved, setSaved] = useState<ReadonlySet<MadeSheet> | null>(null);
  /** what opens next once the clerk agrees to lose the sheets not downloaded; null when nothing waits */
  const [leaving, setLeaving] = useState<{ next: () => void } | null>(null);
  /** goes on to `next`, first asking while sheets the pane wrote are in no downloaded file */
  const leave = (next: () => void) => {
    if (opened && notDownloaded(opened, saved).length > 0) setLeaving({ next });
    else next();
  };
  const opens = useRef(0);
  /** whether the clerk has left the first screen or tried to (the focus is then looked after), not at page load */
  const [arrived, setArrived] = useState(false);
  const hostOptions = {
    displayLanguage: () => (lang === "en" ? "en-US" : "zh-CN"),
    theme: () => theme,
  };

  const show = useCallback((next: OpenedWorkbook) => {
    const excel = next.workbook.excel;
    window.balanceWorkbook = {
      values: (sheet) => excel.valuesOf(sheet),
      sheets: () => excel.model.sheets.map((s) => s.name),
    };
    setSaved(null);
    setLeaving(null);
    setError(null);
    setOpened(next);
  }, []);

  const openFile = async (file: File) => {
    setArrived(true);
    setOpened(null);
    setReading(file.name);
    setError(null);
    try {
      // a county's workbook sent zipped is the one spreadsheet in the archive (readFiles.ts)
      const result = await readXlsxFile(file);
      const { chooseSheet } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/reader");
      if (!result.ok) {
        setError(t(lang, "webUnreadable", { file: file.name, message: result.problem.message[lang] }));
        return;
      }
      const named = sheetsForExcel(result.grids);
      const excel = doubleFromGrids(named.grids);
      // the sheet `balance evaluate` evaluates when none is named: the first with a school table's header
      const chosen = chooseSheet(named.grids, undefined, holdsSchoolTable);
      if (chosen.ok) startOn(excel, chosen.grid.sheet);
      show({
        name: result.name,
        bytes: result.bytes,
        from: result.from,
        sheets: result.grids.length,
        workbook: memoryWorkbook(excel, hostOptions),
        serial: ++opens.current,
        sheetProblems: [...named.problems, ...(chosen.ok ? chosen.problems : [])],
      });
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      setError(t(lang, "webUnreadable", { file: file.name, message }));
    } finally {
      setReading(null);
    }
  };

  const openLeague = (files: CountyFile[]) => {
    setArrived(true);
    setOpened(null);
    setError(null);
    setLeagueDrop(null);
    setLeague(files);
  };

  /** County files added to the league's screen: the summary reads them, and an earlier drop's notice is done with. */
  const addToLeague = (files: CountyFile[]) => {
    setLeagueDrop(null);
    setLeague((before) => [...(before ?? []), ...files]);
  };

  const openSample = () => {
    setArrived(true);
    const demo = startDemo({ lang, theme, displayLanguage: hostOptions.displayLanguage() });
    show({
      name: t(lang, "webSampleName"),
      bytes: null,
      sheets: 1,
      workbook: demo,
      serial: ++opens.current,
      sheetProblems: [],
    });
  };

  /**
   * A drop on the first screen's drop zone or anywhere on the page, its folders walked as the league's drop zone
   * walks them (folderFiles.ts): several workbooks are the league's counties, one is the workbook to open, also
   * over an open workbook; while the league is shown, its counties are added to. A folder too big to walk, or
   * holding no workbook, is said so (on the first screen, or above the open workbook), and nothing else is done.
   */
  const openDropped = async (data: DataTransfer) => {
    const read = await droppedWorkbooks(data);
    if (read === null) return;
    if ("nothing" in read) {
      // on the league's screen the counties read stay as they are, and the screen says why none was added
      if (league) {
        setLeagueDrop(read.nothing);
        return;
      }
      setError(
        read.nothing === "tooMany"
          ? t(lang, "leagueFolderTooMany", { max: MAX_FOLDER_ENTRIES })
          : t(lang, "leagueFolderEmpty"),
      );
      return;
    }
    const { files } = read;
    if (league) addToLeague(files);
    else if (files.length > 1) leave(() => openLeague(files));
    else leave(() => void openFile(atPath(files[0]).file));
  };

  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) void openDropped(e.dataTransfer);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  });

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = lang === "zh" ? "均衡 — 离线网页版" : "Balance — offline web app";
  }, [lang]);

  // the screens other than the pane, in the pane's theme and language
  const screen = league ? (
    <LeagueScreen
      lang={lang}
      onLang={setLang}
      profile={NATIONAL_2017}
      files={league}
      nothingDropped={leagueDrop}
      onAddFiles={addToLeague}
      onBack={() => {
        setLeagueDrop(null);
        setLeague(null);
      }}
    />
  ) : !opened ? (
    <Landing
      lang={lang}
      arrived={arrived}
      onLang={setLang}
      reading={reading}
      error={error}
      onFile={(file) => void openFile(file)}
      onCountyFiles={openLeague}
      onDropped={(data) => void openDropped(data)}
      onSample={openSample}
    />
  ) : null;
  if (screen || !opened) {
    return (
      <FluentProvider
        theme={theme === "dark" ? webDarkTheme : webLightTheme}
        lang={lang === "zh" ? "zh-CN" : "en-US"}
      >
        {/* as in the pane: the message bars of these screens (a file that cannot be opened) are read out */}
        <Announcer>{screen}</Announcer>
      </FluentProvider>
    );
  }
  return (
    <Pane
      key={opened.serial}
      host={opened.workbook.host}
      workbook={opened.workbook.view}
      lang={lang}
      theme={theme}
      canInsertTemplate={false}
      // exceljs writes no add-in settings: a correction lasts while the workbook is open (docs/deploy.md)
      keepsSettings={false}
      // a sheet shown here cannot have a range selected, and the workbook read keeps no Excel tables
      choosesSource={false}
      workbookName={opened.bytes ? opened.name : null}
      openFile={openEarlierYear}
      fixHint={(l) => ({
        cells: t(l, opened.bytes ? "webFixInFile" : "webFixSample"),
        columns: t(l, "webFixColumns"),
      })}
      onLangChange={setLang}
      banner={(l) => (
        <>
          <FileBar
            lang={l}
            opened={opened}
            saved={saved}
            onSaved={setSaved}
            onOpenAnother={() =>
              leave(() => {
                setError(null);
                setOpened(null);
              })
            }
            leaving={leaving !== null}
            onLeave={() => {
              leaving?.next();
              setLeaving(null);
            }}
            onStay={() => setLeaving(null)}
          />
          <SheetNotices lang={l} problems={opened.sheetProblems} />
          {/* a folder dropped on the open workbook that opened nothing */}
          {error && (
            <MessageBar intent="error" layout="multiline" data-open-error>
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    />
  );
}
