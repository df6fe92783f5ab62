import { PromiseResolve, RangeErrorCtor, SafeArray } from "@autograder/shared/primordials";
import { activeScheduler } from "../scheduler/active.ts";
import type { Scheduler, Waiter } from "../scheduler/scheduler.ts";
import { Empty, Full } from "./errors.ts";
import { formatValue } from "./format.ts";
import { waitOptions, type WaitOptions } from "./options.ts";
import { waitInList } from "./waiters.ts";

/** A first-in first-out queue; `maxsize` <= 0 means unbounded. */
export class Queue<T = unknown> {
  // Private: the items and waiters cannot be read or reordered by the student's code.
  readonly #items: T[] = new SafeArray<T>();
  readonly #getters: Array<Waiter<boolean>> = new SafeArray<Waiter<boolean>>();
  readonly #putters: Array<Waiter<boolean>> = new SafeArray<Waiter<boolean>>();
  readonly #joiners: Array<Waiter<void>> = new SafeArray<Waiter<void>>();
  #unfinished = 0;
  #label: string | undefined;
  readonly #maxsize: number;

  constructor(maxsize = 0, name?: string) {
    this.#maxsize = maxsize;
    this.#label = name;
  }

  get maxsize(): number {
    return this.#maxsize;
  }

  get name(): string {
    this.#label ??= activeScheduler().nextName("Queue");
    return this.#label;
  }

  async put(item: T, options: WaitOptions = {}): Promise<void> {
    const { block, timeoutMs } = waitOptions(options);
    const scheduler = activeScheduler();
    await scheduler.point("put", `${this.name} <- ${formatValue(item)}`);
    const deadline = timeoutMs === undefined ? undefined : scheduler.now + timeoutMs;
    while (this.full()) {
      if (!block) throw new Full();
      if (!(await this.#wait(scheduler, this.#putters, "put", "space in", deadline))) throw new Full();
    }
    this.#items.push(item);
    this.#unfinished++;
    this.#wakeFirst(scheduler, this.#getters, "get");
  }

  async get(options: WaitOptions = {}): Promise<T> {
    const { block, timeoutMs } = waitOptions(options);
    const scheduler = activeScheduler();
    const entry = await scheduler.point("get", this.name);
    const deadline = timeoutMs === undefined ? undefined : scheduler.now + timeoutMs;
    while (this.#items.length === 0) {
      if (!block) throw new Empty();
      if (!(await this.#wait(scheduler, this.#getters, "get", "an item in", deadline))) throw new Empty();
    }
    const item = this.#items.shift() as T;
    entry.detail = `${this.name} -> ${formatValue(item)}`;
    this.#wakeFirst(scheduler, this.#putters, "put");
    return item;
  }

  /** Like Python's `put_nowait`: adds the item at once or throws `Full`; never waits or yields. */
  putNowait(item: T): void {
    const scheduler = activeScheduler();
    const detail = `${this.name} <- ${formatValue(item)}`;
    if (this.full()) {
      scheduler.noteNowait("putNowait", `${detail} (full)`);
      throw new Full();
    }
    scheduler.noteNowait("putNowait", detail);
    this.#items.push(item);
    this.#unfinished++;
    this.#wakeFirst(scheduler, this.#getters, "get");
  }

  /** Like Python's `get_nowait`: takes the first item at once or throws `Empty`; never waits or yields. */
  getNowait(): T {
    const scheduler = activeScheduler();
    if (this.#items.length === 0) {
      scheduler.noteNowait("getNowait", `${this.name} (empty)`);
      throw new Empty();
    }
    const item = this.#items.shift() as T;
    scheduler.noteNowait("getNowait", `${this.name} -> ${formatValue(item)}`);
    this.#wakeFirst(scheduler, this.#putters, "put");
    return item;
  }

  qsize(): number {
    return this.#items.length;
  }

  empty(): boolean {
    return this.#items.length === 0;
  }

  full(): boolean {
    return this.#maxsize > 0 && this.#items.length >= this.#maxsize;
  }

  /** Marks one item taken with `get` as processed (for `join`). */
  taskDone(): void {
    if (this.#unfinished <= 0) throw new RangeErrorCtor("taskDone() called too many times");
    this.#unfinished--;
    if (this.#unfinished === 0) {
      const scheduler = activeScheduler();
      const joiners = this.#joiners.splice(0);
      for (let i = 0; i < joiners.length; i++) scheduler.wake(joiners[i] as Waiter<void>, undefined, "join", `${this.name} (all done)`);
    }
  }

  /** Waits until every item put has been marked done with `taskDone`. */
  async join(): Promise<void> {
    const scheduler = activeScheduler();
    await scheduler.point("join", this.name);
    if (this.#unfinished === 0) return;
    const waiter = scheduler.block<void>("join", () => `all tasks of ${this.name} to be done`);
    this.#joiners.push(waiter);
    await waiter.promise;
  }

  #wait(scheduler: Scheduler, list: Array<Waiter<boolean>>, op: string, what: string, deadline: number | undefined): Promise<boolean> {
    const remaining = deadline === undefined ? undefined : deadline - scheduler.now;
    if (remaining !== undefined && remaining <= 0) return PromiseResolve(false);
    return waitInList(scheduler, list, op, () => `${what} ${this.name}`, remaining);
  }

  #wakeFirst(scheduler: Scheduler, list: Array<Waiter<boolean>>, op: string): void {
    const next = list.shift();
    if (next !== undefined) scheduler.wake(next, true, op, `${this.name} (woken)`);
  }
}
