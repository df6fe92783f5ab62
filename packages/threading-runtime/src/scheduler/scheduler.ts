import {
  describeThrown,
  MathMax,
  nullObject,
  ObjectPrototypeHasOwnProperty,
  PromiseCtor,
  PromisePrototypeThen,
  SafeArray,
  SafeMap,
} from "@autograder/shared/primordials";
import { fixFor, ThreadingMisuse, type MisuseCode } from "./misuse.ts";
import { formatSeed, type ScheduleSpec } from "./seed.ts";
import { strategyFor, type Strategy } from "./strategy.ts";
import type { Misuse, RunLimits, RunResult, TraceStep, Verdict, WaitEdge } from "./types.ts";

// Runs in the student's isolate: every built-in comes from the primordials captured at load,
// every collection is a SafeArray/SafeMap, and no object here is reachable from student code
// (module objects keep their ThreadRecord in #private fields).

export type ThreadState = "ready" | "running" | "blocked" | "finished";

/** The scheduler's view of one thread. `handle` is the module-level object (a `Thread`). */
export interface ThreadRecord {
  readonly id: number;
  readonly name: string;
  readonly daemon: boolean;
  state: ThreadState;
  op: string;
  detail: string;
  yielding: boolean;
  /** Running, but waiting for a promise that is not an operation of the module. */
  suspended: boolean;
  waitsFor: () => string;
  resume: ((entry: TraceStep) => void) | undefined;
  handle: unknown;
  readonly finishHooks: Array<() => void>;
}

/** A thread blocked until another thread (or a timeout) wakes it with a value. */
export interface Waiter<T> {
  readonly thread: ThreadRecord;
  readonly promise: Promise<T>;
  settled: boolean;
}

interface InternalWaiter<T> extends Waiter<T> {
  resolve(value: T): void;
}

interface Timer {
  readonly time: number;
  readonly order: number;
  readonly fire: () => void;
}

export interface BlockTimeout<T> {
  readonly ms: number;
  readonly value: T;
  /** Called before the waiter is woken by its timeout, so the primitive can forget it. */
  readonly onTimeout?: () => void;
}

/** Consecutive idle microtask hops after which a thread awaiting a foreign promise counts as suspended. */
const QUIET_HOPS = 48;

/**
 * A trace line with no prototype: it is the value the scheduler resolves a parked thread's
 * promise with, so a `then` the student adds to Object.prototype must not see it.
 */
function traceStep(step: number, thread: string, op: string, detail: string, time: number): TraceStep {
  return { __proto__: null, step, thread, op, detail, time } as unknown as TraceStep;
}

/**
 * Calls `onFulfilled`/`onRejected` when `value` settles, through the original `then` of a
 * promise of our own (the student's `Promise.resolve` or a patched `then` are never used).
 */
export function whenSettled(value: unknown, onFulfilled: () => void, onRejected: (error: unknown) => void): void {
  const own = new PromiseCtor<unknown>((resolve) => resolve(value));
  PromisePrototypeThen(own, onFulfilled, onRejected);
}

/**
 * Runs a program's threads one step at a time. A thread is an async function; it can only be
 * interrupted where it awaits an operation of the threading module (`point` or `block`). The
 * scheduler resolves exactly one parked thread's promise per step, then lets microtasks settle
 * before choosing again, so the interleaving depends only on the strategy (the seed).
 * No timers, no host APIs: it runs the same in Node and inside an isolate.
 */
export class Scheduler {
  current: ThreadRecord | null = null;
  now = 0;
  readonly #threads: ThreadRecord[] = new SafeArray<ThreadRecord>();
  readonly #trace: TraceStep[] = new SafeArray<TraceStep>();
  readonly #strategy: Strategy;
  readonly #seed: string;
  readonly #limits: RunLimits;
  #steps = 0;
  /** Steps where more than one thread was ready (0 means every schedule is the same). */
  #choices = 0;
  #activity = 0;
  #timerOrder = 0;
  #timers: Timer[] = new SafeArray<Timer>();
  #failure: { thread: string; error: unknown } | null = null;
  #misuse: Misuse | null = null;
  readonly #counters = new SafeMap<string, number>();

