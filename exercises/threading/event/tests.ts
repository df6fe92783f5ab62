import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one waiter, one setter", async (t) => {
  await explore(t, "broadcast", { waiters: 1 });
}, { requires: ["R1", "R3"], hint: "wait() resolves true once set() has run, whichever thread runs first." });

test("set() wakes every waiter", async (t) => {
  await explore(t, "broadcast", { waiters: 3 });
}, { requires: ["R4"], hint: "set() must wake all the waiting threads, not only the first." });

test("timeouts in simulated time", async (t) => {
  await explore(t, "timeouts", { first: 50, setAt: 20, second: 100 });
}, { requires: ["R1", "R5"], hint: "wait(ms) resolves false after ms simulated milliseconds (sleep in a daemon Thread), or true as soon as set() runs." });

test("set and clear, twice", async (t) => {
  await explore(t, "cycles", { waiters: 2, rounds: 2 });
}, { requires: ["R1", "R2", "R4"], hint: "set() keeps the flag set until clear(); a wait() on a set event returns true at once." });

// ---------------------------------------------------------------- hidden

test("many waiters", async (t) => {
  await explore(t, "broadcast", { waiters: 5 });
}, { hidden: true, requires: ["R4"], hint: "set() must wake every thread that waits, including one that starts waiting while set() runs." });

test("many waiters, other interleavings", async (t) => {
  await explore(t, "broadcast", { waiters: 3 }, { baseSeed: 3, schedules: 300 });
}, { hidden: true, requires: ["R4"], hint: "In some interleaving a waiter was not woken by set(): set() must wake every waiter, whenever it started waiting." });

test("other timeouts", async (t) => {
  await explore(t, "timeouts", { first: 7, setAt: 33, second: 40 });
}, { hidden: true, requires: ["R5"], hint: "wait(ms) returns false exactly ms simulated ms after it was called, or true at the moment set() runs if that comes first." });

test("waiters with and without timeouts", async (t) => {
  await explore(t, "mixed", { waiters: 3, step: 10, setAt: 25 });
}, { hidden: true, requires: ["R5", "R6", "R8"], hint: "Each wait() has its own timeout: a waiter whose timeout passed returns false, the others true when set() runs." });

test("many waiters with timeouts", async (t) => {
  await explore(t, "mixed", { waiters: 5, step: 4, setAt: 13 });
}, { hidden: true, requires: ["R5", "R6"], hint: "Each wait() has its own timeout: a waiter whose timeout passed returns false, the others true when set() runs." });

test("repeated set and clear", async (t) => {
  await explore(t, "cycles", { waiters: 3, rounds: 3 });
}, { hidden: true, requires: ["R1", "R4"], hint: "After clear(), waiters wait again until the next set(), and every one of them is woken by it." });

// ---------------------------------------------------------------- content review (issue 12)

test("clear() while threads wait", async (t) => {
  await explore(t, "clearWhileWaiting", { waiters: 2 });
}, { requires: ["R2", "R4"], hint: "clear() only resets the flag: the threads already waiting keep waiting, and the next set() wakes them with true." });

test("set() then clear() at once", async (t) => {
  await explore(t, "setThenClear", { waiters: 3 });
}, { hidden: true, requires: ["R3"], hint: "A thread that was waiting when set() ran returns true, even if clear() runs right after set()." });

test("set() then clear() at once, with timeouts", async (t) => {
  await explore(t, "setThenClear", { waiters: 2, timeout: 50 });
}, { hidden: true, requires: ["R3", "R5"], hint: "A thread that was waiting when set() ran returns true at that moment, even if clear() runs right after set()." });

test("wait(0)", async (t) => {
  await explore(t, "waitZero");
}, { hidden: true, requires: ["R7"], hint: "wait(0) returns at once, without waiting: false on an unset event, true on a set one." });

test("a wait without timeout, set ten minutes later", async (t) => {
  await explore(t, "longWait", { setAt: 600_000 });
}, { hidden: true, requires: ["R8"], hint: "Without a timeout wait() waits for ever: it returns true when set() finally runs, however late." });

test("clear() while many threads wait", async (t) => {
  await explore(t, "clearWhileWaiting", { waiters: 4 });
}, { hidden: true, requires: ["R2", "R4"], hint: "clear() only resets the flag: the threads already waiting keep waiting, and the next set() wakes them with true." });

test("a long wait(ms) woken by set() early", async (t) => {
  await explore(t, "setThenClear", { waiters: 2, timeout: 600_000 }, { maxTime: 60_000 });
}, { hidden: true, requires: ["R5"], hint: "Once set() has woken a wait(ms), nothing of that wait may keep the program alive: give up in a daemon Thread, which does not keep the program alive." });

test("a woken wait(ms)'s timeout passes while others wait", async (t) => {
  await explore(t, "staleTimeout", { timeout: 100, later: 2 });
}, { hidden: true, requires: ["R5", "R6"], hint: "When a waiter's timeout fires after set() already woke it, it must change nothing: only a waiter still in the list may be removed, and only itself." });
