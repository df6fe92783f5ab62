import { yieldThread } from "threading";

/** Mutant: spins with yieldThread() until the mutex is free instead of sleeping on a promise. */
export class Mutex {
  private held = false;

  async acquire(): Promise<void> {
    while (this.held) await yieldThread();
    this.held = true;
  }

  tryAcquire(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }

  release(): void {
    if (!this.held) throw new Error("release of an unlocked mutex");
    this.held = false;
  }

  locked(): boolean {
    return this.held;
  }
}
