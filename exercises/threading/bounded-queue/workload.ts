/** Student-side workload of threading/bounded-queue (course 6.9.2). */
import { Thread, now, sleep } from "threading";
import { Empty, Full, Queue } from "student";

type Params = Record<string, unknown>;
const num = (params: Params, key: string, fallback: number): number =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

async function expectError(what: string, kind: "Full" | "Empty", body: () => Promise<unknown>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const ctor = kind === "Full" ? Full : Empty;
    if (error instanceof ctor && error.name === kind) return;
    throw new Error(`${what} threw ${String(error)} instead of ${kind}`);
  }
  throw new Error(`${what} did not throw ${kind}`);
}

export const scenarios = {
  /** One thread: FIFO order, sizes, and the non-waiting forms on a queue of `maxsize` (>= 1). */
  basics: (params: Params) => async () => {
    const maxsize = num(params, "maxsize", 2);
    const q = new Queue<number>(maxsize);
    if (!q.empty() || q.full() || q.qsize() !== 0) throw new Error(`a new queue of maxsize ${maxsize} is not empty`);
    for (let i = 1; i <= maxsize; i++) {
      await q.put(i);
      if (q.qsize() !== i || q.empty()) throw new Error(`after ${i} puts: qsize() ${q.qsize()}, empty() ${q.empty()}`);
    }
    if (!q.full()) throw new Error(`full() is false after ${maxsize} puts into a queue of maxsize ${maxsize}`);
    await expectError("put({ block: false }) on a full queue", "Full", () => q.put(maxsize + 1, { block: false }));
    if (q.qsize() !== maxsize) throw new Error(`qsize() is ${q.qsize()} after a refused put`);
    const got: number[] = [];
    for (let i = 1; i <= maxsize; i++) got.push(await q.get());
    const put = Array.from({ length: maxsize }, (_, i) => i + 1);
    if (got.join() !== put.join()) throw new Error(`got ${got.join()} after putting ${put.join()}`);
    if (!q.empty() || q.full()) throw new Error(`after taking every item: empty() ${q.empty()}, full() ${q.full()}`);
    await expectError("get({ block: false }) on an empty queue", "Empty", () => q.get({ block: false }));
    const unbounded = new Queue<number>();
    for (let i = 0; i < 2 * maxsize + 3; i++) await unbounded.put(i, { block: false });
    if (unbounded.full()) throw new Error("an unbounded queue reports full()");
    if (unbounded.qsize() !== 2 * maxsize + 3) throw new Error(`an unbounded queue holds ${unbounded.qsize()} items after ${2 * maxsize + 3} puts`);
  },

  /** Producers and consumers: nothing lost, nothing duplicated, each producer's items in order. */
  producersConsumers: (params: Params) => async () => {
    const producers = num(params, "producers", 2);
    const consumers = num(params, "consumers", 2);
    const perProducer = num(params, "items", 3);
    const maxsize = num(params, "maxsize", 2);
    const q = new Queue<string>(maxsize);
    const taken: string[] = [];
    const total = producers * perProducer;
    const threads = [
      ...Array.from({ length: producers }, (_, p) =>
        new Thread({
          name: `producer${p + 1}`,
          target: async () => {
            for (let k = 0; k < perProducer; k++) {
              await q.put(`p${p + 1}-${k}`);
              if (maxsize > 0 && q.qsize() > maxsize) throw new Error(`qsize() is ${q.qsize()} in a queue of maxsize ${maxsize}`);
            }
          },
        }),
      ),
      ...Array.from({ length: consumers }, (_, c) =>
        new Thread({
          name: `consumer${c + 1}`,
          target: async () => {
            const share = Math.floor(total / consumers) + (c < total % consumers ? 1 : 0);
            for (let k = 0; k < share; k++) {
              const item = await q.get();
              if (item === undefined) throw new Error("get() returned undefined");
              taken.push(item);
            }
          },
        }),
      ),
    ];
    threads.forEach((t) => t.start());
    for (const t of threads) await t.join();
    if (new Set(taken).size !== total || taken.length !== total) throw new Error(`took ${JSON.stringify(taken)} of ${total} distinct items`);
    for (let p = 1; p <= producers; p++) {
      const order = taken.filter((item) => item.startsWith(`p${p}-`)).map((item) => Number(item.split("-")[1]));
      if (order.some((k, i) => k !== i)) throw new Error(`producer${p}'s items came out as ${order.join(",")}`);
    }
  },

  /** put waits while full, get waits while empty, timeouts give Full and Empty (simulated ms). */
  waiting: (params: Params) => async () => {
    const getTimeout = num(params, "getTimeout", 30);
    const putTimeout = num(params, "putTimeout", 20);
    const consumerAt = num(params, "consumerAt", 50);
    const q = new Queue<string>(1);
    const start = now();
    await expectError(`get({ timeoutMs: ${getTimeout} }) on an empty queue`, "Empty", () => q.get({ timeoutMs: getTimeout }));
    if (now() - start !== getTimeout) throw new Error(`get({ timeoutMs: ${getTimeout} }) gave up after ${now() - start} ms`);
    await q.put("a");
    const full = now();
    await expectError(`put({ timeoutMs: ${putTimeout} }) on a full queue`, "Full", () => q.put("x", { timeoutMs: putTimeout }));
    if (now() - full !== putTimeout) throw new Error(`put({ timeoutMs: ${putTimeout} }) gave up after ${now() - full} ms`);
    const got: string[] = [];
    const consumer = new Thread({ name: "consumer", target: async () => { await sleep(consumerAt); got.push(await q.get(), await q.get({ timeoutMs: 1000 })); } });
    consumer.start();
    const before = now();
    await q.put("b");
    if (now() - before !== consumerAt) throw new Error(`put on a full queue returned after ${now() - before} ms, the get came at ${consumerAt} ms`);
    await consumer.join();
    if (got.join() !== "a,b") throw new Error(`the consumer got ${got.join()}, expected a,b`);
  },
};

