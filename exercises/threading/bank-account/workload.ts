/** Student-side workload of threading/bank-account (course 6.9.3). */
import { Lock, Thread, Value } from "threading";
import { deposit, withdraw } from "student";
// Checks use built-ins captured before the student's code ran (see @autograder/shared/primordials).
import { primordials as P } from "threading";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

async function run(threads: Thread[]): Promise<void> {
  threads.forEach((t) => t.start());
  for (const t of threads) await t.join();
}

export const scenarios = {
  /** `depositors` threads deposit and `withdrawers` threads withdraw, `times` operations of `amount` each. */
  depositWithdraw: (params: Params) => async () => {
    const start = num(params, "start", 5000);
    const amount = num(params, "amount", 100);
    const times = num(params, "times", 3);
    const depositors = num(params, "depositors", 1);
    const withdrawers = num(params, "withdrawers", 1);
    const balance = new Value(start, "balance");
    const lock = new Lock("lock");
    let withdrawn = 0;
    await run([
      ...Array.from({ length: depositors }, (_, i) =>
        new Thread({ name: `depositor${i + 1}`, target: async () => { for (let k = 0; k < times; k++) await deposit(balance, lock, amount); } }),
      ),
      ...Array.from({ length: withdrawers }, (_, i) =>
        new Thread({
          name: `withdrawer${i + 1}`,
          target: async () => {
            for (let k = 0; k < times; k++) if (await withdraw(balance, lock, amount)) withdrawn += amount;
          },
        }),
      ),
    ]);
    const final = await balance.get();
    if (final < 0) throw new Error(`the balance went negative: ${final}`);
    const expected = start + depositors * times * amount - withdrawn;
    if (final !== expected) throw new Error(`final balance ${final}, expected ${expected} (start ${start}, deposited ${depositors * times * amount}, withdrawn ${withdrawn})`);
  },

  /** `withdrawers` withdrawals compete for funds that cover only one of them. */
  overdraft: (params: Params) => async () => {
    const start = num(params, "start", 100);
    const withdrawers = num(params, "withdrawers", 2);
    const balance = new Value(start, "balance");
    const lock = new Lock("lock");
    const results: boolean[] = [];
    await run(Array.from({ length: withdrawers }, (_, i) => new Thread({ name: `withdrawer${i + 1}`, target: async () => { results.push(await withdraw(balance, lock, start)); } })));
    const final = await balance.get();
    if (final < 0) throw new Error(`the balance went negative: ${final}`);
    const succeeded = results.filter(Boolean).length;
    if (succeeded !== 1 || final !== 0) throw new Error(`${succeeded} withdrawals of ${start} succeeded from ${start}, final balance ${final}`);
    await deposit(balance, lock, 50);
    if (await withdraw(balance, lock, 60)) throw new Error("withdrew 60 from a balance of 50");
    await deposit(balance, lock, 10);
    if ((await balance.get()) !== 60) throw new Error(`balance ${await balance.get()} after deposits of 50 and 10`);
  },

  /** One thread: `ops` alternating deposits of `amount` and withdrawals of `2 * amount`; refused ones change nothing. */
  sequential: (params: Params) => async () => {
    const amount = num(params, "amount", 30);
    const ops = num(params, "ops", 4);
    const balance = new Value(0, "balance");
    const lock = new Lock("lock");
    let expected = 0;
    for (let i = 0; i < ops; i++) {
      await deposit(balance, lock, amount);
      expected += amount;
      const ok = await withdraw(balance, lock, 2 * amount);
      if (ok !== expected >= 2 * amount) throw new Error(`withdraw(${2 * amount}) from a balance of ${expected} returned ${ok}`);
      if (ok) expected -= 2 * amount;
      const now = await balance.get();
      if (now !== expected) throw new Error(`balance ${now}, expected ${expected}`);
    }
    if (lock.locked()) throw new Error("the lock is still held after every operation returned");
  },
};
