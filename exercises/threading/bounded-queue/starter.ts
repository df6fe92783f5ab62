import { Thread, now, sleep } from "threading";

export class Full extends Error {
  constructor(message = "queue is full") {
    super(message);
    this.name = "Full";
  }
}

export class Empty extends Error {
  constructor(message = "queue is empty") {
    super(message);
    this.name = "Empty";
  }
}

export interface WaitOptions {
  block?: boolean;
  timeoutMs?: number;
}

/**
 * A bounded FIFO queue built on promises (no platform Queue). maxsize <= 0 means unbounded.
 * Waiting threads await promises that other threads resolve; `Thread`, `sleep` and `now`
 * help with timeouts. See README.md.
 */
export class Queue<T> {
  constructor(readonly maxsize = 0) {}

  async put(item: T, options: WaitOptions = {}): Promise<void> {
    void [Thread, now, sleep];
    throw new Error(`TODO: put ${String(item)} ${JSON.stringify(options)}`);
  }

  async get(options: WaitOptions = {}): Promise<T> {
    throw new Error(`TODO: get ${JSON.stringify(options)}`);
  }

  qsize(): number {
    throw new Error("TODO: qsize");
  }

  empty(): boolean {
    throw new Error("TODO: empty");
  }

  full(): boolean {
    throw new Error("TODO: full");
  }
}
