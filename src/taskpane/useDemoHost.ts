import { useCallback, useMemo, useState } from "react";
import type { ExcelHost } from "../excel/host";
import { splitAddress } from "./addresses";
import type { WorkbookView } from "./components/SheetViewer";

/** The sheet and cell the sheet viewer shows. */
export interface Viewed {
  sheet: string | null;
  cell: string | null;
}

export interface DemoHost {
  /** the host the pane calls: the given one, with the viewer following what it selects and writes */
  host: ExcelHost;
  viewed: Viewed;
  /** bumped whenever the workbook changed, for the viewer to read it again */
  version: number;
  /** the user picked a sheet in the viewer: it becomes the active sheet, as a click on a sheet tab in Excel */
  viewSheet(sheet: string): void;
}

/**
 * Outside Excel (demo mode, the web app's workbook opened from disk) the sheet viewer stands for Excel's grid:
 * selecting a cell or activating a sheet shows it there, and a write shows itself. Inside Excel (no workbook
 * view) the host is the pane's host as it is.
 */
export function useDemoHost(
  host: ExcelHost,
  workbook: WorkbookView | null,
  showWorkbook: () => void,
): DemoHost {
  const [viewed, setViewed] = useState<Viewed>({ sheet: null, cell: null });
  const [version, setVersion] = useState(0);

  const paneHost = useMemo<ExcelHost>(() => {
    if (!workbook) return host;
    const refresh = () => setVersion((v) => v + 1);
    // every method delegated by name: a host may be a class instance, whose methods a spread would not copy
    return {
      readTable: (source) => host.readTable(source),
      listSheets: () => host.listSheets(),
      readSheet: (name) => host.readSheet(name),
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
      selectCell: async (address) => {
        await host.selectCell(address);
        const { sheet, cell } = splitAddress(address);
        setViewed({ sheet, cell });
        showWorkbook();
      },
      activateSheet: async (name) => {
        await host.activateSheet(name);
        setViewed({ sheet: name, cell: null });
      },
      existingReportSheets: (report) => host.existingReportSheets(report),
      loadSettings: (key) => host.loadSettings(key),
      saveSettings: (key, value) => host.saveSettings(key, value),
      displayLanguage: () => host.displayLanguage(),
      theme: () => host.theme(),
    };
  }, [host, workbook, showWorkbook]);

  const viewSheet = useCallback(
    (sheet: string) => {
      setViewed({ sheet, cell: null });
      host.activateSheet(sheet).catch(() => undefined);
    },
    [host],
  );

  return { host: paneHost, viewed, version, viewSheet };
}
