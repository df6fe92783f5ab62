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

type Waker = (woken: boolean) => void;

/** Mutant: a waiter that times out stays in the list: a later put or get wakes it (in vain) instead of a thread still waiting. */
export class Queue<T> {
  private readonly items: T[] = [];
  private readonly getters: Waker[] = [];
  private readonly putters: Waker[] = [];

  constructor(readonly maxsize = 0) {}

  async put(item: T, options: WaitOptions = {}): Promise<void> {
    const deadline = options.timeoutMs === undefined ? undefined : now() + options.timeoutMs;
    while (this.full()) {
      if (options.block === false || !(await this.waitOn(this.putters, deadline))) throw new Full();
    }
    this.items.push(item);
    this.getters.shift()?.(true);
  }

  async get(options: WaitOptions = {}): Promise<T> {
    const deadline = options.timeoutMs === undefined ? undefined : now() + options.timeoutMs;
    while (this.items.length === 0) {
      if (options.block === false || !(await this.waitOn(this.getters, deadline))) throw new Empty();
    }
    const item = this.items.shift() as T;
    this.putters.shift()?.(true);
    return item;
  }

  qsize(): number {
    return this.items.length;
  }

  empty(): boolean {
    return this.items.length === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize;
  }

  /** Waits until woken (true) or until the deadline passes (false). */
  private waitOn(list: Waker[], deadline: number | undefined): Promise<boolean> {
    if (deadline !== undefined && deadline <= now()) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      list.push(resolve);
      if (deadline === undefined) return;
      new Thread({
        daemon: true,
        target: async () => {
          await sleep(deadline - now());
          resolve(false);
        },
      }).start();
    });
  }
}
