import { yieldThread } from "threading";

/** Mutant: decides to wait, gives way, then registers as a waiter: a release in between is lost. */
export class Semaphore {
  private value: number;
  private waiters: Array<() => void> = [];

  constructor(n: number) {
    this.value = n;
  }

  async acquire(): Promise<void> {
    if (this.value > 0 && this.waiters.length === 0) {
      this.value--;
      return;
    }
    await yieldThread();
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next !== undefined) next();
    else this.value++;
  }

  getValue(): number {
    return this.value;
  }
}
