import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("map with a pool of 2", async (t) => {
  await explore(t, "map", { n: 2, items: 5 });
}, { requires: ["R1", "R2"], hint: "map returns the results in the order of its items, whatever order the tasks finish in." });

test("applyAsync and a failing task", async (t) => {
  await explore(t, "applyAsync", { n: 2 });
}, { requires: ["R3", "R5"], hint: "A task's error must come out of its AsyncResult.get(), and the worker must go on with the next task." });

test("a pool of one thread", async (t) => {
  await explore(t, "single");
}, { requires: ["R1", "R4"], hint: "Tasks submitted while the only worker is busy wait in a queue and run one after another." });

test("jobs arriving one at a time", async (t) => {
  await explore(t, "trickle", { n: 3, jobs: 3, gap: 10 });
}, { requires: ["R4"], hint: "An idle worker must be woken by the next applyAsync, even one submitted while the worker is about to go idle." });

// ---------------------------------------------------------------- hidden

test("map with more items than threads", async (t) => {
  await explore(t, "map", { n: 3, items: 8 });
}, { hidden: true, requires: ["R1", "R2"], hint: "At most n tasks at once, on the pool's own n threads, reused for every task." });

test("map with a pool of one", async (t) => {
  await explore(t, "map", { n: 1, items: 4 });
}, { hidden: true, requires: ["R1", "R2"], hint: "At most n tasks at once, on the pool's own n threads: every task submitted must run, on a pool thread." });

test("map, other interleavings", async (t) => {
  await explore(t, "map", { n: 4, items: 6 }, { baseSeed: 13, schedules: 300 });
}, { hidden: true, requires: ["R1", "R2", "R4"], hint: "In some interleaving a task did not run, ran twice, ran beyond n at once, or map's order was wrong." });

test("applyAsync with a larger pool", async (t) => {
  await explore(t, "applyAsync", { n: 3 });
}, { hidden: true, requires: ["R3", "R5"], hint: "get() returns the task's result, or rejects with the very error the task threw; the worker goes on." });

test("many jobs arriving one at a time", async (t) => {
  await explore(t, "trickle", { n: 2, jobs: 5, gap: 3 });
}, { hidden: true, requires: ["R4"], hint: "An idle worker must be woken by the next applyAsync, whenever it is submitted, and each job runs exactly once." });

test("close while tasks are queued", async (t) => {
  await explore(t, "closeWhileBusy", { n: 4, tasks: 3 });
}, { hidden: true, requires: ["R6", "R7"], hint: "close() lets queued tasks finish and wakes idle workers so they end; join() waits for every worker; applyAsync after close() throws." });

// ---------------------------------------------------------------- content review (issue 12)

test("close() with more queued tasks than workers", async (t) => {
  await explore(t, "closeWhileBusy", { n: 2, tasks: 6 });
}, { requires: ["R6", "R7", "R1"], hint: "Tasks submitted before close() all still run, even those waiting in the queue; join() returns once they have and every worker has ended." });

test("close() with many more queued tasks than workers", async (t) => {
  await explore(t, "closeWhileBusy", { n: 1, tasks: 5 });
}, { hidden: true, requires: ["R6", "R7", "R1"], hint: "Tasks submitted before close() all still run, even those waiting in the queue; join() returns once they have and every worker has ended." });

test("tasks that throw synchronously", async (t) => {
  await explore(t, "throwing", { n: 1 });
}, { requires: ["R3", "R5"], hint: "A plain function that throws: get() rejects with exactly the value it threw, and its worker takes the next task." });

test("tasks that throw synchronously, larger pool", async (t) => {
  await explore(t, "throwing", { n: 2 });
}, { hidden: true, requires: ["R3", "R5"], hint: "A plain function that throws: get() rejects with exactly the value it threw, and its worker takes the next task." });

test("ready() while a task runs", async (t) => {
  await explore(t, "readiness", { n: 1, runMs: 20 });
}, { requires: ["R5"], hint: "ready() is false while the task runs and true once it has returned (even undefined) or thrown." });

test("ready() while tasks run, larger pool", async (t) => {
  await explore(t, "readiness", { n: 3, runMs: 8 });
}, { hidden: true, requires: ["R5"], hint: "ready() is false while the task runs and true once it has returned (even undefined) or thrown." });

test("the arguments a task gets", async (t) => {
  await explore(t, "argumentsPassed", { n: 2 });
}, { hidden: true, requires: ["R8"], hint: "applyAsync(fn) calls fn() with no argument, applyAsync(fn, args) calls fn(...args), and map calls fn(item) with the item alone." });

test("join() before close()", async (t) => {
  await explore(t, "joinBeforeClose", { n: 1 });
}, { hidden: true, requires: ["R9"], hint: "join() is only allowed after close(): before it, reject at once with an Error (Python raises ValueError), and keep the pool working." });
