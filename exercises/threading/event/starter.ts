import { Thread, sleep } from "threading";

/**
 * An event flag built on promises (no platform Event). For wait(timeoutMs), a daemon Thread
 * that sleeps can give up on the caller's behalf. See README.md.
 */
export class Event {
  set(): void {
    throw new Error("TODO: set");
  }

  clear(): void {
    throw new Error("TODO: clear");
  }

  isSet(): boolean {
    throw new Error("TODO: isSet");
  }

  async wait(timeoutMs?: number): Promise<boolean> {
    void Thread;
    void sleep;
    throw new Error(`TODO: wait(${timeoutMs})`);
  }
}
