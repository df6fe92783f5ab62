// The "judge" module: what an exercise's tests.ts imports. It runs in the judge isolate; the
// student's code is reached only through the host (`__hostCall`, `__hostDrive`,
// `__hostParallel`), with values encoded as strings both ways.
import fc from "fast-check";
import type { ScenarioReport } from "@autograder/shared";
import { decode, encode } from "../codec.ts";
import { inspect } from "../inspect.ts";
import { generateInts } from "../generate.ts";
import { AssertionFailure, expect, fail } from "./expect.ts";
import { ascending, seededInts } from "./sorting.ts";

export { expect, fail, fc, AssertionFailure, generateInts, inspect, ascending, seededInts };
export type { ScenarioReport };

interface HostFunction {
  apply(self: undefined, args: unknown[], options: { result: { promise: true } }): Promise<string>;
}
const g = globalThis as unknown as Record<string, unknown>;
const hostCall = g.__hostCall as HostFunction;
const hostDrive = g.__hostDrive as HostFunction;
const hostParallel = g.__hostParallel as HostFunction;
delete g.__hostCall;
delete g.__hostDrive;
delete g.__hostParallel;

export interface TestOptions {
  /** Points of this test (default 1). */
  weight?: number;
  /** Hidden tests report only their name, pass/fail, points and hint. */
  hidden?: boolean;
  /** Shown to the student when the test fails; for hidden tests, the only explanation. */
  hint?: string;
  timeoutMs?: number;
  /** Ids of the exercise.yaml requirements this test checks (exercises:validate checks coverage). */
  requires?: string[];
}

export interface Visualization {
  kind: "sorting" | "network" | "schedule";
  data: unknown;
}

export interface TestContext {
  /** The grading's seed (use it for your own random inputs). */
  readonly seed: number;
  /** Records the input shown with a visible test's result. */
  input(value: unknown): void;
  /** Attaches a picture to a visible test's result. */
  show(visualization: Visualization): void;
  /** Fails the test with a scenario's message, verdict and picture unless it was ok. */
  expectScenario(report: ScenarioReport): void;
  /** A line shown as the message of this test when it passes (visible tests only), e.g. a measured speed-up. */
  note(text: string): void;
  /**
   * Replaces the test's hint for this run, for a test that can fail for more than one reason:
   * call it just before the check it explains, so the hint names the cause the test observed.
   * Shown for hidden tests too: never put a hidden input or the student's values in it.
   */
  hint(text: string): void;
}

type TestFn = (t: TestContext) => void | Promise<void>;
interface RegisteredTest extends Required<Omit<TestOptions, "hint" | "timeoutMs">> {
  name: string;
  fn: TestFn;
  hint?: string;
  timeoutMs?: number;
}

/** A function given to the student's code as source, compiled in the student's isolate (see `student.fn`). */
export class StudentFunction {
  constructor(readonly source: string) {}
}

const tests: RegisteredTest[] = [];

export function test(name: string, fn: TestFn, options: TestOptions = {}): void {
  if (tests.some((t) => t.name === name)) throw new Error(`two tests are named "${name}"`);
  const requires = options.requires ?? [];
  if (!Array.isArray(requires) || !requires.every((r) => typeof r === "string")) throw new Error(`test "${name}": requires must be a list of requirement ids`);
  tests.push({ name, fn, weight: options.weight ?? 1, hidden: options.hidden ?? false, hint: options.hint, timeoutMs: options.timeoutMs, requires: [...requires] });
}

/** The student's code ended the test by a limit (timeout, memory, output) or a rule. */
export class LimitReached extends Error {
  override name = "LimitReached";
  constructor(
    readonly verdict: string,
    message: string,
  ) {
    super(message);
  }
}

/** The student's function threw. */
export class StudentError extends Error {
  override name = "StudentError";
}

export interface CallStats {
  reads: number;
  writes: number;
  swaps: number;
  /** Counted with `track: "boxed"` only. */
  comparisons: number;
}

export type TraceOp = ["read", number] | ["write", number, unknown];

/** Parallel mode: the shared input, made by the host from `seed` (see `generateInts`). */
export interface ParallelOptions {
  /** How many isolates call the export at the same time (1 to 16). */
  threads: number;
  /** Int32 values in the shared data array. */
  length: number;
  seed: number;
  /** Values are in 0..max. */
  max: number;
  /** Result slots (default 1), all 0 at the start. */
  slots?: number;
}

export interface ParallelResult {
  /** The result slots after every thread returned. */
  result: number[];
  /** Wall time from starting the threads' calls to the last one's end, as the host measured it. */
  wallMs: number;
  /** Per thread (by index): its Atomics operations on the result slots. */
  threads: Array<{ atomics?: AtomicsCounts }>;
}

/** A call's Atomics operations on the memory of its typed-array arguments (counted in the student's isolate). */
export type { AtomicsCounts } from "../atomics-count.ts";
import type { AtomicsCounts } from "../atomics-count.ts";

