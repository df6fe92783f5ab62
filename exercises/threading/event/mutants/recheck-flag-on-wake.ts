import { Thread, sleep } from "threading";

/** Mutant: a woken waiter re-checks the flag (like a condition's wait_for): set() then clear() leaves it waiting. */
export class Event {
  private flag = false;
  private waiters: Array<(woken: boolean) => void> = [];

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

  async wait(timeoutMs?: number): Promise<boolean> {
    while (!this.flag) {
      const woken = await new Promise<boolean>((resolve) => {
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
      if (!woken) return false;
    }
    return true;
  }
}
