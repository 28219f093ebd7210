import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { comparedYearsWarnings, knownCounties, titleRowsOf } from "../../workbookCounty";
import { findCounty } from "../../engine/county/readiness";
import type { Evaluation } from "../../engine/evaluate";
import { compareYears, type RenameMap, type Trend, type TrendYear } from "../../engine/trend";
import type { ExcelHost } from "../../excel/host";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { evaluateTable, type TableEvaluation, type TableSource } from "../../pipeline";
import { buildComparisonReport } from "../../report/comparison";
import type { ReportSheet } from "../../report/model";
import { countyInFileName, yearOfFile } from "../../sheet/countyName";
import type { Grid } from "../../sheet/grid";
import type { TableRecipe } from "../../sheet/recipe/schema";
import type { Problem } from "../../problems/problem";
import { withoutSpreadsheetExtension } from "../../xlsx/spreadsheetFiles";
import type { Profile } from "../../standard/profile";
import { today } from "../addresses";
import { SETTINGS_KEY, headerCells, mappingFromSaved, type SavedMappings } from "../mapping";

/** Another workbook read from disk (the web app): the sheet holding its school table, or why it cannot be read. */
export type EarlierFile =
  | {
      ok: true;
      grid: Grid;
      problems: Problem[];
      /** the workbook read from a zip archive chosen, by its path through it (去年.zip/白狼县2024.xlsx) */
      name?: string;
    }
  | { ok: false; message: { zh: string; en: string } };

/**
 * How the web app is to read another workbook as the earlier year: as `balance compare` reads each year's with
 * --county and --recipe, those of this year's table.
 */
export type EarlierSource = Omit<TableSource, "sheet"> & { profile: Profile };

/** The earlier year's table: where it was read and what the reader and the engine made of it. */
export interface EarlierTable {
  /** the file it came from (the web app); null for a sheet of this workbook */
  file: string | null;
  sheet: string;
  result: TableEvaluation;
  /** the rows above its header, its title: the county it names (`otherCountyWarnings`) */
  title?: Grid["values"];
}

/** The table checked in the pane: the later year. */
export interface CurrentTable {
  evaluation: Evaluation;
  sheet: string;
  /** the workbook's file name where it is known (the web app); null inside Excel */
  workbook: string | null;
  /**
   * the county chosen in step 2 from a statistics export holding several (docs/import.md#counties): the earlier
   * year's table is read for the same county; null or absent for a table of one county
   */
  county?: string | null;
  /**
   * the recipe the clerk changed in step 2 that this year's export was read through: the earlier year's is read
   * through it too, so that both years' figures are derived alike; absent for the built-in
   */
  recipe?: TableRecipe;
  /** the rows above its header, its title: the county it names (`otherCountyWarnings`) */
  title?: Grid["values"];
}

