// Custom runs with real isolates: one export on typed arguments, and the hostile cases (huge
// or odd JSON, prototype keys, a function that never returns, one that patches built-ins).
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import { MAX_CUSTOM_ARGS_BYTES } from "@autograder/shared";
import { customRun } from "../src/index.ts";
import { tinySort } from "./fixture.ts";

const EXERCISES_DIR = fileURLToPath(new URL("../../../exercises", import.meta.url));
const GOOD = "export function sortIt(a: number[]) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[j]! < a[i]!) [a[i], a[j]] = [a[j]!, a[i]!]; return a; }";
const fn = (body: string): string => `export function sortIt(arr: any): unknown {\n${body}\n}`;

let exercise: Exercise;
beforeAll(async () => {
  const base = await tinySort();
  exercise = { ...base, manifest: { ...base.manifest, limits: { ...base.manifest.limits, testTimeoutMs: 400 } } };
});

const run = (source: string, args: string, exportName = "sortIt") => customRun(exercise, source, { exportName, args });

describe("customRun", () => {
  it("returns the value, the array after the call, the counts and the sort steps", async () => {
    const r = await run(GOOD, "[[3, 1, 2]]");
    expect(r.status).toBe("ok");
    expect(r.value).toBe("[1, 2, 3]");
    expect(r.argsAfter).toEqual(["[1, 2, 3]"]);
    expect(r.stats).toEqual({ reads: expect.any(Number), writes: 4, swaps: 2 });
    expect(r.visualization?.kind).toBe("sorting");
    expect(r.visualization?.data.initial).toEqual([3, 1, 2]);
    expect(r.visualization?.data.operations).toContainEqual(["write", 0, 1]);
  });

  it("shows what the code printed and what it threw", async () => {
    const r = await run(fn("console.log('len', arr.length); throw new RangeError('nope');"), "[[1]]");
    expect(r.status).toBe("threw");
    expect(r.message).toBe("sortIt threw RangeError: nope");
    expect(r.stdout).toBe("len 1\n");
  });

  it("calls only the exercise's exports, and refuses bad arguments with a sentence", async () => {
    expect((await run(GOOD, "[[1]]", "constructor")).status).toBe("invalid_input");
    expect((await run(GOOD, "[[1]]", "toString")).message).toContain("`sortIt`");
    expect((await run(GOOD, "[1, 2")).message).toMatch(/^The arguments are not valid JSON/);
    expect((await run(GOOD, '{"a": 1}')).message).toMatch(/JSON array/);
    expect((await run(GOOD, "[1,2,3,4,5,6,7,8,9]")).message).toBe("At most 8 arguments.");
    const deep = `[${"[".repeat(40)}${"]".repeat(40)}]`;
    expect((await run(GOOD, deep)).message).toMatch(/nested more than 32/);
    const huge = `[[${Array.from({ length: 10_000 }, (_, i) => i).join(",")}]]`;
    const big = await run(GOOD, huge);
    expect(big.status).toBe("invalid_input");
    expect(big.message).toContain(`at most ${MAX_CUSTOM_ARGS_BYTES}`);
  });

  it("keeps a __proto__ key as data: no prototype changes in the isolate or here", async () => {
    const r = await run(fn("return [Object.keys(arr[0]), Object.getPrototypeOf(arr[0]) === Object.prototype, ({} as any).polluted, arr[0].__proto__ === Object.prototype];"), '[[{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}]]');
    expect(r.status).toBe("ok");
    expect(r.value).toBe('[["__proto__", "constructor"], true, undefined, false]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("ends a function that never returns with timeout, and a memory bomb with memory_limit", async () => {
    const started = performance.now();
    const loop = await run(fn("for (;;) {}"), "[[1]]");
    expect(loop.status).toBe("timeout");
    expect(loop.message).toContain("400 ms");
    expect(performance.now() - started).toBeLessThan(3000);
    const pending = await run(fn("return new Promise(() => {});"), "[[1]]");
    expect(pending.status).toBe("timeout");
    // A generous time limit: near its heap limit V8 collects for long, and this machine is shared.
    const roomy = { ...exercise, manifest: { ...exercise.manifest, limits: { ...exercise.manifest.limits, testTimeoutMs: 10_000 } } };
    const bomb = await customRun(roomy, fn("const a: number[][] = []; for (let i = 0; ; i++) a.push(new Array(1e6).fill(i));"), { exportName: "sortIt", args: "[[1]]" });
    expect(bomb.status).toBe("memory_limit");
  });

  it("keeps the lockdown and the rules: patched built-ins fail, a built-in sort is rejected", async () => {
    const topLevel = await run(`Array.prototype.push = function () { return 0; };\n${GOOD}`, "[[2, 1]]");
    expect(topLevel.status).toBe("runtime_error");
    const inCall = await run(fn("(JSON as any).parse = () => 42; return arr;"), "[[2, 1]]");
    expect(inCall.status).toBe("threw");
    expect(inCall.message).toMatch(/TypeError/);
    const sorted = await run(fn("return arr.sort();"), "[[2, 1]]");
    expect(sorted.status).toBe("rejected");
  });

  it("reports compile errors, floods of output and oversized returns as verdicts", async () => {
    expect((await run("export function sortIt(a: number[] { return a }", "[[1]]")).status).toBe("compile_error");
    const flood = await run(fn("for (let i = 0; i < 10000; i++) console.log('spam spam spam'); return arr;"), "[[1]]");
    expect(flood.status).toBe("output_limit");
    expect(flood.stdout.length).toBeLessThan(exercise.manifest.limits.outputBytes + 100);
    const huge = await run(fn("return 'x'.repeat(1_000_000);"), "[[1]]");
    expect(huge.status).toBe("output_limit");
  });

  it("shows at most 64 KiB of console output even where the exercise allows more", async () => {
    const chatty = { ...exercise, manifest: { ...exercise.manifest, limits: { ...exercise.manifest.limits, outputBytes: 1_000_000 } } };
    const r = await customRun(chatty, fn("for (let i = 0; i < 4000; i++) console.log('x'.repeat(50)); return arr;"), { exportName: "sortIt", args: "[[1]]" });
    expect(r.status).toBe("ok");
    expect(r.stdout.length).toBeLessThan(64 * 1024 + 100);
    expect(r.stdout).toMatch(/more characters elided\]$/);
  });

  it("says when a family does not support custom input", async () => {
    const threading = await loadExercise(EXERCISES_DIR, "threading/bank-account");
    const r = await customRun(threading, threading.files["starter.ts"]!, { exportName: "deposit", args: "[1]" });
    expect(r.status).toBe("unsupported");
    expect(r.message).toContain("simulated scheduler");
  });
});
