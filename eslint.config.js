import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".tsbuild/**",
      ".data/**",
      "packages/db/src/generated/**",
      "**/*.generated.*",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", performance: "readonly", fetch: "readonly", AbortController: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Platform code that runs in the student's isolate: built-ins only through the primordials
    // captured at load (@autograder/shared/primordials), never through a global at call time.
    files: ["packages/threading-runtime/src/{module,scheduler,isolate}/**/*.ts", "packages/socket-runtime/src/{module,net,driver,polyfill,isolate}/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Promise", "Array", "Object", "JSON", "Math", "Number", "String", "Symbol", "Reflect", "Map", "Set", "WeakMap", "Error", "TypeError", "RangeError", "Uint8Array", "ArrayBuffer", "Boolean", "DataView"].map((name) => ({
          name,
          message: `Use the captured primordial (@autograder/shared/primordials): the student's code can replace or patch ${name}.`,
        })),
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ForOfStatement", message: "for...of runs the (patchable) iterator protocol: use an index loop." },
        { selector: ":matches(ArrayExpression, CallExpression, NewExpression) > SpreadElement", message: "Spread runs the (patchable) iterator protocol: copy with an index loop." },
        { selector: "ArrayPattern", message: "Array destructuring runs the (patchable) iterator protocol: read by index." },
      ],
    },
  },
  {
    // Exercise content: solutions, starters and mutants are student-style code.
    files: ["exercises/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
);
