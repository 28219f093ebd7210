import { useCallback, useRef, useState } from "react";
import type { ExcelHost, TableSource } from "../excel/host";
import type { Lang } from "../i18n/format";
import { evaluateTable } from "../pipeline";
import { buildReport } from "../report/build";
import type { CountyVerdict } from "../engine/county/results";
import type { Problem } from "../problems/problem";
import type { Report, ReportSheet } from "../report/model";
import type { TableRecipe } from "../sheet/recipe/schema";
import type { Grid } from "../sheet/grid";
import { gridRange, today } from "./addresses";
import { importReport } from "../report/importSheets";
import {
  NO_TITLE,
  TITLE_SETTINGS_KEY,
  savedTitleOf,
  titleParts,
  type SavedTitles,
  type TitleFields,
} from "./reportTitle";
import {
  RECIPE_SETTINGS_KEY,
  choicesOf,
  withDerivation,
  type SavedRecipe,
  type SavedRecipes,
  type TableChoices,
} from "./recipeSettings";

/** "'My sheet'!A1:B2" → ["'My sheet'", "A1:B2"]. */
function splitRange(address: string): [string, string] {
  const bang = address.lastIndexOf("!");
  return [address.slice(0, bang), address.slice(bang + 1)];
}
import type { Profile } from "../standard/profile";
import {
  SETTINGS_KEY,
  headerCells,
  mappingFromSaved,
  savedFromMapping,
  withChoice,
  type ColumnMapping,
  type SavedMappings,
} from "./mapping";

export type TableResult = ReturnType<typeof evaluateTable>;
export type Busy = "inserting" | "reading" | "writing" | null;

/** A request to confirm replacing report sheets the add-in made before. */
export interface PendingConfirm {
  sheets: string[];
  resolve(replace: boolean): void;
}

/** Where the last read took the table from: 学校 and A1:AA33. */
export interface ReadInfo {
  sheet: string;
  range: string;
}

export interface CheckFlow {
  source: TableSource;
  /** another source (selection, table, used range): the results of the last one are cleared */
  setSource(source: TableSource): void;
  /** the table last read, for the pane to say what it read */
  readInfo: ReadInfo | null;
  busy: Busy;
  /** a host failure, shown until dismissed (problems of the data are in result.problems) */
  failure: Failure | null;
  dismissFailure(): void;
  insertedSheet: string | null;
  grid: Grid | null;
  result: TableResult | null;
  /** the recipe the clerk changed in step 2 that `result` was read through; undefined: the built-in, or none */
  recipe: TableRecipe | undefined;
  mapping: ColumnMapping;
  /** report sheets written in this session, in order */
  written: string[];
  /** the county and year for the report's titles, as typed (saved per sheet with the workbook) */
  title: TitleFields;
  setTitle(title: TitleFields): void;
  /** keeps the title typed in the workbook's settings */
  saveTitle(): Promise<void>;
  confirm: PendingConfirm | null;
  insertTemplate(withSample: boolean): Promise<void>;
  readAndCheck(): Promise<void>;
  chooseColumn(columnId: string, col: number | null): Promise<void>;
  resetMapping(): Promise<void>;
  /** writes the report; with the county verdict's items it includes the 全部指标 sheet */
  writeReport(county?: CountyVerdict | null, countyProblems?: readonly Problem[]): Promise<void>;
  writeSheets(sheets: ReportSheet[]): Promise<void>;
  /** a statistics export read through a recipe (docs/import.md): the county to evaluate, saved in the workbook */
  chooseCounty(county: string): Promise<void>;
  /** changes a field's derivation to what a line of text says; false when it says none the table has */
  changeDerivation(field: string, text: string): Promise<boolean>;
  /** back to the built-in recipe (the county chosen is kept) */
  resetRecipe(): Promise<void>;
  /** writes the canonical school table and its sources as two sheets (转换为标准学校表) */
  convertToTable(): Promise<void>;
}

/**
 * A host failure as the pane shows it: the host's own zh/en message when it has one (HostError: something the
 * user can put right, such as a sheet without an Excel table), else what Office said.
 */
export type Failure = { zh: string; en: string; actionable: boolean };

