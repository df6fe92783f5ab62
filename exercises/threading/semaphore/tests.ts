import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("acquire, release and getValue in one thread", async (t) => {
  await explore(t, "basics", { permits: 2 });
}, { requires: ["R3", "R4"], hint: "getValue() is the number of free permits; acquire() waits while it is 0 and is admitted by a release()." });

test("one permit, three tasks", async (t) => {
  await explore(t, "holders", { tasks: 3, permits: 1, rounds: 1 });
}, { requires: ["R1", "R2"], hint: "Never more holders than permits, and every waiting task must be admitted in the end." });

test("10 tasks, 3 permits (the course's example)", async (t) => {
  await explore(t, "holders", { tasks: 10, permits: 3, rounds: 1 });
}, { requires: ["R1", "R2", "R3"], hint: "Never more than n holders; every waiter must be admitted in the end." });

test("holders keep their permit a while", async (t) => {
  await explore(t, "queued", { tasks: 5, permits: 2, holdMs: 10 });
}, { requires: ["R1", "R2"], hint: "One release() admits one waiter as soon as the permit is free; never more holders than permits." });

// ---------------------------------------------------------------- hidden

test("10 tasks, 3 permits, twice each", async (t) => {
  await explore(t, "holders", { tasks: 10, permits: 3, rounds: 2 });
}, { hidden: true, requires: ["R1", "R3"], hint: "In some interleaving there were more holders than permits, a task was never admitted, or getValue() was wrong at the end: a permit is handed out once only." });

test("a semaphore used as a lock", async (t) => {
  await explore(t, "holders", { tasks: 4, permits: 1, rounds: 2 });
}, { hidden: true, requires: ["R1", "R2"], hint: "With one permit, at most one holder at a time, and every waiting task admitted in the end." });

test("other interleavings", async (t) => {
  await explore(t, "holders", { tasks: 6, permits: 2, rounds: 3 }, { baseSeed: 5, schedules: 300 });
}, { hidden: true, requires: ["R1", "R2"], hint: "In some interleaving there were more holders than permits or a waiting task was never admitted." });

test("many tasks waiting in turn", async (t) => {
  await explore(t, "queued", { tasks: 10, permits: 3, holdMs: 7 });
}, { hidden: true, requires: ["R2"], hint: "One release() wakes one waiter; every waiter is admitted as soon as a permit frees up." });

test("a semaphore that starts at 0", async (t) => {
  await explore(t, "basics", { permits: 0 });
}, { hidden: true, requires: ["R4", "R3"], hint: "With no permit, acquire() waits until some thread calls release()." });

test("many permits", async (t) => {
  await explore(t, "basics", { permits: 5 });
}, { hidden: true, requires: ["R3"], hint: "getValue() counts the free permits: it drops with each acquire() and is n again when every permit came back." });

// ---------------------------------------------------------------- content review (issue 12)

test("getValue() while a thread waits", async (t) => {
  await explore(t, "valueWhileWaiting", { permits: 1, waiters: 1 });
}, { requires: ["R3"], hint: "getValue() counts the free permits: it is 0 (never negative) while threads wait, and a permit handed to a waiting thread is not free." });

test("getValue() while several threads wait", async (t) => {
  await explore(t, "valueWhileWaiting", { permits: 2, waiters: 3 });
}, { hidden: true, requires: ["R3", "R2"], hint: "getValue() counts the free permits: it is 0 (never negative) while threads wait, and a permit handed to a waiting thread is not free." });

test("getValue() while threads wait on a semaphore that starts at 0", async (t) => {
  await explore(t, "valueWhileWaiting", { permits: 0, waiters: 2 });
}, { hidden: true, requires: ["R3", "R4"], hint: "getValue() counts the free permits: it is 0 (never negative) while threads wait, and a permit handed to a waiting thread is not free." });
