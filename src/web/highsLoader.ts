/**
 * The HiGHS solver as the browser builds load it. Both the web app's and the add-in's builds point the `highs`
 * package at this module (webpack.config.js): the solver's script comes in its own chunk, fetched the first time
 * a plan is computed, so that the first screen does not wait for it. In the web app its WebAssembly is inside
 * that chunk as a data: URL: nothing is fetched from a server that may not know the .wasm type, and the page works
 * when opened from disk (file://), where a browser fetches no file. The add-in, always served, keeps it a file.
 */
import type { Highs, InitOptions } from "highs";

export default async function highsLoader(options?: InitOptions): Promise<Highs> {
  const { default: load } = await import(/* webpackChunkName: "highs" */ "highs/build/highs.mjs");
  return load(options);
}
