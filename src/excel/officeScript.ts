/**
 * office.js, loaded async from Microsoft's CDN by taskpane.html, so that a slow or unreachable CDN never holds up
 * the page. The pane and the custom functions wait here for it to have run (or failed). pane-start.js, the page's
 * first script, notes the script's load or error in `balanceOfficeScript` as it happens, so that a load that came
 * before this code ran is not waited for again.
 */

/** What Office.onReady reports; host is null when office.js runs in a plain browser. */
export interface OfficeReadyInfo {
  host: unknown;
  platform?: unknown;
}

export interface OfficeGlobal {
  onReady(): Promise<OfficeReadyInfo>;
}

type Scope = {
  Office?: OfficeGlobal;
  balanceOfficeScript?: "loading" | "loaded" | "failed";
  document?: Document;
};

/**
 * Office's global once office.js has run; undefined when the page has no office.js, when it failed to load, or
 * when it has not loaded within `timeoutMs` (never given up on without one).
 */
export function officeScriptLoaded(
  timeoutMs = Infinity,
  scope: Scope = globalThis as unknown as Scope,
): Promise<OfficeGlobal | undefined> {
  const office = () => (typeof scope.Office?.onReady === "function" ? scope.Office : undefined);
  if (office() || scope.balanceOfficeScript === "failed") return Promise.resolve(office());
  const script = scope.document?.querySelector<HTMLScriptElement>('script[src*="/office.js"]');
  if (!script || scope.balanceOfficeScript === "loaded") return Promise.resolve(office());
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      script.removeEventListener("load", done);
      script.removeEventListener("error", done);
      resolve(office());
    };
    script.addEventListener("load", done);
    script.addEventListener("error", done);
    if (Number.isFinite(timeoutMs)) timer = setTimeout(done, timeoutMs);
  });
}
