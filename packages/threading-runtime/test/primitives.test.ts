import { describe, expect, it } from "vitest";
import { explore, replay, threading } from "../src/index.ts";

const { Thread, Lock, Event, Semaphore, Queue, Full, Empty, sleep, now, currentThread } = threading;

async function runAll(threads: InstanceType<typeof Thread>[]): Promise<void> {
  threads.forEach((t) => t.start());
  for (const t of threads) await t.join();
}

describe("threading module", () => {
  it("Queue: FIFO, Full/Empty for the non-waiting forms, timeouts in simulated time", async () => {
    const result = await explore(async () => {
      const q = new Queue<number>(1);
      await q.put(1);
      await expect(q.put(2, { block: false })).rejects.toBeInstanceOf(Full);
      expect(await q.get()).toBe(1);
      expect(() => q.getNowait()).toThrow(Empty);
      const start = now();
      await expect(q.get({ timeoutMs: 25 })).rejects.toThrow(/empty/);
      expect(now() - start).toBe(25);
    });
    expect(result).toMatchObject({ ok: true });
  });

  it("Queue: putNowait and getNowait never wait, never yield and may run back to back from synchronous code", async () => {
    const program = async (): Promise<void> => {
      const q = new Queue<number>(2);
      let otherRan = false;
      const other = new Thread({ name: "Other", target: () => { otherRan = true; } });
      other.start();
      // Several in a row without await: no scheduling point, so no other thread runs in between.
      expect(q.putNowait(1)).toBeUndefined();
      q.putNowait(2);
      expect([q.qsize(), q.full()]).toEqual([2, true]);
      expect(() => q.putNowait(3)).toThrow(Full);
      expect(q.qsize()).toBe(2);
      expect([q.getNowait(), q.getNowait()]).toEqual([1, 2]);
      expect(() => q.getNowait()).toThrow(Empty);
      expect(otherRan).toBe(false);
      // Awaiting the value, as code written for the old promise-returning form does, still works.
      q.putNowait(7);
      expect(await q.getNowait()).toBe(7);
      // Also while an operation of this thread is still pending (not yet awaited).
      const joined = other.join();
      q.putNowait(8);
      expect(q.getNowait()).toBe(8);
      await joined;
      expect(otherRan).toBe(true);
    };
    expect(await explore(program, { schedules: 50 })).toMatchObject({ ok: true, explored: 50 });
    const run = await replay(program, "r-1");
    expect(run.verdict).toBe("ok");
    // The trace still shows them, although they take no scheduling step.
    const ops = run.trace.filter((s) => s.op.endsWith("Nowait")).map((s) => `${s.thread} ${s.op} ${s.detail}`);
    expect(ops).toEqual([
      "MainThread putNowait Queue#1 <- 1",
      "MainThread putNowait Queue#1 <- 2",
      "MainThread putNowait Queue#1 <- 3 (full)",
      "MainThread getNowait Queue#1 -> 1",
      "MainThread getNowait Queue#1 -> 2",
      "MainThread getNowait Queue#1 (empty)",
      "MainThread putNowait Queue#1 <- 7",
      "MainThread getNowait Queue#1 -> 7",
      "MainThread putNowait Queue#1 <- 8",
      "MainThread getNowait Queue#1 -> 8",
    ]);
  });

  it("Queue: a synchronous putNowait wakes a thread waiting in get(), getNowait one waiting in put()", async () => {
    const program = async (): Promise<void> => {
      const q = new Queue<string>(1);
      const got: string[] = [];
      const consumer = new Thread({ name: "Consumer", target: async () => { got.push(await q.get()); got.push(await q.get()); } });
      consumer.start();
      await sleep(5); // the consumer now waits in get()
      q.putNowait("a");
      await sleep(5);
      expect(got).toEqual(["a"]); // woken, and waiting again
      q.putNowait("b");
      expect(() => q.putNowait("c")).toThrow(Full); // the consumer has not run yet: "b" fills the queue
      await consumer.join();
      expect(got).toEqual(["a", "b"]);
      q.putNowait("c");
      const producer = new Thread({ name: "Producer", target: () => q.put("d") });
      producer.start();
      await sleep(5); // the producer now waits in put()
      expect(q.getNowait()).toBe("c");
      await producer.join();
      expect(q.getNowait()).toBe("d");
      expect(q.empty()).toBe(true);
    };
    expect(await explore(program, { schedules: 50 })).toMatchObject({ ok: true, explored: 50 });
    const trace = (await replay(program, "r-1")).trace.map((s) => `${s.thread} ${s.op} ${s.detail}`);
    expect(trace).toContain("Consumer get waits for an item in Queue#1");
    expect(trace).toContain("Consumer get Queue#1 (woken)");
    expect(trace).toContain("Producer put waits for space in Queue#1");
    expect(trace).toContain("Producer put Queue#1 (woken)");
  });

  it("Queue: many producers and consumers lose and duplicate nothing", async () => {
    const result = await explore(async () => {
      const q = new Queue<string>(2);
      const got: string[] = [];
      await runAll([
        ...[1, 2].map((p) => new Thread({ name: `P${p}`, target: async () => { for (let i = 0; i < 3; i++) await q.put(`${p}.${i}`); } })),
        ...[1, 2, 3].map((c) => new Thread({ name: `C${c}`, target: async () => { for (let i = 0; i < 2; i++) got.push(await q.get()); } })),
      ]);
      expect([...got].sort()).toEqual(["1.0", "1.1", "1.2", "2.0", "2.1", "2.2"]);
    });
    expect(result.ok).toBe(true);
  });

  it("Semaphore: never more holders than permits", async () => {
    const result = await explore(async () => {
      const sem = new Semaphore(2);
      let holders = 0;
      let most = 0;
      await runAll(Array.from({ length: 5 }, (_, i) => new Thread({
        name: `T${i}`,
        target: () => sem.with(async () => { holders++; most = Math.max(most, holders); await sleep(5); holders--; }),
      })));
      expect(most).toBe(2);
      expect(sem.getValue()).toBe(2);
    });
    expect(result.ok).toBe(true);
  });

  it("Event: set wakes every waiter; wait times out with false", async () => {
    const result = await explore(async () => {
      const event = new Event();
      expect(await event.wait(10)).toBe(false);
      const seen: boolean[] = [];
      const waiters = [1, 2, 3].map((i) => new Thread({ name: `W${i}`, target: async () => { seen.push(await event.wait()); } }));
      waiters.forEach((t) => t.start());
      await sleep(5);
      event.set();
      for (const t of waiters) await t.join();
      expect(seen).toEqual([true, true, true]);
    });
    expect(result.ok).toBe(true);
  });

  it("Lock: release of an unlocked lock throws; with() releases after an exception", async () => {
    const result = await explore(async () => {
      const lock = new Lock();
      expect(() => lock.release()).toThrow(/unlocked/);
      await expect(lock.with(() => { throw new Error("boom"); })).rejects.toThrow("boom");
      expect(lock.locked()).toBe(false);
      expect(await lock.acquire({ block: false })).toBe(true);
      const other = new Thread({ name: "other", target: async () => { expect(await lock.acquire({ timeoutMs: 30 })).toBe(false); } });
      await runAll([other]);
      expect(now()).toBe(30);
    });
    expect(result.ok).toBe(true);
  });

  it("Thread: names, currentThread, isAlive, and join with a timeout", async () => {
    const result = await explore(async () => {
      expect(currentThread().name).toBe("MainThread");
      const names: string[] = [];
      const t = new Thread({ target: async (ms: unknown) => { names.push(currentThread().name); await sleep(Number(ms)); }, args: [100] });
      expect(t.isAlive()).toBe(false);
      t.start();
      await t.join(40);
      expect(t.isAlive()).toBe(true);
      await t.join();
      expect(t.isAlive()).toBe(false);
      expect(names).toEqual(["Thread-1"]);
    });
    expect(result.ok).toBe(true);
  });

  it("a thread that starts two operations without await gets a clear error", async () => {
    const result = await replay(async () => {
      const q = new Queue<number>();
      void q.put(1);
      await q.put(2);
    }, "r-1");
    expect(result.verdict).toBe("error");
    expect(result.message).toMatch(/missing await/);
  });

  it("a single-threaded program is run once: no schedule can differ", async () => {
    const result = await explore(async () => { await sleep(1); }, { schedules: 50 });
    expect(result).toMatchObject({ ok: true, explored: 1 });
  });
});
