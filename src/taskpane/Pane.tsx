import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { ExcelHost } from "../excel/host";
import type { Lang } from "../i18n/format";
import { langOf, t } from "../i18n/messages";
import { NATIONAL_2017 } from "../standard/national2017";
import type { Profile } from "../standard/profile";
import { evaluateCountyWorkbook } from "../countyVerdict";
import { countyItemsOf } from "../report/allItems";
import { isCountySheet } from "../sheet/countySheet";
import type { Grid } from "../sheet/grid";
import { ChecklistView } from "./components/ChecklistView";
import { ColumnsStep } from "./components/ColumnsStep";
import { ProblemsStep } from "./components/ProblemsStep";
import { ConfirmReplaceDialog, ReportStep } from "./components/ReportStep";
import { ResultsCard } from "./components/ResultsCard";
import { SheetViewer, type WorkbookView } from "./components/SheetViewer";
import { StartStep } from "./components/StartStep";
import { splitAddress } from "./addresses";
import { PlanView } from "./plan/PlanView";
import { usePaneStyles } from "./styles";
import { useCheckFlow } from "./useCheckFlow";
import { WhatIfView } from "./whatif/WhatIfView";

export interface PaneProps {
  host: ExcelHost;
  profile?: Profile;
  /** demo mode: the in-memory workbook, shown in a sheet viewer; null inside Excel */
  workbook?: WorkbookView | null;
  /** overrides for the language and theme the host reports (demo links, tests) */
  lang?: Lang;
  theme?: "light" | "dark";
}

type TabId = "check" | "whatif" | "plan" | "allItems" | "workbook";