export interface RunResult<T = unknown> {
  value: T;
  /** The arguments as they were after the call (in-place changes show here). */
  args: unknown[];
  threw?: { name: string; message: string };
  stats?: CallStats;
  trace?: TraceOp[];
  /** With `track: "boxed"`: each returned element's index in the first argument. */
  order?: number[];
  /** The returned value is the very object passed as an argument (compared in the student's isolate). */
  sameAsArg: boolean;
  /** Which argument it is, or -1. */
  sameAsArgIndex: number;
  /** Per argument: how many times the student's code called the `student.fn` given there (0 elsewhere). */
  calls: number[];
  /**
   * With the exercise rule `track-arrays`: the arrays the student's code created during the call
   * (array literals and arrays returned by calls in its code, not the arguments), and the largest
   * length one of them had when the call ended.
   */
  arrays?: { count: number; largest: number };
  /** Calls with typed-array arguments: the student's Atomics operations on their memory. */
  atomics?: AtomicsCounts;
}

interface HostMeta {
  threw?: { name: string; message: string };
  limit?: string;
  message?: string;
  missing?: string;
}

function split(reply: string): [HostMeta, unknown] {
  const cut = reply.indexOf("\n");
  const meta = JSON.parse(reply.slice(0, cut)) as HostMeta;
  if (meta.limit !== undefined) throw new LimitReached(meta.limit, meta.message ?? meta.limit);
  if (meta.missing !== undefined) throw new StudentError(`${meta.missing} is not exported by the solution`);
  return [meta, decode(reply.slice(cut + 1))];
}

interface State {
  seed: number;
  input?: string;
  visualization?: Visualization;
  verdict?: string;
  scenarioSeed?: string;
  summary?: string;
  note?: string;
  lastTracked?: { initial: unknown[]; trace: TraceOp[] };
  hint?: string;
  /** Calls into the student's code so far in this test. */
  calls: number;
}
let state: State = { seed: 1, calls: 0 };

const describeCall = (name: string, args: unknown[]): string =>
  `${name}(${args.map((a) => (a instanceof StudentFunction ? a.source : inspect(a, { maxItems: 30 }))).join(", ")})`;

export const student = {
  /**
   * A function to pass as an argument of `run`: `source` (a JavaScript function expression, e.g.
   * "(a, b) => a - b") is compiled in the student's isolate and its calls are counted (`calls`).
   */
  fn(source: string): StudentFunction {
    return new StudentFunction(source);
  },
  /** Runs a student export and resolves with everything observed. */
  async run<T = unknown>(name: string, args: unknown[], options: { track?: boolean | "boxed"; allowThrow?: boolean } = {}): Promise<RunResult<T>> {
    state.input ??= describeCall(name, args);
    state.calls++;
    const functions: Record<number, string> = {};
    const sent = args.map((a, i) => {
      if (!(a instanceof StudentFunction)) return a;
      functions[i] = a.source;
      return null;
    });
    const reply = await hostCall.apply(undefined, [name, encode(sent), JSON.stringify({ track: options.track ?? false, functions })], { result: { promise: true } });
    const [meta, payload] = split(reply);
    const result = payload as RunResult<T>;
    if (meta.threw) result.threw = meta.threw;
    if (options.track && result.trace && Array.isArray(args[0])) state.lastTracked = { initial: args[0], trace: result.trace };
    if (result.threw && !options.allowThrow) throw new StudentError(`${name} threw ${result.threw.name}: ${result.threw.message}`);
    return result;
  },
  /** Calls a student export; resolves with its return value, rejects if it threw. */
  async call<T = unknown>(name: string, ...args: unknown[]): Promise<T> {
    return (await student.run<T>(name, args)).value;
  },
  /**
   * Parallel mode: `threads` isolates call `name(data, result, index, threads)` at the same time
   * over one SharedArrayBuffer; `data` holds `generateInts(length, seed, max)`.
   */
  async parallel(name: string, options: ParallelOptions): Promise<ParallelResult> {
    state.input ??= `${name}(data, result, index, ${options.threads}) in ${options.threads} threads, data of length ${options.length}`;
    state.calls++;
    const reply = await hostParallel.apply(undefined, [name, JSON.stringify(options)], { result: { promise: true } });
    const [meta, payload] = split(reply);
    if (meta.threw) throw new StudentError(`${name} threw ${meta.threw.name}: ${meta.threw.message}`);
    return payload as ParallelResult;
  },
};

/** Runs a scenario of the exercise's workload through its family's platform driver. */
export async function drive(driver: string, scenario: string, params: Record<string, unknown> = {}, options: Record<string, unknown> = {}): Promise<ScenarioReport> {
  state.calls++;
  const reply = await hostDrive.apply(undefined, [driver, encode([scenario, params, options])], { result: { promise: true } });
  const [meta, payload] = split(reply);
  if (meta.threw) throw new StudentError(`the scenario "${scenario}" crashed: ${meta.threw.name}: ${meta.threw.message}`);
  return payload as ScenarioReport;
}

