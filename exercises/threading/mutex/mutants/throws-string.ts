/** Mutant: release() of an unlocked mutex throws a string, not an Error. */
export class Mutex {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  async acquire(): Promise<void> {
    if (!this.held && this.waiters.length === 0) {
      this.held = true;
      return;
    }
    // Still held when we are woken: release() handed it to us directly.
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  tryAcquire(): boolean {
    if (this.held || this.waiters.length > 0) return false;
    this.held = true;
    return true;
  }

  release(): void {
    if (!this.held) throw "release of an unlocked mutex";
    const next = this.waiters.shift();
    if (next !== undefined) next();
    else this.held = false;
  }

  locked(): boolean {
    return this.held;
  }
}
