import { activeScheduler } from "../scheduler/active.ts";
import type { Waiter } from "../scheduler/scheduler.ts";

/** A flag threads can wait for; `set` wakes every waiter. */
export class Event {
  private flag = false;
  private waiters: Array<Waiter<boolean>> = [];
  private label: string | undefined;

  constructor(name?: string) {
    this.label = name;
  }

  get name(): string {
    this.label ??= activeScheduler().nextName("Event");
    return this.label;
  }

  set(): void {
    const scheduler = activeScheduler();
    scheduler.note(scheduler.requireCurrent(), "set", this.name);
    this.flag = true;
    for (const waiter of this.waiters.splice(0)) scheduler.wake(waiter, true, "wait", `${this.name} (set)`);
  }

  clear(): void {
    const scheduler = activeScheduler();
    scheduler.note(scheduler.requireCurrent(), "clear", this.name);
    this.flag = false;
  }

  isSet(): boolean {
    return this.flag;
  }

  /** Resolves true when the flag is set, false when `timeoutMs` simulated ms pass first. */
  async wait(timeoutMs?: number): Promise<boolean> {
    const scheduler = activeScheduler();
    await scheduler.point("wait", this.name);
    if (this.flag) return true;
    const waiter: Waiter<boolean> = scheduler.block(
      "wait",
      () => `${this.name} to be set`,
      timeoutMs === undefined
        ? undefined
        : { ms: timeoutMs, value: false, onTimeout: () => (this.waiters = this.waiters.filter((w) => w !== waiter)) },
    );
    this.waiters.push(waiter);
    return waiter.promise;
  }
}
