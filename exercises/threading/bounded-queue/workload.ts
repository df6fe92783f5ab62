/** Student-side workload of threading/bounded-queue (course 6.9.2). */
import { Thread, now, sleep } from "threading";
import { Empty, Full, Queue } from "student";
// Checks use built-ins captured before the student's code ran (see @autograder/shared/primordials).
import { primordials as P } from "threading";

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
    if (P.ArrayPrototypeJoin(got, ",") !== P.ArrayPrototypeJoin(put, ",")) throw new Error(`got ${P.ArrayPrototypeJoin(got, ",")} after putting ${P.ArrayPrototypeJoin(put, ",")}`);
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
            const share = P.MathFloor(total / consumers) + (c < total % consumers ? 1 : 0);
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
    const distinct = new P.SafeSet();
    for (let i = 0; i < taken.length; i++) distinct.add(taken[i]);
    if (distinct.size !== total || taken.length !== total) throw new Error(`took ${P.JSONStringify(taken)} of ${total} distinct items`);
    for (let p = 1; p <= producers; p++) {
      const order = taken.filter((item) => item.startsWith(`p${p}-`)).map((item) => Number(item.split("-")[1]));
      if (P.ArrayPrototypeSome(order, (k: number, i: number) => k !== i)) throw new Error(`producer${p}'s items came out as ${P.ArrayPrototypeJoin(order, ",")}`);
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
    if (P.ArrayPrototypeJoin(got, ",") !== "a,b") throw new Error(`the consumer got ${P.ArrayPrototypeJoin(got, ",")}, expected a,b`);
  },
};
