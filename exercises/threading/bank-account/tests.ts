import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one thread: deposits and refused withdrawals", async (t) => {
  await explore(t, "sequential", { amount: 30, ops: 4 });
}, { hint: "withdraw returns false and changes nothing when the balance does not cover the amount; the lock is released on every path." });

test("one deposit, one withdrawal", async (t) => {
  await explore(t, "depositWithdraw", { start: 5000, amount: 100, times: 1 });
}, { hint: "Reading the balance and writing it back are two steps: hold the lock around both." });

test("a depositor and a withdrawer", async (t) => {
  await explore(t, "depositWithdraw", { start: 5000, amount: 100, times: 3 });
}, { hint: "Every deposit and every withdrawal must happen inside the lock, or an update is lost." });

test("two withdrawals, funds for one", async (t) => {
  await explore(t, "overdraft", { start: 100, withdrawers: 2 });
}, { hint: "Check the funds and take them in one critical section." });

// ---------------------------------------------------------------- hidden

test("starting from an empty account", async (t) => {
  await explore(t, "depositWithdraw", { start: 0, amount: 50, times: 4 });
}, { hidden: true, hint: "The balance must never go negative, and refused withdrawals change nothing." });

test("several depositors and withdrawers", async (t) => {
  await explore(t, "depositWithdraw", { start: 200, amount: 100, times: 2, depositors: 2, withdrawers: 2 });
}, { hidden: true, hint: "Concurrent deposits must not lose each other's updates." });

test("other interleavings", async (t) => {
  await explore(t, "depositWithdraw", { start: 1000, amount: 250, times: 3 }, { baseSeed: 21, schedules: 300 });
}, { hidden: true, hint: "Lock around the whole read-modify-write of the balance in both functions." });

test("three withdrawals, funds for one", async (t) => {
  await explore(t, "overdraft", { start: 500, withdrawers: 3 });
}, { hidden: true, hint: "Between checking the funds and taking them, no other withdrawal may run." });

test("many withdrawals, funds for one", async (t) => {
  await explore(t, "overdraft", { start: 70, withdrawers: 4 });
}, { hidden: true, hint: "Exactly one withdrawal may succeed when the funds cover only one." });

test("one thread, a longer history", async (t) => {
  await explore(t, "sequential", { amount: 7, ops: 9 });
}, { hidden: true, hint: "Release the lock also when withdraw returns early (use lock.with or try/finally)." });
