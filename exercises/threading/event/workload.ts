/** Student-side workload of threading/event (course 7.5.4). */
import { Thread, now, sleep, yieldThread } from "threading";
import { Event } from "student";
// Checks use built-ins captured before the student's code ran (see @autograder/shared/primordials).
import { primordials as P } from "threading";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

export const scenarios = {
  /** Several waiters and one setter, in any order: every waiter returns true once set. */
  broadcast: (params: Params) => async () => {
    const waiters = num(params, "waiters", 3);
    const event = new Event();
    const results: boolean[] = [];
    const threads = Array.from({ length: waiters }, (_, i) =>
      new Thread({ name: `waiter${i + 1}`, target: async () => { results.push(await event.wait()); } }),
    );
    const setter = new Thread({ name: "setter", target: async () => { await yieldThread(); event.set(); } });
    [...threads, setter].forEach((t) => t.start());
    for (const t of [...threads, setter]) await t.join();
    if (results.length !== waiters || P.ArrayPrototypeSome(results, (r: unknown) => r !== true)) throw new Error(`waiters returned ${P.JSONStringify(results)}`);
    if (!event.isSet()) throw new Error("isSet() is false after set()");
    if (!(await event.wait())) throw new Error("wait() after set() did not return true at once");
  },

  /** set, clear, and waits with timeouts measured in simulated time. */
  timeouts: (params: Params) => async () => {
    const first = num(params, "first", 50);
    const setAt = num(params, "setAt", 20);
    const second = num(params, "second", 100);
    const event = new Event();
    if (event.isSet()) throw new Error("a new event reports isSet()");
    const start = now();
    if (await event.wait(first)) throw new Error(`wait(${first}) on an unset event returned true`);
    if (now() - start !== first) throw new Error(`wait(${first}) returned after ${now() - start} simulated ms`);
    const setter = new Thread({ name: "setter", target: async () => { await sleep(setAt); event.set(); } });
    setter.start();
    if (!(await event.wait(second))) throw new Error(`wait(${second}) returned false although set() came ${setAt} ms after it began`);
    if (now() - start !== first + setAt) throw new Error(`wait(${second}) returned ${now() - start - first} ms after it began, set() came at ${setAt} ms`);
    event.clear();
    if (event.isSet()) throw new Error("isSet() is true after clear()");
    if (await event.wait(10)) throw new Error("wait(10) after clear() returned true");
    await setter.join();
  },

  /** Waiter i waits with a timeout of (i + 1) * step ms, one more without a timeout; set() comes at setAt. */
  mixed: (params: Params) => async () => {
    const waiters = num(params, "waiters", 3);
    const step = num(params, "step", 10);
    const setAt = num(params, "setAt", 25);
    const event = new Event();
    const got: string[] = [];
    const expected: string[] = [];
    const threads = Array.from({ length: waiters + 1 }, (_, i) => {
      const timeout = i < waiters ? (i + 1) * step : undefined;
      expected.push(timeout !== undefined && timeout < setAt ? `waiter${i + 1}: false at ${timeout} ms` : `waiter${i + 1}: true at ${setAt} ms`);
      return new Thread({
        name: `waiter${i + 1}`,
        target: async () => {
          const result = await event.wait(timeout);
          got[i] = `waiter${i + 1}: ${result} at ${now()} ms`;
        },
      });
    });
    const setter = new Thread({ name: "setter", target: async () => { await sleep(setAt); event.set(); } });
    [...threads, setter].forEach((t) => t.start());
    for (const t of [...threads, setter]) await t.join();
    for (let i = 0; i < expected.length; i++) {
      if (got[i] !== expected[i]) throw new Error(`expected ${expected[i]}, got ${got[i] ?? `waiter${i + 1} never returned`}`);
    }
  },

  /** `rounds` times: waiters wait, one thread sets, everybody wakes; then clear() resets the flag. */
  cycles: (params: Params) => async () => {
    const waiters = num(params, "waiters", 2);
    const rounds = num(params, "rounds", 2);
    const event = new Event();
    for (let round = 1; round <= rounds; round++) {
      let woken = 0;
      const threads = Array.from({ length: waiters }, (_, i) =>
        new Thread({ name: `r${round}-waiter${i + 1}`, target: async () => { if (await event.wait()) woken++; } }),
      );
      const setter = new Thread({ name: `r${round}-setter`, target: async () => { await yieldThread(); event.set(); } });
      [...threads, setter].forEach((t) => t.start());
      for (const t of [...threads, setter]) await t.join();
      if (woken !== waiters) throw new Error(`round ${round}: ${woken} of ${waiters} waiters returned true`);
      if (!event.isSet()) throw new Error(`round ${round}: isSet() is false after set()`);
      event.clear();
      if (event.isSet()) throw new Error(`round ${round}: isSet() is true after clear()`);
      if (await event.wait(5)) throw new Error(`round ${round}: wait(5) after clear() returned true`);
    }
  },
};

