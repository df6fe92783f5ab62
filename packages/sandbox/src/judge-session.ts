// The judge isolate: the exercise's tests (instructor code) run here, never in the host. It
// reaches the student's isolate only through the host functions given at start.
import ivm from "isolated-vm";
import { newIsolate } from "./isolates.ts";
import { withDeadline } from "./limits.ts";

export interface TestInfo {
  name: string;
  weight: number;
  hidden: boolean;
  hint?: string;
  timeoutMs?: number;
  /** Requirement ids (exercise.yaml `requirements`) the test checks. */
  requires?: string[];
}

export interface TestOutcome {
  passed: boolean;
  message: string;
  verdict?: string;
  summary?: string;
  /** Set by `t.hint(...)`: replaces the test's hint for this failure. */
  hint?: string;
  /** Set by `t.note(...)`; the message of a passing visible test. */
  note?: string;
  details?: Record<string, unknown>;
}

export interface JudgeHost {
  call(name: string, argsText: string, optionsText: string): Promise<string>;
  drive(driver: string, argsText: string): Promise<string>;
  /** Parallel mode (`student.parallel`); absent where only the test list is read. */
  parallel?(name: string, optionsText: string): Promise<string>;
}

const JUDGE_MEMORY_MB = 256;
const IDLE_PER_EXERCISE = 4;
const IDLE_TOTAL = 32;

/** A judge isolate with an exercise's tests compiled in it; each grading gets a fresh context. */
interface JudgeIsolate {
  key: string;
  isolate: ivm.Isolate;
  script: ivm.Script;
}

// Compiling the tests with fast-check costs ~10 ms; a new context in a warm isolate ~1 ms.
// Idle isolates wait here by exercise version (only instructor code ever ran in them).
const idle = new Map<string, JudgeIsolate[]>();

async function checkout(key: string, script: string): Promise<JudgeIsolate> {
  const warm = idle.get(key)?.pop();
  if (warm !== undefined && !warm.isolate.isDisposed) return warm;
  const isolate = newIsolate(JUDGE_MEMORY_MB);
  try {
    return { key, isolate, script: await isolate.compileScript(script, { filename: "file:///tests.js" }) };
  } catch (error) {
    isolate.dispose();
    throw error;
  }
}

function checkin(judge: JudgeIsolate): void {
  if (judge.isolate.isDisposed) return;
  const list = idle.get(judge.key) ?? [];
  const total = [...idle.values()].reduce((n, l) => n + l.length, 0);
  if (list.length >= IDLE_PER_EXERCISE || total >= IDLE_TOTAL) {
    judge.isolate.dispose();
    return;
  }
  idle.delete(judge.key); // re-insert: the map's order is least recently used first
  idle.set(judge.key, [...list, judge]);
  if (total + 1 > IDLE_TOTAL) {
    const [oldestKey, oldest] = idle.entries().next().value as [string, JudgeIsolate[]];
    oldest.shift()?.isolate.dispose();
    if (oldest.length === 0) idle.delete(oldestKey);
  }
}
/** Disposes the pooled judge isolates (a CLI about to exit: no isolate is left to the process's teardown). */
export function disposeIdleJudges(): void {
  for (const list of idle.values()) for (const judge of list) if (!judge.isolate.isDisposed) judge.isolate.dispose();
  idle.clear();
}

const MAX_ARG_CHARS = 64 * 1024 * 1024;

function checkedStrings(args: unknown[], count: number): string[] {
  if (args.length !== count || !args.every((a) => typeof a === "string" && a.length <= MAX_ARG_CHARS)) {
    throw new Error("invalid call from the tests");
  }
  return args as string[];
}

export class JudgeSession {
  private constructor(
    private readonly judge: JudgeIsolate,
    private readonly context: ivm.Context,
    readonly tests: TestInfo[],
    private readonly runFn: ivm.Reference<(index: number, seed: number) => Promise<string>>,
  ) {}

  /** `key` names the exercise version whose tests `script` holds. */
  static async start(script: string, key: string, host: JudgeHost): Promise<JudgeSession> {
    let judge: JudgeIsolate | undefined;
    let context: ivm.Context | undefined;
    try {
      judge = await checkout(key, script);
      const isolate = judge.isolate;
      context = await isolate.createContext();
      const jail = context.global;
      await jail.set("__hostCall", new ivm.Reference((...args: unknown[]) => host.call(...(checkedStrings(args, 3) as [string, string, string]))));
      await jail.set("__hostDrive", new ivm.Reference((...args: unknown[]) => host.drive(...(checkedStrings(args, 2) as [string, string]))));
      await jail.set(
        "__hostParallel",
        new ivm.Reference((...args: unknown[]) => {
          if (host.parallel === undefined) throw new Error("parallel mode is not available here");
          return host.parallel(...(checkedStrings(args, 2) as [string, string]));
        }),
      );
      await judge.script.run(context, { timeout: 5000 });
      const api = (await jail.get("__judge", { reference: true })) as ivm.Reference<Record<string, unknown>>;
      const list = (await api.get("list", { reference: true })) as ivm.Reference<() => string>;
      const tests = JSON.parse((await list.apply(undefined, [], { timeout: 1000 })) as string) as TestInfo[];
      const runFn = (await api.get("run", { reference: true })) as ivm.Reference<(index: number, seed: number) => Promise<string>>;
      return new JudgeSession(judge, context, tests, runFn);
    } catch (error) {
      context?.release();
      judge?.isolate.dispose();
      throw new Error(`the exercise's tests could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Runs one test; a test that never ends becomes an `error` outcome (the exercise's fault). */
  async run(index: number, seed: number, wallMs: number): Promise<TestOutcome> {
    try {
      const run = this.runFn.apply(undefined, [index, seed], { timeout: wallMs, result: { promise: true } }) as Promise<string>;
      return JSON.parse(await withDeadline(run, wallMs + 100, () => this.judge.isolate.dispose())) as TestOutcome;
    } catch (error) {
      return { passed: false, verdict: "error", message: `the test could not run to its end: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  get usable(): boolean {
    return !this.judge.isolate.isDisposed;
  }

  /** Ends this grading's context; a healthy isolate goes back to the pool. */
  dispose(): void {
    if (this.judge.isolate.isDisposed) return;
    this.context.release();
    checkin(this.judge);
  }
}
