import { NumberIsInteger, RangeErrorCtor, SafeArray } from "@autograder/shared/primordials";
import { activeScheduler } from "../scheduler/active.ts";
import type { Waiter } from "../scheduler/scheduler.ts";
import { waitOptions, type WaitOptions } from "./options.ts";
import { waitInList } from "./waiters.ts";

/** A counting semaphore; a release hands its permit to the longest waiter. */
export class Semaphore {
  #value: number;
  readonly #waiters: Array<Waiter<boolean>> = new SafeArray<Waiter<boolean>>();
  #label: string | undefined;

  constructor(value = 1, name?: string) {
    if (!NumberIsInteger(value) || value < 0) throw new RangeErrorCtor("semaphore initial value must be an integer >= 0");
    this.#value = value;
    this.#label = name;
  }

  get name(): string {
    this.#label ??= activeScheduler().nextName("Semaphore");
    return this.#label;
  }

  async acquire(options: WaitOptions = {}): Promise<boolean> {
    const { block, timeoutMs } = waitOptions(options);
    const scheduler = activeScheduler();
    await scheduler.point("acquire", `${this.name} (value ${this.#value})`);
    if (this.#value > 0) {
      this.#value--;
      return true;
    }
    if (!block) return false;
    return waitInList(scheduler, this.#waiters, "acquire", () => `a permit of ${this.name}`, timeoutMs);
  }

  release(n = 1): void {
    const scheduler = activeScheduler();
    scheduler.note(scheduler.requireCurrent(), "release", this.name);
    for (let i = 0; i < n; i++) {
      const next = this.#waiters.shift();
      if (next === undefined) this.#value++;
      else scheduler.wake(next, true, "acquire", `${this.name} (acquired)`);
    }
  }

  getValue(): number {
    return this.#value;
  }

  /** Runs `body` holding a permit and releases it even when `body` throws. */
  async with<T>(body: () => T | Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await body();
    } finally {
      this.release();
    }
  }
}
