import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one writer, one reader", async (t) => {
  await explore(t, "counters", { writers: 1, readers: 1, times: 2 });
}, { requires: ["R1", "R2", "R5"], hint: "In some interleaving a reader saw a != b or the totals were not exact: each writer updates a and b in one critical section, each reader reads both in one." });

test("two writers, one reader", async (t) => {
  await explore(t, "counters", { writers: 2, readers: 1, times: 2 });
}, { requires: ["R1", "R2", "R5"], hint: "In some interleaving a reader saw a != b or the totals were not exact: each writer updates a and b in one critical section, each reader reads both in one." });

test("three writers, exact totals", async (t) => {
  await explore(t, "counters", { writers: 3, readers: 0, times: 2 });
}, { requires: ["R1", "R3"], hint: "The totals were not exact: another writer can come between get() and set() unless both happen while holding the lock." });

test("an update that throws releases the lock", async (t) => {
  await explore(t, "failingUpdate", { writers: 1, times: 1, failAt: 1 });
}, { requires: ["R4"], hint: "Release the lock in a finally block (or use lock.with), and let the error reach the caller." });

// ---------------------------------------------------------------- hidden

test("many writers and readers", async (t) => {
  await explore(t, "counters", { writers: 3, readers: 2, times: 3 });
}, { hidden: true, requires: ["R1", "R2", "R5"], hint: "In some interleaving a reader saw a != b or the totals were not exact: each writer updates a and b in one critical section, each reader reads both in one." });

test("one writer, several readers", async (t) => {
  await explore(t, "counters", { writers: 1, readers: 3, times: 3 });
}, { hidden: true, requires: ["R2", "R5"], hint: "In some interleaving a reader saw a != b or the totals were not exact: each writer updates a and b in one critical section, each reader reads both in one." });

test("four writers, exact totals", async (t) => {
  await explore(t, "counters", { writers: 4, readers: 0, times: 2 });
}, { hidden: true, requires: ["R1", "R3"], hint: "The totals were not exact: another writer can come between get() and set() unless both happen while holding the lock." });

test("writers and readers, other interleavings", async (t) => {
  await explore(t, "counters", { writers: 2, readers: 2, times: 2 }, { baseSeed: 7, schedules: 300 });
}, { hidden: true, requires: ["R1", "R2", "R5"], hint: "In some interleaving a reader saw a != b or the totals were not exact: each writer updates a and b in one critical section, each reader reads both in one." });

test("a failure among concurrent writers", async (t) => {
  await explore(t, "failingUpdate", { writers: 3, times: 2, failAt: 3 });
}, { hidden: true, requires: ["R4"], hint: "When an update throws inside the critical section, the lock must still be released and the error must reach the caller of writer." });

test("a failure half-way through", async (t) => {
  await explore(t, "failingUpdate", { writers: 1, times: 3, failAt: 2 });
}, { hidden: true, requires: ["R4"], hint: "When an update throws inside any critical section (not only the first), the lock must still be released and the error must reach the caller." });

// ---------------------------------------------------------------- content review (issue 12)

test("readers read both counters, times times", async (t) => {
  await explore(t, "readsBoth", { writers: 1, readers: 1, times: 3 });
}, { requires: ["R2", "R5"], hint: "reader returns exactly `times` pairs, each read from both a and b (a.get() and b.get()), in the order it saw them." });

test("several readers read both counters", async (t) => {
  await explore(t, "readsBoth", { writers: 2, readers: 2, times: 2 });
}, { hidden: true, requires: ["R2", "R5"], hint: "reader returns exactly `times` pairs, each read from both a and b (a.get() and b.get()), in the order it saw them." });
