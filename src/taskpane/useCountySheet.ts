import { useCallback, useMemo, useState } from "react";
import { evaluateCountyWorkbook } from "../countyVerdict";
import type { ExcelHost } from "../excel/host";
import type { Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import { countyItemsOf } from "../report/allItems";
import { isCountySheet } from "../sheet/countySheet";
import type { Grid } from "../sheet/grid";
import type { Profile } from "../standard/profile";
import { workbookCounty, type CountyClues } from "../workbookCounty";
import type { TableResult } from "./useCheckFlow";

export interface CountyNote {
  text: string;
  intent: "warning" | "info";
}

/**
 * The county sheet (县级指标) behind the 全部指标 checklist: read from the active sheet, or inserted blank to fill
 * in. Without it the items the county reports are missing; the verdict is the engine's (evaluateCountyWorkbook).
 * `clues` name the county (workbookCounty.ts, with the county sheet read): where the profile's plan knows it, the
 * verdict comes with its readiness for its target year.
 */
export function useCountySheet(
  host: ExcelHost,
  lang: Lang,
  result: TableResult | null,
  profile: Profile,
  clues: CountyClues & { given?: string },
) {
  const [grid, setGrid] = useState<Grid | null>(null);
  const [note, setNote] = useState<CountyNote | null>(null);
  const [busy, setBusy] = useState(false);
  const { file, given, tableCounty, tableTitle } = clues;
  const about = useMemo(
    () => workbookCounty({ file, given, tableCounty, tableTitle, countySheet: grid }, profile),
    [file, given, tableCounty, tableTitle, grid, profile],
  );
  const evaluation = useMemo(
    () =>
      result
        ? evaluateCountyWorkbook(result, grid, { county: about.target, countyFrom: about.from ?? undefined })
        : null,
    [result, grid, about],
  );
  const items = useMemo(
    () => (evaluation ? countyItemsOf(evaluation.verdict, lang) : null),
    [evaluation, lang],
  );

  const failed = useCallback(
    (error: unknown) =>
      setNote({
        text: t(lang, "hostError", { message: error instanceof Error ? error.message : String(error) }),
        intent: "warning",
      }),
    [lang],
  );

  const read = useCallback(async () => {
    setBusy(true);
    try {
      const g = await host.readTable("usedRange");
      if (isCountySheet(g)) {
        setGrid(g);
        setNote(null);
      } else {
        setNote({ text: t(lang, "countySheetNotCounty", { sheet: g.sheet }), intent: "warning" });
      }
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }, [host, lang, failed]);

  const insert = useCallback(async () => {
    setBusy(true);
    try {
      const sheet = await host.insertCountySheet({ lang });
      setNote({ text: t(lang, "countySheetInserted", { sheet }), intent: "info" });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }, [host, lang, failed]);

  return { evaluation, items, note, busy, read, insert };
}
