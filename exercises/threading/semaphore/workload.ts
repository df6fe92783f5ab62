/** Student-side workload of threading/semaphore (course 6.9.4): 10 tasks, 3 permits. */
import { Thread, now, sleep, yieldThread } from "threading";
import { Semaphore } from "student";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

export const scenarios = {
  /** `tasks` threads take a permit `rounds` times: never more holders than permits, everyone admitted. */
  holders: (params: Params) => async () => {
    const tasks = num(params, "tasks", 10);
    const permits = num(params, "permits", 3);
    const sem = new Semaphore(permits);
    let finished = 0;
    let holding = 0;
    const rounds = num(params, "rounds", 2);
    const task = async () => {
      for (let round = 0; round < rounds; round++) {
        await sem.acquire();
        holding++;
        if (holding > permits) throw new Error(`${holding} holders of a semaphore with ${permits} permits`);
        await yieldThread();
        holding--;
        sem.release();
      }
      finished++;
    };
    const threads = Array.from({ length: tasks }, (_, i) => new Thread({ name: `task${i + 1}`, target: task }));
    threads.forEach((t) => t.start());
    for (const t of threads) await t.join();
    if (finished !== tasks) throw new Error(`${finished} of ${tasks} tasks finished`);
    if (sem.getValue() !== permits) throw new Error(`getValue() is ${sem.getValue()} after every permit came back, expected ${permits}`);
  },

  /** Holders keep their permit a while (simulated time) so that waiters queue up. */
  queued: (params: Params) => async () => {
    const tasks = num(params, "tasks", 5);
    const permits = num(params, "permits", 2);
    const holdMs = num(params, "holdMs", 10);
    const sem = new Semaphore(permits);
    let holding = 0;
    const threads = Array.from({ length: tasks }, (_, i) =>
      new Thread({
        name: `task${i + 1}`,
        target: async () => {
          await sem.acquire();
          holding++;
          if (holding > permits) throw new Error(`${holding} holders of a semaphore with ${permits} permits`);
          await sleep(holdMs);
          holding--;
          sem.release();
        },
      }),
    );
    threads.forEach((t) => t.start());
    for (const t of threads) await t.join();
    if (sem.getValue() !== permits) throw new Error(`getValue() is ${sem.getValue()} at the end, expected ${permits}`);
    const rounds = Math.ceil(tasks / permits);
    if (now() !== rounds * holdMs) throw new Error(`${tasks} tasks holding one of ${permits} permits for ${holdMs} ms each took ${now()} ms, expected ${rounds * holdMs}`);
  },

  /** One thread at a time: getValue() follows acquire() and release(); a waiter waits for a release. */
  basics: (params: Params) => async () => {
    const permits = num(params, "permits", 2);
    const sem = new Semaphore(permits);
    if (sem.getValue() !== permits) throw new Error(`new Semaphore(${permits}).getValue() is ${sem.getValue()}`);
    for (let i = 1; i <= permits; i++) {
      await sem.acquire();
      if (sem.getValue() !== permits - i) throw new Error(`getValue() is ${sem.getValue()} after ${i} acquire() of ${permits} permits`);
    }
    let admitted = false;
    const waiter = new Thread({ name: "waiter", target: async () => { await sem.acquire(); admitted = true; } });
    waiter.start();
    await sleep(10);
    if (admitted) throw new Error(`acquire() did not wait with all ${permits} permits taken`);
    sem.release();
    await waiter.join();
    if (!admitted) throw new Error("the waiter was not admitted after release()");
    if (sem.getValue() !== 0) throw new Error(`getValue() is ${sem.getValue()} after the waiter took the released permit, expected 0`);
    for (let i = 1; i <= permits; i++) sem.release();
    if (sem.getValue() !== permits) throw new Error(`getValue() is ${sem.getValue()} after every permit came back, expected ${permits}`);
  },
};

// ---- Added by the content review (issue 12): getValue() read while threads wait.
export const reviewScenarios = {
  /** getValue() while threads wait is 0 (never negative), and stays 0 when release() hands a permit to a waiter. */
  valueWhileWaiting: (params: Params) => async () => {
    const permits = num(params, "permits", 1);
    const waiters = num(params, "waiters", 2);
    const sem = new Semaphore(permits);
    for (let i = 0; i < permits; i++) await sem.acquire();
    let admitted = 0;
    const threads = Array.from({ length: waiters }, (_, i) =>
      new Thread({ name: `waiter${i + 1}`, target: async () => { await sem.acquire(); admitted++; } }),
    );
    threads.forEach((t) => t.start());
    await sleep(10);
    if (sem.getValue() !== 0) throw new Error(`getValue() is ${sem.getValue()} while ${waiters} threads wait for a permit, expected 0 (the free permits)`);
    for (let i = 1; i <= waiters; i++) {
      sem.release();
      if (sem.getValue() !== 0) throw new Error(`getValue() is ${sem.getValue()} just after release() handed the permit to a waiting thread, expected 0`);
      await sleep(10);
      if (admitted !== i) throw new Error(`${admitted} waiters admitted after ${i} release()`);
      if (sem.getValue() !== 0) throw new Error(`getValue() is ${sem.getValue()} after a waiter took the released permit, expected 0`);
    }
    for (const t of threads) await t.join();
    for (let i = 1; i <= permits; i++) sem.release();
    if (sem.getValue() !== permits) throw new Error(`getValue() is ${sem.getValue()} after every permit came back, expected ${permits}`);
  },
};
Object.assign(scenarios, reviewScenarios);