  constructor(spec: ScheduleSpec, limits: RunLimits) {
    this.#strategy = strategyFor(spec);
    this.#seed = formatSeed(spec);
    this.#limits = { maxSteps: limits.maxSteps, maxTime: limits.maxTime };
  }

  /** Next name for an object of a kind within this run ("Lock#1", "Thread-2", ...). */
  nextName(kind: string, separator = "#"): string {
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    return `${kind}${separator}${n}`;
  }

  spawn(name: string, body: () => unknown, daemon = false): ThreadRecord {
    const thread: ThreadRecord = {
      id: this.#threads.length,
      name,
      daemon,
      state: "ready",
      op: "start",
      detail: "",
      yielding: false,
      suspended: false,
      waitsFor: () => "",
      resume: undefined,
      handle: undefined,
      finishHooks: new SafeArray<() => void>(),
    };
    thread.resume = () => {
      let result: unknown;
      try {
        result = body();
      } catch (error) {
        this.#fail(thread, error);
        return;
      }
      whenSettled(
        result,
        () => this.#finish(thread),
        (error: unknown) => this.#fail(thread, error),
      );
    };
    this.#threads.push(thread);
    this.#strategy.onThreadCreated(thread.id);
    this.#activity++;
    return thread;
  }

  /**
   * Records a misuse of the module on the run (the first one fails it even if the student's
   * code catches the error) and returns the error to throw.
   */
  misuse(code: MisuseCode, message: string, thread?: ThreadRecord): ThreadingMisuse {
    this.#misuse ??= { code, thread: thread?.name ?? "", message, fix: fixFor(code) };
    this.#activity++;
    return new ThreadingMisuse(code, message);
  }

  /** The thread executing right now. Throws (and fails the run) outside a thread of this scheduler. */
  requireCurrent(): ThreadRecord {
    const current = this.current;
    if (current !== null && current.state === "running") return current;
    // Without continuation tracking, a thread resumed by a plain promise another thread
    // resolved is the only running one left.
    const threads = this.#threads;
    for (let i = 0; i < threads.length; i++) {
      const t = threads[i] as ThreadRecord;
      if (t.state === "running") return t;
    }
    if (current !== null && current.state === "ready") {
      throw this.misuse("missing-await", `threading: ${current.name} started an operation while its previous one is still pending (a missing await?)`, current);
    }
    throw this.misuse("outside-thread", "threading: this operation was called outside a running thread");
  }

  /** Parks the current thread at a scheduling point; resolves when the scheduler picks it. */
  point(op: string, detail: string, yielding = false): Promise<TraceStep> {
    const thread = this.requireCurrent();
    thread.state = "ready";
    thread.suspended = false;
    thread.op = op;
    thread.detail = detail;
    thread.yielding = yielding;
    this.#activity++;
    return new PromiseCtor<TraceStep>((resolve) => {
      thread.resume = resolve;
    });
  }

