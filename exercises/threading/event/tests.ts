import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one waiter, one setter", async (t) => {
  await explore(t, "broadcast", { waiters: 1 });
}, { hint: "wait() resolves true once set() has run, whichever thread runs first." });

test("set() wakes every waiter", async (t) => {
  await explore(t, "broadcast", { waiters: 3 });
}, { hint: "set() must wake all the waiting threads, not only the first." });

test("timeouts in simulated time", async (t) => {
  await explore(t, "timeouts", { first: 50, setAt: 20, second: 100 });
}, { hint: "wait(ms) resolves false after ms simulated milliseconds (sleep in a daemon Thread), or true as soon as set() runs." });

test("set and clear, twice", async (t) => {
  await explore(t, "cycles", { waiters: 2, rounds: 2 });
}, { hint: "set() keeps the flag set until clear(); a wait() on a set event returns true at once." });

// ---------------------------------------------------------------- hidden

test("many waiters", async (t) => {
  await explore(t, "broadcast", { waiters: 5 });
}, { hidden: true, hint: "Every waiter must be woken by set(), including one that decides to wait at the moment set() runs." });

test("many waiters, other interleavings", async (t) => {
  await explore(t, "broadcast", { waiters: 3 }, { baseSeed: 3, schedules: 300 });
}, { hidden: true, hint: "Check the flag and register as a waiter in one step: no await between the two." });

test("other timeouts", async (t) => {
  await explore(t, "timeouts", { first: 7, setAt: 33, second: 40 });
}, { hidden: true, hint: "A wait with a timeout returns false exactly when the timeout passes, and true at the moment set() runs if that comes first." });

test("waiters with and without timeouts", async (t) => {
  await explore(t, "mixed", { waiters: 3, step: 10, setAt: 25 });
}, { hidden: true, hint: "Each wait() has its own timeout; a timed-out waiter returns false, the others true when set() runs." });

test("many waiters with timeouts", async (t) => {
  await explore(t, "mixed", { waiters: 5, step: 4, setAt: 13 });
}, { hidden: true, hint: "A timeout must remove only its own waiter; a waiter woken by set() returns true." });

test("repeated set and clear", async (t) => {
  await explore(t, "cycles", { waiters: 3, rounds: 3 });
}, { hidden: true, hint: "After clear(), waiters wait again until the next set()." });
