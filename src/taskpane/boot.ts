import { officeScriptLoaded, type OfficeGlobal } from "../excel/officeScript";

/** How long to wait for office.js to load, and then for Office.onReady, before deciding the pane is not in Office. */
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

/**
 * Waits for the page's office.js (at most the timeout: a CDN that hangs must not hold the pane), then asks it
 * whether the pane is inside Excel.
 */
export async function startsInsideExcel(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<boolean> {
  return insideExcel(await officeScriptLoaded(timeoutMs), timeoutMs);
}
