/** Student-side workload of threading/lock-counter (course 7.5.4). */
import { Lock, Thread, Value } from "threading";
import { reader, writer } from "student";
// Checks use built-ins captured before the student's code ran (see @autograder/shared/primordials).
import { primordials as P } from "threading";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

/** A Value whose n-th write throws once (a failing update inside the critical section). */
class FlakyValue extends Value<number> {
  #writes = 0;
  readonly #failAt: number;
  constructor(initial: number, name: string, failAt: number) {
    super(initial, name);
    this.#failAt = failAt;
  }
  override async set(value: number): Promise<void> {
    if (++this.#writes === this.#failAt) throw new Error("simulated failure while updating");
    await super.set(value);
  }
}
// The student's code gets these objects: it must not be able to patch the class.
P.deepFreeze(FlakyValue);

export const scenarios = {
  /** W writers and R readers: readers never see a != b, totals are exact. */
  counters: (params: Params) => async () => {
    const writers = num(params, "writers", 2);
    const readers = num(params, "readers", 1);
    const times = num(params, "times", 2);
    const a0 = new Value(0, "a");
    const b0 = new Value(0, "b");
    const counters = P.ObjectFreeze({ a: a0, b: b0 });
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
    const a = await a0.get();
    const b = await b0.get();
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
    const counters = P.ObjectFreeze({ a: new FlakyValue(0, "a", failAt), b: new Value(0, "b") });
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
    if (P.ArrayPrototypeSome(threads, (t: Thread) => t.isAlive())) throw new Error("a writer never got the lock after an update threw inside the critical section");
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
