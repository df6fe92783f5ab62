import { yieldThread } from "threading";

/** Mutant: checks that the mutex is free, then gives way before taking it (check-then-act race). */
export class Mutex {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  async acquire(): Promise<void> {
    if (!this.held && this.waiters.length === 0) {
      await yieldThread();
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  tryAcquire(): boolean {
    if (this.held || this.waiters.length > 0) return false;
    this.held = true;
    return true;
  }

  release(): void {
    if (!this.held) throw new Error("release of an unlocked mutex");
    const next = this.waiters.shift();
    if (next !== undefined) next();
    else this.held = false;
  }

  locked(): boolean {
    return this.held;
  }
}