// ---- Added by the content review (issue 12): paths and boundaries the scenarios above never took.
export const reviewScenarios = {
  /** clear() while threads wait must not drop them: the next set() still wakes every one. */
  clearWhileWaiting: (params: Params) => async () => {
    const waiters = num(params, "waiters", 2);
    const event = new Event();
    const results: string[] = [];
    const threads = Array.from({ length: waiters }, (_, i) =>
      new Thread({ name: `waiter${i + 1}`, target: async () => { results.push(`waiter${i + 1}: ${await event.wait()}`); } }),
    );
    threads.forEach((t) => t.start());
    await sleep(10);
    event.clear();
    if (event.isSet()) throw new Error("isSet() is true after clear()");
    await sleep(10);
    if (results.length > 0) throw new Error(`clear() on an unset event woke waiters: ${results.join(", ")}`);
    event.set();
    for (const t of threads) await t.join();
    if (results.length !== waiters || results.some((r) => !r.endsWith("true"))) {
      throw new Error(`after clear() then set(), the waiters returned ${JSON.stringify(results)} (every waiter should return true)`);
    }
  },

  /** set() then clear() at once: every thread that was waiting when set() ran returns true. */
  setThenClear: (params: Params) => async () => {
    const waiters = num(params, "waiters", 3);
    const timeout = num(params, "timeout", 0);
    const event = new Event();
    const results: string[] = [];
    const threads = Array.from({ length: waiters }, (_, i) =>
      new Thread({
        name: `waiter${i + 1}`,
        target: async () => { results.push(`waiter${i + 1}: ${await event.wait(timeout > 0 ? timeout : undefined)} at ${now()} ms`); },
      }),
    );
    threads.forEach((t) => t.start());
    await sleep(5);
    event.set();
    event.clear();
    for (const t of threads) await t.join(timeout > 0 ? timeout * 2 : 1000);
    const expected = Array.from({ length: waiters }, (_, i) => `waiter${i + 1}: true at 5 ms`).sort();
    if (JSON.stringify([...results].sort()) !== JSON.stringify(expected)) {
      throw new Error(`set() then clear() at once: the waiters returned ${JSON.stringify(results.sort())}, expected ${JSON.stringify(expected)}`);
    }
    if (event.isSet()) throw new Error("isSet() is true after clear()");
  },

  /** wait(0) returns at once: false on an unset event, true on a set one, and no time passes. */
  waitZero: () => async () => {
    const event = new Event();
    const start = now();
    const unset = await event.wait(0);
    if (unset !== false) throw new Error(`wait(0) on an unset event: expected false at once, got ${JSON.stringify(unset)}`);
    if (now() !== start) throw new Error(`wait(0) returned after ${now() - start} simulated ms`);
    event.set();
    const set = await event.wait(0);
    if (set !== true) throw new Error(`wait(0) on a set event: expected true, got ${JSON.stringify(set)}`);
    if (now() !== start) throw new Error(`wait(0) on a set event took ${now() - start} simulated ms`);
  },

  /** Without a timeout wait() waits for ever: a set() long after still wakes it with true. */
  longWait: (params: Params) => async () => {
    const setAt = num(params, "setAt", 600_000);
    const event = new Event();
    let result: string = "never returned";
    const waiter = new Thread({ name: "waiter", target: async () => { result = `${await event.wait()} at ${now()} ms`; } });
    waiter.start();
    await sleep(setAt);
    if (result !== "never returned") throw new Error(`wait() without a timeout returned ${result}, before set() ran at ${setAt} ms`);
    event.set();
    await waiter.join();
    if (result !== `true at ${setAt} ms`) throw new Error(`wait() without a timeout: expected true at ${setAt} ms, got ${result}`);
  },

  /**
   * A wait(ms) woken early by set(), then clear(); later waiters wait while the first one's
   * timeout passes. That stale timeout must not take anyone else's place: the next set() wakes them all.
   */
  staleTimeout: (params: Params) => async () => {
    const timeout = num(params, "timeout", 100);
    const later = num(params, "later", 2);
    const event = new Event();
    const results: string[] = [];
    const first = new Thread({ name: "first", target: async () => { results.push(`first: ${await event.wait(timeout)} at ${now()} ms`); } });
    first.start();
    await sleep(10);
    event.set();
    event.clear();
    await first.join();
    const threads = Array.from({ length: later }, (_, i) =>
      new Thread({ name: `later${i + 1}`, target: async () => { results.push(`later${i + 1}: ${await event.wait()} at ${now()} ms`); } }),
    );
    threads.forEach((t) => t.start());
    await sleep(timeout * 2);
    event.set();
    for (const t of threads) await t.join(timeout);
    const expected = [`first: true at 10 ms`, ...Array.from({ length: later }, (_, i) => `later${i + 1}: true at ${10 + timeout * 2} ms`)];
    if (JSON.stringify([...results].sort()) !== JSON.stringify([...expected].sort())) {
      throw new Error(`after a wait(${timeout}) woken early, the waiters returned ${JSON.stringify(results)}, expected ${JSON.stringify(expected)}`);
    }
  },
};
Object.assign(scenarios, reviewScenarios);
