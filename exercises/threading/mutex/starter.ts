import { yieldThread } from "threading";

/**
 * A mutual-exclusion lock without the platform's Lock. Build it on promises: a thread that
 * must wait awaits a promise that release() resolves. See README.md for the exact contract.
 */
export class Mutex {
  async acquire(): Promise<void> {
    await yieldThread();
    throw new Error("TODO: acquire");
  }

  tryAcquire(): boolean {
    throw new Error("TODO: tryAcquire");
  }

  release(): void {
    throw new Error("TODO: release");
  }

  locked(): boolean {
    throw new Error("TODO: locked");
  }
}
