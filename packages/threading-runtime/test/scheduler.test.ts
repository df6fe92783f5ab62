import { describe, expect, it } from "vitest";
import { explore, replay, threading } from "../src/index.ts";

const { Thread, Lock, Value, yieldThread, sleep, now } = threading;

/** The course's lost update: two depositors read, then write, a shared balance. */
function lostUpdate(locked: boolean) {
  return async () => {
    const balance = new Value(0, "balance");
    const lock = new threading.Lock("lock");
    const deposit = async () => {
      const body = async () => {
        const v = await balance.get();
        await balance.set(v + 100);
      };
      if (locked) await lock.with(body);
      else await body();
    };
    const threads = [1, 2].map((i) => new Thread({ target: deposit, name: `T${i}` }));
    threads.forEach((t) => t.start());
    for (const t of threads) await t.join();
    const final = await balance.get();
    if (final !== 200) throw new Error(`balance is ${final}, expected 200`);
  };
}

describe("scheduler", () => {
  it("finds the lost update within the default budget and reports a replayable seed", async () => {
    const result = await explore(lostUpdate(false));
    expect(result.ok).toBe(false);
    expect(result.failure?.verdict).toBe("error");
    expect(result.failure?.message).toContain("balance is 100");
    expect(result.explored).toBeLessThan(20);
    const trace = result.failure?.trace ?? [];
    expect(trace.some((s) => s.thread === "T1" && s.op === "get")).toBe(true);
    expect(trace.some((s) => s.thread === "T2" && s.op === "set")).toBe(true);
  });

  it("replays a seed to exactly the same trace, every time", async () => {
    const found = await explore(lostUpdate(false));
    const seed = found.failure?.seed ?? "";
    const first = await replay(lostUpdate(false), seed);
    const second = await replay(lostUpdate(false), seed);
    expect(first.verdict).toBe("error");
    expect(second.trace).toEqual(first.trace);
    expect(first.trace).toEqual(found.failure?.trace);
  });

  it("passes every explored schedule when the update holds a lock", async () => {
    const result = await explore(lostUpdate(true), { schedules: 300 });
    expect(result.ok).toBe(true);
    expect(result.explored).toBe(300);
  });

  it("reports a deadlock with who waits for whom", async () => {
    const result = await explore(async () => {
      const a = new Lock("A");
      const b = new Lock("B");
      const t1 = new Thread({ name: "T1", target: async () => { await a.acquire(); await b.acquire(); b.release(); a.release(); } });
      const t2 = new Thread({ name: "T2", target: async () => { await b.acquire(); await a.acquire(); a.release(); b.release(); } });
      t1.start();
      t2.start();
      await t1.join();
      await t2.join();
    });
    expect(result.failure?.verdict).toBe("deadlock");
    expect(result.failure?.waits).toEqual(
      expect.arrayContaining([
        { thread: "T1", waitsFor: "B (held by T2)" },
        { thread: "T2", waitsFor: "A (held by T1)" },
        { thread: "MainThread", waitsFor: "T1 to finish" },
      ]),
    );
  });

  it("ends a busy-wait that never succeeds as a timeout", async () => {
    const result = await explore(async () => {
      const flag = new Value(false, "flag");
      const spinner = new Thread({ name: "spinner", target: async () => { while (!(await flag.get())) await yieldThread(); } });
      spinner.start();
      await spinner.join();
    }, { schedules: 4, maxSteps: 500 });
    expect(result.failure?.verdict).toBe("timeout");
    expect(result.failure?.message).toContain("spinner");
    expect(result.failure?.steps).toBe(500);
  });

  it("advances simulated time only when every thread waits", async () => {
    const order: string[] = [];
    const result = await explore(async () => {
      order.length = 0;
      const sleeper = (name: string, ms: number) => new Thread({ name, target: async () => { await sleep(ms); order.push(`${name}@${now()}`); } });
      const threads = [sleeper("slow", 300), sleeper("fast", 100)];
      threads.forEach((t) => t.start());
      for (const t of threads) await t.join();
    }, { schedules: 20 });
    expect(result.ok).toBe(true);
    expect(order).toEqual(["fast@100", "slow@300"]);
  });

  it("reports an uncaught error outside any thread as a usage error", async () => {
    await expect(new Value(1).get()).rejects.toThrow(/no scheduler is running/);
  });
});
