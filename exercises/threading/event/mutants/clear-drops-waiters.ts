import { Thread, sleep } from "threading";

/** Mutant: clear() also forgets the threads waiting: a later set() no longer wakes them. */
export class Event {
  private flag = false;
  private waiters: Array<(result: boolean) => void> = [];

  set(): void {
    this.flag = true;
    for (const wake of this.waiters.splice(0)) wake(true);
  }

  clear(): void {
    this.flag = false;
    this.waiters = [];
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
          if (index < 0) return;
          this.waiters.splice(index, 1);
          resolve(false);
        },
      });
      timer.start();
    });
  }
}
