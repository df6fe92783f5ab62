
/** Mutant: release adds the permit back and wakes a waiter that takes it without checking again, so a newcomer can take it too. */
export class Semaphore {
  private value: number;
  private waiters: Array<() => void> = [];

  constructor(n: number) {
    this.value = n;
  }

  async acquire(): Promise<void> {
    if (this.value <= 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
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
