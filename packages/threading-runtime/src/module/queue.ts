import { activeScheduler } from "../scheduler/active.ts";
import type { Scheduler, Waiter } from "../scheduler/scheduler.ts";
import { Empty, Full } from "./errors.ts";
import { formatValue } from "./format.ts";
import type { WaitOptions } from "./options.ts";

/** A first-in first-out queue; `maxsize` <= 0 means unbounded. */
export class Queue<T = unknown> {
  private readonly items: T[] = [];
  private readonly getters: Array<Waiter<boolean>> = [];
  private readonly putters: Array<Waiter<boolean>> = [];
  private readonly joiners: Array<Waiter<void>> = [];
  private unfinished = 0;
  private label: string | undefined;

  constructor(
    readonly maxsize = 0,
    name?: string,
  ) {
    this.label = name;
  }

  get name(): string {
    this.label ??= activeScheduler().nextName("Queue");
    return this.label;
  }

  async put(item: T, options: WaitOptions = {}): Promise<void> {
    const scheduler = activeScheduler();
    await scheduler.point("put", `${this.name} <- ${formatValue(item)}`);
    const deadline = options.timeoutMs === undefined ? undefined : scheduler.now + options.timeoutMs;
    while (this.full()) {
      if (options.block === false) throw new Full();
      if (!(await this.wait(scheduler, this.putters, "put", "space in", deadline))) throw new Full();
    }
    this.items.push(item);
    this.unfinished++;
    this.wakeFirst(scheduler, this.getters, "get");
  }

  async get(options: WaitOptions = {}): Promise<T> {
    const scheduler = activeScheduler();
    const entry = await scheduler.point("get", this.name);
    const deadline = options.timeoutMs === undefined ? undefined : scheduler.now + options.timeoutMs;
    while (this.items.length === 0) {
      if (options.block === false) throw new Empty();
      if (!(await this.wait(scheduler, this.getters, "get", "an item in", deadline))) throw new Empty();
    }
    const item = this.items.shift() as T;
    entry.detail = `${this.name} -> ${formatValue(item)}`;
    this.wakeFirst(scheduler, this.putters, "put");
    return item;
  }

  putNowait(item: T): Promise<void> {
    return this.put(item, { block: false });
  }

  getNowait(): Promise<T> {
    return this.get({ block: false });
  }

  qsize(): number {
    return this.items.length;
  }

  empty(): boolean {
    return this.items.length === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize;
  }

  /** Marks one item taken with `get` as processed (for `join`). */
  taskDone(): void {
    if (this.unfinished <= 0) throw new RangeError("taskDone() called too many times");
    this.unfinished--;
    if (this.unfinished === 0) {
      const scheduler = activeScheduler();
      for (const waiter of this.joiners.splice(0)) scheduler.wake(waiter, undefined, "join", `${this.name} (all done)`);
    }
  }

  /** Waits until every item put has been marked done with `taskDone`. */
  async join(): Promise<void> {
    const scheduler = activeScheduler();
    await scheduler.point("join", this.name);
    if (this.unfinished === 0) return;
    const waiter = scheduler.block<void>("join", () => `all tasks of ${this.name} to be done`);
    this.joiners.push(waiter);
    await waiter.promise;
  }

  private wait(scheduler: Scheduler, list: Array<Waiter<boolean>>, op: string, what: string, deadline: number | undefined): Promise<boolean> {
    const remaining = deadline === undefined ? undefined : deadline - scheduler.now;
    if (remaining !== undefined && remaining <= 0) return Promise.resolve(false);
    const waiter: Waiter<boolean> = scheduler.block(
      op,
      () => `${what} ${this.name}`,
      remaining === undefined
        ? undefined
        : {
            ms: remaining,
            value: false,
            onTimeout: () => {
              const index = list.indexOf(waiter);
              if (index >= 0) list.splice(index, 1);
            },
          },
    );
    list.push(waiter);
    return waiter.promise;
  }

  private wakeFirst(scheduler: Scheduler, list: Array<Waiter<boolean>>, op: string): void {
    const next = list.shift();
    if (next !== undefined) scheduler.wake(next, true, op, `${this.name} (woken)`);
  }
}
