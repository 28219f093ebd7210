/**
 * The HiGHS solver as the web app loads it. The web build points the `highs` package at this module
 * (webpack.config.js): the solver's script and its WebAssembly come in their own chunk, fetched the first time a
 * plan is computed, and the WebAssembly is inside that chunk as a data: URL. Nothing is fetched from a server
 * that may not know the .wasm type, and the page works when opened from disk (file://), where a browser fetches
 * no file.
 */
import type { Highs, InitOptions } from "highs";

export default async function highsLoader(options?: InitOptions): Promise<Highs> {
  const { default: load } = await import(/* webpackChunkName: "highs" */ "highs/build/highs.mjs");
  return load(options);
}
