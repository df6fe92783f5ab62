import { ArrayPrototypeIndexOf } from "@autograder/shared/primordials";
import type { Scheduler, Waiter } from "../scheduler/scheduler.ts";

/**
 * Blocks the current thread in `list` (a primitive's waiters, woken first come, first served)
 * until a wake with `true`, or `false` once `timeoutMs` simulated ms pass; a waiter that timed
 * out leaves the list, so a later wake-up goes to a thread that still waits.
 */
export function waitInList(
  scheduler: Scheduler,
  list: Array<Waiter<boolean>>,
  op: string,
  waitsFor: () => string,
  timeoutMs: number | undefined,
): Promise<boolean> {
  const waiter: Waiter<boolean> = scheduler.block(
    op,
    waitsFor,
    timeoutMs === undefined
      ? undefined
      : {
          ms: timeoutMs,
          value: false,
          onTimeout: () => {
            const index = ArrayPrototypeIndexOf(list, waiter);
            if (index >= 0) list.splice(index, 1);
          },
        },
  );
  list.push(waiter);
  return waiter.promise;
}
