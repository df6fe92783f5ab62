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
  // Import edges (docs/decisions.md, "Layers"): packages never import apps; the API never
  // reaches the grader, the sandbox or isolated-vm (the launcher composes them); the web app
  // imports only @autograder/shared. Each package's README names what it must never import.
  {
    files: ["packages/*/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["@autograder/api", "@autograder/api/*", "@autograder/grader", "@autograder/grader/*", "@autograder/launcher", "@autograder/launcher/*", "@autograder/web", "@autograder/web/*", "**/apps/**"], message: "Packages never import apps (apps depend on packages, not the other way)." },
        ],
      }],
    },
  },
  {
    // The bottom layer: every process imports it, it imports no other workspace package.
    files: ["packages/shared/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@autograder/*", "**/apps/**", "**/packages/**", "../../*/**"], message: "packages/shared is the bottom layer: it imports no other workspace package." }],
      }],
    },
  },
  {
    files: ["apps/api/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["@autograder/grader", "@autograder/grader/*", "@autograder/sandbox", "@autograder/sandbox/*", "@autograder/socket-runtime", "@autograder/socket-runtime/*", "@autograder/threading-runtime", "@autograder/threading-runtime/*", "isolated-vm", "@autograder/launcher", "@autograder/launcher/*", "@autograder/web", "@autograder/web/*", "**/grader/**", "**/sandbox/**", "**/launcher/**", "**/packages/**"], message: "The API never runs exercise code: no grader, sandbox, runtimes or isolated-vm (the launcher composes API and grader)." },
        ],
      }],
    },
  },
  {
    files: ["apps/grader/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@autograder/api", "@autograder/api/*", "@autograder/launcher", "@autograder/launcher/*", "@autograder/web", "@autograder/web/*", "**/apps/**", "../../*/**"], message: "The grader depends on packages only, never on another app." }],
      }],
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@autograder/*", "!@autograder/shared", "!@autograder/shared/*", "isolated-vm", "**/apps/**", "**/packages/**", "../../*/**"], message: "The web app imports only @autograder/shared (its types and contracts), never server code." }],
      }],
    },
  },
  {
    // Every isolate gets onCatastrophicError: create them with newIsolate (src/isolates.ts).
    files: ["packages/sandbox/src/**/*.ts"],
    ignores: ["packages/sandbox/src/isolates.ts"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.property.name='Isolate']", message: "Create isolates with newIsolate (src/isolates.ts): it installs onCatastrophicError." }],
    },
  },
  {
    // The bin entries start with a hashbang; tsx's dynamic-import rewrite misparses such a file
    // when it contains import() (a parse error at start), so the CLIs import statically.
    files: ["packages/sandbox/src/cli/*.ts"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "ImportExpression", message: "A bin entry (hashbang) must not use import(): tsx misparses it; import statically." }],
    },
  },
  {
    // Exercise content: solutions, starters and mutants are student-style code.
    files: ["exercises/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
);
