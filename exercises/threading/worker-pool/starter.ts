import { Thread } from "threading";

type Task = (...args: never[]) => unknown;

/** The eventual result of a task. See README.md. */
export class AsyncResult {
  ready(): boolean {
    throw new Error("TODO: ready");
  }

  async get(): Promise<unknown> {
    throw new Error("TODO: get");
  }
}

/** A pool of n reused worker threads (course 6.8). See README.md. */
export class Pool {
  constructor(n: number) {
    void Thread;
    throw new Error(`TODO: Pool(${n})`);
  }

  applyAsync(fn: Task, args: unknown[] = []): AsyncResult {
    throw new Error(`TODO: applyAsync ${String(fn)} ${args.length}`);
  }

  async map(fn: Task, items: unknown[]): Promise<unknown[]> {
    throw new Error(`TODO: map ${String(fn)} ${items.length}`);
  }

  close(): void {
    throw new Error("TODO: close");
  }

  async join(): Promise<void> {
    throw new Error("TODO: join");
  }
}
