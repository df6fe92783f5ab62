/** Reference: a counting semaphore on promises; a release hands its permit to the first waiter. */
export class Semaphore {
  private value: number;
  private readonly waiters: Array<() => void> = [];

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
    else this.value++;
  }

  getValue(): number {
    return this.value;
  }
}
