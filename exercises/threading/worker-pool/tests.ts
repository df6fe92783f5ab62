import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("map with a pool of 2", async (t) => {
  await explore(t, "map", { n: 2, items: 5 });
}, { hint: "map returns the results in the order of its items, whatever order the tasks finish in." });

test("applyAsync and a failing task", async (t) => {
  await explore(t, "applyAsync", { n: 2 });
}, { hint: "A task's error must come out of its AsyncResult.get(), and the worker must go on with the next task." });

test("a pool of one thread", async (t) => {
  await explore(t, "single");
}, { hint: "Tasks submitted while the only worker is busy wait in a queue and run one after another." });

test("jobs arriving one at a time", async (t) => {
  await explore(t, "trickle", { n: 3, jobs: 3, gap: 10 });
}, { hint: "An idle worker must be woken by the next applyAsync, even one submitted while the worker is about to go idle." });

// ---------------------------------------------------------------- hidden

test("map with more items than threads", async (t) => {
  await explore(t, "map", { n: 3, items: 8 });
}, { hidden: true, hint: "At most n tasks at once, on the pool's own n threads, reused for every task." });

test("map with a pool of one", async (t) => {
  await explore(t, "map", { n: 1, items: 4 });
}, { hidden: true, hint: "Never start a thread per task: the pool's workers take tasks from a queue." });

test("map, other interleavings", async (t) => {
  await explore(t, "map", { n: 4, items: 6 }, { baseSeed: 13, schedules: 300 });
}, { hidden: true, hint: "A woken worker may find the queue empty again (another worker took the job): check again in a loop." });

test("applyAsync with a larger pool", async (t) => {
  await explore(t, "applyAsync", { n: 3 });
}, { hidden: true, hint: "get() rejects with the very error the task threw." });

test("many jobs arriving one at a time", async (t) => {
  await explore(t, "trickle", { n: 2, jobs: 5, gap: 3 });
}, { hidden: true, hint: "Check for a job and register as idle in one step, with no await in between." });

test("close while tasks are queued", async (t) => {
  await explore(t, "closeWhileBusy", { n: 4, tasks: 3 });
}, { hidden: true, hint: "close() lets queued tasks finish and wakes idle workers so they end; join() waits for every worker; applyAsync after close() throws." });
