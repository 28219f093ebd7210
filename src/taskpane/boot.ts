import { t } from "../i18n/messages";
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
  return (await officeHostOf(office, timeoutMs)) !== null;
}

/** The Office host the page runs in ("Excel", or another Office application), or null outside Office. */
export async function officeHostOf(
  office: OfficeGlobal | undefined = (globalThis as { Office?: OfficeGlobal }).Office,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<string | null> {
  if (!office || typeof office.onReady !== "function") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info === null || info.host === null || info.host === undefined ? null : String(info.host);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the page's office.js (at most the timeout: a CDN that hangs must not hold the pane), then asks it
 * which Office host the pane is in: null outside Office.
 */
export async function startingHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<string | null> {
  return officeHostOf(await officeScriptLoaded(timeoutMs), timeoutMs);
}

/**
 * The ExcelApi requirement set of the Office.js calls the pane makes (src/excel/officeHost.ts and what it calls):
 * manifest-pane.xml requires it, and tests/manifest keeps the two and the code in step.
 */
export const PANE_EXCEL_API = "1.9";

/** The part of Office's global that tells what a host supports (Office.context.requirements). */
export interface OfficeRequirements {
  context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
}

/**
 * Why the pane cannot run in this Office host, in both languages; null when it can. Office refuses an add-in whose
 * manifest asks for more than the host has, but not every host checks (an add-in loaded by hand, an older build,
 * another Office application): there the pane says so and where to go instead, rather than failing at its first
 * call into Excel. `webApp` is the address of the offline web app, which needs no Office at all.
 */
export function unsupportedHost(
  host: string,
  office: OfficeRequirements | undefined,
  webApp: string,
): { zh: string; en: string } | null {
  const both = (key: "hostNotExcel" | "hostLacksApi") => {
    const params = { host, webApp, api: PANE_EXCEL_API };
    return { zh: t("zh", key, params), en: t("en", key, params) };
  };
  if (host !== "Excel") return both("hostNotExcel");
  const requirements = office?.context?.requirements;
  const supported =
    typeof requirements?.isSetSupported === "function" &&
    requirements.isSetSupported("ExcelApi", PANE_EXCEL_API);
  return supported ? null : both("hostLacksApi");
}

/** The offline web app next to the pane: taskpane.html and web/index.html are built into one folder (dist/). */
export function webAppAddress(pane: string): string {
  const here = pane.split("?")[0].split("#")[0];
  return `${here.substring(0, here.lastIndexOf("/") + 1)}web/index.html`;
}
