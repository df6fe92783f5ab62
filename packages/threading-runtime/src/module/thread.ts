import { activeScheduler } from "../scheduler/active.ts";
import type { ThreadRecord } from "../scheduler/scheduler.ts";
import { RuntimeError } from "./errors.ts";

export interface ThreadOptions<A extends unknown[]> {
  target: (...args: A) => unknown;
  args?: A;
  name?: string;
  /** A daemon thread does not keep the program alive: the run ends when only daemons are left. */
  daemon?: boolean;
}

/** A thread of the program, modelled on Python's threading.Thread. */
export class Thread {
  readonly name: string;
  readonly daemon: boolean;
  private record: ThreadRecord | undefined;
  private readonly body: (() => unknown) | undefined;

  constructor(options: ThreadOptions<unknown[]>) {
    this.name = options.name ?? activeScheduler().nextName("Thread", "-");
    this.daemon = options.daemon ?? false;
    const args = options.args ?? [];
    const target = options.target;
    this.body = () => target(...args);
  }

  /** Wraps a scheduler thread that was not created through `new Thread` (the main thread). */
  static adopt(record: ThreadRecord): Thread {
    const thread = Object.create(Thread.prototype) as Thread;
    Object.assign(thread, { name: record.name, daemon: record.daemon, record, body: undefined });
    record.handle = thread;
    return thread;
  }

  /** Makes the thread ready to run; the scheduler decides when it takes its first step. */
  start(): void {
    if (this.record !== undefined || this.body === undefined) throw new RuntimeError("threads can only be started once");
    const scheduler = activeScheduler();
    this.record = scheduler.spawn(this.name, this.body, this.daemon);
    this.record.handle = this;
    scheduler.note(scheduler.requireCurrent(), "start", this.name);
  }

  /** Waits until the thread ends (or `timeoutMs` simulated milliseconds pass). */
  async join(timeoutMs?: number): Promise<void> {
    const record = this.record;
    if (record === undefined) throw new RuntimeError("cannot join a thread before it is started");
    const scheduler = activeScheduler();
    if (scheduler.requireCurrent() === record) throw new RuntimeError("cannot join current thread");
    await scheduler.point("join", this.name);
    if (record.state === "finished") return;
    const waiter = scheduler.block(
      "join",
      () => `${this.name} to finish`,
      timeoutMs === undefined ? undefined : { ms: timeoutMs, value: undefined },
    );
    record.finishHooks.push(() => scheduler.wake(waiter, undefined, "join", `${this.name} finished`));
    await waiter.promise;
  }

  isAlive(): boolean {
    return this.record !== undefined && this.record.state !== "finished";
  }

  /** Thread number within the run (0 is the main thread), or undefined before start. */
  get ident(): number | undefined {
    return this.record?.id;
  }
}

/** The Thread object of the running thread. */
export function threadOf(record: ThreadRecord): Thread {
  return record.handle instanceof Thread ? record.handle : Thread.adopt(record);
}
