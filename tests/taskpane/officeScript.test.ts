/**
 * office.js loads async (a hanging CDN must not hold the pane): the pane waits for its script at most the stated
 * time, not at all once it has failed, and takes Office as soon as the script has run.
 */
import { officeScriptLoaded, type OfficeGlobal } from "../../src/excel/officeScript";

function page(state?: "loading" | "loaded" | "failed") {
  const listeners: Record<string, (() => void)[]> = {};
  const script = {
    addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn),
    removeEventListener: (type: string, fn: () => void) => {
      listeners[type] = (listeners[type] ?? []).filter((f) => f !== fn);
    },
  };
  const scope: { Office?: OfficeGlobal; balanceOfficeScript?: typeof state; document: Document } = {
    balanceOfficeScript: state,
    document: { querySelector: () => script } as unknown as Document,
  };
  const fire = (type: string) => [...(listeners[type] ?? [])].forEach((fn) => fn());
  return { scope, fire, listeners };
}

const office: OfficeGlobal = { onReady: async () => ({ host: "Excel" }) };

describe("waiting for office.js", () => {
  it("gives up after the timeout when the script hangs, not before", async () => {
    jest.useFakeTimers();
    try {
      const { scope } = page("loading");
      let settled = false;
      const waiting = officeScriptLoaded(4000, scope).then((o) => {
        settled = true;
        return o;
      });
      await jest.advanceTimersByTimeAsync(3999);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(await waiting).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it("does not wait for a script that failed before the pane started", async () => {
    const { scope, listeners } = page("failed");
    expect(await officeScriptLoaded(60_000, scope)).toBeUndefined();
    expect(listeners.load ?? []).toEqual([]);
  });

  it("takes Office when the script loads, and at once when it has", async () => {
    const { scope, fire, listeners } = page("loading");
    const waiting = officeScriptLoaded(60_000, scope);
    scope.Office = office;
    fire("load");
    expect(await waiting).toBe(office);
    expect(listeners.load).toEqual([]);
    expect(await officeScriptLoaded(60_000, scope)).toBe(office);
  });

  it("resolves without Office when the script fails while waited for", async () => {
    const { scope, fire } = page("loading");
    const waiting = officeScriptLoaded(60_000, scope);
    fire("error");
    expect(await waiting).toBeUndefined();
  });
});
