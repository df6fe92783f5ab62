// esbuild, host side: the sandbox's in-isolate scripts, an exercise's tests bundled with the
// judge API, and the student's TypeScript transpiled to an ES module.
import { fileURLToPath } from "node:url";
import { build, stop, transform, type Message, type Plugin } from "esbuild";
import { MAX_CODE_BYTES } from "@autograder/shared";
import { DeadlineExceeded, withDeadline } from "./limits.ts";

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

/** Errors esbuild reports for one submission (each carries its line: 32,000 of them would be a bomb). */
const LOG_LIMIT = 10;
/** The transpiled module's size: async lowering can multiply a small file many times. */
export const MAX_COMPILED_CHARS = 2 * 1024 * 1024;

/**
 * esbuild runs as one service process per host process. If it dies (or is stopped because a
 * submission's compile ran past its deadline), every later call would fail with "The service
 * is no longer running": the first caller to see that restarts it (once per generation), and
 * the call is retried once.
 */
let generation = 0;

function restartService(seen: number): void {
  if (generation !== seen) return;
  generation++;
  void stop();
}

const isServiceFailure = (error: unknown): boolean => {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return !(Array.isArray(errors) && errors.length > 0);
};

async function withService<T>(run: () => Promise<T>): Promise<T> {
  const seen = generation;
  try {
    return await run();
  } catch (error) {
    if (error instanceof DeadlineExceeded || !isServiceFailure(error)) throw error;
    restartService(seen);
    return run();
  }
}

let bridge: Promise<string> | undefined;

/** The student isolate's bridge module (an ES module with no imports). */
export function bridgeSource(): Promise<string> {
  bridge ??= withService(() => build({ entryPoints: [BRIDGE_ENTRY], bundle: true, write: false, format: "esm", platform: "neutral", target: "es2022", logLevel: "silent" })).then(
    (r) => r.outputFiles[0]!.text,
  );
  bridge.catch(() => {
    bridge = undefined;
  });
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
    pending = withService(() => build({
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
    })).then(
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

export interface TranspileOptions {
  /** Wall time allowed; past it the esbuild service is restarted and the source refused. */
  deadlineMs?: number;
}

/**
 * TypeScript or JavaScript to an ES module; a syntax error becomes a BuildError with its
 * position. Bounded: the source's size, esbuild's error count, its time and the output's size.
 */
export async function transpile(source: string, file: string, lowerAsync: boolean, options: TranspileOptions = {}): Promise<string> {
  // The API accepts at most MAX_CODE_BYTES characters; the CLI and validation get the same bound.
  if (source.length > MAX_CODE_BYTES) throw new BuildError(`${file} is ${source.length} characters long; at most ${MAX_CODE_BYTES} are accepted.`, 1, 1);
  const deadlineMs = options.deadlineMs ?? 10_000;
  const once = (): Promise<string> => {
    const seen = generation;
    const run = transform(source, {
      loader: "ts",
      format: "esm",
      target: "es2022",
      sourcefile: file,
      logLevel: "silent",
      logLimit: LOG_LIMIT,
      ...(lowerAsync ? { supported: { "async-await": false } } : {}),
    }).then((r) => r.code);
    // Keep a late rejection (the service stopped below) from being unhandled.
    run.catch(() => undefined);
    return withDeadline(run, deadlineMs, () => restartService(seen));
  };
  let code: string;
  try {
    code = await withService(once);
  } catch (error) {
    if (error instanceof DeadlineExceeded) throw new BuildError(`${file} took more than ${deadlineMs} ms to compile; simplify it (deeply nested code is the usual cause).`, 1, 1);
    if (isServiceFailure(error)) throw error;
    throw fromEsbuild((error as { errors: Message[] }).errors, file);
  }
  if (code.length > MAX_COMPILED_CHARS) throw new BuildError(`${file} compiles to ${code.length} characters of JavaScript; at most ${MAX_COMPILED_CHARS} are accepted (deeply nested async code is the usual cause).`, 1, 1);
  return code;
}