const stem = (file: string) => withoutSpreadsheetExtension(file).trim();
// a year in a name, of a workbook read from a zip archive its own, else the archive's (`yearOfFile`)
const yearText = (name: string | null) => {
  const year = name === null ? null : yearOfFile(name);
  return year === null ? "" : String(year);
};
const yearOf = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * A sheet's table read with the column corrections saved in the workbook for that sheet, as step 2 reads it; of a
 * statistics export holding several counties, the rows of `county` (the one this year's table was checked for).
 */
export function readWithSavedMapping(
  grid: Grid,
  profile: Profile,
  saved: SavedMappings | null,
  county?: string | null,
  recipe?: TableRecipe,
): TableEvaluation {
  const options = { profile, county: county ?? undefined, recipe };
  const first = evaluateTable(grid, profile, options);
  const mapping = mappingFromSaved(saved?.[grid.sheet], headerCells(grid, first.read.headerRow));
  return Object.keys(mapping).length === 0 ? first : evaluateTable(grid, profile, { ...options, mapping });
}

/**
 * The two years as the engine's comparison takes them: labelled by the years typed (or found in the names), else by
 * the files' names, else by a word (较早, 当前); the years known only when both are given. Null when they are out of
 * order.
 */
export function trendYears(
  earlier: { evaluation: Evaluation; file: string | null; year: string },
  later: { evaluation: Evaluation; file: string | null; year: string },
  lang: Lang,
): TrendYear[] | null {
  const [a, b] = [yearOf(earlier.year), yearOf(later.year)];
  if (a !== null && b !== null && a >= b) return null;
  const known = a !== null && b !== null;
  const [nameA, nameB] = [earlier.file && stem(earlier.file), later.file && stem(later.file)];
  const label = (year: number | null, name: string | null, word: string) =>
    year !== null ? String(year) : name && nameA !== nameB ? name : word;
  return [
    {
      year: known ? a : null,
      label: label(a, nameA, t(lang, "compareLabelEarlier")),
      evaluation: earlier.evaluation,
    },
    {
      year: known ? b : null,
      label: label(b, nameB, t(lang, "compareLabelLater")),
      evaluation: later.evaluation,
    },
  ];
}

/**
 * The 对比 view's state: the earlier year's table (a sheet of the workbook, or a file in the web app), the years,
 * the county (for its target year) and the renames; the comparison itself is the engine's (src/engine/trend.ts),
 * recomputed from the two evaluations whenever one of these changes.
 */
export function useComparison(props: {
  host: ExcelHost;
  profile: Profile;
  lang: Lang;
  current: CurrentTable;
  openFile?: (file: File, source: EarlierSource) => Promise<EarlierFile>;
}) {
  const { host, profile, lang, current, openFile } = props;
  const [sheets, setSheets] = useState<{ name: string; report: boolean }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<EarlierTable | null>(null);
  const [years, setYears] = useState({
    earlier: "",
    later: yearText(current.workbook) || yearText(current.sheet),
  });
  const [renames, setRenames] = useState<RenameMap>({});
  const counties = useMemo(() => knownCounties(profile), [profile]);
  // the county a file's name gives (the web app); inside Excel the workbook's name is not known
  const detected = useMemo(
    () => (current.workbook ? countyInFileName(current.workbook, counties) : null),
    [current.workbook, counties],
  );
  // the county for its target year: the one the file's name gives, else the one chosen from an export
  const [county, setCounty] = useState<string | null>(() =>
    detected !== null && findCounty(profile, detected)
      ? detected
      : (findCounty(profile, current.county ?? "")?.name ?? null),
  );
  // the county chosen here by the clerk, as --county is given: a year's workbook naming another is warned of
  const [countyChosen, setCountyChosen] = useState(false);
  const chooseCounty = useCallback((name: string | null) => {
    setCounty(name);
    setCountyChosen(name !== null);
  }, []);
  // the county whose schools are read of an earlier table holding several, as `balance compare --county` reads
  // every year's: the one chosen in step 2 from this year's export, else the one the comparison is about
  const readingCounty = current.county ?? county ?? undefined;
  /** where the earlier table was last read from, and for which county: read again for another */
  const source = useRef<(({ sheet: string } | { file: File }) & { county?: string }) | null>(null);
  /** the reading last begun: a reading begun before another choice, or before the view was cleared, is not taken */
  const reading = useRef(0);

  /**
   * Another choice made (the source, the file or the sheet), or this year's table changed: the earlier table read
   * before, and the comparison with it, are no longer shown, nor a reading still under way taken when it ends.
   */
  const clear = useCallback(() => {
    reading.current += 1;
    source.current = null;
    setEarlier(null);
    setFailure(null);
    setRenames({});
    setBusy(false);
  }, []);

  // this year's table another sheet or workbook (or the workbook itself another): an earlier table read against
  // the one before is read again by the clerk, not left under the new one
  const currentTable = `${current.workbook ?? ""}\u0000${current.sheet}`;
  const shown = useRef({ host, currentTable });
  useEffect(() => {
    if (shown.current.host === host && shown.current.currentTable === currentTable) return;
    shown.current = { host, currentTable };
    clear();
  }, [host, currentTable, clear]);

  useEffect(() => {
    let live = true;
    host
      .listSheets()
      .then((list) => live && setSheets(list))
      .catch(() => live && setSheets([]));
    return () => {
      live = false;
    };
  }, [host]);

  const failed = (error: unknown) => setFailure(error instanceof Error ? error.message : String(error));

  const take = (table: EarlierTable) => {
    setEarlier(table);
    setRenames({});
    setYears((y) => ({ ...y, earlier: yearText(table.file) || yearText(table.sheet) || y.earlier }));
  };

  const readSheet = useCallback(
    async (name: string) => {
      source.current = { sheet: name, county: readingCounty };
      const mine = (reading.current += 1);
      setBusy(true);
      setFailure(null);
      setEarlier(null);
      try {
        const grid = await host.readSheet(name);
        const saved = await host.loadSettings<SavedMappings>(SETTINGS_KEY);
        if (mine !== reading.current) return;
        const result = readWithSavedMapping(grid, profile, saved, readingCounty, current.recipe);
        take({ file: null, sheet: grid.sheet, result, title: titleRowsOf(grid, result.read.headerRow) });
      } catch (error) {
        if (mine === reading.current) failed(error);
      } finally {
        if (mine === reading.current) setBusy(false);
      }
    },
    [host, profile, readingCounty, current.recipe],
  );

  const readFile = useCallback(
    async (file: File) => {
      if (!openFile) return;
      source.current = { file, county: readingCounty };
      const mine = (reading.current += 1);
      setBusy(true);
      setFailure(null);
      setEarlier(null);
      try {
        const opened = await openFile(file, { profile, county: readingCounty, recipe: current.recipe });
        if (mine !== reading.current) return;
        if (!opened.ok) {
          setFailure(t(lang, "compareUnreadable", { file: file.name, message: opened.message[lang] }));
          return;
        }
        const saved = await host.loadSettings<SavedMappings>(SETTINGS_KEY);
        if (mine !== reading.current) return;
        const result = readWithSavedMapping(opened.grid, profile, saved, readingCounty, current.recipe);
        take({
          file: opened.name ?? file.name,
          sheet: opened.grid.sheet,
          result: { ...result, problems: [...opened.problems, ...result.problems] },
          title: titleRowsOf(opened.grid, result.read.headerRow),
        });
      } catch (error) {
        if (mine === reading.current) failed(error);
      } finally {
        if (mine === reading.current) setBusy(false);
      }
    },
    [host, profile, lang, openFile, readingCounty, current.recipe],
  );

  // an earlier table holding several counties, read for another county than the one now chosen (or for none):
  // read again, for this one, once
  const earlierCounties = earlier?.result.read.recipe?.counties.length ?? 0;
  useEffect(() => {
    const from = source.current;
    if (busy || earlierCounties < 2 || !from || from.county === readingCounty) return;
    if ("file" in from) void readFile(from.file);
    else void readSheet(from.sheet);
  }, [busy, earlierCounties, readingCounty, readFile, readSheet]);

  const targetYear = county === null ? null : (findCounty(profile, county)?.targetYear ?? null);
  const earlierEvaluation = earlier?.result.evaluation ?? null;
  const trendInput = useMemo(() => {
    if (!earlier || !earlierEvaluation) return null;
    return trendYears(
      { evaluation: earlierEvaluation, file: earlier.file, year: years.earlier },
      { evaluation: current.evaluation, file: current.workbook, year: years.later },
      lang,
    );
  }, [earlier, earlierEvaluation, current.evaluation, current.workbook, years, lang]);
  const trend: Trend | null = useMemo(
    () => (trendInput ? compareYears(trendInput, { renames, targetYear }) : null),
    [trendInput, renames, targetYear],
  );

  // the two years' files of two counties, or naming another county than the one chosen here: warned of as
  // `balance compare` warns without and with --county, by the same rule
  const countyWarnings = useMemo((): Problem[] => {
    if (!earlier || !trendInput) return [];
    const year = (
      file: string | null,
      sheet: string,
      tableCounty: string | null,
      title: Grid["values"] = [],
    ) => ({
      shown: file ?? sheet,
      clues: { file: file ?? "", tableCounty, tableTitle: title },
    });
    const years = [
      {
        ...year(earlier.file, earlier.sheet, earlier.result.read.recipe?.county ?? null, earlier.title),
        label: trendInput[0].label,
      },
      {
        ...year(current.workbook, current.sheet, current.county ?? null, current.title),
        label: trendInput[1].label,
      },
    ];
    const given = countyChosen ? county : null;
    return comparedYearsWarnings(years, given, profile).filter((p): p is Problem => p !== null);
  }, [earlier, trendInput, current, profile, county, countyChosen]);

  /** The comparison workbook's sheets, by the builder of `balance compare --out`, with its warnings. */
  const comparisonSheets = useCallback((): ReportSheet[] => {
    if (!trend) return [];
    const named = county ?? detected ?? t(lang, "compareCountyUnnamed");
    const options = { lang, county: named, date: today(), warnings: countyWarnings };
    return buildComparisonReport(trend, profile, options).sheets;
  }, [trend, profile, lang, county, detected, countyWarnings]);

  return {
    sheets,
    busy,
    failure,
    earlier,
    years,
    setYears,
    /** how many counties the earlier table holds (an export of several: read for the county chosen) */
    earlierCounties,
    yearsOutOfOrder: earlier !== null && earlierEvaluation !== null && trendInput === null,
    county,
    /** the county chosen by the clerk, for its target year: as --county, a workbook naming another is warned of */
    setCounty: chooseCounty,
    counties,
    /** the county the comparison is about; null when neither chosen nor known from a file's name */
    countyName: county ?? detected,
    targetYear,
    renames,
    setRenames,
    trend,
    /** the warnings that the two years' files are of two counties, or of another than the one chosen */
    countyWarnings,
    readSheet,
    readFile,
    /** forgets the earlier table read and the comparison with it: another source, file or sheet chosen */
    clear,
    comparisonSheets,
  };
}

export type Comparison = ReturnType<typeof useComparison>;
