import { Thread, sleep } from "threading";

/** Mutant: the timeout thread is not a daemon: a wait(ms) woken by set() keeps the program alive until ms have passed. */
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
        daemon: false,
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
