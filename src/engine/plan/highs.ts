import highsLoader, { type Highs } from "highs";

/*
 * HiGHS (the University of Edinburgh's MILP solver, compiled to WebAssembly by the `highs` package) is loaded
 * once per process or page. In Node the loader finds build/highs.wasm next to its script. In the browser webpack
 * takes the package's ES module, whose `new URL("highs.wasm", import.meta.url)` makes webpack emit the wasm file
 * as an asset and point the loader at it (the web app points it at its own chunk, src/web/highsLoader.ts).
 */
let loading: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = highsLoader({});
    loading.catch(() => (loading = null));
  }
  return loading;
}

export type { Highs };

type SolveOptions = Parameters<Highs["solve"]>[1];
export type HighsSolution = ReturnType<Highs["solve"]>;

/** HiGHS failed on a model even without presolve; the caller goes on without it. */
export class SolverFailure extends Error {
  constructor(cause: unknown) {
    super(`HiGHS could not solve the model: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "SolverFailure";
  }
}

/**
 * HiGHS could not be loaded at all: a browser that may not compile WebAssembly under the page's policy (before
 * Chrome 95 and Firefox 102 no browser knows 'wasm-unsafe-eval'). A failure of its own kind, so that a host can say
 * what to do, where a failure on one model is the solver's.
 */
export class SolverUnavailable extends SolverFailure {
  constructor(cause: unknown) {
    super(cause);
    this.name = "SolverUnavailable";
  }
}

/** HiGHS, loaded once; a `SolverUnavailable` when it cannot be loaded. */
async function loadedHighs(): Promise<Highs> {
  try {
    return await loadHighs();
  } catch (error) {
    throw new SolverUnavailable(error);
  }
}

/**
 * Solves an LP-format model. The WebAssembly build of HiGHS traps ("memory access out of bounds") in its presolve
 * on some small models, and a module that trapped is not to be trusted again: on a failure the module is loaded
 * afresh and the model solved once more without presolve. A second failure is a `SolverFailure`; a solver that
 * cannot be loaded, a `SolverUnavailable`.
 */
export async function solveLp(lp: string, options: SolveOptions): Promise<HighsSolution> {
  const highs = await loadedHighs();
  try {
    return highs.solve(lp, options);
  } catch (first) {
    loading = null;
    try {
      return (await loadedHighs()).solve(lp, { ...options, presolve: "off" });
    } catch (second) {
      loading = null;
      if (second instanceof SolverFailure) throw second;
      throw new SolverFailure(second ?? first);
    }
  }
}
