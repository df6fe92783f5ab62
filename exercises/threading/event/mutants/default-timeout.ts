import { Thread, sleep } from "threading";

/** Mutant: wait() without a timeout gives up after a default of 60 simulated seconds. */
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

  wait(timeoutMs = 60_000): Promise<boolean> {
    if (this.flag) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      this.waiters.push(resolve);
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