function messageOf(error: unknown): Failure {
  const messages = (error as { messages?: Partial<Failure> } | null)?.messages;
  if (messages && typeof messages.zh === "string" && typeof messages.en === "string") {
    return { zh: messages.zh, en: messages.en, actionable: true };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { zh: text, en: text, actionable: false };
}

/**
 * The pane's main path: school table → check → report, each step one call into the host, the reader,
 * the engine (through evaluateTable) or the report builder. No rule of the standard is decided here.
 */
export function useCheckFlow(host: ExcelHost, profile: Profile, lang: Lang): CheckFlow {
  const [source, setSourceState] = useState<TableSource>("usedRange");
  const [readInfo, setReadInfo] = useState<ReadInfo | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [insertedSheet, setInsertedSheet] = useState<string | null>(null);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [result, setResult] = useState<TableResult | null>(null);
  // the recipe the clerk changed that `result` was read through (none: the built-in, where it fits)
  const [recipe, setRecipe] = useState<TableRecipe | undefined>(undefined);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [written, setWritten] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<PendingConfirm | null>(null);
  const [title, setTitleState] = useState<TitleFields>(NO_TITLE);
  // the latest grid, mapping and recipe choices for callbacks fired before React re-renders
  const latest = useRef<{
    grid: Grid | null;
    mapping: ColumnMapping;
    choices: TableChoices;
    title: TitleFields;
  }>({ grid: null, mapping: {}, choices: {}, title: NO_TITLE });

  const run = useCallback(async (what: Exclude<Busy, null>, task: () => Promise<void>) => {
    setBusy(what);
    setFailure(null);
    try {
      await task();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(null);
    }
  }, []);

  /** Forgets the table read: its grid, results, column matches and the sheets written from it. */
  const clear = useCallback(() => {
    latest.current = { ...latest.current, grid: null, mapping: {}, choices: {} };
    setGrid(null);
    setResult(null);
    setRecipe(undefined);
    setMapping({});
    setWritten([]);
    setReadInfo(null);
  }, []);

  const setSource = useCallback(
    (next: TableSource) => {
      setSourceState(next);
      clear();
    },
    [clear],
  );

  const check = useCallback(
    (g: Grid, m: ColumnMapping, choices: TableChoices = latest.current.choices) => {
      latest.current = { ...latest.current, grid: g, mapping: m, choices };
      setGrid(g);
      setMapping(m);
      setResult(evaluateTable(g, profile, { profile, mapping: m, ...choices }));
      setRecipe(choices.recipe);
    },
    [profile],
  );

  const setTitle = useCallback((next: TitleFields) => {
    latest.current = { ...latest.current, title: next };
    setTitleState(next);
  }, []);

  /** Keeps the title typed for the sheet read, as the column mapping is kept. */
  const saveTitle = useCallback(async () => {
    const { grid: g, title: typed } = latest.current;
    if (!g) return;
    const saved = (await host.loadSettings<SavedTitles>(TITLE_SETTINGS_KEY)) ?? {};
    const before = savedTitleOf(saved, g.sheet);
    if (before.county === typed.county && before.year === typed.year) return;
    await host.saveSettings(TITLE_SETTINGS_KEY, { ...saved, [g.sheet]: typed });
  }, [host]);

  const insertTemplate = useCallback(
    (withSample: boolean) =>
      run("inserting", async () => {
        const sheet = await host.insertTemplate({ withSample, lang });
        // the new sheet is the one to fill in and read: results of another sheet no longer apply
        clear();
        setInsertedSheet(sheet);
      }),
    [host, lang, run, clear],
  );

  const readAndCheck = useCallback(
    () =>
      run("reading", async () => {
        const g = await host.readTable(source);
        const saved = (await host.loadSettings<SavedMappings>(SETTINGS_KEY)) ?? {};
        const recipes = (await host.loadSettings<SavedRecipes>(RECIPE_SETTINGS_KEY)) ?? {};
        const choices = choicesOf(recipes[g.sheet]);
        const titles = await host.loadSettings<SavedTitles>(TITLE_SETTINGS_KEY);
        setTitle(savedTitleOf(titles, g.sheet));
        // the header row is found by the reader; the saved corrections are keyed by its header text
        const first = evaluateTable(g, profile, { profile, ...choices });
        const m = mappingFromSaved(saved[g.sheet], headerCells(g, first.read.headerRow));
        const [sheetPart, range] = splitRange(gridRange(g));
        setReadInfo({ sheet: sheetPart, range });
        if (latest.current.grid && latest.current.grid.sheet !== g.sheet) setWritten([]);
        // a table read through a recipe is read by its derivations, not by corrected columns
        if (Object.keys(m).length === 0 || first.read.recipe) {
          latest.current = { ...latest.current, grid: g, mapping: {}, choices };
          setGrid(g);
          setMapping({});
          setResult(first);
          setRecipe(choices.recipe);
        } else {
          check(g, m, choices);
        }
      }),
    [host, source, profile, run, check, setTitle],
  );

  const saveMapping = useCallback(
    async (g: Grid, m: ColumnMapping, headerRow: number | null) => {
      const saved = (await host.loadSettings<SavedMappings>(SETTINGS_KEY)) ?? {};
      const forSheet = savedFromMapping(m, headerCells(g, headerRow));
      const next: SavedMappings = { ...saved };
      if (Object.keys(forSheet).length === 0) delete next[g.sheet];
      else next[g.sheet] = forSheet;
      await host.saveSettings(SETTINGS_KEY, next);
    },
    [host],
  );

  const chooseColumn = useCallback(
    async (columnId: string, col: number | null) => {
      const { grid: g, mapping: m } = latest.current;
      if (!g || !result) return;
      const next = withChoice(m, result.read.columns, columnId, col);
      check(g, next);
      try {
        await saveMapping(g, next, result.read.headerRow);
      } catch (error) {
        setFailure(messageOf(error));
      }
    },
    [result, check, saveMapping],
  );

  const resetMapping = useCallback(async () => {
    const { grid: g } = latest.current;
    if (!g) return;
    check(g, {});
    try {
      await saveMapping(g, {}, null);
    } catch (error) {
      setFailure(messageOf(error));
    }
  }, [check, saveMapping]);

  const askToReplace = useCallback(
    (sheets: string[]) => new Promise<boolean>((resolve) => setConfirm({ sheets, resolve })),
    [],
  );

  const write = useCallback(
    async (report: Report) => {
      const existing = await host.existingReportSheets(report);
      if (existing.length > 0) {
        const replace = await askToReplace(existing);
        setConfirm(null);
        if (!replace) return;
      }
      const { written: names, replaced } = await host.writeReport(report, { replaceExisting: true });
      // a replaced sheet is gone (after a switch of language, under another name than the new one's)
      setWritten((before) => [
        ...before.filter((n) => !names.includes(n) && !replaced.includes(n)),
        ...names,
      ]);
      if (names.length > 0) await host.activateSheet(names[0]);
    },
    [host, askToReplace],
  );

  const writeReport = useCallback(
    (county?: CountyVerdict | null, countyProblems?: readonly Problem[]) =>
      run("writing", async () => {
        const g = latest.current.grid;
        if (!result || !result.ok || !result.evaluation || !g) return;
        const input = { ...result, evaluation: result.evaluation, county: county ?? null, countyProblems };
        const parts = titleParts(latest.current.title, result.read.recipe?.county);
        const report = buildReport(input, { lang, sourceRange: gridRange(g), date: today(), ...parts });
        await saveTitle();
        await write(report);
      }),
    [result, lang, run, write, saveTitle],
  );

  const writeSheets = useCallback(
    (sheets: ReportSheet[]) => run("writing", () => write({ sheets })),
    [run, write],
  );

  /** Saves a sheet's recipe entry and reads the table again with it. */
  const saveRecipe = useCallback(
    async (g: Grid, entry: SavedRecipe) => {
      const recipes = (await host.loadSettings<SavedRecipes>(RECIPE_SETTINGS_KEY)) ?? {};
      await host.saveSettings(RECIPE_SETTINGS_KEY, { ...recipes, [g.sheet]: entry });
      check(g, {}, choicesOf(entry));
    },
    [host, check],
  );

  const savedRecipe = useCallback(
    async (sheet: string) =>
      ((await host.loadSettings<SavedRecipes>(RECIPE_SETTINGS_KEY)) ?? {})[sheet] ?? {},
    [host],
  );

  const chooseCounty = useCallback(
    (county: string) =>
      run("reading", async () => {
        const g = latest.current.grid;
        if (g) await saveRecipe(g, { ...(await savedRecipe(g.sheet)), county });
      }),
    [run, saveRecipe, savedRecipe],
  );

  const changeDerivation = useCallback(
    async (field: string, text: string) => {
      const g = latest.current.grid;
      const base = result?.read.recipe?.id ?? "statistics-export";
      if (!g) return false;
      const columns = result?.read.header?.columns ?? [];
      const entry = withDerivation(await savedRecipe(g.sheet), base, field, text, columns);
      if (!entry) return false;
      await run("reading", () => saveRecipe(g, entry));
      return true;
    },
    [result, run, saveRecipe, savedRecipe],
  );

  const resetRecipe = useCallback(
    () =>
      run("reading", async () => {
        const g = latest.current.grid;
        if (!g) return;
        const { recipe: _changed, ...kept } = await savedRecipe(g.sheet);
        await saveRecipe(g, kept);
      }),
    [run, saveRecipe, savedRecipe],
  );

  const convertToTable = useCallback(
    () =>
      run("writing", async () => {
        const g = latest.current.grid;
        const reading = result?.read.recipe;
        if (!g || !reading || reading.table.rows.length === 0) return;
        await write(importReport(reading, { source: g.sheet, sheet: g.sheet }, lang));
      }),
    [result, lang, run, write],
  );

  return {
    source,
    setSource,
    readInfo,
    busy,
    failure,
    dismissFailure: () => setFailure(null),
    insertedSheet,
    grid,
    result,
    recipe,
    mapping,
    written,
    title,
    setTitle,
    saveTitle: () => saveTitle().catch((error: unknown) => setFailure(messageOf(error))),
    confirm,
    insertTemplate,
    readAndCheck,
    chooseColumn,
    resetMapping,
    writeReport,
    writeSheets,
    chooseCounty,
    changeDerivation,
    resetRecipe,
    convertToTable,
  };
}
