import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("acquire, release and getValue in one thread", async (t) => {
  await explore(t, "basics", { permits: 2 });
}, { hint: "getValue() is the number of free permits; acquire() waits while it is 0." });

test("one permit, three tasks", async (t) => {
  await explore(t, "holders", { tasks: 3, permits: 1, rounds: 1 });
}, { hint: "Between seeing a free permit and taking it, no other thread may run: do not await in between." });

test("10 tasks, 3 permits (the course's example)", async (t) => {
  await explore(t, "holders", { tasks: 10, permits: 3, rounds: 1 });
}, { hint: "Never more than n holders; every waiter must be admitted in the end." });

test("holders keep their permit a while", async (t) => {
  await explore(t, "queued", { tasks: 5, permits: 2, holdMs: 10 });
}, { hint: "A waiting thread awaits a promise that release() resolves; release() hands the permit to one waiter." });

// ---------------------------------------------------------------- hidden

test("10 tasks, 3 permits, twice each", async (t) => {
  await explore(t, "holders", { tasks: 10, permits: 3, rounds: 2 });
}, { hidden: true, hint: "A permit handed to a waiter must not also be counted as free: never hand out a permit twice." });

test("a semaphore used as a lock", async (t) => {
  await explore(t, "holders", { tasks: 4, permits: 1, rounds: 2 });
}, { hidden: true, hint: "A woken waiter must not compete with a newcomer for the released permit." });

test("other interleavings", async (t) => {
  await explore(t, "holders", { tasks: 6, permits: 2, rounds: 3 }, { baseSeed: 5, schedules: 300 });
}, { hidden: true, hint: "Check for a permit and take it (or register as a waiter) in one step, with no await in between." });

test("many tasks waiting in turn", async (t) => {
  await explore(t, "queued", { tasks: 10, permits: 3, holdMs: 7 });
}, { hidden: true, hint: "One release() wakes one waiter; every waiter is admitted as soon as a permit frees up." });

test("a semaphore that starts at 0", async (t) => {
  await explore(t, "basics", { permits: 0 });
}, { hidden: true, hint: "With no permit, acquire() waits until some thread calls release()." });

test("many permits", async (t) => {
  await explore(t, "basics", { permits: 5 });
}, { hidden: true, hint: "getValue() must count every permit given back." });
