import { test, drive, type TestContext } from "judge";

/** Explores many interleavings of a workload scenario; the first failing one fails the test. */
async function explore(t: TestContext, scenario: string, params: Record<string, number> = {}, options: Record<string, number> = {}): Promise<void> {
  t.input({ scenario, ...params });
  t.expectScenario(await drive("explore", scenario, params, options));
}

// ---------------------------------------------------------------- visible

test("one thread: order, sizes, Full and Empty", async (t) => {
  await explore(t, "basics", { maxsize: 2 });
}, { requires: ["R2", "R4", "R6", "R7"], hint: "First in, first out; with block: false, put throws Full on a full queue and get throws Empty on an empty one." });

test("one producer, one consumer", async (t) => {
  await explore(t, "producersConsumers", { producers: 1, consumers: 1, items: 3, maxsize: 1 });
}, { requires: ["R1", "R4"], hint: "put waits while the queue is full and get waits while it is empty; a put or get must let the waiting side go on." });

test("two producers, two consumers", async (t) => {
  await explore(t, "producersConsumers", { producers: 2, consumers: 2, items: 3, maxsize: 2 });
}, { requires: ["R1", "R5"], hint: "In some interleaving an item was lost or duplicated, qsize() went above maxsize, or a thread was never woken." });

test("waiting and timeouts", async (t) => {
  await explore(t, "waiting", { getTimeout: 30, putTimeout: 20, consumerAt: 50 });
}, { requires: ["R1", "R3"], hint: "With timeoutMs, give up after that many simulated milliseconds and throw Empty (get) or Full (put)." });

// ---------------------------------------------------------------- hidden

test("many producers and consumers", async (t) => {
  await explore(t, "producersConsumers", { producers: 3, consumers: 2, items: 4, maxsize: 2 });
}, { hidden: true, requires: ["R1", "R5"], hint: "In some interleaving an item was lost or duplicated, qsize() went above maxsize, or a thread was never woken." });

test("more consumers than producers", async (t) => {
  await explore(t, "producersConsumers", { producers: 2, consumers: 3, items: 3, maxsize: 1 });
}, { hidden: true, requires: ["R1", "R5"], hint: "In some interleaving an item was lost or duplicated, or a consumer was never woken: a woken thread may find the queue empty again." });

test("producers and consumers, other interleavings", async (t) => {
  await explore(t, "producersConsumers", { producers: 3, consumers: 3, items: 2, maxsize: 3 }, { baseSeed: 9, schedules: 300 });
}, { hidden: true, requires: ["R1", "R5"], hint: "In some interleaving an item was lost or duplicated, qsize() went above maxsize, or a thread was never woken." });

test("an unbounded queue with many threads", async (t) => {
  await explore(t, "producersConsumers", { producers: 2, consumers: 2, items: 3, maxsize: 0 });
}, { hidden: true, requires: ["R6", "R5"], hint: "maxsize 0 (or less) means unbounded: put never waits, get still waits while the queue is empty." });

test("a larger queue in one thread", async (t) => {
  await explore(t, "basics", { maxsize: 5 });
}, { hidden: true, requires: ["R2", "R4", "R7"], hint: "Full and Empty must be thrown at once with block: false, and a refused put must not change the queue." });

test("other timeouts", async (t) => {
  await explore(t, "waiting", { getTimeout: 5, putTimeout: 45, consumerAt: 12 });
}, { hidden: true, requires: ["R3", "R1"], hint: "Timeouts of both put and get count simulated milliseconds from the call; a waiting put returns as soon as a get makes room." });

// ---------------------------------------------------------------- content review (issue 12)

test("maxsize below 0, timeoutMs 0, non-waiting forms that succeed", async (t) => {
  await explore(t, "edges", { maxsize: -1 });
}, { requires: ["R6", "R3", "R2"], hint: "maxsize <= 0 means unbounded; timeoutMs 0 gives up at once; block: false and timeouts only matter when the queue is full (put) or empty (get)." });

test("a very negative maxsize, timeoutMs 0", async (t) => {
  await explore(t, "edges", { maxsize: -5 });
}, { hidden: true, requires: ["R6", "R3"], hint: "maxsize <= 0 (any negative number too) means unbounded; timeoutMs 0 gives up at once." });

test("two timed getters compete for one item", async (t) => {
  await explore(t, "competingGetters", { timeout: 30, putAt: 10 });
}, { hidden: true, requires: ["R3"], hint: "A get with timeoutMs throws Empty that many simulated ms after the call, even if it was woken in between and found the queue empty again." });

test("two timed getters compete for one item, other times", async (t) => {
  await explore(t, "competingGetters", { timeout: 17, putAt: 4, maxsize: 0 });
}, { hidden: true, requires: ["R3", "R6"], hint: "A get with timeoutMs throws Empty that many simulated ms after the call, even if it was woken in between and found the queue empty again." });
