import { ThreadingMisuse } from "./misuse.ts";
import type { Scheduler } from "./scheduler.ts";

let active: Scheduler | null = null;

/** The scheduler running the current program; module operations use it. */
export function activeScheduler(): Scheduler {
  if (active === null) {
    throw new ThreadingMisuse("no-scheduler", "threading: no scheduler is running (threading operations run only inside a program run by explore/replay)");
  }
  return active;
}

export function setActiveScheduler(scheduler: Scheduler | null): void {
  active = scheduler;
}

/** The running scheduler, or null outside a run. */
export function peekActiveScheduler(): Scheduler | null {
  return active;
}
