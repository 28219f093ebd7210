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
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import type { ExcelHost } from "../excel/host";
import type { Lang } from "../i18n/format";
import { langOf, t } from "../i18n/messages";
import { NATIONAL_2017 } from "../standard/national2017";
import type { Profile } from "../standard/profile";
import { titleRowsOf } from "../workbookCounty";
import { CompareView } from "./compare/CompareView";
import type { EarlierFile } from "./compare/useComparison";
import { Announcer } from "./components/Announcer";
import { ChecklistView } from "./components/ChecklistView";
import { ColumnsStep } from "./components/ColumnsStep";
import { PaneHeader } from "./components/PaneHeader";
import { PrintedPage, printedTitle, type PrintHeading } from "./components/PrintedPage";
import { ProblemsStep, type FixHint } from "./components/ProblemsStep";
import { RecipeStep } from "./components/RecipeStep";
import { ConfirmReplaceDialog, ReportStep } from "./components/ReportStep";
import { ResultsCard } from "./components/ResultsCard";
import type { WorkbookView } from "../excel/memory/workbookView";
import { SheetViewer } from "./components/SheetViewer";
import { readLineText, StartStep, type ReadLine } from "./components/StartStep";
import { PlanView } from "./plan/PlanView";
import { titleParts, typedCounty } from "./reportTitle";
import { usePaneStyles } from "./styles";
import { useCheckFlow } from "./useCheckFlow";
import { useCountySheet } from "./useCountySheet";
import { useDemoHost } from "./useDemoHost";
import { useKeptFocus } from "./useKeptFocus";
import { WhatIfView } from "./whatif/WhatIfView";
import { useWhatIfEdits } from "./whatif/useWhatIfEdits";
import type { SchoolRecord } from "../engine/records";
import { DEFAULT_UNIT_COSTS, type UnitCosts } from "../engine/plan/costs";

export interface PaneProps {
  host: ExcelHost;
  profile?: Profile;
  /** outside Excel (demo mode, the web app): the in-memory workbook, shown in a sheet viewer; null inside Excel */
  workbook?: WorkbookView | null;
  /** overrides for the language and theme the host reports (demo links, tests) */
  lang?: Lang;
  theme?: "light" | "dark";
  /** what the pane says about where it runs, under its header; demo mode's banner when a workbook is given */
  banner?: (lang: Lang) => ReactNode;
  /** false where there is no empty sheet to fill in (the web app): the template buttons are hidden */
  canInsertTemplate?: boolean;
  /** told when the user switches the language */
  onLangChange?(lang: Lang): void;
  /** the workbook's file name where it is known (the web app): its year and county name the comparison */
  workbookName?: string | null;
  /** the web app: reads another workbook from disk for the comparison; inside Excel the earlier year is a sheet */
  openFile?: (file: File) => Promise<EarlierFile>;
  /** where the cells cannot be edited (the web app): how a clerk fixes the errors the check finds */
  fixHint?: (lang: Lang) => FixHint;
  /** false where column corrections and recipe changes cannot be saved in the workbook (the web app) */
  keepsSettings?: boolean;
  /** false where no range can be selected and there are no Excel tables (the web app): the active sheet is read */
  choosesSource?: boolean;
}

const NO_RECORDS: SchoolRecord[] = [];

type TabId = "check" | "whatif" | "plan" | "allItems" | "compare" | "workbook";

/** The ids that tie each tab to its panel (one pane on a page). */
const tabIdOf = (tab: TabId) => `pane-tab-${tab}`;
const panelIdOf = (tab: TabId) => `pane-panel-${tab}`;

/** A tab's view: named by its tab, a stop for the keyboard after the tabs (WAI-ARIA's tabs pattern). */
function TabPanel(props: { tab: TabId; shown: boolean; children: ReactNode }) {
  const styles = usePaneStyles();
  return (
    <div
      role="tabpanel"
      id={panelIdOf(props.tab)}
      aria-labelledby={tabIdOf(props.tab)}
      tabIndex={0}
      hidden={!props.shown}
      className={styles.tabPanel}
    >
      {props.children}
    </div>
  );
}

