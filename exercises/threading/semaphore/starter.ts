/** A counting semaphore built on promises (no platform Semaphore). See README.md. */
export class Semaphore {
  constructor(n: number) {
    throw new Error(`TODO: Semaphore(${n})`);
  }

  async acquire(): Promise<void> {
    throw new Error("TODO: acquire");
  }

  release(): void {
    throw new Error("TODO: release");
  }

  getValue(): number {
    throw new Error("TODO: getValue");
  }
}
