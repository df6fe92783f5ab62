/** Student-side workload of threading/lock-counter (course 7.5.4). */
import { Lock, Thread, Value } from "threading";
import { reader, writer } from "student";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

/** A Value whose n-th write throws once (a failing update inside the critical section). */
class FlakyValue extends Value<number> {
  private writes = 0;
  constructor(initial: number, name: string, private readonly failAt: number) {
    super(initial, name);
  }
  override async set(value: number): Promise<void> {
    if (++this.writes === this.failAt) throw new Error("simulated failure while updating");
    await super.set(value);
  }
}

export const scenarios = {
  /** W writers and R readers: readers never see a != b, totals are exact. */
  counters: (params: Params) => async () => {
    const writers = num(params, "writers", 2);
    const readers = num(params, "readers", 1);
    const times = num(params, "times", 2);
    const counters = { a: new Value(0, "a"), b: new Value(0, "b") };
    const lock = new Lock("lock");
    const seen: Array<Array<[number, number]>> = [];
    const threads = [
      ...Array.from({ length: writers }, (_, i) => new Thread({ name: `writer${i + 1}`, target: () => writer(counters, lock, times) })),
      ...Array.from({ length: readers }, (_, i) =>
        new Thread({ name: `reader${i + 1}`, target: async () => { seen.push(await reader(counters, lock, times + 1)); } }),
      ),
    ];
    threads.forEach((t) => t.start());
    for (const t of threads) await t.join();
    for (const pairs of seen) {
      for (const [a, b] of pairs) if (a !== b) throw new Error(`a reader saw a = ${a}, b = ${b}`);
    }
    const [a, b] = [await counters.a.get(), await counters.b.get()];
    if (a !== writers * times || b !== writers * times) throw new Error(`totals a = ${a}, b = ${b}, expected ${writers * times} each`);
  },

  /**
   * `writers` writers run at once; the `failAt`-th write of `a` (counted over every writer) throws
   * inside the critical section. The lock must still be released: the other writers finish and a
   * reader that comes afterwards gets in and sees a == b.
   */
  failingUpdate: (params: Params) => async () => {
    const writers = num(params, "writers", 1);
    const times = num(params, "times", 1);
    const failAt = num(params, "failAt", 1);
    const counters = { a: new FlakyValue(0, "a", failAt), b: new Value(0, "b") };
    const lock = new Lock("lock");
    let failures = 0;
    const threads = Array.from({ length: writers }, (_, i) =>
      new Thread({
        name: `writer${i + 1}`,
        target: async () => {
          try {
            await writer(counters, lock, times);
          } catch {
            failures++; // the simulated failure, expected once
          }
        },
      }),
    );
    threads.forEach((t) => t.start());
    for (const t of threads) await t.join(1000);
    if (threads.some((t) => t.isAlive())) throw new Error("a writer never got the lock after an update threw inside the critical section");
    if (failures !== 1) throw new Error(`${failures} writers saw the simulated failure, expected exactly 1 (an error thrown inside the critical section must reach the caller)`);
    const reader1 = new Thread({
      name: "reader",
      target: async () => {
        for (const [a, b] of await reader(counters, lock, 1)) if (a !== b) throw new Error(`the reader saw a = ${a}, b = ${b}`);
      },
    });
    reader1.start();
    await reader1.join(1000);
    if (reader1.isAlive()) throw new Error("the lock stayed held after an update threw inside the critical section");
  },
};

// ---- Added by the content review (issue 12): the reader must really read both counters, `times` times.
import { currentThread } from "threading";
/** A Value that counts the get() calls made by each thread. */
class CountingValue extends Value<number> {
  readonly reads = new Map<string, number>();
  override async get(): Promise<number> {
    const name = currentThread().name;
    this.reads.set(name, (this.reads.get(name) ?? 0) + 1);
    return super.get();
  }
}

export const reviewScenarios = {
  /**
   * Readers return exactly `times` pairs, each read from both counters (a reader reporting (a, a)
   * would always "see" a == b), in non-decreasing order; a reader after the writers sees the totals.
   */
  readsBoth: (params: Params) => async () => {
    const writers = num(params, "writers", 2);
    const readers = num(params, "readers", 2);
    const times = num(params, "times", 2);
    const counters = { a: new CountingValue(0, "a"), b: new CountingValue(0, "b") };
    const lock = new Lock("lock");
    const seen = new Map<string, Array<[number, number]>>();
    const readerThread = (name: string, count: number) =>
      new Thread({ name, target: async () => { seen.set(name, await reader(counters, lock, count)); } });
    const threads = [
      ...Array.from({ length: writers }, (_, i) => new Thread({ name: `writer${i + 1}`, target: () => writer(counters, lock, times) })),
      ...Array.from({ length: readers }, (_, i) => readerThread(`reader${i + 1}`, times)),
    ];
    threads.forEach((t) => t.start());
    for (const t of threads) await t.join();
    const total = writers * times;
    for (const [name, pairs] of seen) {
      if (!Array.isArray(pairs) || pairs.length !== times) throw new Error(`reader(counters, lock, ${times}) in ${name} returned ${JSON.stringify(pairs)}: expected ${times} pairs`);
      for (const [counter, value] of [["a", counters.a], ["b", counters.b]] as const) {
        const reads = value.reads.get(name) ?? 0;
        if (reads < times) throw new Error(`${name} called ${counter}.get() ${reads} times to report ${times} pairs: each pair must be read from both counters`);
      }
      for (let i = 0; i < pairs.length; i++) {
        const [a, b] = pairs[i] ?? [];
        if (a !== b) throw new Error(`${name} saw a = ${a}, b = ${b}`);
        if (typeof a !== "number" || a < 0 || a > total || (i > 0 && a < (pairs[i - 1]?.[0] ?? 0))) throw new Error(`${name} returned the pairs ${JSON.stringify(pairs)}: counters only grow, from 0 to ${total}`);
      }
    }
    const last = readerThread("lastReader", 1);
    last.start();
    await last.join();
    const final = seen.get("lastReader");
    if (JSON.stringify(final) !== JSON.stringify([[total, total]])) throw new Error(`a reader after ${writers} writers of ${times} increments returned ${JSON.stringify(final)}, expected [[${total},${total}]]`);
  },
};
Object.assign(scenarios, reviewScenarios);
