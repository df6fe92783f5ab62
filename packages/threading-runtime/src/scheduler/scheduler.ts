import { formatSeed, type ScheduleSpec } from "./seed.ts";
import { strategyFor, type Strategy } from "./strategy.ts";
import type { RunLimits, RunResult, TraceStep, Verdict, WaitEdge } from "./types.ts";

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

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
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
  readonly threads: ThreadRecord[] = [];
  readonly trace: TraceStep[] = [];
  private readonly strategy: Strategy;
  private readonly seed: string;
  private steps = 0;
  /** Steps where more than one thread was ready (0 means every schedule is the same). */
  private choices = 0;
  private activity = 0;
  private timerOrder = 0;
  private timers: Timer[] = [];
  private failure: { thread: string; error: unknown } | null = null;
  private readonly counters = new Map<string, number>();

  constructor(
    spec: ScheduleSpec,
    private readonly limits: RunLimits,
  ) {
    this.strategy = strategyFor(spec);
    this.seed = formatSeed(spec);
  }

  /** Next name for an object of a kind within this run ("Lock#1", "Thread-2", ...). */
  nextName(kind: string, separator = "#"): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${kind}${separator}${n}`;
  }

  spawn(name: string, body: () => unknown, daemon = false): ThreadRecord {
    const thread: ThreadRecord = {
      id: this.threads.length,
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
      finishHooks: [],
    };
    thread.resume = () => {
      let result: unknown;
      try {
        result = body();
      } catch (error) {
        this.fail(thread, error);
        return;
      }
      Promise.resolve(result).then(
        () => this.finish(thread),
        (error: unknown) => this.fail(thread, error),
      );
    };
    this.threads.push(thread);
    this.strategy.onThreadCreated(thread.id);
    this.activity++;
    return thread;
  }

  /** The thread executing right now. Throws outside a thread of this scheduler. */
  requireCurrent(): ThreadRecord {
    const current = this.current;
    if (current !== null && current.state === "running") return current;
    // Without continuation tracking, a thread resumed by a plain promise another thread
    // resolved is the only running one left.
    const running = this.threads.find((t) => t.state === "running");
    if (running !== undefined) return running;
    if (current !== null && current.state === "ready") {
      throw new Error(`threading: ${current.name} started an operation while its previous one is still pending (a missing await?)`);
    }
    throw new Error("threading: this operation was called outside a running thread");
  }

  /** Parks the current thread at a scheduling point; resolves when the scheduler picks it. */
  point(op: string, detail: string, yielding = false): Promise<TraceStep> {
    const thread = this.requireCurrent();
    thread.state = "ready";
    thread.suspended = false;
    thread.op = op;
    thread.detail = detail;
    thread.yielding = yielding;
    this.activity++;
    return new Promise<TraceStep>((resolve) => {
      thread.resume = resolve;
    });
  }

  /** Blocks the current thread until `wake` (or the timeout) settles the returned waiter. */
  block<T>(op: string, waitsFor: () => string, timeout?: BlockTimeout<T>): Waiter<T> {
    const thread = this.requireCurrent();
    thread.state = "blocked";
    thread.suspended = false;
    thread.waitsFor = waitsFor;
    this.activity++;
    this.note(thread, op, `waits for ${waitsFor()}`);
    let resolve: (value: T) => void = () => {};
    const promise = new Promise<T>((r) => {
      resolve = r;
    });
    const waiter: InternalWaiter<T> = { thread, promise, settled: false, resolve };
    if (timeout !== undefined) {
      this.timers.push({
        time: this.now + Math.max(0, timeout.ms),
        order: this.timerOrder++,
        fire: () => {
          if (waiter.settled) return;
          timeout.onTimeout?.();
          this.wake(waiter, timeout.value, `${op}`, "timed out");
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
    thread.resume = () => (waiter as InternalWaiter<T>).resolve(value);
    this.activity++;
    return true;
  }

  /** Adds a trace line for a thread without taking a scheduling step. */
  note(thread: ThreadRecord, op: string, detail: string): void {
    this.trace.push({ step: this.steps, thread: thread.name, op, detail, time: this.now });
  }

  /** Runs `main` as "MainThread" and every thread it starts until all finish or the run fails. */
  async run(main: () => unknown): Promise<RunResult> {
    this.spawn("MainThread", main);
    for (;;) {
      await this.settle();
      if (this.failure !== null) {
        return this.result("error", `${this.failure.thread} raised ${describeError(this.failure.error)}`, [], this.failure.thread);
      }
      const ready = this.threads.filter((t) => t.state === "ready");
      if (ready.length === 0) {
        if (this.threads.every((t) => t.daemon || t.state === "finished")) return this.result("ok", "", []);
        if (this.timers.length > 0) {
          this.advanceTime();
          if (this.now > this.limits.maxTime) {
            return this.result("timeout", `simulated time passed ${this.limits.maxTime} ms`, []);
          }
          continue;
        }
        return this.deadlock();
      }
      if (this.steps >= this.limits.maxSteps) return this.timeout();
      if (ready.length > 1) this.choices++;
      const index = this.strategy.pick(
        ready.map((t) => ({ threadId: t.id, yielding: t.yielding })),
        this.steps + 1,
      );
      const thread = ready[index] ?? ready[0];
      if (thread === undefined) continue;
      this.steps++;
      const entry: TraceStep = { step: this.steps, thread: thread.name, op: thread.op, detail: thread.detail, time: this.now };
      this.trace.push(entry);
      const resume = thread.resume;
      thread.resume = undefined;
      thread.state = "running";
      this.current = thread;
      this.activity++;
      resume?.(entry);
    }
  }

  /** Lets microtasks run until every thread is parked, blocked or finished (or stays quiet). */
  private async settle(): Promise<void> {
    let quiet = 0;
    for (;;) {
      const before = this.activity;
      await null;
      if (this.activity !== before) {
        quiet = 0;
        continue;
      }
      quiet++;
      const running = this.threads.some((t) => t.state === "running");
      if (!running) return;
      if (quiet >= QUIET_HOPS) {
        for (const thread of this.threads) {
          if (thread.state !== "running" || thread.suspended) continue;
          thread.suspended = true;
          this.note(thread, "await", "a promise (not a threading operation)");
        }
        return;
      }
    }
  }

  private advanceTime(): void {
    this.timers.sort((a, b) => a.time - b.time || a.order - b.order);
    const first = this.timers[0];
    if (first === undefined) return;
    this.now = Math.max(this.now, first.time);
    const due = this.timers.filter((t) => t.time <= this.now);
    this.timers = this.timers.filter((t) => t.time > this.now);
    for (const timer of due) timer.fire();
  }

  private finish(thread: ThreadRecord): void {
    thread.state = "finished";
    thread.suspended = false;
    this.activity++;
    this.note(thread, "exit", "");
    for (const hook of thread.finishHooks.splice(0)) hook();
  }

  private fail(thread: ThreadRecord, error: unknown): void {
    thread.state = "finished";
    this.activity++;
    this.note(thread, "raise", describeError(error));
    this.failure ??= { thread: thread.name, error };
    for (const hook of thread.finishHooks.splice(0)) hook();
  }

  private deadlock(): RunResult {
    const waits: WaitEdge[] = this.threads
      .filter((t) => t.state !== "finished" && !t.daemon)
      .map((t) => ({
        thread: t.name,
        waitsFor: t.state === "blocked" ? t.waitsFor() : "a promise that no thread will resolve",
      }));
    const message = `deadlock: ${waits.map((w) => `${w.thread} waits for ${w.waitsFor}`).join("; ")}`;
    return this.result("deadlock", message, waits);
  }

  private timeout(): RunResult {
    const recent = new Map<string, number>();
    for (const entry of this.trace.slice(-50)) recent.set(entry.thread, (recent.get(entry.thread) ?? 0) + 1);
    const busiest = [...recent.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    const message = `timeout: no end after ${this.limits.maxSteps} steps (livelock or busy-waiting); most active lately: ${busiest.join(", ")}`;
    return this.result("timeout", message, []);
  }

  private result(verdict: Verdict, message: string, waits: WaitEdge[], failedThread?: string): RunResult {
    return {
      verdict,
      seed: this.seed,
      steps: this.steps,
      choices: this.choices,
      time: this.now,
      threads: this.threads.map((t) => t.name),
      trace: this.trace,
      message,
      waits,
      ...(failedThread === undefined ? {} : { failedThread }),
    };
  }
}
