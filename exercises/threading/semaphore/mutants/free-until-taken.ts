/** Mutant: release() frees the permit and wakes a waiter that takes it only when it runs: meanwhile getValue() counts it as free. */
export class Semaphore {
  private value: number;
  private readonly waiters: Array<() => void> = [];

  constructor(n: number) {
    this.value = n;
  }

  async acquire(): Promise<void> {
    while (this.value <= 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.value--;
  }

  release(): void {
    this.value++;
    this.waiters.shift()?.();
  }

  getValue(): number {
    return this.value;
  }
}
