import highsLoader, { type Highs } from "highs";

/*
 * HiGHS (the University of Edinburgh's MILP solver, compiled to WebAssembly by the `highs` package) is loaded
 * once per process or page. In Node the loader finds build/highs.wasm next to its script; in the browser the
 * wasm file is copied next to the pane's page by webpack (see webpack.config.js), and `configureHighs` may
 * point elsewhere.
 */
let locateFile: ((file: string) => string) | undefined;
let loading: Promise<Highs> | null = null;

export function configureHighs(options: { locateFile?: (file: string) => string }): void {
  locateFile = options.locateFile;
  loading = null;
}

function defaultLocate(): ((file: string) => string) | undefined {
  const doc = (globalThis as { document?: { baseURI?: string } }).document;
  if (doc?.baseURI && typeof (globalThis as { process?: unknown }).process === "undefined") {
    return (file: string) => new URL(file, doc.baseURI).toString();
  }
  return undefined;
}

export function loadHighs(): Promise<Highs> {
  if (!loading) {
    const locate = locateFile ?? defaultLocate();
    loading = highsLoader(locate ? { locateFile: locate } : {});
    loading.catch(() => (loading = null));
  }
  return loading;
}

export type { Highs };
