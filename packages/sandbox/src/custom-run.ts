// A custom run: one export of the student's module called on arguments the student typed, with
// no tests and no grade. Same compile step, student isolate, lockdown, rules and limits as a
// grading; the judge isolate (and so the tests, hidden or not, and the reference) is never
// loaded. The result is bounded and checked against its schema before it leaves.
import { Type } from "typebox";
import { Value } from "typebox/value";
import type { Exercise } from "@autograder/exercise-format";
import { checkCustomArgs, CUSTOM_RUN_FAMILIES, CustomRunResult, type CustomRunStatus } from "@autograder/shared";
import { parseContract, parseJsonContract } from "@autograder/shared/contracts";
import { BuildError, transpile } from "./build.ts";
import { decode } from "./isolate/codec.ts";
import { inspect } from "./isolate/inspect.ts";
import { studentModules } from "./grade.ts";
import { platformModule } from "./platform.ts";
import { capText } from "./report-bounds.ts";
import { StudentSession, type StudentProgram } from "./student-session.ts";
import { trackArrays } from "./track-arrays.ts";

export interface CustomRunRequest {
  exportName: string;
  /** The arguments as a JSON array (text, as the student typed it). */
  args: string;
  /** Seeds Math.random in the student isolate (default 1). */
  seed?: number;
}

const COMPILE_DEADLINE_MS = 5000;
/** A rendered value (the returned one, each argument after the call). */
const MAX_VALUE_CHARS = 16 * 1024;
/** The step picture is drawn for a first argument up to this long (as for tests). */
const MAX_PICTURE_ELEMENTS = 64;
const MAX_PICTURE_OPERATIONS = 5000;
/** Console output shown (an exercise's outputBytes may allow far more for its tests). */
const MAX_STDOUT_CHARS = 64 * 1024;

type Tree = null | boolean | number | string | Tree[] | { $o: Record<string, Tree> };

/** JSON as the codec's tree: every object becomes `{ $o }`, keys copied as own data (a "__proto__" key stays a key). */
function toTree(value: unknown): Tree {
  if (Array.isArray(value)) return value.map(toTree);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, Tree> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: toTree(v), enumerable: true, writable: true, configurable: true });
    return { $o: out };
  }
  return value as Tree;
}

const render = (v: unknown): string => capText(inspect(v, { maxItems: 200, maxString: 2000 }), MAX_VALUE_CHARS);

/** The bridge's reply header for one call ("<meta>\n<payload>"), checked as it leaves the student's isolate. */
const CallMeta = Type.Object({
  limit: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  threw: Type.Optional(Type.Object({ name: Type.String(), message: Type.String() })),
  violation: Type.Optional(Type.String()),
  outputExceeded: Type.Optional(Type.Boolean()),
  tooLarge: Type.Optional(Type.Boolean()),
  encodeError: Type.Optional(Type.String()),
  missing: Type.Optional(Type.String()),
});

const CallPayload = Type.Union([
  Type.Null(),
  Type.Object({
    value: Type.Optional(Type.Unknown()),
    args: Type.Optional(Type.Array(Type.Unknown())),
    stats: Type.Optional(Type.Object({ reads: Type.Number(), writes: Type.Number(), swaps: Type.Number() })),
    trace: Type.Optional(Type.Array(Type.Unknown())),
  }),
]);

