// The solver's ES module by its file, which the package's exports do not name: only the web build loads it
// (through an alias in webpack.config.js), to put it and its WebAssembly in a chunk of their own.
declare module "highs/build/highs.mjs" {
  export { default } from "highs";
}
