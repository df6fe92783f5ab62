/**
 * Mutant: release frees the mutex and wakes the first waiter, which then takes it without
 * checking again (the wait is not re-checked in a loop), so a newcomer can barge in first.
 */
export class Mutex {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  async acquire(): Promise<void> {
    if (this.held) await new Promise<void>((resolve) => this.waiters.push(resolve));
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
    this.waiters.shift()?.();
  }

  locked(): boolean {
    return this.held;
  }
}
