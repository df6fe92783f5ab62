import type { Lock, Value } from "threading";

// Mutant: withdraw checks the funds in one critical section and takes them in another.

/** Adds `amount` to the shared balance. */
export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
  await lock.with(async () => {
    await balance.set((await balance.get()) + amount);
  });
}

/** Takes `amount` from the shared balance if the funds are there; returns whether it did. */
export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
  const enough = await lock.with(async () => (await balance.get()) >= amount);
  if (!enough) return false;
  await lock.with(async () => {
    await balance.set((await balance.get()) - amount);
  });
  return true;
}
