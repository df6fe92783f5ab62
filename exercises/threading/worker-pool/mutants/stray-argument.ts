// Mutant: applyAsync(fn) calls fn(undefined), one argument instead of none.
import { Thread } from "threading";

type Task = (...args: never[]) => unknown;

/** The eventual result of a task; get() waits for it and throws the task's error. */
export class AsyncResult {
  private outcome: { ok: true; value: unknown } | { ok: false; error: unknown } | undefined;
  private readonly waiters: Array<() => void> = [];

  ready(): boolean {
    return this.outcome !== undefined;
  }

  async get(): Promise<unknown> {
    if (this.outcome === undefined) await new Promise<void>((resolve) => this.waiters.push(resolve));
    const outcome = this.outcome;
    if (outcome === undefined) throw new Error("woken before the task finished");
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  settle(outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    this.outcome = outcome;
    for (const wake of this.waiters.splice(0)) wake();
  }
}

interface Job {
  fn: Task;
  args: unknown[];
  result: AsyncResult;
}

/** Reference: n worker threads, started once, take jobs from a list; idle ones sleep on a promise. */
export class Pool {
  private readonly jobs: Job[] = [];
  private readonly idle: Array<() => void> = [];
  private readonly workers: Thread[];
  private closed = false;

  constructor(n: number) {
    this.workers = Array.from({ length: n }, (_, i) => new Thread({ name: `worker${i + 1}`, target: () => this.work() }));
    for (const worker of this.workers) worker.start();
  }

  applyAsync(fn: Task, args: unknown[] = [undefined]): AsyncResult {
    if (this.closed) throw new Error("Pool not running");
    const result = new AsyncResult();
    this.jobs.push({ fn, args, result });
    this.idle.shift()?.();
    return result;
  }

  async map(fn: Task, items: unknown[]): Promise<unknown[]> {
    const results = items.map((item) => this.applyAsync(fn, [item]));
    const values: unknown[] = [];
    for (const result of results) values.push(await result.get());
    return values;
  }

  close(): void {
    this.closed = true;
    for (const wake of this.idle.splice(0)) wake();
  }

  async join(): Promise<void> {
    if (!this.closed) throw new Error("join() before close()");
    for (const worker of this.workers) await worker.join();
  }

  private async work(): Promise<void> {
    for (;;) {
      while (this.jobs.length === 0) {
        if (this.closed) return;
        await new Promise<void>((resolve) => this.idle.push(resolve));
      }
      const job = this.jobs.shift() as Job;
      try {
        job.result.settle({ ok: true, value: await job.fn(...(job.args as never[])) });
      } catch (error) {
        job.result.settle({ ok: false, error });
      }
    }
  }
}