export async function customRun(exercise: Exercise, source: string, request: CustomRunRequest): Promise<CustomRunResult> {
  const started = performance.now();
  const limits = exercise.manifest.limits;
  const done = (status: CustomRunStatus, message: string, extra: Partial<CustomRunResult> = {}): CustomRunResult => {
    const result: CustomRunResult = { status, message: capText(message, 8000), exportName: request.exportName.slice(0, 100), stdout: "", durationMs: Math.round(performance.now() - started), ...extra };
    // The last check before it leaves the sandbox: a result out of its schema is an error, never sent.
    if (Value.Check(CustomRunResult, result)) return result;
    return { status: "error", message: "The run's result could not be shown.", exportName: "", stdout: "", durationMs: Math.round(performance.now() - started) };
  };

  if (!(CUSTOM_RUN_FAMILIES as readonly string[]).includes(exercise.manifest.family)) {
    return done("unsupported", `Custom input is not available for ${exercise.manifest.family} exercises: their functions run inside a simulated ${exercise.manifest.family === "sockets" ? "network" : "scheduler"} set up by the tests. Use Run instead.`);
  }
  if (!exercise.manifest.exports.includes(request.exportName)) {
    return done("invalid_input", `You can call ${exercise.manifest.exports.map((e) => `\`${e}\``).join(", ")} only (the functions this exercise asks for).`);
  }
  const parsed = checkCustomArgs(request.args);
  if ("error" in parsed) return done("invalid_input", parsed.error);

  const modules = studentModules(exercise);
  const lowerAsync = modules.some((m) => platformModule(m.name)?.lowerAsync);
  let code: string;
  try {
    code = await transpile(source, "solution.ts", lowerAsync, { deadlineMs: Math.min(COMPILE_DEADLINE_MS, limits.totalTimeoutMs) });
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    return done("compile_error", error.message);
  }
  let arrayTracker: string | undefined;
  if ((exercise.manifest.rules as readonly string[]).includes("track-arrays")) {
    try {
      ({ code, specifier: arrayTracker } = trackArrays(code));
    } catch (error) {
      return done("compile_error", `solution.ts: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const program: StudentProgram = {
    code,
    ...(arrayTracker === undefined ? {} : { arrayTracker }),
    exports: exercise.manifest.exports,
    modules,
    rules: exercise.manifest.rules,
    seed: request.seed ?? 1,
    memoryMb: limits.memoryMb,
    outputBytes: limits.outputBytes,
    returnBytes: limits.returnBytes,
  };

  const session = await StudentSession.start(program, limits.testTimeoutMs);
  if (!(session instanceof StudentSession)) return done(session.verdict, session.message);
  try {
    let stdout = await session.takeOutput();
    const argsText = JSON.stringify(toTree(parsed.args));
    const reply = await session.call(request.exportName, argsText, JSON.stringify({ track: true }), limits.testTimeoutMs);
    stdout += await session.takeOutput();
    const cut = reply.indexOf("\n");
    const meta = parseJsonContract(CallMeta, reply.slice(0, cut), "custom run reply");
    const outputExceeded = meta.outputExceeded === true || stdout.length > limits.outputBytes;
    const shownOutput = outputExceeded ? `${stdout.slice(0, limits.outputBytes)}\n[output truncated: more than ${limits.outputBytes} bytes]` : stdout;
    const withOutput = { stdout: capText(shownOutput, MAX_STDOUT_CHARS) };
    if (meta.limit === "timeout") return done("timeout", `Time limit exceeded: ${request.exportName} did not return within ${limits.testTimeoutMs} ms.`, withOutput);
    if (meta.limit === "memory_limit") return done("memory_limit", `Memory limit exceeded: your code used more than ${limits.memoryMb} MB.`, withOutput);
    if (meta.limit !== undefined) return done("error", meta.message ?? meta.limit, withOutput);
    if (meta.violation !== undefined) return done("rejected", meta.violation, withOutput);
    if (outputExceeded) return done("output_limit", `Your code printed more than ${limits.outputBytes} bytes.`, withOutput);
    if (meta.tooLarge) return done("output_limit", `The returned value is larger than ${limits.returnBytes} bytes.`, withOutput);
    if (meta.missing !== undefined) return done("runtime_error", `Your module does not export a function \`${meta.missing}\`.`, withOutput);
    if (meta.encodeError !== undefined) return done("threw", `The returned value cannot be shown: ${meta.encodeError}`, withOutput);
    const payload = parseContract(CallPayload, decode(reply.slice(cut + 1)), "custom run result");
    const argsAfter = (payload?.args ?? []).slice(0, 8).map(render);
    const stats = payload?.stats ? { reads: payload.stats.reads, writes: payload.stats.writes, swaps: payload.stats.swaps } : undefined;
    const first = parsed.args[0];
    const visualization =
      Array.isArray(first) && first.length <= MAX_PICTURE_ELEMENTS && Array.isArray(payload?.trace)
        ? { kind: "sorting" as const, data: { initial: first, operations: payload.trace.slice(0, MAX_PICTURE_OPERATIONS) } }
        : undefined;
    const observed = { ...withOutput, argsAfter, ...(stats ? { stats } : {}), ...(visualization ? { visualization } : {}) };
    if (meta.threw) return done("threw", `${request.exportName} threw ${meta.threw.name}: ${meta.threw.message}`, observed);
    return done("ok", `${request.exportName} returned.`, { ...observed, value: render(payload?.value) });
  } finally {
    session.dispose();
  }
}
