import type { Lock, Value } from "threading";

// Mutant: deposit reads and writes without the lock (the lost update).

/** Adds `amount` to the shared balance. */
export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
  await balance.set((await balance.get()) + amount);
}

/** Takes `amount` from the shared balance if the funds are there; returns whether it did. */
export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
  return lock.with(async () => {
    const current = await balance.get();
    if (current < amount) return false;
    await balance.set(current - amount);
    return true;
  });
}
