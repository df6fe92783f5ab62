import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("two threads, mutual exclusion", async (t) => {
  await explore(t, "exclusion", { threads: 2, rounds: 2 });
}, { requires: ["R1"], hint: "In some interleaving two threads were between acquire() and release() at once, or a thread was never admitted." });

test("waiters admitted first come, first served", async (t) => {
  await explore(t, "fifo", { waiters: 3, gap: 10 });
}, { requires: ["R2", "R6"], hint: "Waiters are admitted in the order they called acquire(); while a woken waiter is due to hold the mutex, locked() stays true." });

test("a waiter sleeps instead of spinning", async (t) => {
  await explore(t, "noBusyWait", { holdMs: 1000 });
}, { requires: ["R3"], hint: "A waiting thread must await a promise that release() resolves, not loop on yieldThread()." });

test("tryAcquire, locked and releasing an unlocked mutex", async (t) => {
  await explore(t, "misuse");
}, { requires: ["R4", "R5", "R6"], hint: "tryAcquire() fails while the mutex is held or has waiters; release() of an unlocked mutex throws an Error." });

// ---------------------------------------------------------------- hidden

test("many threads, mutual exclusion", async (t) => {
  await explore(t, "exclusion", { threads: 4, rounds: 3 });
}, { hidden: true, requires: ["R1"], hint: "Never two threads between acquire() and release(), under every interleaving of many threads." });

test("mutual exclusion, other interleavings", async (t) => {
  await explore(t, "exclusion", { threads: 3, rounds: 2 }, { baseSeed: 11, schedules: 300 });
}, { hidden: true, requires: ["R1"], hint: "In some interleaving two threads were between acquire() and release() at once, or a thread was never admitted." });

test("one release admits exactly one waiter", async (t) => {
  await explore(t, "handoff", { waiters: 4 });
}, { hidden: true, requires: ["R2", "R6"], hint: "One release() admits exactly one waiter, and the mutex stays locked() while that waiter holds it." });

test("first come, first served with many waiters", async (t) => {
  await explore(t, "fifo", { waiters: 5, gap: 3 });
}, { hidden: true, requires: ["R2"], hint: "Admit waiters in the order they called acquire(), and do not let a woken waiter be overtaken." });

test("no busy-waiting during a long hold", async (t) => {
  await explore(t, "noBusyWait", { holdMs: 60000 });
}, { hidden: true, requires: ["R3"], hint: "A waiting thread takes no steps until it is woken." });

test("releasing once too often throws", async (t) => {
  await explore(t, "releaseTwice", { threads: 3 });
}, { hidden: true, requires: ["R5"], hint: "release() must throw whenever the mutex is not held, also after it has been used by other threads." });

// ---------------------------------------------------------------- content review (issue 12)

test("release() of an unlocked mutex throws an Error", async (t) => {
  await explore(t, "releaseError");
}, { hidden: true, requires: ["R5"], hint: "release() of a mutex that is not held must throw an Error object (throw new Error(...)), and leave the mutex usable." });
