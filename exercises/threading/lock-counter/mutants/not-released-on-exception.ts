import type { Lock, Value } from "threading";

export interface Counters {
  a: Value<number>;
  b: Value<number>;
}

/**
 * Mutant: acquire/release without try/finally. The workload's counters throw once on a write
 * (a simulated failure the writer lets propagate); the lock then stays held forever.
 */
export async function writer(counters: Counters, lock: Lock, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await lock.acquire();
    await counters.a.set((await counters.a.get()) + 1);
    await counters.b.set((await counters.b.get()) + 1);
    lock.release();
  }
}

export async function reader(counters: Counters, lock: Lock, times: number): Promise<Array<[number, number]>> {
  const seen: Array<[number, number]> = [];
  for (let i = 0; i < times; i++) {
    await lock.acquire();
    seen.push([await counters.a.get(), await counters.b.get()]);
    lock.release();
  }
  return seen;
}
