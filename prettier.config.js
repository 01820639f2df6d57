// Prettier's settings. TypeScript is parsed with babel-ts rather than the typescript parser: both print the same
// code, and babel-ts checks the repository's ~370 TypeScript files in about two thirds of the CPU time, which npm
// test spends on every run.
export default {
  printWidth: 120,
  overrides: [{ files: ["*.ts", "*.mts", "*.cts"], options: { parser: "babel-ts" } }],
};
