import highsLoader, { type Highs } from "highs";

/*
 * HiGHS (the University of Edinburgh's MILP solver, compiled to WebAssembly by the `highs` package) is loaded
 * once per process or page. In Node the loader finds build/highs.wasm next to its script. In the browser webpack
 * takes the package's ES module, whose `new URL("highs.wasm", import.meta.url)` makes webpack emit the wasm file
 * as an asset and point the loader at it; `configureHighs` is for hosts that serve it elsewhere.
 */
let locateFile: ((file: string) => string) | undefined;
let loading: Promise<Highs> | null = null;

export function configureHighs(options: { locateFile?: (file: string) => string }): void {
  locateFile = options.locateFile;
  loading = null;
}

export function loadHighs(): Promise<Highs> {
  if (!loading) {
    const locate = locateFile;
    loading = highsLoader(locate ? { locateFile: locate } : {});
    loading.catch(() => (loading = null));
  }
  return loading;
}

export type { Highs };
