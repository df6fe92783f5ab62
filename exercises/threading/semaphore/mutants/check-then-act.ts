import { yieldThread } from "threading";

/** Mutant: checks for a permit, gives way, then takes it (check-then-act across an await). */
export class Semaphore {
  private value: number;
  private waiters: Array<() => void> = [];

  constructor(n: number) {
    this.value = n;
  }

  async acquire(): Promise<void> {
    if (this.value > 0 && this.waiters.length === 0) {
      await yieldThread();
      this.value--;
      return;
    }
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
