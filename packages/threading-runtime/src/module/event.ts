import { SafeArray } from "@autograder/shared/primordials";
import { activeScheduler } from "../scheduler/active.ts";
import type { Waiter } from "../scheduler/scheduler.ts";
import { waitInList } from "./waiters.ts";

/** A flag threads can wait for; `set` wakes every waiter. */
export class Event {
  #flag = false;
  readonly #waiters: Array<Waiter<boolean>> = new SafeArray<Waiter<boolean>>();
  #label: string | undefined;

  constructor(name?: string) {
    this.#label = name;
  }

  get name(): string {
    this.#label ??= activeScheduler().nextName("Event");
    return this.#label;
  }

  set(): void {
    const scheduler = activeScheduler();
    scheduler.note(scheduler.requireCurrent(), "set", this.name);
    this.#flag = true;
    const woken = this.#waiters.splice(0);
    for (let i = 0; i < woken.length; i++) scheduler.wake(woken[i] as Waiter<boolean>, true, "wait", `${this.name} (set)`);
  }

  clear(): void {
    const scheduler = activeScheduler();
    scheduler.note(scheduler.requireCurrent(), "clear", this.name);
    this.#flag = false;
  }

  isSet(): boolean {
    return this.#flag;
  }

  /** Resolves true when the flag is set, false when `timeoutMs` simulated ms pass first. */
  async wait(timeoutMs?: number): Promise<boolean> {
    const scheduler = activeScheduler();
    await scheduler.point("wait", this.name);
    if (this.#flag) return true;
    return waitInList(scheduler, this.#waiters, "wait", () => `${this.name} to be set`, timeoutMs);
  }
}
