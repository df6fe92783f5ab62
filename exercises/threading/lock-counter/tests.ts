import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one writer, one reader", async (t) => {
  await explore(t, "counters", { writers: 1, readers: 1, times: 2 });
}, { hint: "The reader must never see a between the writer's update of a and its update of b." });

test("two writers, one reader", async (t) => {
  await explore(t, "counters", { writers: 2, readers: 1, times: 2 });
}, { hint: "Hold the lock around both updates (a and b) in one critical section, and around both reads." });

test("three writers, exact totals", async (t) => {
  await explore(t, "counters", { writers: 3, readers: 0, times: 2 });
}, { hint: "get() and set() are two steps: another writer can come between them unless you hold the lock." });

test("an update that throws releases the lock", async (t) => {
  await explore(t, "failingUpdate", { writers: 1, times: 1, failAt: 1 });
}, { hint: "Release the lock in a finally block (or use lock.with), and let the error reach the caller." });

// ---------------------------------------------------------------- hidden

test("many writers and readers", async (t) => {
  await explore(t, "counters", { writers: 3, readers: 2, times: 3 });
}, { hidden: true, hint: "Readers must take the same lock as the writers, around reading both counters." });

test("one writer, several readers", async (t) => {
  await explore(t, "counters", { writers: 1, readers: 3, times: 3 });
}, { hidden: true, hint: "Every read of the pair (a, b) must happen while holding the lock the writers use." });

test("four writers, exact totals", async (t) => {
  await explore(t, "counters", { writers: 4, readers: 0, times: 2 });
}, { hidden: true, hint: "Lost updates: read-modify-write of a counter must be inside the critical section." });

test("writers and readers, other interleavings", async (t) => {
  await explore(t, "counters", { writers: 2, readers: 2, times: 2 }, { baseSeed: 7, schedules: 300 });
}, { hidden: true, hint: "Update a and b in one critical section, not two: a reader can come between two sections." });

test("a failure among concurrent writers", async (t) => {
  await explore(t, "failingUpdate", { writers: 3, times: 2, failAt: 3 });
}, { hidden: true, hint: "When an update throws inside the critical section, the lock must still be released so the other threads can go on." });

test("a failure half-way through", async (t) => {
  await explore(t, "failingUpdate", { writers: 1, times: 3, failAt: 2 });
}, { hidden: true, hint: "Use try/finally (or lock.with) for every critical section, not only the first one." });
