/**
 * Student-side workload of threading/mutex: programs that drive the student's Mutex under the
 * scheduler. Each scenario takes plain params and returns the main thread's body; an invariant
 * broken in any explored schedule throws, and the scheduler reports that schedule.
 */
import { Thread, Value, sleep } from "threading";
import { Mutex } from "student";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) t.start();
  for (const t of threads) await t.join();
}

export const scenarios = {
  /** N threads increment a shared counter R times each inside the mutex. */
  exclusion: (params: Params) => async () => {
    const threads = num(params, "threads", 3);
    const rounds = num(params, "rounds", 2);
    const mutex = new Mutex();
    const counter = new Value(0, "counter");
    let inside = 0;
    const work = async () => {
      for (let i = 0; i < rounds; i++) {
        await mutex.acquire();
        inside++;
        if (inside > 1) throw new Error(`${inside} threads inside the critical section at once`);
        await counter.set((await counter.get()) + 1);
        inside--;
        mutex.release();
      }
    };
    await joinAll(Array.from({ length: threads }, (_, i) => new Thread({ target: work, name: `T${i + 1}` })));
    const total = await counter.get();
    if (total !== threads * rounds) throw new Error(`counter is ${total} after ${threads * rounds} increments`);
  },

  /** Waiters arrive every `gap` ms while the main thread holds the mutex; record admission order. */
  fifo: (params: Params) => async () => {
    const waiters = num(params, "waiters", 3);
    const gap = num(params, "gap", 10);
    const mutex = new Mutex();
    const admitted: string[] = [];
    await mutex.acquire();
    const threads = Array.from({ length: waiters }, (_, i) =>
      new Thread({
        name: `W${i + 1}`,
        target: async () => {
          await sleep(gap * (i + 1));
          await mutex.acquire();
          admitted.push(`W${i + 1}`);
          await sleep(1);
          mutex.release();
        },
      }),
    );
    threads.forEach((t) => t.start());
    await sleep(gap * (waiters + 1));
    mutex.release();
    for (const t of threads) await t.join();
    const expected = threads.map((t) => t.name).join(",");
    if (admitted.join(",") !== expected) throw new Error(`admitted in order ${admitted.join(",")}, arrival order was ${expected}`);
  },

  /** A holder keeps the mutex for `holdMs` simulated ms; a waiting thread must sleep, not spin. */
  noBusyWait: (params: Params) => async () => {
    const holdMs = num(params, "holdMs", 1000);
    const mutex = new Mutex();
    const holder = new Thread({ name: "holder", target: async () => { await mutex.acquire(); await sleep(holdMs); mutex.release(); } });
    const waiter = new Thread({ name: "waiter", target: async () => { await sleep(1); await mutex.acquire(); mutex.release(); } });
    await joinAll([holder, waiter]);
  },

  /** tryAcquire fails while anyone holds or waits; releasing an unlocked mutex throws. */
  misuse: () => async () => {
    const mutex = new Mutex();
    if (mutex.locked()) throw new Error("a new mutex reports locked()");
    let threw = false;
    try {
      mutex.release();
    } catch {
      threw = true;
    }
    if (!threw) throw new Error("release() of an unlocked mutex did not throw");
    if (!mutex.tryAcquire()) throw new Error("tryAcquire() failed on a free mutex");
    if (mutex.tryAcquire()) throw new Error("tryAcquire() succeeded on a held mutex");
    const waiter = new Thread({ name: "waiter", target: async () => { await mutex.acquire(); await sleep(5); mutex.release(); } });
    waiter.start();
    await sleep(1);
    mutex.release();
    if (mutex.tryAcquire()) throw new Error("tryAcquire() succeeded while a woken waiter was due to hold the mutex");
    await waiter.join();
    if (mutex.locked()) throw new Error("mutex still locked after every holder released it");
  },

  /** `waiters` threads wait; one release() must admit exactly one of them. */
  handoff: (params: Params) => async () => {
    const waiters = num(params, "waiters", 3);
    const mutex = new Mutex();
    await mutex.acquire();
    let inside = 0;
    const threads = Array.from({ length: waiters }, (_, i) =>
      new Thread({
        name: `W${i + 1}`,
        target: async () => {
          await mutex.acquire();
          inside++;
          await sleep(100);
          inside--;
          mutex.release();
        },
      }),
    );
    threads.forEach((t) => t.start());
    await sleep(10);
    mutex.release();
    await sleep(50);
    if (inside !== 1) throw new Error(`one release() with ${waiters} threads waiting let ${inside} of them in`);
    if (!mutex.locked()) throw new Error("locked() is false while a woken waiter holds the mutex");
    for (const t of threads) await t.join();
    if (mutex.locked()) throw new Error("mutex still locked after every holder released it");
  },

  /** Releasing once too often throws, also after the mutex passed through other threads. */
  releaseTwice: (params: Params) => async () => {
    const threads = num(params, "threads", 1);
    const mutex = new Mutex();
    const users = Array.from({ length: threads }, (_, i) =>
      new Thread({ name: `T${i + 1}`, target: async () => { await mutex.acquire(); await sleep(1); mutex.release(); } }),
    );
    await joinAll(users);
    let threw = false;
    try {
      mutex.release();
    } catch {
      threw = true;
    }
    if (!threw) throw new Error("release() of a mutex nobody holds (it was released by its last holder) did not throw");
    if (mutex.locked()) throw new Error("locked() is true after the last release()");
    if (!mutex.tryAcquire()) throw new Error("tryAcquire() failed on a free mutex");
  },
};

// ---- Added by the content review (issue 12): what release() of an unlocked mutex throws.
export const reviewScenarios = {
  /** release() of a mutex that is not held throws an Error (not any value), and leaves the mutex usable. */
  releaseError: () => async () => {
    const mutex = new Mutex();
    const attempt = (when: string): void => {
      let thrown: unknown = undefined;
      let threw = false;
      try {
        mutex.release();
      } catch (error) {
        threw = true;
        thrown = error;
      }
      if (!threw) throw new Error(`release() of a mutex that is not held (${when}) did not throw`);
      if (!(thrown instanceof Error)) throw new Error(`release() of a mutex that is not held (${when}) threw ${JSON.stringify(thrown)}, which is not an Error`);
    };
    attempt("a new mutex");
    if (mutex.locked()) throw new Error("locked() is true after a refused release()");
    await mutex.acquire();
    mutex.release();
    attempt("after acquire() and release()");
    if (!mutex.tryAcquire()) throw new Error("tryAcquire() failed on a free mutex after a refused release()");
    mutex.release();
  },
};
Object.assign(scenarios, reviewScenarios);
