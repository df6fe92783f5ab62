// Grading one submission: the student's code in one isolate, the exercise's tests in a judge
// isolate, and this host in between copying strings. Every way it can end has a verdict.
import type { GradeReport, TestReport, Verdict } from "@autograder/shared";
import type { Exercise, PlatformModuleName } from "@autograder/exercise-format";
import { BuildError, judgeScript, transpile } from "./build.ts";
import { JudgeSession, type TestInfo, type TestOutcome } from "./judge-session.ts";
import { runParallel } from "./parallel.ts";
import { clampMs } from "./limits.ts";
import { trackArrays } from "./track-arrays.ts";
import { decode, encode } from "./isolate/codec.ts";
import { platformModule } from "./platform.ts";
import { boundReport, capText, MAX_MESSAGE_CHARS } from "./report-bounds.ts";
import { limitReply, StudentSession, type StudentProgram } from "./student-session.ts";

export interface GradeOptions {
  /** Seeds Math.random in the student isolate, property tests and scenarios (default 1). */
  seed?: number;
  /** `run`: visible tests only; `submit`: every test (default). */
  mode?: "run" | "submit";
  /** Stop at the first failed test; the rest are reported not run (exercises:quality). */
  failFast?: boolean;
  /**
   * Replay: run only the visible test named `test`, with every `drive("explore", ...)` of it
   * replaced by `drive("replay", ...)` on `seed` (a threading schedule seed): exactly that
   * interleaving, against the current code. Hidden tests are never run this way.
   */
  replay?: { test: string; seed: string };
  /**
   * Keep a failed hidden test's details (input, expected and actual values, picture) in the
   * report. The grader stores them for the course's staff; the API never shows them to the
   * submission's author. Off by default: a report printed for a student stays hint-only.
   */
  keepHiddenDetails?: boolean;
  /**
   * Stop after the first test that used its whole time limit; the rest are reported not run
   * (default: in a run, so an infinite loop answers in one test's limit, not one per test).
   */
  stopAfterTimeout?: boolean;
}

const FAMILY_MODULE: Record<string, PlatformModuleName | undefined> = { sockets: "socket", threading: "threading", sorting: undefined };
/** Verdicts that say a limit ended a test, in the order they win the overall status. */
const LIMIT_VERDICTS: Verdict[] = ["memory_limit", "timeout", "output_limit", "deadlock"];
const OUTPUT_MARKER = (n: number): string => `\n[output truncated: more than ${n} bytes]`;
const HIDDEN_FAILED = "This hidden test failed.";
/** esbuild's time for one submission (it takes ~1 ms for a normal one). */
const COMPILE_DEADLINE_MS = 5000;

export function studentModules(exercise: Exercise): Array<{ name: string; hide: string[] }> {
  const m = exercise.manifest;
  const names = new Set<string>(Object.keys(m.modules));
  const familyModule = FAMILY_MODULE[m.family];
  if (familyModule !== undefined) names.add(familyModule);
  return [...names].filter((n) => platformModule(n) !== undefined).map((name) => ({ name, hide: m.modules[name as PlatformModuleName]?.hide ?? [] }));
}

/** A report with no test run (compile error, a grading that could not start or finish). */
export function emptyReport(exercise: Exercise, status: Verdict, started: number, message: string, tests: TestReport[] = []): GradeReport {
  return { exerciseId: exercise.id, status, score: 0, maxScore: tests.reduce((s, t) => s + t.maxPoints, 0), durationMs: Math.round(performance.now() - started), tests, stdout: "", message };
}

interface Prepared {
  modules: Array<{ name: string; hide: string[] }>;
  lowerAsync: boolean;
  workloadCode?: string;
}

const prepared = new Map<string, Promise<Prepared>>();
const MAX_PREPARED = 200;

/** What every grading of an exercise version shares (its modules, its compiled workload), made once. */
function prepare(exercise: Exercise): Promise<Prepared> {
  let pending = prepared.get(exercise.contentHash);
  if (pending === undefined) {
    pending = (async () => {
      const modules = studentModules(exercise);
      const lowerAsync = modules.some((m) => platformModule(m.name)?.lowerAsync);
      const workload = exercise.files["workload.ts"];
      const workloadCode = workload === undefined ? undefined : await transpile(workload, "workload.ts", lowerAsync);
      return { modules, lowerAsync, ...(workloadCode === undefined ? {} : { workloadCode }) };
    })();
    pending.catch(() => prepared.delete(exercise.contentHash));
    if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
    prepared.set(exercise.contentHash, pending);
  }
  return pending;
}

