// Lint rules that keep the house: typescript-eslint's recommended set, small files and functions, and `process`
// only in the CLI face (bin/, src/cli/, src/explore/) — everything below it receives what it needs as arguments.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".bench/", "coverage/", "test/fixtures/", "test/golden/outputs/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // relaudit finds and shows control characters on purpose (making hidden characters in labels visible).
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      "max-lines": ["error", { max: 350, skipBlankLines: false, skipComments: false }],
      "max-lines-per-function": ["error", { max: 100, skipBlankLines: false, skipComments: false }],
      "no-restricted-globals": [
        "error",
        {
          name: "process",
          message: "Only the CLI face (src/cli, src/explore, bin) touches process: pass what you need in.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "node:process", message: "Only the CLI face (src/cli, src/explore, bin) touches process." }],
        },
      ],
    },
  },
  {
    // Tests build fixtures in compact loops: (a.push(x), b.push(y)).
    files: ["test/**"],
    rules: { "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  {
    files: ["src/cli/**", "src/explore/**"],
    rules: { "no-restricted-globals": "off", "no-restricted-imports": "off" },
  },
  {
    // Scripts are plain Node programs (JavaScript, so ESLint rather than TypeScript checks their globals).
    files: ["scripts/**/*.mjs", "bin/**/*.js"],
    languageOptions: { globals: globals.node },
  },
  {
    // These patterns match control characters on purpose: the code that makes them visible in every output, the
    // terminal renderer's measure of text without its colour codes, and the tests that no output holds any.
    files: [
      "src/util/control-characters.ts",
      "src/report/terminal.ts",
      "test/perf/visible-controls.test.ts",
      "test/security/injection.test.ts",
    ],
    rules: { "no-control-regex": "off" },
  },
);
