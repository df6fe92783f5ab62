import { ObjectCreate, ReflectApply, SafeWeakMap, TypeErrorCtor } from "@autograder/shared/primordials";
import { own } from "./options.ts";
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

/** The Thread object of each scheduler thread (main thread included), by record. */
const handles = new SafeWeakMap<ThreadRecord, Thread>();
/** Set only while `adopt` builds a handle: the constructor then takes the record as is. */
let adopting: ThreadRecord | undefined;

/** A thread of the program, modelled on Python's threading.Thread. */
export class Thread {
  readonly name: string;
  readonly daemon: boolean;
  // Private: the student's code cannot mark a thread finished or daemon, or reach the scheduler.
  #record: ThreadRecord | undefined;
  readonly #body: (() => unknown) | undefined;

  constructor(options: ThreadOptions<unknown[]>) {
    const adopted = adopting;
    adopting = undefined;
    if (adopted !== undefined) {
      this.name = adopted.name;
      this.daemon = adopted.daemon;
      this.#record = adopted;
      this.#body = undefined;
      return;
    }
    // Own properties only: Object.prototype.daemon = true must not turn every thread into a daemon.
    const name = own(options, "name");
    this.name = name === undefined ? activeScheduler().nextName("Thread", "-") : `${name as string}`;
    this.daemon = own(options, "daemon") === true;
    const args = own(options, "args") ?? [];
    const target = own(options, "target");
    if (typeof target !== "function") throw new TypeErrorCtor("Thread: target must be a function");
    this.#body = () => ReflectApply(target, undefined, args as unknown[]);
  }

  /** Makes the thread ready to run; the scheduler decides when it takes its first step. */
  start(): void {
    if (this.#record !== undefined || this.#body === undefined) throw new RuntimeError("threads can only be started once");
    const scheduler = activeScheduler();
    const record = scheduler.spawn(this.name, this.#body, this.daemon);
    this.#record = record;
    handles.set(record, this);
    scheduler.note(scheduler.requireCurrent(), "start", this.name);
  }

  /** Waits until the thread ends (or `timeoutMs` simulated milliseconds pass). */
  async join(timeoutMs?: number): Promise<void> {
    const record = this.#record;
    if (record === undefined) throw new RuntimeError("cannot join a thread before it is started");
    const scheduler = activeScheduler();
    if (scheduler.requireCurrent() === record) throw new RuntimeError("cannot join current thread");
    await scheduler.point("join", this.name);
    if (record.state === "finished") return;
    const name = this.name;
    const waiter = scheduler.block(
      "join",
      () => `${name} to finish`,
      timeoutMs === undefined ? undefined : { ms: timeoutMs, value: undefined },
    );
    record.finishHooks.push(() => scheduler.wake(waiter, undefined, "join", `${name} finished`));
    await waiter.promise;
  }

  isAlive(): boolean {
    return this.#record !== undefined && this.#record.state !== "finished";
  }

  /** Thread number within the run (0 is the main thread), or undefined before start. */
  get ident(): number | undefined {
    return this.#record?.id;
  }
}

/** The Thread object of a scheduler thread (made on first use for the main thread). */
export function threadOf(record: ThreadRecord): Thread {
  const known = handles.get(record);
  if (known !== undefined) return known;
  adopting = record;
  const thread = new Thread(ObjectCreate(null) as ThreadOptions<unknown[]>);
  handles.set(record, thread);
  return thread;
}
