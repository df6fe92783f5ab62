import { activeScheduler } from "../scheduler/active.ts";
import { threadOf, type Thread } from "./thread.ts";

/** Blocks the current thread for `ms` simulated milliseconds. */
export async function sleep(ms: number): Promise<void> {
  const scheduler = activeScheduler();
  if (!(ms > 0)) {
    await scheduler.point("sleep", "0 ms", true);
    return;
  }
  const until = scheduler.now + ms;
  const waiter = scheduler.block("sleep", () => `time ${until} ms`, { ms, value: undefined });
  await waiter.promise;
}

/** A scheduling point: lets the scheduler run another ready thread first. */
export async function yieldThread(): Promise<void> {
  await activeScheduler().point("yield", "", true);
}

export function currentThread(): Thread {
  return threadOf(activeScheduler().requireCurrent());
}

/** Simulated time in milliseconds since the run started. */
export function now(): number {
  return activeScheduler().now;
}
