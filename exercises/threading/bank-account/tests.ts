import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one thread: deposits and refused withdrawals", async (t) => {
  await explore(t, "sequential", { amount: 30, ops: 4 });
}, { requires: ["R1", "R2", "R4"], hint: "withdraw returns false and changes nothing when the balance does not cover the amount; the lock is released on every path." });

test("one deposit, one withdrawal", async (t) => {
  await explore(t, "depositWithdraw", { start: 5000, amount: 100, times: 1 });
}, { requires: ["R3"], hint: "In some interleaving an update was lost or the balance went negative: each operation reads and writes the balance inside one critical section." });

test("a depositor and a withdrawer", async (t) => {
  await explore(t, "depositWithdraw", { start: 5000, amount: 100, times: 3 });
}, { requires: ["R3"], hint: "In some interleaving an update was lost or the balance went negative: each operation reads and writes the balance inside one critical section." });

test("two withdrawals, funds for one", async (t) => {
  await explore(t, "overdraft", { start: 100, withdrawers: 2 });
}, { requires: ["R1", "R3"], hint: "With funds for exactly one withdrawal, exactly one of the concurrent withdrawals must succeed and the balance must end at 0." });

// ---------------------------------------------------------------- hidden

test("starting from an empty account", async (t) => {
  await explore(t, "depositWithdraw", { start: 0, amount: 50, times: 4 });
}, { hidden: true, requires: ["R2", "R3"], hint: "The balance must never go negative, and refused withdrawals change nothing." });

test("several depositors and withdrawers", async (t) => {
  await explore(t, "depositWithdraw", { start: 200, amount: 100, times: 2, depositors: 2, withdrawers: 2 });
}, { hidden: true, requires: ["R3"], hint: "In some interleaving an update was lost or the balance went negative: each operation reads and writes the balance inside one critical section." });

test("other interleavings", async (t) => {
  await explore(t, "depositWithdraw", { start: 1000, amount: 250, times: 3 }, { baseSeed: 21, schedules: 300 });
}, { hidden: true, requires: ["R3"], hint: "In some interleaving an update was lost or the balance went negative: each operation reads and writes the balance inside one critical section." });

test("three withdrawals, funds for one", async (t) => {
  await explore(t, "overdraft", { start: 500, withdrawers: 3 });
}, { hidden: true, requires: ["R1", "R3"], hint: "With funds for exactly one withdrawal, exactly one of the concurrent withdrawals must succeed and the balance must end at 0." });

test("many withdrawals, funds for one", async (t) => {
  await explore(t, "overdraft", { start: 70, withdrawers: 4 });
}, { hidden: true, requires: ["R1", "R3"], hint: "With funds for exactly one withdrawal, exactly one of the concurrent withdrawals must succeed and the balance must end at 0." });

test("one thread, a longer history", async (t) => {
  await explore(t, "sequential", { amount: 7, ops: 9 });
}, { hidden: true, requires: ["R1", "R2", "R4"], hint: "withdraw succeeds exactly when the balance covers the amount (also when it is exactly the balance), returns true or false, and releases the lock on every path." });