export async function grade(exercise: Exercise, source: string, options: GradeOptions = {}): Promise<GradeReport> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const limits = exercise.manifest.limits;
  const totalDeadline = started + limits.totalTimeoutMs;
  const shared = await prepare(exercise);

  let code: string;
  try {
    code = await transpile(source, "solution.ts", shared.lowerAsync, { deadlineMs: Math.min(COMPILE_DEADLINE_MS, limits.totalTimeoutMs) });
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    return boundReport({ ...emptyReport(exercise, "compile_error", started, error.message), compileError: { message: error.message, line: error.line, column: error.column } });
  }
  let arrayTracker: string | undefined;
  if ((exercise.manifest.rules as readonly string[]).includes("track-arrays")) {
    try {
      ({ code, specifier: arrayTracker } = trackArrays(code));
    } catch (error) {
      const message = `solution.ts: ${error instanceof Error ? error.message : String(error)}`;
      return boundReport({ ...emptyReport(exercise, "compile_error", started, message), compileError: { message, line: 1, column: 1 } });
    }
  }
  const program: StudentProgram = {
    code,
    ...(arrayTracker === undefined ? {} : { arrayTracker }),
    ...(shared.workloadCode === undefined ? {} : { workloadCode: shared.workloadCode }),
    exports: exercise.manifest.exports,
    modules: shared.modules,
    rules: exercise.manifest.rules,
    seed,
    memoryMb: limits.memoryMb,
    outputBytes: limits.outputBytes,
    returnBytes: limits.returnBytes,
  };

  let session: StudentSession | undefined;
  let testDeadline = 0;
  let violation: string | undefined;
  let outputExceeded = false;
  /** Console output of the whole grading (hidden tests and parallel threads included) counts against outputBytes. */
  let outputUsed = 0;
  const countOutput = (text: string): string => {
    outputUsed += text.length;
    if (outputUsed > limits.outputBytes) outputExceeded = true;
    return text;
  };
  /** Console output of parallel-mode threads, added to the test's output. */
  let threadOutput = "";
  const remaining = (): number => Math.min(testDeadline, totalDeadline) - performance.now();
  const watch = (reply: string): string => {
    const meta = JSON.parse(reply.slice(0, reply.indexOf("\n"))) as { violation?: string; outputExceeded?: boolean; tooLarge?: boolean; encodeError?: string };
    if (meta.violation !== undefined) violation ??= meta.violation;
    if (meta.outputExceeded) outputExceeded = true;
    if (meta.tooLarge) return limitReply("output_limit", `Output limit exceeded: a returned value is larger than ${limits.returnBytes} bytes.`);
    if (meta.encodeError !== undefined) return `${JSON.stringify({ threw: { name: "ReturnValueError", message: `the returned value cannot be checked: ${meta.encodeError}` } })}\nnull`;
    return reply;
  };
  const familyModule = shared.modules.find((m) => m.name === FAMILY_MODULE[exercise.manifest.family])?.name;
  const judgeHost = {
    call: async (name: string, argsText: string, optionsText: string) => (session ? watch(await session.call(name, argsText, optionsText, remaining())) : limitReply("error", "no student session")),
    drive: async (driver: string, argsText: string) => {
      if (!session || !familyModule) return limitReply("error", "this exercise has no platform driver");
      const [name, args] = options.replay && driver === "explore" ? replayDrive(argsText, options.replay.seed) : [driver, argsText];
      return watch(await session.drive(familyModule, name, args, remaining()));
    },
    parallel: async (name: string, optionsText: string) => {
      const { reply, output } = await runParallel(program, name, optionsText, remaining());
      threadOutput += output;
      return watch(reply);
    },
  };

  const startStudent = async (): Promise<{ status: Verdict; message: string; compileError?: GradeReport["compileError"] } | undefined> => {
    const result = await StudentSession.start(program, Math.max(1, Math.min(limits.testTimeoutMs, totalDeadline - performance.now())));
    if (result instanceof StudentSession) {
      session = result;
      stdout += countOutput(await session.takeOutput());
      return undefined;
    }
    return { status: result.verdict, message: result.message, ...(result.verdict === "compile_error" ? { compileError: { message: result.message, line: 1, column: 1 } } : {}) };
  };
  let stdout = "";
  // The judge's context and the student's isolate do not depend on each other: start both at once.
  const [judgeOrError, failedStart] = await Promise.all([
    judgeScript(exercise.files["tests.ts"] ?? "", exercise.contentHash).then(
      (script) => JudgeSession.start(script, exercise.contentHash, judgeHost),
    ).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    startStudent(),
  ]);
  if (judgeOrError instanceof Error) {
    session?.dispose();
    return emptyReport(exercise, "error", started, judgeOrError.message);
  }
  const judge = judgeOrError;
  const selected = judge.tests.map((info, index) => ({ info, index })).filter(({ info }) => (options.mode !== "run" && !options.replay) || !info.hidden)
    .filter(({ info }) => !options.replay || info.name === options.replay.test);
  const notRun = (info: TestInfo, why: string): TestReport => ({ name: info.name, hidden: info.hidden, passed: false, points: 0, maxPoints: info.weight, message: info.hidden ? (info.hint ?? HIDDEN_FAILED) : `Not run: ${why}`, durationMs: 0 });
  const runOrder = [...selected.filter(({ info }) => !info.hidden), ...selected.filter(({ info }) => info.hidden)];
  const reports: TestReport[] = [];
  let stopped: { status: Verdict; message: string } | undefined;

  try {
    if (failedStart) {
      const report = emptyReport(exercise, failedStart.status, started, failedStart.message, selected.map(({ info }) => notRun(info, "your code did not load.")));
      return boundReport({ ...report, stdout: outputExceeded ? stdout.slice(0, limits.outputBytes) + OUTPUT_MARKER(limits.outputBytes) : stdout, ...(failedStart.compileError ? { compileError: failedStart.compileError } : {}) });
    }

    // Visible tests first: nothing a hidden test's run leaves behind in the student's isolate
    // (module state, pending work) can then show in a visible test's output, result or time.
    for (const { info, index } of runOrder) {
      if (stopped) {
        reports.push(notRun(info, stopped.message));
        continue;
      }
      if (performance.now() >= totalDeadline) {
        stopped = { status: "timeout", message: `the grading's time limit (${limits.totalTimeoutMs} ms) was reached.` };
        reports.push(notRun(info, stopped.message));
        continue;
      }
      if (session === undefined || session.ended) {
        session?.dispose();
        const failed = await startStudent();
        if (failed) {
          stopped = { status: failed.status, message: failed.message };
          reports.push(notRun(info, failed.message));
          continue;
        }
      }
      // The tests' own timeoutMs may be anything (fractional, huge): isolated-vm takes integers.
      const timeoutMs = typeof info.timeoutMs === "number" && info.timeoutMs >= 1 ? clampMs(Math.min(info.timeoutMs, 300_000)) : limits.testTimeoutMs;
      const testStarted = performance.now();
      testDeadline = testStarted + timeoutMs;
      const outcome = await judge.run(index, seed, timeoutMs + 2000);
      const output = countOutput((session ? await session.takeOutput() : "") + threadOutput);
      threadOutput = "";
      if (!info.hidden) stdout += output;
      const ended = session?.ended;
      if (ended && outcome.verdict === undefined) outcome.verdict = ended.verdict;
      if (violation !== undefined) {
        stopped = { status: "rejected", message: violation };
        reports.push(toReport(info, { passed: false, message: violation, verdict: "rejected" }, performance.now() - testStarted));
        continue;
      }
      if (outputExceeded) {
        stopped = { status: "output_limit", message: `your code printed more than ${limits.outputBytes} bytes.` };
        outcome.verdict ??= "output_limit";
      }
      reports.push(toReport(info, outcome, performance.now() - testStarted));
      if (outcome.verdict === "timeout" && (options.stopAfterTimeout ?? options.mode === "run")) stopped ??= { status: "timeout", message: loopMessage(timeoutMs) };
      if (options.failFast && !outcome.passed) stopped ??= { status: (outcome.verdict as Verdict | undefined) ?? "failed", message: "an earlier test failed." };
      if (!judge.usable) stopped = { status: "error", message: "the exercise's tests stopped responding." };
    }
  } finally {
    session?.dispose();
    judge.dispose();
  }

  if (outputExceeded) stdout = stdout.slice(0, limits.outputBytes) + OUTPUT_MARKER(limits.outputBytes);
  const score = stopped?.status === "rejected" ? 0 : reports.reduce((s, t) => s + t.points, 0);
  const maxScore = reports.reduce((s, t) => s + t.maxPoints, 0);
  const status = overallStatus(reports, stopped);
  return boundReport({
    exerciseId: exercise.id,
    status,
    score,
    maxScore,
    durationMs: Math.round(performance.now() - started),
    tests: runOrder
      .map(({ index }, i) => ({ index, report: reports[i]! }))
      .sort((a, b) => a.index - b.index)
      .map(({ report: t }) => (t.hidden ? hiddenView(t, options.keepHiddenDetails === true) : t)),
    stdout,
    ...(stopped ? { message: stopped.message } : {}),
  });
}

