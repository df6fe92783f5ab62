// A correct worker pool built the Python way: its workers take jobs from the platform `Queue`,
// which `applyAsync` and `close` feed with `putNowait` from synchronous code (several calls in a
// row, without await). It must pass, as it would in the course's Python (issue 12).
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";

const ROOT = fileURLToPath(new URL("../../../exercises/", import.meta.url));

const QUEUE_POOL = `import { Event, Queue, Thread } from "threading";

type Task = (...args: never[]) => unknown;

export class AsyncResult {
  private readonly done = new Event();
  private outcome: { ok: true; value: unknown } | { ok: false; error: unknown } | undefined;

  ready(): boolean {
    return this.done.isSet();
  }

  async get(): Promise<unknown> {
    await this.done.wait();
    const outcome = this.outcome;
    if (outcome === undefined) throw new Error("woken before the task finished");
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  settle(outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    this.outcome = outcome;
    this.done.set();
  }
}

interface Job {
  fn: Task;
  args: unknown[];
  result: AsyncResult;
}

export class Pool {
  private readonly jobs = new Queue<Job | null>();
  private readonly workers: Thread[];
  private closed = false;

  constructor(n: number) {
    this.workers = Array.from({ length: n }, (_, i) => new Thread({ name: \`worker\${i + 1}\`, target: () => this.work() }));
    for (const worker of this.workers) worker.start();
  }

  applyAsync(fn: Task, args: unknown[] = []): AsyncResult {
    if (this.closed) throw new Error("Pool not running");
    const result = new AsyncResult();
    this.jobs.putNowait({ fn, args, result });
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
    // One sentinel per worker, behind every job already queued.
    for (let i = 0; i < this.workers.length; i++) this.jobs.putNowait(null);
  }

  async join(): Promise<void> {
    if (!this.closed) throw new Error("join() before close()");
    for (const worker of this.workers) await worker.join();
  }

  private async work(): Promise<void> {
    for (;;) {
      const job = await this.jobs.get();
      if (job === null) return;
      try {
        job.result.settle({ ok: true, value: await job.fn(...(job.args as never[])) });
      } catch (error) {
        job.result.settle({ ok: false, error });
      }
    }
  }
}
`;

let exercise: Exercise;
beforeAll(async () => {
  exercise = await loadExercise(ROOT, "threading/worker-pool");
});

describe("worker pool on the platform Queue", () => {
  it("passes when applyAsync and close feed the Queue with synchronous putNowait calls", async () => {
    const report = await grade(exercise, QUEUE_POOL, { seed: 1 });
    const failed = report.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message}`);
    expect(failed).toEqual([]);
    expect(report.status).toBe("passed");
    expect(report.tests.length).toBeGreaterThan(5);
  }, 120_000);

  it("still fails a pool whose workers take jobs with getNowait and give up when it throws Empty", async () => {
    // The same pool, but an idle worker ends instead of waiting: the synchronous form must not
    // hide a wrong solution behind the change.
    const source = QUEUE_POOL.replace("const job = await this.jobs.get();", "let job: Job | null;\n      try { job = this.jobs.getNowait(); } catch { return; }");
    expect(source).not.toBe(QUEUE_POOL);
    const report = await grade(exercise, source, { seed: 1 });
    // Its AsyncResults are never settled: the waiting caller is reported as a deadlock.
    expect(report.status).toBe("deadlock");
    expect(report.score).toBeLessThan(report.maxScore);
  }, 120_000);
});