/** Demo mode's banner: not connected to Excel, a sample workbook in memory. */
export function DemoBanner({ lang }: { lang: Lang }) {
  const styles = usePaneStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-demo-banner>
      <MessageBarBody>
        <MessageBarTitle>{t(lang, "demoBanner")}</MessageBarTitle>
        <div className={styles.small}>{t(lang, "demoBannerDetail")}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The task pane: check and report, what-if, plan, all items — and outside Excel the workbook itself. */
export function Pane(props: PaneProps) {
  const { workbook = null } = props;
  const profile = props.profile ?? NATIONAL_2017;
  const [lang, setLang] = useState<Lang>(() => props.lang ?? langOf(props.host.displayLanguage()));
  const theme = props.theme ?? props.host.theme();
  const [tab, setTab] = useState<TabId>("check");
  const styles = usePaneStyles();
  const showWorkbook = useCallback(() => setTab("workbook"), []);
  const demo = useDemoHost(props.host, workbook, showWorkbook);
  const host = demo.host;

  const flow = useCheckFlow(host, profile, lang);
  const result = flow.result;
  // the county the report's titles name (step 4), else the one the workbook names: its target year in 全部指标
  const tableTitle = useMemo(
    () => (flow.grid && result ? titleRowsOf(flow.grid, result.read.headerRow) : []),
    [flow.grid, result],
  );
  const county = useCountySheet(host, lang, result, profile, {
    file: props.workbookName ?? "",
    given: typedCounty(flow.title).name || undefined,
    tableCounty: result?.read.recipe?.county ?? null,
    tableTitle,
  });
  const ready = result !== null && result.ok && result.evaluation !== null;
  // the what-if's edits outlive a visit to another tab, and 规划 may plan after them
  const whatIf = useWhatIfEdits(result?.read.records ?? NO_RECORDS, profile);
  // one set of unit costs: 规划 plans with them and 模拟 prices its edits with them (docs/plans.md#whatif-cost)
  const [costs, setCosts] = useState<UnitCosts>(() => ({ ...DEFAULT_UNIT_COSTS }));
  const unitCosts = useMemo(() => ({ costs, setCosts }), [costs]);

  const openSheet = useCallback(
    async (name: string) => {
      try {
        await host.activateSheet(name);
        if (workbook) setTab("workbook");
      } catch {
        // the sheet may have been deleted by the user meanwhile; nothing to open
      }
    },
    [host, workbook],
  );
  const selectCell = (cell: string) => void host.selectCell(cell).catch(() => undefined);

  const recipe = result?.read.recipe;
  const readLine: ReadLine | null =
    flow.readInfo && result
      ? {
          ...flow.readInfo,
          schools: result.read.records.length,
          countiesToChoose:
            recipe && recipe.county === null && recipe.counties.length > 1 ? recipe.counties.length : null,
        }
      : null;
  // what every printed view names: the county and year of the report's titles, the file and the table read
  const print: PrintHeading = {
    parts: titleParts(flow.title, recipe?.county),
    read: readLine ? [props.workbookName, readLineText(lang, readLine)] : [],
  };
  const viewProps =
    ready && result
      ? {
          records: result.read.records,
          profile,
          lang,
          host,
          onWriteSheets: flow.writeSheets,
          print,
          whatIf,
          unitCosts,
        }
      : null;
  const banner = props.banner ?? (workbook ? (l: Lang) => <DemoBanner lang={l} /> : null);
  const failure = flow.failure;
  const root = useRef<HTMLDivElement>(null);
  const kept = useKeptFocus(
    root,
    useCallback(() => root.current?.ownerDocument.getElementById(panelIdOf(tab)) ?? null, [tab]),
  );
  const tabProps = (value: TabId) => ({
    className: styles.tab,
    value,
    id: tabIdOf(value),
    "aria-controls": panelIdOf(value),
  });

  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      lang={lang === "zh" ? "zh-CN" : "en-US"}
    >
      {/* Fluent's message bars say what they show through this: without it an error or a warning that
          appears after a click is drawn and never read out */}
      <Announcer>
        <div
          ref={root}
          className={`${styles.root} ${styles.printsMainOnly}`}
          data-theme={theme}
          onFocus={kept.onFocus}
          onBlur={kept.onBlur}
        >
          <PaneHeader
            lang={lang}
            subtitle={t(lang, "appSubtitle")}
            onLang={(next) => {
              setLang(next);
              props.onLangChange?.(next);
            }}
          />

          {/* the bars above the tabs in a landmark of their own: a screen reader lists them with the others */}
          {banner && (
            <section aria-label={t(lang, "noticesLabel")} className={styles.notices}>
              {banner(lang)}
            </section>
          )}

          {/* a landmark of its own: every part of the page in one, for a screen reader's list of regions */}
          <nav aria-label={t(lang, "tabsLabel")}>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_, data) => setTab(data.value as TabId)}
            >
              <Tab {...tabProps("check")}>{t(lang, "tabCheck")}</Tab>
              <Tab {...tabProps("whatif")}>{t(lang, "tabWhatIf")}</Tab>
              <Tab {...tabProps("plan")}>{t(lang, "tabPlan")}</Tab>
              <Tab {...tabProps("allItems")}>{t(lang, "tabAllItems")}</Tab>
              <Tab {...tabProps("compare")}>{t(lang, "tabCompare")}</Tab>
              {workbook && <Tab {...tabProps("workbook")}>{t(lang, "tabWorkbook")}</Tab>}
            </TabList>
          </nav>

          <main className={styles.body}>
            {failure && (
              <MessageBar intent={failure.actionable ? "warning" : "error"} layout="multiline" data-failure>
                <MessageBarBody>
                  {failure.actionable ? failure[lang] : t(lang, "hostError", { message: failure[lang] })}
                </MessageBarBody>
                <MessageBarActions>
                  <Button size="small" onClick={flow.dismissFailure}>
                    {t(lang, "dismiss")}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}

            {/* the check flow stays mounted so that its state survives a visit to another tab */}
            {/* on paper, the view's results alone (those marked data-printed) under a title with blanks to fill */}
            <TabPanel tab="check" shown={tab === "check"}>
              <PrintedPage
                lang={lang}
                name="check"
                shown={tab === "check"}
                title={result && flow.readInfo ? printedTitle(print.parts, "stepResults", lang) : null}
                read={print.read}
                signed={ready}
              >
                <StartStep
                  lang={lang}
                  source={flow.source}
                  busy={flow.busy}
                  insertedSheet={flow.insertedSheet}
                  read={readLine}
                  canInsertTemplate={props.canInsertTemplate}
                  choosesSource={props.choosesSource}
                  onSource={flow.setSource}
                  onInsertTemplate={(withSample) => void flow.insertTemplate(withSample)}
                  onRead={() => void flow.readAndCheck()}
                />
                {result && flow.grid && (
                  <>
                    {result.read.recipe ? (
                      <RecipeStep
                        lang={lang}
                        recipe={result.read.recipe}
                        changed={!result.read.recipe.recognised}
                        busy={flow.busy !== null}
                        onCounty={(name) => void flow.chooseCounty(name)}
                        onDerivation={flow.changeDerivation}
                        onReset={() => void flow.resetRecipe()}
                        onConvert={() => void flow.convertToTable()}
                        kept={props.keepsSettings}
                      />
                    ) : (
                      <ColumnsStep
                        lang={lang}
                        grid={flow.grid}
                        read={result.read}
                        mapping={flow.mapping}
                        onChoose={(columnId, col) => void flow.chooseColumn(columnId, col)}
                        onReset={() => void flow.resetMapping()}
                        kept={props.keepsSettings}
                      />
                    )}
                    <ProblemsStep
                      lang={lang}
                      problems={result.problems}
                      busy={flow.busy !== null}
                      onSelectCell={selectCell}
                      onRecheck={() => void flow.readAndCheck()}
                      fixHint={props.fixHint?.(lang)}
                    />
                    <ReportStep
                      lang={lang}
                      blocked={!ready}
                      writing={flow.busy === "writing"}
                      disabled={flow.busy !== null}
                      written={flow.written}
                      title={flow.title}
                      chosenCounty={result.read.recipe?.county}
                      onTitle={flow.setTitle}
                      onTitleDone={() => void flow.saveTitle()}
                      onWrite={() =>
                        void flow.writeReport(county.evaluation?.verdict ?? null, county.evaluation?.problems)
                      }
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
              </PrintedPage>
            </TabPanel>

            {tab !== "check" && (
              <TabPanel tab={tab} shown>
                {tab === "whatif" &&
                  (viewProps ? <WhatIfView {...viewProps} /> : <Text>{t(lang, "viewUnavailable")}</Text>)}
                {tab === "plan" &&
                  (viewProps ? <PlanView {...viewProps} /> : <Text>{t(lang, "viewUnavailable")}</Text>)}
                {/* on paper: the county's verdict, item by item, under a title and over a line to sign */}
                {tab === "allItems" && (
                  <PrintedPage
                    lang={lang}
                    name="allItems"
                    className={styles.column}
                    title={county.items ? printedTitle(print.parts, "printAllItems", lang) : null}
                    read={print.read}
                    signed={county.items !== null}
                  >
                    {county.note && (
                      <MessageBar
                        intent={county.note.intent}
                        data-county-note={county.note.intent}
                        data-printed
                      >
                        <MessageBarBody>{county.note.text}</MessageBarBody>
                      </MessageBar>
                    )}
                    {county.items && county.evaluation ? (
                      <ChecklistView
                        lang={lang}
                        county={county.items}
                        countySheet={county.evaluation.sheet}
                        countyProblems={county.evaluation.problems}
                        supply={county.evaluation.supply}
                        readiness={county.evaluation.readiness}
                        countyFrom={county.evaluation.countyFrom}
                        busy={county.busy}
                        onReadCountySheet={() => void county.read()}
                        onInsertCountySheet={() => void county.insert()}
                        onSelectCell={selectCell}
                      />
                    ) : (
                      <Text>{t(lang, "viewUnavailable")}</Text>
                    )}
                  </PrintedPage>
                )}
                {tab === "compare" &&
                  (viewProps && result?.evaluation && flow.grid ? (
                    <CompareView
                      lang={lang}
                      profile={profile}
                      host={host}
                      current={{
                        evaluation: result.evaluation,
                        sheet: flow.grid.sheet,
                        workbook: props.workbookName ?? null,
                        county: result.read.recipe?.county ?? null,
                        recipe: flow.recipe,
                        title: tableTitle,
                      }}
                      openFile={props.openFile}
                      onWriteSheets={flow.writeSheets}
                      print={print}
                    />
                  ) : (
                    <Text>{t(lang, "viewUnavailable")}</Text>
                  ))}
                {tab === "workbook" && workbook && (
                  <SheetViewer
                    lang={lang}
                    workbook={workbook}
                    sheet={demo.viewed.sheet}
                    cell={demo.viewed.cell}
                    version={demo.version}
                    onSheet={demo.viewSheet}
                  />
                )}
              </TabPanel>
            )}
          </main>
          <ConfirmReplaceDialog lang={lang} confirm={flow.confirm} />
        </div>
      </Announcer>
    </FluentProvider>
  );
}
