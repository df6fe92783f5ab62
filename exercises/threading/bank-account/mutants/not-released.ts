import type { Lock, Value } from "threading";

// Mutant: withdraw returns early on insufficient funds without releasing the lock.

/** Adds `amount` to the shared balance. */
export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
  await lock.with(async () => {
    await balance.set((await balance.get()) + amount);
  });
}

/** Takes `amount` from the shared balance if the funds are there; returns whether it did. */
export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
  await lock.acquire();
  const current = await balance.get();
  if (current < amount) return false;
  await balance.set(current - amount);
  lock.release();
  return true;
}
