/** Mutant: release wakes every waiter where exactly one must wake. */
export class Mutex {
  private held = false;
  private waiters: Array<() => void> = [];

  async acquire(): Promise<void> {
    if (!this.held && this.waiters.length === 0) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.held = true;
  }

  tryAcquire(): boolean {
    if (this.held || this.waiters.length > 0) return false;
    this.held = true;
    return true;
  }

  release(): void {
    if (!this.held) throw new Error("release of an unlocked mutex");
    const all = this.waiters;
    this.waiters = [];
    if (all.length === 0) this.held = false;
    for (const wake of all) wake();
  }

  locked(): boolean {
    return this.held;
  }
}