// ---- Added by the content review (issue 12): boundaries and competing timed getters.
export const reviewScenarios = {
  /** One thread: a negative maxsize is unbounded, timeoutMs 0 gives up at once, non-waiting forms succeed when they can. */
  edges: (params: Params) => async () => {
    const maxsize = num(params, "maxsize", -1);
    const unbounded = new Queue<number>(maxsize);
    for (let i = 0; i < 7; i++) await unbounded.put(i, { block: false });
    if (unbounded.full()) throw new Error(`a queue of maxsize ${maxsize} (unbounded) reports full()`);
    if (unbounded.qsize() !== 7) throw new Error(`a queue of maxsize ${maxsize} (unbounded) holds ${unbounded.qsize()} items after 7 puts`);
    const q = new Queue<string>(2);
    const start = now();
    await expectError("get({ timeoutMs: 0 }) on an empty queue", "Empty", () => q.get({ timeoutMs: 0 }));
    if (now() !== start) throw new Error(`get({ timeoutMs: 0 }) gave up after ${now() - start} ms instead of at once`);
    await q.put("a", { block: false });
    await q.put("b", { timeoutMs: 0 });
    await expectError("put({ timeoutMs: 0 }) on a full queue", "Full", () => q.put("c", { timeoutMs: 0 }));
    if (now() !== start) throw new Error(`put({ timeoutMs: 0 }) gave up after ${now() - start} ms instead of at once`);
    const first = await q.get({ block: false });
    const second = await q.get({ timeoutMs: 50 });
    if (first !== "a" || second !== "b") throw new Error(`got ${first}, ${second} after putting a, b (and a refused c)`);
    if (now() !== start) throw new Error(`a get with a timeout on a non-empty queue took ${now() - start} ms`);
  },

  /** Two getters with timeouts compete for one item: the one that gets none throws Empty exactly at its deadline. */
  competingGetters: (params: Params) => async () => {
    const timeout = num(params, "timeout", 30);
    const putAt = num(params, "putAt", 10);
    const q = new Queue<string>(num(params, "maxsize", 1));
    const results: string[] = [];
    const getters = [1, 2].map((i) =>
      new Thread({
        name: `getter${i}`,
        target: async () => {
          try {
            results.push(`got ${await q.get({ timeoutMs: timeout })} at ${now()} ms`);
          } catch (error) {
            if (!(error instanceof Empty && error.name === "Empty")) throw new Error(`get({ timeoutMs: ${timeout} }) threw ${String(error)} instead of Empty`);
            results.push(`Empty at ${now()} ms`);
          }
        },
      }),
    );
    getters.forEach((t) => t.start());
    await sleep(putAt);
    // This thread tries to take the item right after putting it, before a woken getter runs
    // (a queue that hands the item to the getter directly makes this get throw Empty: also fine).
    const putting = q.put("x");
    let barged = false;
    try {
      barged = (await q.get({ block: false })) === "x";
    } catch (error) {
      if (!(error instanceof Empty)) throw error;
    }
    await putting;
    for (const t of getters) await t.join();
    const expected = barged ? [`Empty at ${timeout} ms`, `Empty at ${timeout} ms`] : [`Empty at ${timeout} ms`, `got x at ${putAt} ms`];
    if (JSON.stringify([...results].sort()) !== JSON.stringify(expected)) {
      throw new Error(`two getters with timeoutMs ${timeout}, one item put at ${putAt} ms${barged ? " and taken at once by another thread" : ""}: got ${JSON.stringify(results)}, expected ${JSON.stringify(expected)}`);
    }
  },
};
Object.assign(scenarios, reviewScenarios);
