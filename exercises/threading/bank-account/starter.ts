import type { Lock, Value } from "threading";

/** Adds `amount` to the shared balance. Other threads use the same balance at the same time. */
export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
  const current = await balance.get();
  await balance.set(current + amount);
}

/** Takes `amount` from the shared balance if the funds are there; returns whether it did. */
export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
  const current = await balance.get();
  if (current < amount) return false;
  await balance.set(current - amount);
  return true;
}
