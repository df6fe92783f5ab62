
/** Mutant: release hands the permit to a waiter and also adds it back (a permit released twice). */
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
    const next = this.waiters.shift();
    if (next !== undefined) next();
    this.value++;
  }

  getValue(): number {
    return this.value;
  }
}
