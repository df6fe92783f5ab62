/** Mutant: the textbook counter that goes below zero: getValue() is negative while threads wait. */
export class Semaphore {
  private value: number;
  private readonly waiters: Array<() => void> = [];

  constructor(n: number) {
    this.value = n;
  }

  async acquire(): Promise<void> {
    this.value--;
    if (this.value < 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    this.value++;
    if (this.value <= 0) this.waiters.shift()?.();
  }

  getValue(): number {
    return this.value;
  }
}