  /** Blocks the current thread until `wake` (or the timeout) settles the returned waiter. */
  block<T>(op: string, waitsFor: () => string, timeout?: BlockTimeout<T>): Waiter<T> {
    const thread = this.requireCurrent();
    thread.state = "blocked";
    thread.suspended = false;
    thread.waitsFor = waitsFor;
    this.#activity++;
    this.note(thread, op, `waits for ${waitsFor()}`);
    let resolve: (value: T) => void = () => {};
    const promise = new PromiseCtor<T>((r) => {
      resolve = r;
    });
    const waiter: InternalWaiter<T> = { thread, promise, settled: false, resolve };
    if (timeout !== undefined) {
      const ms = timeout.ms;
      const value = timeout.value;
      const onTimeout = ObjectPrototypeHasOwnProperty(timeout, "onTimeout") ? timeout.onTimeout : undefined;
      this.#timers.push({
        time: this.now + MathMax(0, ms),
        order: this.#timerOrder++,
        fire: () => {
          if (waiter.settled) return;
          if (onTimeout !== undefined) onTimeout();
          this.wake(waiter, value, `${op}`, "timed out");
        },
      });
    }
    return waiter;
  }

  /** Makes a blocked thread ready again; it receives `value` when the scheduler picks it. */
  wake<T>(waiter: Waiter<T>, value: T, op: string, detail: string): boolean {
    if (waiter.settled) return false;
    waiter.settled = true;
    const thread = waiter.thread;
    thread.state = "ready";
    thread.op = op;
    thread.detail = detail;
    thread.yielding = false;
    const resolve = (waiter as InternalWaiter<T>).resolve;
    thread.resume = () => resolve(value);
    this.#activity++;
    return true;
  }

  /**
   * Adds a trace line for an operation that never waits (`putNowait`, `getNowait`). Unlike
   * `requireCurrent`, it accepts any synchronous code of the run: a thread with an operation
   * still pending, or a callback after its thread ended. The line names the thread that ran last.
   */
  noteNowait(op: string, detail: string): void {
    let thread = this.current;
    if (thread?.state !== "running") {
      const threads = this.#threads;
      for (let i = 0; i < threads.length; i++) {
        const t = threads[i] as ThreadRecord;
        if (t.state === "running") {
          thread = t;
          break;
        }
      }
    }
    if (thread === null) throw this.misuse("outside-thread", "threading: this operation was called outside a running thread");
    this.note(thread, op, detail);
  }

  /**
   * A thread that was suspended on a promise of the student's own (a hand-made waiter list,
   * say) resumes: the trace says so, and which thread ran when the promise settled, so a
   * wake-up that reached the wrong thread (or none) is visible in the timeline.
   */
  noteResumed(thread: ThreadRecord, from: ThreadRecord | null): void {
    if (!thread.suspended || thread.state !== "running") return;
    thread.suspended = false;
    this.note(thread, "resume", from !== null && from !== thread ? `its promise was resolved while ${from.name} ran` : "its promise was resolved");
  }

  /** Adds a trace line for a thread without taking a scheduling step. */
  note(thread: ThreadRecord, op: string, detail: string): void {
    this.#trace.push(traceStep(this.#steps, thread.name, op, detail, this.now));
  }

  /** Runs `main` as "MainThread" and every thread it starts until all finish or the run fails. */
  async run(main: () => unknown): Promise<RunResult> {
    this.spawn("MainThread", main);
    const threads = this.#threads;
    for (;;) {
      // Let microtasks settle until every thread is parked, blocked or finished (or stays quiet).
      // Only `await null` here: it consults nothing the student can patch.
      let quiet = 0;
      for (;;) {
        const before = this.#activity;
        await null;
        if (this.#activity !== before) {
          quiet = 0;
          continue;
        }
        quiet++;
        if (!this.#anyRunning()) break;
        if (quiet >= QUIET_HOPS) {
          for (let i = 0; i < threads.length; i++) {
            const thread = threads[i] as ThreadRecord;
            if (thread.state !== "running" || thread.suspended) continue;
            thread.suspended = true;
            this.note(thread, "await", "a promise (not a threading operation)");
          }
          break;
        }
      }
      const misuse = this.#misuse;
      if (misuse !== null) {
        return this.#result("error", `${misuse.message}. To fix: ${misuse.fix}.`, new SafeArray<WaitEdge>(), misuse.thread || undefined);
      }
      const failure = this.#failure;
      if (failure !== null) {
        return this.#result("error", `${failure.thread} raised ${describeThrown(failure.error)}`, new SafeArray<WaitEdge>(), failure.thread);
      }
      const ready = new SafeArray<ThreadRecord>();
      let alive = false;
      for (let i = 0; i < threads.length; i++) {
        const t = threads[i] as ThreadRecord;
        if (t.state === "ready") ready.push(t);
        if (!t.daemon && t.state !== "finished") alive = true;
      }
      if (ready.length === 0) {
        if (!alive) return this.#result("ok", "", new SafeArray<WaitEdge>());
        if (this.#timers.length > 0) {
          this.#advanceTime();
          if (this.now > this.#limits.maxTime) {
            return this.#result("timeout", `simulated time passed ${this.#limits.maxTime} ms`, new SafeArray<WaitEdge>());
          }
          continue;
        }
        return this.#deadlock();
      }
      if (this.#steps >= this.#limits.maxSteps) return this.#timeout();
      if (ready.length > 1) this.#choices++;
      const candidates = ready.map((t) => ({ threadId: t.id, yielding: t.yielding }));
      const index = this.#strategy.pick(candidates, this.#steps + 1);
      const thread = (ready[index] ?? ready[0]) as ThreadRecord;
      this.#steps++;
      const entry = traceStep(this.#steps, thread.name, thread.op, thread.detail, this.now);
      this.#trace.push(entry);
      const resume = thread.resume;
      thread.resume = undefined;
      thread.state = "running";
      this.current = thread;
      this.#activity++;
      if (resume !== undefined) resume(entry);
    }
  }

  #anyRunning(): boolean {
    const threads = this.#threads;
    for (let i = 0; i < threads.length; i++) if ((threads[i] as ThreadRecord).state === "running") return true;
    return false;
  }

  #advanceTime(): void {
    this.#timers.sort((a, b) => a.time - b.time || a.order - b.order);
    const first = this.#timers[0];
    if (first === undefined) return;
    this.now = MathMax(this.now, first.time);
    const now = this.now;
    const due = this.#timers.filter((t) => t.time <= now);
    this.#timers = this.#timers.filter((t) => t.time > now);
    for (let i = 0; i < due.length; i++) (due[i] as Timer).fire();
  }

  #runHooks(thread: ThreadRecord): void {
    const hooks = thread.finishHooks.splice(0);
    for (let i = 0; i < hooks.length; i++) (hooks[i] as () => void)();
  }

  #finish(thread: ThreadRecord): void {
    thread.state = "finished";
    thread.suspended = false;
    this.#activity++;
    this.note(thread, "exit", "");
    this.#runHooks(thread);
  }

  #fail(thread: ThreadRecord, error: unknown): void {
    thread.state = "finished";
    this.#activity++;
    this.#failure ??= { thread: thread.name, error };
    this.note(thread, "raise", describeThrown(error));
    this.#runHooks(thread);
  }

  #deadlock(): RunResult {
    const waits = new SafeArray<WaitEdge>();
    const threads = this.#threads;
    for (let i = 0; i < threads.length; i++) {
      const t = threads[i] as ThreadRecord;
      if (t.state === "finished" || t.daemon) continue;
      waits.push({ thread: t.name, waitsFor: t.state === "blocked" ? t.waitsFor() : "a promise that no thread will resolve" });
    }
    const message = `deadlock: ${waits.map((w) => `${w.thread} waits for ${w.waitsFor}`).join("; ")}`;
    return this.#result("deadlock", message, waits);
  }

  #timeout(): RunResult {
    const recent = new SafeMap<string, number>();
    const order = new SafeArray<string>();
    const trace = this.#trace;
    for (let i = MathMax(0, trace.length - 50); i < trace.length; i++) {
      const name = (trace[i] as TraceStep).thread;
      const seen = recent.get(name);
      if (seen === undefined) order.push(name);
      recent.set(name, (seen ?? 0) + 1);
    }
    const busiest = order.sort((a, b) => (recent.get(b) ?? 0) - (recent.get(a) ?? 0));
    const message = `timeout: no end after ${this.#limits.maxSteps} steps (livelock or busy-waiting); most active lately: ${busiest.join(", ")}`;
    return this.#result("timeout", message, new SafeArray<WaitEdge>());
  }

  #result(verdict: Verdict, message: string, waits: WaitEdge[], failedThread?: string): RunResult {
    const misuse = this.#misuse;
    const result: RunResult = nullObject({
      verdict,
      seed: this.#seed,
      steps: this.#steps,
      choices: this.#choices,
      time: this.now,
      threads: this.#threads.map((t) => t.name),
      trace: this.#trace,
      message,
      waits,
    });
    if (failedThread !== undefined) (result as { failedThread?: string }).failedThread = failedThread;
    if (misuse !== null) (result as { misuse?: Misuse }).misuse = misuse;
    return result;
  }
}