/** An explore call of the judge turned into a replay of one seed (same scenario, params and step budget). */
function replayDrive(argsText: string, seed: string): [string, string] {
  const [scenario, params, exploreOptions] = decode(argsText) as [unknown, unknown, unknown];
  const maxSteps = typeof exploreOptions === "object" && exploreOptions !== null ? (exploreOptions as { maxSteps?: unknown }).maxSteps : undefined;
  return ["replay", encode([scenario, params, { seed, ...(typeof maxSteps === "number" ? { maxSteps } : {}) }])];
}

/** Why the tests after one that ran out of time were not run (sentences: the UI shows it as is). */
export function loopMessage(timeoutMs: number): string {
  return `a test did not finish within its time limit (${timeoutMs} ms), so your code probably never returns (an infinite loop?); the remaining tests were not run. Fix the loop and run again.`;
}

function overallStatus(reports: TestReport[], stopped: { status: Verdict } | undefined): Verdict {
  if (stopped?.status === "rejected" || stopped?.status === "error") return stopped.status;
  if (reports.some((t) => t.verdict === "error")) return "error";
  if (reports.every((t) => t.passed) && stopped === undefined) return "passed";
  for (const v of LIMIT_VERDICTS) if (reports.some((t) => t.verdict === v)) return v;
  if (stopped) return stopped.status;
  return "failed";
}

