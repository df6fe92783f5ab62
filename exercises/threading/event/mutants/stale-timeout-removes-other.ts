// Mutant: a timeout that fires after set() woke its waiter removes another waiter.
import { Thread, sleep } from "threading";

/** Reference: an event flag on promises. set() wakes every waiter; a timeout uses a daemon thread. */
export class Event {
  private flag = false;
  private waiters: Array<(result: boolean) => void> = [];

  set(): void {
    this.flag = true;
    for (const wake of this.waiters.splice(0)) wake(true);
  }

  clear(): void {
    this.flag = false;
  }

  isSet(): boolean {
    return this.flag;
  }

  wait(timeoutMs?: number): Promise<boolean> {
    if (this.flag) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      this.waiters.push(resolve);
      if (timeoutMs === undefined) return;
      const timer = new Thread({
        daemon: true,
        target: async () => {
          await sleep(timeoutMs);
          const index = this.waiters.indexOf(resolve);
          // (mutant: no check that the waiter is still there: splice(-1, 1) removes the last waiter)
          this.waiters.splice(index, 1);
          resolve(false);
        },
      });
      timer.start();
    });
  }
}
