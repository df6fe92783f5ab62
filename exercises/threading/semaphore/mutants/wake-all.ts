
/** Mutant: release wakes every waiter, where only one may take the freed permit. */
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
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const all = this.waiters;
    this.waiters = [];
    if (all.length === 0) this.value++;
    for (const wake of all) wake();
  }

  getValue(): number {
    return this.value;
  }
}
