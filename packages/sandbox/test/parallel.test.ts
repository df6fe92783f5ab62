// Parallel mode with real isolates: k student isolates over one SharedArrayBuffer.
import { describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { transpile } from "../src/build.ts";
import { EXERCISES_DIR } from "../src/cli/paths.ts";
import { decode } from "../src/isolate/codec.ts";
import { generateInts } from "../src/isolate/generate.ts";
import { runParallel, type ParallelOptions } from "../src/parallel.ts";
import type { StudentProgram } from "../src/student-session.ts";

async function program(source: string, memoryMb = 64): Promise<StudentProgram> {
  return { code: await transpile(source, "solution.ts", false), exports: ["work"], modules: [], rules: [], seed: 1, memoryMb, outputBytes: 10_000, returnBytes: 100_000 };
}

async function run(source: string, options: ParallelOptions, timeoutMs = 5000) {
  const started = performance.now();
  const { reply, output, buffer } = await runParallel(await program(source), "work", JSON.stringify(options), timeoutMs);
  const cut = reply.indexOf("\n");
  const meta = JSON.parse(reply.slice(0, cut)) as { limit?: string; threw?: { message: string } };
  const payload = decode(reply.slice(cut + 1)) as { result: number[]; wallMs: number; threads: Array<{ atomics?: Record<string, number> }> } | null;
  return { meta, result: payload?.result, wallMs: payload?.wallMs, threads: payload?.threads, output, buffer: buffer!, ms: performance.now() - started };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("parallel mode", () => {
  it("counts each thread's Atomics operations on the result, which the student cannot replace or dodge", async () => {
    const source = `export function work(data: Int32Array, result: Int32Array, index: number) {
      if (index === 0) { Atomics.add(result, 0, 5); Atomics.add(result, 0, 2.9); Atomics.load(result, 0); }
      if (index === 1) { Atomics.add(result, 0, 0); result[0] += 7; }
      if (index === 2) { Atomics.store(result, 0, Atomics.load(result, 0) + 3); }
      if (index === 3) {
        // A view of its own over the result still counts; an operation on the data does not.
        Atomics.add(new Int32Array(result.buffer, result.byteOffset, 1), 0, 4);
        Atomics.add(data, 0, 0);
        let replaced = "no";
        try { (Atomics as { add: unknown }).add = () => 0; } catch { replaced = "refused"; }
        // The counting Atomics.add behaves as the original: old value back, errors as before.
        const old = Atomics.add(new Int32Array(4), 1, 1);
        let threw = "";
        try { Atomics.add([] as unknown as Int32Array, 0, 1); } catch (e) { threw = (e as Error).name; }
        console.log(replaced, old, threw, Atomics.add.name, Atomics.add.length);
      }
    }`;
    const out = await run(source, { threads: 4, length: 4, seed: 1, max: 0 });
    expect(out.meta).toEqual({});
    const counts = out.threads!.map((t) => t.atomics!);
    expect([counts[0]!.add, counts[0]!.added, counts[0]!.load]).toEqual([2, 7, 1]);
    expect([counts[1]!.add, counts[1]!.added]).toEqual([1, 0]);
    expect([counts[2]!.add, counts[2]!.load, counts[2]!.store]).toEqual([0, 1, 1]);
    expect([counts[3]!.add, counts[3]!.added]).toEqual([1, 4]);
    expect(out.output.trim()).toBe("refused 0 TypeError add 3");
  });

  it("shares one buffer: every thread sees the others' Atomics writes, and so does the host", async () => {
    // Each thread counts itself in, then waits until all k have: this ends only if the k
    // isolates run at the same time over the same memory.
    const source = `export function work(data: Int32Array, result: Int32Array, index: number, k: number) {
      Atomics.add(result, 1, 1);
      for (let seen = Atomics.load(result, 1); seen < k; seen = Atomics.load(result, 1)) Atomics.wait(result, 1, seen, 5);
      result[2 + index] = Atomics.load(result, 1);
      Atomics.add(result, 0, data[index]!);
      console.log("thread", index, "of", k);
    }`;
    for (const k of [1, 2, 4]) {
      const out = await run(source, { threads: k, length: 10, seed: 3, max: 9, slots: 6 });
      const data = generateInts(10, 3, 9);
      expect(out.meta).toEqual({});
      expect(out.result![0]).toBe([...data.slice(0, k)].reduce((a, b) => a + b, 0));
      expect(out.result!.slice(2, 2 + k)).toEqual(Array(k).fill(k));
      expect([...new Int32Array(out.buffer, 0, 10)]).toEqual([...data]);
      expect(new Int32Array(out.buffer, 40, 6)[1]).toBe(k);
      expect(out.output.split("\n").filter(Boolean).sort()).toEqual(Array.from({ length: k }, (_, i) => `thread ${i} of ${k}`));
    }
  });

  it("runs the k isolates at the same time (measured and printed, not asserted)", async () => {
    // The same fixed work in every thread: run in parallel, 2 threads take about as long as 1.
    const source = `export function work(data: Int32Array, result: Int32Array, index: number) {
      let x = 0;
      for (let i = 0; i < 150_000_000; i++) x = (x + i) | 0;
      Atomics.add(result, 0, x & 1 | 1);
    }`;
    const walls: Record<number, number> = {};
    for (const k of [1, 2, 1, 2]) {
      const out = await run(source, { threads: k, length: 0, seed: 1, max: 1 });
      expect(out.result![0]).toBe(k);
      walls[k] = Math.min(walls[k] ?? Infinity, out.wallMs!);
    }
    console.log(`parallel mode, same work per thread: 1 thread ${walls[1]} ms, 2 threads ${walls[2]} ms (2 cores: about equal if parallel, about double if not)`);
  });

  it("ends a thread that loops forever with timeout and disposes every isolate", async () => {
    // Thread 1 spins and counts, thread 2 waits for ever, thread 0 returns at once.
    const source = `export function work(data: Int32Array, result: Int32Array, index: number) {
      if (index === 1) for (;;) Atomics.add(result, 1, 1);
      if (index === 2) Atomics.wait(result, 2, 0);
    }`;
    const out = await run(source, { threads: 3, length: 100, seed: 1, max: 5, slots: 3 }, 400);
    expect(out.meta.limit).toBe("timeout");
    expect(out.ms).toBeLessThan(2000);
    const counter = new Int32Array(out.buffer, 100 * 4, 3);
    const before = Atomics.load(counter, 1);
    expect(before).toBeGreaterThan(0);
    await sleep(150);
    // The spinning isolate is gone: nobody writes to the shared memory any more.
    expect(Atomics.load(counter, 1)).toBe(before);
  });

  it("applies the memory limit to each thread", async () => {
    const source = `export function work(data: Int32Array, result: Int32Array, index: number) {
      if (index === 1) { const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(7)); }
    }`;
    const out = await run(source, { threads: 2, length: 10, seed: 1, max: 5 });
    expect(out.meta.limit).toBe("memory_limit");
  });

  it("names the thread whose call threw, and refuses bad options", async () => {
    const out = await run(`export function work(d: Int32Array, r: Int32Array, index: number) { if (index === 1) throw new RangeError("no"); }`, { threads: 2, length: 4, seed: 1, max: 5 });
    expect(out.meta.threw?.message).toBe("no (in thread 1 of 2)");
    expect((await run("export function work() {}", { threads: 0, length: 4, seed: 1, max: 5 })).meta.limit).toBe("error");
    expect((await run("export function work() {}", { threads: 2, length: 64 * 1024 * 1024, seed: 1, max: 5 })).meta.limit).toBe("error");
  });
});

describe("threading/parallel-sum through grade()", () => {
  const load = async (testTimeoutMs?: number): Promise<Exercise> => {
    const exercise = await loadExercise(EXERCISES_DIR, "threading/parallel-sum");
    if (testTimeoutMs === undefined) return exercise;
    return { ...exercise, manifest: { ...exercise.manifest, limits: { ...exercise.manifest.limits, testTimeoutMs } } };
  };

  it("shows the measured speed-up as the message of the passing visible test", async () => {
    const exercise = await load();
    const report = await grade(exercise, exercise.files["solution.ts"]!, { mode: "run" });
    expect(report.status).toBe("passed");
    const speed = report.tests.find((t) => t.name.startsWith("speed-up"))!;
    expect(speed.message).toMatch(/^speed-up with 2 threads: \d+\.\d\dx \(1 thread: [\d.]+ ms, 2 threads: [\d.]+ ms/);
    expect(report.tests.filter((t) => t !== speed).every((t) => t.message === "")).toBe(true);
    console.log(`parallel-sum reference: ${speed.message}`);
  });

  it("gives timeout when one thread never returns", async () => {
    const exercise = await load(1000);
    const looping = exercise.files["solution.ts"]!.replace("const n = data.length;", "const n = data.length;\n  if (index === 1) for (;;) {}");
    const report = await grade(exercise, looping, { mode: "run" });
    expect(report.status).toBe("timeout");
    expect(report.tests.find((t) => t.name === "two threads, an even split")).toMatchObject({ passed: false, verdict: "timeout" });
    expect(report.tests.find((t) => t.name === "one thread sums everything")?.passed).toBe(true);
  });
});
