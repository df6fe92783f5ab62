import { SafeArray } from "@autograder/shared/primordials";
import { activeScheduler } from "../scheduler/active.ts";
import type { ThreadRecord, Waiter } from "../scheduler/scheduler.ts";
import { RuntimeError } from "./errors.ts";
import { waitOptions, type WaitOptions } from "./options.ts";
import { waitInList } from "./waiters.ts";

/** A mutual-exclusion lock. Waiters are admitted first come, first served. */
export class Lock {
  #owner: ThreadRecord | null = null;
  readonly #waiters: Array<Waiter<boolean>> = new SafeArray<Waiter<boolean>>();
  #label: string | undefined;

  constructor(name?: string) {
    this.#label = name;
  }

  get name(): string {
    this.#label ??= activeScheduler().nextName("Lock");
    return this.#label;
  }

  /** Resolves true once the lock is held, false if `block: false` or the timeout gave up. */
  async acquire(options: WaitOptions = {}): Promise<boolean> {
    const { block, timeoutMs } = waitOptions(options);
    const scheduler = activeScheduler();
    await scheduler.point("acquire", this.name);
    const me = scheduler.requireCurrent();
    if (this.#owner === null) {
      this.#owner = me;
      return true;
    }
    if (!block) return false;
    return waitInList(scheduler, this.#waiters, "acquire", () => `${this.name} (held by ${this.#owner?.name ?? "nobody"})`, timeoutMs);
  }

  /** Releases the lock and hands it to the longest waiter, if any. Throws if it is not held. */
  release(): void {
    if (this.#owner === null) throw new RuntimeError(`release of unlocked ${this.name}`);
    const scheduler = activeScheduler();
    scheduler.note(scheduler.requireCurrent(), "release", this.name);
    const next = this.#waiters.shift();
    this.#owner = next?.thread ?? null;
    if (next !== undefined) scheduler.wake(next, true, "acquire", `${this.name} (acquired)`);
  }

  locked(): boolean {
    return this.#owner !== null;
  }

  /** Runs `body` holding the lock and releases it even when `body` throws. */
  async with<T>(body: () => T | Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await body();
    } finally {
      this.release();
    }
  }
}
