// esbuild, host side: the sandbox's in-isolate scripts, an exercise's tests bundled with the
// judge API, and the student's TypeScript transpiled to an ES module.
import { fileURLToPath } from "node:url";
import { build, transform, type Message, type Plugin } from "esbuild";

const BRIDGE_ENTRY = fileURLToPath(new URL("./isolate/student-bridge.ts", import.meta.url));
const JUDGE_API = fileURLToPath(new URL("./isolate/judge/index.ts", import.meta.url));
const SRC_DIR = fileURLToPath(new URL(".", import.meta.url));
/** esbuild names the stdin entry by its sourcefile inside resolveDir. */
const TESTS_FILE = `${SRC_DIR}tests.ts`;

export class BuildError extends Error {
  override name = "BuildError";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function fromEsbuild(errors: Message[], file: string): BuildError {
  const first = errors[0];
  const line = first?.location?.line ?? 1;
  const column = (first?.location?.column ?? 0) + 1;
  return new BuildError(`${file}:${line}:${column}: ${first?.text ?? "could not be compiled"}`, line, column);
}

let bridge: Promise<string> | undefined;

/** The student isolate's bridge module (an ES module with no imports). */
export function bridgeSource(): Promise<string> {
  bridge ??= build({ entryPoints: [BRIDGE_ENTRY], bundle: true, write: false, format: "esm", platform: "neutral", target: "es2022", logLevel: "silent" }).then(
    (r) => r.outputFiles[0]!.text,
  );
  return bridge;
}

const onlyJudgeImports: Plugin = {
  name: "only-judge-imports",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.importer !== TESTS_FILE) return undefined;
      if (args.path === "judge") return { path: JUDGE_API };
      return { errors: [{ text: `tests.ts can import only from "judge" (found "${args.path}")` }] };
    });
  },
};

const judgeCache = new Map<string, Promise<string>>();

/** An exercise's tests.ts with the judge API and fast-check, as one classic script. */
export function judgeScript(testsSource: string, cacheKey: string): Promise<string> {
  let pending = judgeCache.get(cacheKey);
  if (pending === undefined) {
    pending = build({
      stdin: { contents: testsSource, sourcefile: "tests.ts", loader: "ts", resolveDir: SRC_DIR },
      bundle: true,
      write: false,
      format: "iife",
      platform: "neutral",
      mainFields: ["module", "main"],
      target: "es2022",
      logLevel: "silent",
      plugins: [onlyJudgeImports],
      // fast-check reads these at load (it uses them only for its own timeout options).
      banner: { js: 'globalThis.setTimeout ??= () => { throw new Error("timers are not available in tests"); };\nglobalThis.clearTimeout ??= () => {};' },
    }).then(
      (r) => r.outputFiles[0]!.text,
      (error: { errors?: Message[] }) => {
        throw fromEsbuild(error.errors ?? [], "tests.ts");
      },
    );
    pending.catch(() => judgeCache.delete(cacheKey));
    judgeCache.set(cacheKey, pending);
    if (judgeCache.size > 200) judgeCache.delete(judgeCache.keys().next().value as string);
  }
  return pending;
}

/** TypeScript or JavaScript to an ES module; a syntax error becomes a BuildError with its position. */
export async function transpile(source: string, file: string, lowerAsync: boolean): Promise<string> {
  try {
    const result = await transform(source, {
      loader: "ts",
      format: "esm",
      target: "es2022",
      sourcefile: file,
      logLevel: "silent",
      ...(lowerAsync ? { supported: { "async-await": false } } : {}),
    });
    return result.code;
  } catch (error) {
    throw fromEsbuild((error as { errors?: Message[] }).errors ?? [], file);
  }
}
