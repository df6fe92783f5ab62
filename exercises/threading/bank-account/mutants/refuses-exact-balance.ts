import type { Lock, Value } from "threading";

/** Adds `amount` to the shared balance. */
export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
  await lock.with(async () => {
    await balance.set((await balance.get()) + amount);
  });
}

/** Mutant: refuses a withdrawal of exactly the balance (<= where < was meant). */
export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
  return lock.with(async () => {
    const current = await balance.get();
    if (current <= amount) return false;
    await balance.set(current - amount);
    return true;
  });
}