/** A property over seeded random inputs; the failure shows the shrunk counterexample. */
export async function property<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => unknown, options: { numRuns?: number } = {}): Promise<void> {
  let failedHint: string | undefined;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      let ok: unknown;
      try {
        ok = await predicate(value);
      } catch (error) {
        failedHint = state.hint;
        throw error;
      }
      if (ok === false) failedHint = state.hint;
      return ok !== false;
    }),
    { seed: state.seed, numRuns: options.numRuns ?? 100 },
  );
  if (!details.failed) return;
  // Shrinking ran passing inputs after the failing one: the hint is the one its last failure set.
  if (failedHint === undefined) delete state.hint;
  else state.hint = failedHint;
  const input = details.counterexample?.[0];
  state.input = inspect(input, { maxItems: 50 });
  const error = details.errorInstance;
  if (error instanceof LimitReached) throw error;
  if (error instanceof StudentError) throw new StudentError(`for the input ${inspect(input, { maxItems: 20 })}: ${error.message}`);
  const because = error instanceof Error ? error.message : "the property returned false";
  if (error instanceof AssertionFailure) throw new AssertionFailure(`for the input ${inspect(input, { maxItems: 20 })}: ${because}`, error.expected, error.actual, error.diff);
  throw new AssertionFailure(`for the input ${inspect(input, { maxItems: 20 })}: ${because}`);
}

const context: TestContext = {
  get seed() {
    return state.seed;
  },
  input(value) {
    state.input = inspect(value, { maxItems: 50 });
  },
  show(visualization) {
    state.visualization = visualization;
  },
  expectScenario(report) {
    if (report.visualization) state.visualization = report.visualization as Visualization;
    if (report.seed !== undefined) state.scenarioSeed = String(report.seed);
    if (typeof report.summary === "string") state.summary = report.summary;
    if (report.ok) return;
    if (report.verdict === "deadlock" || report.verdict === "timeout") state.verdict = report.verdict;
    throw new AssertionFailure(report.message || `the scenario ended with ${report.verdict}`);
  },
  note(text) {
    state.note = String(text);
  },
  hint(text) {
    state.hint = String(text);
  },
};

interface Outcome {
  passed: boolean;
  hint?: string;
  message: string;
  summary?: string;
  note?: string;
  verdict?: string;
  details?: Record<string, unknown>;
}

const describeThrown = (error: unknown): string => clip(error instanceof Error ? `${error.name}: ${error.message}` : String(error), MAX_MESSAGE);

/** Bounds on what a test's outcome carries (the host bounds them again). */
const MAX_MESSAGE = 4000;
const MAX_DETAIL = 16_000;
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max)}... [${text.length - max} more characters elided]`);

async function runTest(index: number, seed: number): Promise<string> {
  const t = tests[index];
  if (t === undefined) throw new Error(`no test ${index}`);
  state = { seed, calls: 0 };
  let outcome: Outcome;
  try {
    await t.fn(context);
    outcome = { passed: true, message: "", ...(state.note === undefined ? {} : { note: state.note }) };
  } catch (error) {
    if (error instanceof LimitReached) outcome = { passed: false, message: error.message, verdict: error.verdict };
    else if (error instanceof AssertionFailure) {
      outcome = { passed: false, message: error.message, details: { expected: error.expected, actual: error.actual, diff: error.diff } };
    } else if (error instanceof StudentError) outcome = { passed: false, message: error.message, summary: "Your code threw an exception (or a required export is missing)." };
    else if (state.calls > 0) {
      // The reference passes these tests (validation checks it), so a test that breaks after
      // calling the student's code broke on what that code returned: the student's to fix.
      outcome = { passed: false, message: `the test could not check what your code returned or did (${describeThrown(error)}); check the type and shape of your results.` };
    } else outcome = { passed: false, message: `the test itself failed: ${describeThrown(error)}`, verdict: "error" };
  }
  if (outcome.verdict === undefined && state.verdict !== undefined && !outcome.passed) outcome.verdict = state.verdict;
  const details: Record<string, unknown> = { ...outcome.details, input: state.input };
  const tracked = state.lastTracked;
  if (state.visualization) details.visualization = state.visualization;
  else if (tracked && tracked.initial.length <= 64) details.visualization = { kind: "sorting", data: { initial: tracked.initial, operations: tracked.trace.slice(0, 5000) } };
  if (state.scenarioSeed !== undefined) details.seed = state.scenarioSeed;
  if (state.summary !== undefined) outcome.summary ??= clip(state.summary, MAX_MESSAGE);
  // Only a failed check is the cause a hint names; a limit or a throw is reported as itself.
  if (state.hint !== undefined && !outcome.passed && outcome.verdict === undefined && outcome.details !== undefined) outcome.hint = clip(state.hint, MAX_MESSAGE);
  for (const key of ["input", "expected", "actual", "diff"]) if (typeof details[key] === "string") details[key] = clip(details[key] as string, MAX_DETAIL);
  outcome.message = clip(outcome.message, MAX_MESSAGE);
  if (outcome.note !== undefined) outcome.note = clip(outcome.note, MAX_MESSAGE);
  outcome.details = details;
  return JSON.stringify(outcome);
}

g.__judge = {
  list: (): string => JSON.stringify(tests.map(({ name, weight, hidden, hint, timeoutMs, requires }) => ({ name, weight, hidden, hint, timeoutMs, requires }))),
  run: runTest,
};