/** The task pane: check and report, what-if, plan — and in demo mode the workbook itself. */
export function Pane(props: PaneProps) {
  const { host, workbook = null } = props;
  const profile = props.profile ?? NATIONAL_2017;
  const [lang, setLang] = useState<Lang>(() => props.lang ?? langOf(host.displayLanguage()));
  const theme = props.theme ?? host.theme();
  const [tab, setTab] = useState<TabId>("check");
  const [viewed, setViewed] = useState<{ sheet: string | null; cell: string | null }>({
    sheet: null,
    cell: null,
  });
  const [version, setVersion] = useState(0);
  const styles = usePaneStyles();

  // In demo mode the sheet viewer stands for Excel's grid: selecting a cell or a sheet shows it there.
  const paneHost = useMemo<ExcelHost>(() => {
    if (!workbook) return host;
    const refresh = () => setVersion((v) => v + 1);
    return {
      readTable: (source) => host.readTable(source),
      insertTemplate: async (options) => {
        const sheet = await host.insertTemplate(options);
        refresh();
        setViewed({ sheet, cell: null });
        return sheet;
      },
      insertCountySheet: async (options) => {
        const sheet = await host.insertCountySheet(options);
        refresh();
        setViewed({ sheet, cell: null });
        return sheet;
      },
      writeReport: async (report, options) => {
        const result = await host.writeReport(report, options);
        refresh();
        return result;
      },
      existingReportSheets: (report) => host.existingReportSheets(report),
      selectCell: async (address) => {
        await host.selectCell(address);
        setViewed(splitAddress(address));
        setTab("workbook");
      },
      activateSheet: async (name) => {
        await host.activateSheet(name);
        setViewed({ sheet: name, cell: null });
      },
      loadSettings: (key) => host.loadSettings(key),
      saveSettings: (key, value) => host.saveSettings(key, value),
      displayLanguage: () => host.displayLanguage(),
      theme: () => host.theme(),
    };
  }, [host, workbook]);

  // the county sheet (县级指标) read for the checklist; without it the county's own items are missing
  const [countyGrid, setCountyGrid] = useState<Grid | null>(null);
  const [countyNote, setCountyNote] = useState<{ text: string; intent: "warning" | "info" } | null>(null);
  const [countyBusy, setCountyBusy] = useState(false);
  const flow = useCheckFlow(paneHost, profile, lang);
  const result = flow.result;
  const countyEvaluation = useMemo(
    () => (result ? evaluateCountyWorkbook(result, countyGrid) : null),
    [result, countyGrid],
  );
  const county = useMemo(
    () => (countyEvaluation ? countyItemsOf(countyEvaluation.verdict, lang) : null),
    [countyEvaluation, lang],
  );

  const readCountySheet = useCallback(async () => {
    setCountyBusy(true);
    try {
      const grid = await paneHost.readTable("usedRange");
      if (isCountySheet(grid)) {
        setCountyGrid(grid);
        setCountyNote(null);
      } else {
        setCountyNote({ text: t(lang, "countySheetNotCounty", { sheet: grid.sheet }), intent: "warning" });
      }
    } catch (error) {
      setCountyNote({
        text: t(lang, "hostError", { message: error instanceof Error ? error.message : String(error) }),
        intent: "warning",
      });
    } finally {
      setCountyBusy(false);
    }
  }, [paneHost, lang]);
  const insertCountySheet = useCallback(async () => {
    setCountyBusy(true);
    try {
      const sheet = await paneHost.insertCountySheet({ lang });
      setCountyNote({ text: t(lang, "countySheetInserted", { sheet }), intent: "info" });
    } catch (error) {
      setCountyNote({
        text: t(lang, "hostError", { message: error instanceof Error ? error.message : String(error) }),
        intent: "warning",
      });
    } finally {
      setCountyBusy(false);
    }
  }, [paneHost, lang]);
  const ready = result !== null && result.ok && result.evaluation !== null;

  const openSheet = useCallback(
    async (name: string) => {
      try {
        await paneHost.activateSheet(name);
        if (workbook) setTab("workbook");
      } catch {
        // the sheet may have been deleted by the user meanwhile; nothing to open
      }
    },
    [paneHost, workbook],
  );

  const viewProps =
    ready && result
      ? { records: result.read.records, profile, lang, host: paneHost, onWriteSheets: flow.writeSheets }
      : null;

  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      lang={lang === "zh" ? "zh-CN" : "en-US"}
    >
      <div className={styles.root} data-theme={theme}>
        <header className={styles.header}>
          <div>
            <h1 className={styles.title}>{t(lang, "appTitle")}</h1>
            <Text className={styles.subtitle}>{t(lang, "appSubtitle")}</Text>
          </div>
          <Button
            size="small"
            appearance="subtle"
            aria-label={t(lang, "languageSwitchLabel")}
            lang={lang === "zh" ? "en" : "zh-CN"}
            onClick={() => setLang(lang === "zh" ? "en" : "zh")}
          >
            {t(lang, "languageSwitch")}
          </Button>
        </header>

        {workbook && (
          <MessageBar intent="warning" layout="multiline" data-demo-banner>
            <MessageBarBody>
              <MessageBarTitle>{t(lang, "demoBanner")}</MessageBarTitle>
              <div className={styles.small}>{t(lang, "demoBannerDetail")}</div>
            </MessageBarBody>
          </MessageBar>
        )}

        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
        >
          <Tab value="check">{t(lang, "tabCheck")}</Tab>
          <Tab value="whatif">{t(lang, "tabWhatIf")}</Tab>
          <Tab value="plan">{t(lang, "tabPlan")}</Tab>
          <Tab value="allItems">{t(lang, "tabAllItems")}</Tab>
          {workbook && <Tab value="workbook">{t(lang, "tabWorkbook")}</Tab>}
        </TabList>

        <main className={styles.body}>
          {flow.failure && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t(lang, "hostError", { message: flow.failure[lang] })}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={flow.dismissFailure}>
                  {t(lang, "dismiss")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}

          {/* the check flow stays mounted so that its state survives a visit to another tab */}
          <div className={styles.column} style={tab === "check" ? undefined : { display: "none" }}>
            <StartStep
              lang={lang}
              source={flow.source}
              busy={flow.busy}
              insertedSheet={flow.insertedSheet}
              onSource={flow.setSource}
              onInsertTemplate={(withSample) => void flow.insertTemplate(withSample)}
              onRead={() => void flow.readAndCheck()}
            />
            {result && flow.grid && (
              <>
                <ColumnsStep
                  lang={lang}
                  grid={flow.grid}
                  read={result.read}
                  mapping={flow.mapping}
                  onChoose={(columnId, col) => void flow.chooseColumn(columnId, col)}
                  onReset={() => void flow.resetMapping()}
                />
                <ProblemsStep
                  lang={lang}
                  problems={result.problems}
                  busy={flow.busy !== null}
                  onSelectCell={(cell) => void paneHost.selectCell(cell).catch(() => undefined)}
                  onRecheck={() => void flow.readAndCheck()}
                />
                <ReportStep
                  lang={lang}
                  blocked={!ready}
                  writing={flow.busy === "writing"}
                  disabled={flow.busy !== null}
                  onWrite={() => void flow.writeReport(countyEvaluation?.verdict ?? null)}
                />
                {ready && result.evaluation && (
                  <ResultsCard
                    lang={lang}
                    evaluation={result.evaluation}
                    profile={profile}
                    sheets={flow.written}
                    onOpenSheet={(name) => void openSheet(name)}
                  />
                )}
              </>
            )}
          </div>

          {tab === "whatif" &&
            (viewProps ? <WhatIfView {...viewProps} /> : <Text>{t(lang, "viewUnavailable")}</Text>)}
          {tab === "plan" &&
            (viewProps ? <PlanView {...viewProps} /> : <Text>{t(lang, "viewUnavailable")}</Text>)}
          {tab === "allItems" && countyNote && (
            <MessageBar intent={countyNote.intent} data-county-note={countyNote.intent}>
              <MessageBarBody>{countyNote.text}</MessageBarBody>
            </MessageBar>
          )}
          {tab === "allItems" &&
            (county && countyEvaluation ? (
              <ChecklistView
                lang={lang}
                county={county}
                countySheet={countyEvaluation.sheet}
                countyProblems={countyEvaluation.problems}
                busy={countyBusy}
                onReadCountySheet={() => void readCountySheet()}
                onInsertCountySheet={() => void insertCountySheet()}
                onSelectCell={(cell) => void paneHost.selectCell(cell).catch(() => undefined)}
              />
            ) : (
              <Text>{t(lang, "viewUnavailable")}</Text>
            ))}
          {tab === "workbook" && workbook && (
            <SheetViewer
              lang={lang}
              workbook={workbook}
              sheet={viewed.sheet}
              cell={viewed.cell}
              version={version}
              onSheet={(sheet) => setViewed({ sheet, cell: null })}
            />
          )}
        </main>
        <ConfirmReplaceDialog lang={lang} confirm={flow.confirm} />
      </div>
    </FluentProvider>
  );
}