function toReport(info: TestInfo, outcome: TestOutcome, durationMs: number): TestReport {
  const verdict = outcome.verdict as Verdict | undefined;
  const base = {
    name: info.name,
    hidden: info.hidden,
    passed: outcome.passed,
    points: outcome.passed ? info.weight : 0,
    maxPoints: info.weight,
    durationMs: Math.round(durationMs),
    ...(verdict ? { verdict } : {}),
  };
  // A note (e.g. a measured speed-up) is shown for a passing visible test only.
  if (outcome.passed) return { ...base, message: info.hidden ? "" : capText(outcome.note ?? "", MAX_MESSAGE_CHARS) };
  // The test may name the cause it observed (t.hint): an author's sentence, never a value.
  const hint = typeof outcome.hint === "string" ? capText(outcome.hint, MAX_MESSAGE_CHARS) : info.hint;
  if (info.hidden) return { ...base, message: hint ?? HIDDEN_FAILED, ...(outcome.details ? { details: outcome.details } : {}) };
  const message = capText(typeof outcome.message === "string" ? outcome.message : "", MAX_MESSAGE_CHARS);
  return { ...base, message: hint ? `${message}\nHint: ${hint}` : message, ...(outcome.details ? { details: outcome.details } : {}) };
}

/**
 * What a hidden test shows: name, points, pass/fail and the author's hint. Nothing the
 * student's code can influence (messages, summaries, verdicts, its own duration) appears, since
 * any of it could carry a hidden input out; the overall status and duration are the grading's.
 * `keepDetails` (staff only, see GradeOptions.keepHiddenDetails) adds the details and verdict.
 */
function hiddenView(t: TestReport, keepDetails: boolean): TestReport {
  const view: TestReport = { name: t.name, hidden: true, passed: t.passed, points: t.points, maxPoints: t.maxPoints, durationMs: 0, message: t.passed ? "" : (t.message || HIDDEN_FAILED) };
  if (!keepDetails) return view;
  return { ...view, ...(t.verdict ? { verdict: t.verdict } : {}), ...(t.details ? { details: t.details } : {}) };
}
