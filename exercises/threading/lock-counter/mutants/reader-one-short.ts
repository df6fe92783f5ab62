import type { Lock, Value } from "threading";

export interface Counters {
  a: Value<number>;
  b: Value<number>;
}

/** Increments a and b together, `times` times, so that nobody ever sees them differ. */
export async function writer(counters: Counters, lock: Lock, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await lock.with(async () => {
      await counters.a.set((await counters.a.get()) + 1);
      await counters.b.set((await counters.b.get()) + 1);
    });
  }
}

/** Mutant: an off-by-one loop: the reader reads the pair times - 1 times. */
export async function reader(counters: Counters, lock: Lock, times: number): Promise<Array<[number, number]>> {
  const seen: Array<[number, number]> = [];
  for (let i = 1; i < times; i++) {
    await lock.with(async () => {
      seen.push([await counters.a.get(), await counters.b.get()]);
    });
  }
  return seen;
}
