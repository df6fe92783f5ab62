import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one thread: order, sizes, Full and Empty", async (t) => {
  await explore(t, "basics", { maxsize: 2 });
}, { hint: "First in, first out; with block: false, put throws Full on a full queue and get throws Empty on an empty one." });

test("one producer, one consumer", async (t) => {
  await explore(t, "producersConsumers", { producers: 1, consumers: 1, items: 3, maxsize: 1 });
}, { hint: "put waits while the queue is full, get waits while it is empty; each wakes the other side." });

test("two producers, two consumers", async (t) => {
  await explore(t, "producersConsumers", { producers: 2, consumers: 2, items: 3, maxsize: 2 });
}, { hint: "After a wake-up, check the condition again in a loop: another thread may have got there first." });

test("waiting and timeouts", async (t) => {
  await explore(t, "waiting", { getTimeout: 30, putTimeout: 20, consumerAt: 50 });
}, { hint: "With timeoutMs, give up after that many simulated milliseconds and throw Empty (get) or Full (put)." });

// ---------------------------------------------------------------- hidden

test("many producers and consumers", async (t) => {
  await explore(t, "producersConsumers", { producers: 3, consumers: 2, items: 4, maxsize: 2 });
}, { hidden: true, hint: "Nothing lost, nothing duplicated, and qsize() never above maxsize: check for space and append with no await in between." });

test("more consumers than producers", async (t) => {
  await explore(t, "producersConsumers", { producers: 2, consumers: 3, items: 3, maxsize: 1 });
}, { hidden: true, hint: "A woken consumer may find the queue empty again: wait in a loop, not with an if." });

test("producers and consumers, other interleavings", async (t) => {
  await explore(t, "producersConsumers", { producers: 3, consumers: 3, items: 2, maxsize: 3 }, { baseSeed: 9, schedules: 300 });
}, { hidden: true, hint: "Decide to wait and register as a waiter in one step: a put in between must wake you." });

test("an unbounded queue with many threads", async (t) => {
  await explore(t, "producersConsumers", { producers: 2, consumers: 2, items: 3, maxsize: 0 });
}, { hidden: true, hint: "maxsize 0 (or less) means unbounded: put never waits, get still waits while the queue is empty." });

test("a larger queue in one thread", async (t) => {
  await explore(t, "basics", { maxsize: 5 });
}, { hidden: true, hint: "Full and Empty must be thrown at once with block: false, and a refused put must not change the queue." });

test("other timeouts", async (t) => {
  await explore(t, "waiting", { getTimeout: 5, putTimeout: 45, consumerAt: 12 });
}, { hidden: true, hint: "Timeouts of both put and get count simulated milliseconds from the call; a waiting put returns as soon as a get makes room." });
