/** Student-side workload of threading/worker-pool (course 6.8). */
import { currentThread, sleep, yieldThread } from "threading";
import { Pool } from "student";
// Checks use built-ins captured before the student's code ran (see @autograder/shared/primordials).
import { intrinsics, primordials as P } from "threading";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

/** True when `results` is a real array holding the square of each item, in order (own elements only). */
function squares(results: unknown, items: number[]): boolean {
  if (!P.ArrayIsArray(results) || (results as unknown[]).length !== items.length) return false;
  for (let i = 0; i < items.length; i++) {
    if (!P.ObjectPrototypeHasOwnProperty(results as object, i) || (results as unknown[])[i] !== (items[i] as number) * (items[i] as number)) return false;
  }
  return true;
}

export const scenarios = {
  /** map over items with a pool of n: order kept, at most n at once, on at most n pool threads. */
  map: (params: Params) => async () => {
    const n = num(params, "n", 2);
    const count = num(params, "items", 5);
    const pool = new Pool(n);
    let running = 0;
    const threadsUsed = new P.SafeSet() as Set<string>;
    const square = async (x: number) => {
      running++;
      if (running > n) throw new Error(`${running} tasks running at once in a pool of ${n}`);
      threadsUsed.add(currentThread().name);
      await sleep((count - x) * 10);
      running--;
      return x * x;
    };
    const items = Array.from({ length: count }, (_, i) => i);
    const results = await pool.map(square as (...args: never[]) => unknown, items);
    if (!squares(results, items)) throw new Error(`map returned ${P.JSONStringify(results)} for ${P.JSONStringify(items)}`);
    if (threadsUsed.has("MainThread")) throw new Error("a task ran on the main thread");
    if (threadsUsed.size > n) throw new Error(`tasks ran on ${threadsUsed.size} different threads, the pool has ${n}`);
    pool.close();
    await pool.join();
  },

  /** applyAsync from several submissions; a failing task's error comes out of get(). */
  applyAsync: (params: Params) => async () => {
    const n = num(params, "n", 2);
    const pool = new Pool(n);
    const double = async (x: number) => {
      await yieldThread();
      return 2 * x;
    };
    const fail = async (message: string) => {
      await yieldThread();
      throw new Error(message);
    };
    const results = [1, 2, 3].map((x) => pool.applyAsync(double as (...args: never[]) => unknown, [x]));
    const broken = pool.applyAsync(fail as (...args: never[]) => unknown, ["task failed"]);
    const values = [];
    for (const result of results) values.push(await result.get());
    if (P.ArrayPrototypeJoin(values, ",") !== "2,4,6") throw new Error(`applyAsync results ${P.ArrayPrototypeJoin(values, ",")}, expected 2,4,6`);
    let message = "";
    try {
      await broken.get();
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    if (message !== "task failed") throw new Error(`get() of a failing task gave ${P.JSONStringify(message)} instead of throwing its error`);
    pool.close();
    await pool.join();
  },

  /** Jobs arrive one at a time while every worker is idle: each job runs exactly once. */
  trickle: (params: Params) => async () => {
    const n = num(params, "n", 3);
    const jobs = num(params, "jobs", 3);
    const gap = num(params, "gap", 10);
    const pool = new Pool(n);
    let runs = 0;
    const task = async (x: number) => {
      runs++;
      await yieldThread();
      return x + 1;
    };
    for (let i = 0; i < jobs; i++) {
      await sleep(gap);
      const value = await pool.applyAsync(task as (...args: never[]) => unknown, [i]).get();
      if (value !== i + 1) throw new Error(`job ${i} returned ${String(value)}`);
    }
    if (runs !== jobs) throw new Error(`${jobs} jobs ran ${runs} times`);
    pool.close();
    await pool.join();
  },

  /** A pool of one: every task still runs, one after another. */
  single: () => async () => {
    const pool = new Pool(1);
    const results = [pool.applyAsync((() => "a") as (...args: never[]) => unknown), pool.applyAsync((() => "b") as (...args: never[]) => unknown)];
    await yieldThread();
    const late = pool.applyAsync((() => "c") as (...args: never[]) => unknown);
    const values = [await results[0]?.get(), await results[1]?.get(), await late.get()];
    if (P.ArrayPrototypeJoin(values, ",") !== "a,b,c") throw new Error(`got ${P.ArrayPrototypeJoin(values, ",")}`);
    pool.close();
    await pool.join();
  },

  /**
   * The workers go idle, then tasks come and close() follows at once: the queued tasks all run,
   * idle workers end, join() waits for every task, and applyAsync() after close() throws.
   */
  closeWhileBusy: (params: Params) => async () => {
    const n = num(params, "n", 2);
    const tasks = num(params, "tasks", 4);
    const pool = new Pool(n);
    await sleep(1);
    const slow = async (x: number) => {
      await sleep(10 * (x + 1));
      return x * 10;
    };
    const results = Array.from({ length: tasks }, (_, x) => pool.applyAsync(slow as (...args: never[]) => unknown, [x]));
    if (P.ArrayPrototypeSome(results, (r: { ready(): boolean }) => r.ready())) throw new Error("ready() is true before the task ran");
    pool.close();
    let threw = false;
    try {
      pool.applyAsync(slow as (...args: never[]) => unknown, [99]);
    } catch {
      threw = true;
    }
    if (!threw) throw new Error("applyAsync() after close() did not throw");
    await pool.join();
    const notReady = results.filter((r) => !r.ready()).length;
    if (notReady > 0) throw new Error(`join() returned with ${notReady} of ${tasks} tasks submitted before close() not finished`);
    const values = [];
    for (const r of results) values.push(await r.get());
    const expected = Array.from({ length: tasks }, (_, x) => x * 10);
    if (P.ArrayPrototypeJoin(values, ",") !== P.ArrayPrototypeJoin(expected, ",")) throw new Error(`results ${P.ArrayPrototypeJoin(values, ",")}, expected ${P.ArrayPrototypeJoin(expected, ",")}`);
  },
};

// ---- Added by the content review (issue 12): synchronous throws, ready() while running.
type Fn = (...args: never[]) => unknown;

export const reviewScenarios = {
  /** Tasks that throw synchronously (an Error, or any value): get() rejects with that very value; the worker goes on. */
  throwing: (params: Params) => async () => {
    const pool = new Pool(num(params, "n", 1));
    const thrown = new Error("thrown synchronously");
    const failing = pool.applyAsync((() => { throw thrown; }) as Fn);
    const odd = pool.applyAsync((() => { throw "a plain string"; }) as Fn);
    const after = pool.applyAsync(((x: number) => x + 1) as Fn, [41]);
    const outcome = async (result: { get(): Promise<unknown> }): Promise<unknown> => {
      try {
        return { returned: await result.get() };
      } catch (error) {
        return error;
      }
    };
    const first = await outcome(failing);
    if (first !== thrown) throw new Error(`get() of a task that threw an Error gave ${first instanceof Error ? `another error, ${String(first)}` : JSON.stringify(first)} instead of rejecting with the task's own error`);
    const second = await outcome(odd);
    if (second !== "a plain string") throw new Error(`get() of a task that threw "a plain string" gave ${second instanceof Error ? String(second) : JSON.stringify(second)}`);
    const third = await outcome(after);
    if (JSON.stringify(third) !== JSON.stringify({ returned: 42 })) throw new Error(`the task submitted after two failing ones gave ${JSON.stringify(third)}, expected it to return 42`);
    if (!failing.ready() || !odd.ready()) throw new Error("ready() is false for a task that has thrown");
    pool.close();
    await pool.join();
  },

  /** ready() is false while the task runs, true once it returned (even undefined) or threw. */
  readiness: (params: Params) => async () => {
    const runMs = num(params, "runMs", 20);
    const pool = new Pool(num(params, "n", 1));
    let started = false;
    const quiet = pool.applyAsync((async () => { started = true; await sleep(runMs); }) as Fn);
    const failing = pool.applyAsync((async () => { await sleep(3 * runMs); throw new Error("late failure"); }) as Fn);
    await sleep(runMs / 2);
    if (!started) throw new Error(`the first task had not started ${runMs / 2} ms after applyAsync() on an idle pool`);
    if (quiet.ready()) throw new Error(`ready() is true ${runMs / 2} ms into a task that runs for ${runMs} ms`);
    const value = await quiet.get();
    if (value !== undefined) throw new Error(`get() of a task that returned undefined gave ${JSON.stringify(value)}`);
    if (!quiet.ready()) throw new Error("ready() is false after a task that returned undefined has finished");
    await sleep(runMs / 2);
    if (failing.ready()) throw new Error("ready() is true while the second task is still running");
    await sleep(3 * runMs);
    if (!failing.ready()) throw new Error("ready() is false after a task that threw has finished");
    pool.close();
    await pool.join();
  },

  /** applyAsync(fn) calls fn() with no argument, applyAsync(fn, args) with exactly args, map fn(item) with one. */
  argumentsPassed: (params: Params) => async () => {
    const pool = new Pool(num(params, "n", 2));
    const seen = ((...args: unknown[]) => P.JSONStringify(args)) as Fn;
    const none = pool.applyAsync(seen);
    const given = pool.applyAsync(seen, [1, "two", [3]]);
    const problems: string[] = [];
    const noneArgs = await none.get();
    if (noneArgs !== "[]") problems.push(`applyAsync(fn) called fn with ${noneArgs as string}, expected no argument`);
    const givenArgs = await given.get();
    if (givenArgs !== '[1,"two",[3]]') problems.push(`applyAsync(fn, [1, "two", [3]]) called fn with ${givenArgs as string}`);
    const mapped = await pool.map(seen, [7, 8]);
    if (P.JSONStringify(mapped) !== '["[7]","[8]"]') problems.push(`map(fn, [7, 8]) called fn with ${P.JSONStringify(mapped)} (one call per item, the item as its only argument)`);
    pool.close();
    await pool.join();
    if (problems.length > 0) throw new Error(problems.join("; "));
  },

  /** join() before close() rejects with an Error (Python's Pool.join raises ValueError); the pool still works afterwards. */
  joinBeforeClose: (params: Params) => async () => {
    const pool = new Pool(num(params, "n", 1));
    let outcome = "was still waiting 10 ms later (it must reject at once)";
    void pool.join().then(
      () => { outcome = "resolved (it must reject)"; },
      (error: unknown) => { outcome = error instanceof intrinsics.Error ? "rejected" : `rejected with ${P.JSONStringify(error)}, not an Error`; },
    );
    await sleep(10);
    const settled = outcome;
    const result = pool.applyAsync((() => 1) as Fn);
    if ((await result.get()) !== 1) throw new Error("after join() before close(), the pool did not run a task");
    pool.close();
    await pool.join();
    if (settled !== "rejected") throw new Error(`join() before close() ${settled}`);
  },
};
Object.assign(scenarios, reviewScenarios);
