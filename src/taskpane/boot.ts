import type { ExcelHost } from "../excel/host";

/** What Office.onReady reports; host is null when office.js runs in a plain browser. */
interface OfficeReadyInfo {
  host: unknown;
  platform?: unknown;
}
interface OfficeGlobal {
  onReady(): Promise<OfficeReadyInfo>;
}

/** How long to wait for Office.onReady before deciding the pane is not inside Office. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

/**
 * Inside Excel or not? office.js may be missing (no network, a plain browser), loaded but outside any
 * host (onReady reports host null), or inside Excel. The pane never waits on Office forever: after the
 * timeout it starts in demo mode.
 */
export async function insideExcel(
  office: OfficeGlobal | undefined = (globalThis as { Office?: OfficeGlobal }).Office,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<boolean> {
  if (!office || typeof office.onReady !== "function") return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info !== null && info.host !== null && info.host !== undefined;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export type HostChoice = { host: ExcelHost; demo: false } | { host: ExcelHost; demo: true };
