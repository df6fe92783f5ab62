// The hostile corpus, second part (issue 11): submissions written as a clever student would, to
// get a better grade than their behaviour earns, to read hidden inputs, or to exhaust the
// grader. Each asserts the exact verdict and that the grade is not `passed`.
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import type { GradeReport, Verdict } from "@autograder/shared";
import { grade } from "../src/index.ts";
import { BuildError, transpile } from "../src/build.ts";
import { StudentSession } from "../src/student-session.ts";
import { EXERCISES_DIR } from "../src/cli/paths.ts";
import { tinySort } from "./fixture.ts";

let tiny: Exercise;
let bigReturns: Exercise;
let uncountedAccess: Exercise;
let uncountedComparisons: Exercise;
let fragileTests: Exercise;
let fractionalTimeout: Exercise;
let hiddenFirst: Exercise;

/** The exercise with other tests (and its own cache key) and limits. */
function variant(base: Exercise, key: string, tests: string | undefined, limits: Partial<Exercise["manifest"]["limits"]> = {}): Exercise {
  return {
    ...base,
    contentHash: `${base.contentHash}-${key}`,
    files: tests === undefined ? base.files : { ...base.files, "tests.ts": tests },
    manifest: { ...base.manifest, limits: { ...base.manifest.limits, ...limits } },
  };
}

beforeAll(async () => {
  const base = await tinySort();
  // Limits with room to spare on a loaded machine: every verdict below must be exact.
  tiny = variant(base, "hostile", undefined, { testTimeoutMs: 1000, totalTimeoutMs: 20_000 });
  bigReturns = variant(base, "big-returns", undefined, { returnBytes: 64_000_000, memoryMb: 256, testTimeoutMs: 5000, totalTimeoutMs: 60_000 });
  // Only a submission whose element accesses (or comparisons) go uncounted can pass these.
  uncountedAccess = variant(base, "uncounted-access", `import { test, expect, student } from "judge";
test("sorted without a counted access", async () => {
  const out = await student.run<number[]>("sortIt", [[3, 1, 2]], { track: true });
  expect(out.value).toEqual([1, 2, 3]);
  expect(out.stats!.reads + out.stats!.writes).toBe(0);
});`);
  uncountedComparisons = variant(base, "uncounted-comparisons", `import { test, expect, student } from "judge";
test("sorted without a counted comparison", async () => {
  const out = await student.run<number[]>("sortIt", [[3, 1, 2]], { track: "boxed" });
  expect(out.value).toEqual([1, 2, 3]);
  expect(out.stats!.comparisons).toBe(0);
});`);
  // A test that reads the result without checking its type first (an exercise may do that).
  fragileTests = variant(base, "fragile", `import { test, expect, student } from "judge";
test("doubles after sorting", async () => {
  const out = (await student.call("sortIt", [2, 1])) as number[];
  expect(out.map((x) => x * 2)).toEqual([2, 4]);
});`);
  fractionalTimeout = variant(base, "fractional", `import { test, expect, student } from "judge";
test("first", async () => { expect(await student.call("sortIt", [3, 1, 2])).toEqual([1, 2, 3]); }, { timeoutMs: 400.5 });
test("second", async () => { expect(await student.call("sortIt", [2, 1])).toEqual([1, 2]); }, { timeoutMs: 0.25 });`);

  // A hidden test before a visible one in the file.
  hiddenFirst = variant(base, "hidden-first", `import { test, expect, student } from "judge";
test("secret", async () => { expect(await student.call("sortIt", [31337, 5])).toEqual([5, 31337]); }, { hidden: true });
test("shown", async () => { expect(await student.call("sortIt", [2, 1])).toEqual([1, 2]); });`);
});

const fn = (body: string): string => `export function sortIt(arr: number[]): unknown {\n${body}\n}`;
/** An honest selection sort over `arr` (its accesses are counted). */
const SORT = "for (let i = 0; i < arr.length; i++) for (let j = i + 1; j < arr.length; j++) if (arr[j]! < arr[i]!) { const t = arr[i]!; arr[i] = arr[j]!; arr[j] = t; }";

interface Attack {
  name: string;
  exercise: () => Exercise;
  source: string;
  verdict: Verdict;
  /** More to check on the report. */
  check?: (report: GradeReport) => void;
}

const hiddenOnlyHint = (report: GradeReport): void => {
  for (const t of report.tests.filter((x) => x.hidden)) {
    expect(Object.keys(t).sort()).toEqual(["durationMs", "hidden", "maxPoints", "message", "name", "passed", "points"]);
    expect(t.durationMs).toBe(0);
    expect(["", "Think about negative numbers.", "Three numbers, one negative."]).toContain(t.message);
  }
};

const ATTACKS: Attack[] = [
  // --- class 1: patching the built-ins the platform uses (the realm is frozen) ---------------
  { name: "patch Array.prototype.push from the top level", exercise: () => tiny, source: `Array.prototype.push = function () { return 0; };\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "replace JSON.stringify from the top level", exercise: () => tiny, source: `JSON.stringify = () => '{"value":[1,2,3]}';\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "replace Promise.resolve and then from the top level", exercise: () => tiny, source: `(Promise as any).resolve = (v: unknown) => ({ then: (r: (x: unknown) => void) => r([1, 2, 3]) });\nPromise.prototype.then = function () { return this; } as never;\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "replace Object.defineProperty and Reflect.apply", exercise: () => tiny, source: `(Object as any).defineProperty = () => {};\n(Reflect as any).apply = () => [1, 2, 3];\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "a getter on Object.prototype for the bridge's option names", exercise: () => tiny, source: `Object.defineProperty(Object.prototype, "track", { get() { return false; } });\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "install Error.prepareStackTrace", exercise: () => tiny, source: `(Error as any).prepareStackTrace = () => "forged";\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "replace console and Math on the global object", exercise: () => tiny, source: `(globalThis as any).console = { log() {} };\n(globalThis as any).Math = { random: () => 0 };\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "patch Array.prototype inside the call, then return a forged result", exercise: () => tiny, source: fn("(Array.prototype as any).map = () => [1, 2, 3]; return arr;"), verdict: "failed" },

  // --- class 3: sorting's tracked arrays -----------------------------------------------------
  {
    name: "read with getOwnPropertyDescriptor, write with defineProperty",
    exercise: () => uncountedAccess,
    source: fn(`const d = Object.getOwnPropertyDescriptors(arr) as any;
const v = [d[0].value, d[1].value, d[2].value];
for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) if (v[j] < v[i]) [v[i], v[j]] = [v[j], v[i]];
for (let i = 0; i < 3; i++) Object.defineProperty(arr, i, { value: v[i], writable: true, enumerable: true, configurable: true });
return arr;`),
    verdict: "failed",
  },
  {
    name: "Reflect.getOwnPropertyDescriptor and Reflect.defineProperty",
    exercise: () => uncountedAccess,
    source: fn(`const v = [0, 1, 2].map((i) => Reflect.getOwnPropertyDescriptor(arr, i)!.value as number);
v.reverse(); if (v[0]! > v[1]!) [v[0], v[1]] = [v[1]!, v[0]!]; if (v[1]! > v[2]!) [v[1], v[2]] = [v[2]!, v[1]!]; if (v[0]! > v[1]!) [v[0], v[1]] = [v[1]!, v[0]!];
v.forEach((x, i) => Reflect.defineProperty(arr, i, { value: x, writable: true, enumerable: true, configurable: true }));
return arr;`),
    verdict: "failed",
  },
  {
    name: "a getter on the returned value does the work after the call",
    exercise: () => uncountedAccess,
    source: fn(`let sorted: number[] | undefined;
const work = (): number[] => (sorted ??= (() => { const c = [arr[0]!, arr[1]!, arr[2]!]; for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) if (c[j]! < c[i]!) [c[i], c[j]] = [c[j]!, c[i]!]; return c; })());
const res: number[] = [];
for (let i = 0; i < 3; i++) Object.defineProperty(res, i, { get: () => work()[i], enumerable: true, configurable: true });
return res;`),
    verdict: "failed",
  },
  { name: "freeze the tracked array", exercise: () => uncountedComparisons, source: fn("Object.freeze(arr); return arr;"), verdict: "failed" },
  { name: "give the tracked array a new prototype", exercise: () => uncountedAccess, source: fn("Object.setPrototypeOf(arr, { get 0() { return 1; } }); return [1, 2, 3];"), verdict: "failed" },
  { name: "compare boxed numbers through toString", exercise: () => uncountedComparisons, source: fn("const v = [arr[0], arr[1], arr[2]] as unknown as object[]; for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) if (String(v[j]) < String(v[i])) [v[i], v[j]] = [v[j]!, v[i]!]; return v;"), verdict: "failed" },
  { name: "compare boxed numbers through template literals and Symbol.toPrimitive", exercise: () => uncountedComparisons, source: fn("const v = [arr[0], arr[1], arr[2]] as any[]; const key = (x: any) => `${x}`; for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) if (key(v[j]) < key(v[i])) [v[i], v[j]] = [v[j], v[i]]; return v;"), verdict: "failed" },
  { name: "reset the comparison counter through the box", exercise: () => uncountedComparisons, source: fn(`${SORT}\n(arr[0] as any).tracking.conversions = 0; return arr;`), verdict: "failed" },
  { name: "patch the boxed number's prototype", exercise: () => uncountedComparisons, source: fn("const p = Object.getPrototypeOf(arr[0]); p.valueOf = function () { return Number(this.toString()); }; " + SORT + " return arr;"), verdict: "failed" },
  { name: "shadow valueOf on each box", exercise: () => uncountedComparisons, source: fn("for (const b of [arr[0], arr[1], arr[2]] as any[]) b.valueOf = () => 0; return arr;"), verdict: "failed" },

  // --- class 4: hidden means hidden -----------------------------------------------------------
  {
    name: "encode a hidden value in how long a test runs",
    exercise: () => bigReturns,
    source: fn("const until = Date.now() + (Math.abs(arr[0] ?? 0) % 4) * 5; while (Date.now() < until) {} return arr;"),
    verdict: "failed",
    check: hiddenOnlyHint,
  },
  {
    name: "throw the hidden input, print it, time out on it",
    exercise: () => tiny,
    source: fn("console.log(JSON.stringify(arr)); if (arr.includes(31337)) for (;;) {} throw new Error('input ' + JSON.stringify(arr));"),
    verdict: "timeout",
    check: (report) => {
      hiddenOnlyHint(report);
      expect(JSON.stringify(report)).not.toContain("31337");
      expect(JSON.stringify(report)).not.toContain("271828");
    },
  },

  {
    name: "carry a hidden input in module state into a later visible test",
    exercise: () => hiddenFirst,
    source: `const seen: number[] = [];\n${fn("seen.push(...arr); console.log(JSON.stringify(seen)); return seen.slice();")}`,
    verdict: "failed",
    check: (report) => {
      expect(report.tests.map((t) => t.name)).toEqual(["secret", "shown"]);
      expect(JSON.stringify(report)).not.toContain("31337");
    },
  },

  // --- class 5: bounded output ----------------------------------------------------------------
  {
    name: "return a 15 MB string to every test",
    exercise: () => bigReturns,
    source: fn("return 'x'.repeat(15_000_000);"),
    verdict: "failed",
    check: (report) => expect(JSON.stringify(report).length).toBeLessThan(200_000),
  },
  {
    name: "throw an error with a 10 MB message",
    exercise: () => bigReturns,
    source: fn("throw new Error('y'.repeat(10_000_000));"),
    verdict: "failed",
    check: (report) => expect(JSON.stringify(report).length).toBeLessThan(200_000),
  },
  {
    name: "a thrown error's message is kept within returnBytes",
    exercise: () => tiny,
    source: fn("const e = new Error('z'.repeat(5_000_000)); throw e;"),
    verdict: "failed",
    check: (report) => expect(JSON.stringify(report).length).toBeLessThan(100_000),
  },
  {
    name: "print just under the limit in each visible test",
    exercise: () => tiny,
    source: fn(`if ((arr.length === 3 && arr[0] === 3) || (arr.length === 5 && arr[0] === 5)) console.log("p".repeat(1500)); ${SORT} return arr;`),
    verdict: "output_limit",
    check: (report) => expect(report.stdout.length).toBeLessThan(2200),
  },
  {
    name: "print in a visible and a hidden test, each under the limit",
    exercise: () => tiny,
    source: fn(`if (arr.includes(31337)) console.log("h".repeat(1200)); if (arr.length === 3 && arr[0] === 3) console.log("v".repeat(1200)); ${SORT} return arr;`),
    verdict: "output_limit",
    check: (report) => expect(report.stdout).not.toContain("hhh"),
  },

  // --- class 6: bounded compile -------------------------------------------------------------
  {
    name: "32,000 syntax errors in a 64 KB file",
    exercise: () => tiny,
    source: `${fn("return arr;")}\n${"let = ;\n".repeat(8000)}`,
    verdict: "compile_error",
    check: (report) => {
      expect(report.durationMs).toBeLessThan(5000);
      expect(JSON.stringify(report).length).toBeLessThan(20_000);
    },
  },
  { name: "a source over 64 KB", exercise: () => tiny, source: `${fn("return arr;")}\n//${"c".repeat(70_000)}`, verdict: "compile_error" },

  // --- class 7: WebAssembly -----------------------------------------------------------------
  { name: "grow WebAssembly memory past the heap limit", exercise: () => tiny, source: fn("const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); for (let i = 0; i < 1000; i++) m.grow(64); return arr;"), verdict: "failed" },
  { name: "reach WebAssembly another way", exercise: () => tiny, source: fn("const W = (Function('return this')() as any).WebAssembly ?? (globalThis as any)['Web' + 'Assembly']; return new W.Memory({ initial: 60000 });"), verdict: "failed" },

  // --- class 8: verdicts from structured signals ---------------------------------------------
  { name: "throw a fake memory-limit error in a test", exercise: () => tiny, source: fn("throw new Error('Isolate was disposed during execution due to memory limit');"), verdict: "failed" },
  { name: "throw a fake timeout error in a test", exercise: () => tiny, source: fn("throw new Error('Script execution timed out.');"), verdict: "failed" },
  { name: "throw a fake memory-limit error from the top level", exercise: () => tiny, source: `throw new Error("memory limit: Isolate was disposed");\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "throw a fake timeout from the top level", exercise: () => tiny, source: `throw new Error("Script execution timed out.");\n${fn("return arr;")}`, verdict: "runtime_error" },
  { name: "return null where the test reads the result", exercise: () => fragileTests, source: fn("return null;"), verdict: "failed" },
  { name: "loop under a fractional per-test timeout", exercise: () => fractionalTimeout, source: fn("for (;;) {}"), verdict: "timeout" },
];

describe("the hostile corpus, part 2: grades that cannot be fooled", () => {
  it("has at least 30 submissions", () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(30);
  });

  for (const attack of ATTACKS) {
    it(`contains: ${attack.name}`, async () => {
      const report = await grade(attack.exercise(), attack.source);
      expect(report.status, JSON.stringify(report).slice(0, 2000)).toBe(attack.verdict);
      expect(report.status).not.toBe("passed");
      expect(report.score === 0 || report.score < report.maxScore).toBe(true);
      attack.check?.(report);
    });
  }

  it("still gives the reference full marks on every variant", async () => {
    for (const exercise of [tiny, bigReturns, fractionalTimeout]) {
      const report = await grade(exercise, exercise.files["solution.ts"]!);
      expect(report.status, exercise.contentHash).toBe("passed");
    }
  });

  it("lets ordinary code assign name, message and toString on its own objects (frozen prototypes)", async () => {
    const source = `class SortError extends Error { constructor(m: string) { super(m); this.name = "SortError"; } }
const o: any = {}; o.toString = () => "mine"; o.constructor = 1;
export function sortIt(arr: number[]) { const e = new SortError("x"); if (e.name !== "SortError" || String(o) !== "mine") throw e; ${SORT} return arr; }`;
    expect((await grade(tiny, source)).status).toBe("passed");
  });

  it("a parallel-mode submission that resets the old start cell fails fast instead of holding every thread", async () => {
    const exercise = await loadExercise(EXERCISES_DIR, "threading/parallel-sum");
    // Thread 0 keeps resetting the cell after the data and result slots (where the start
    // signal used to be) while the other threads may still be waiting for it.
    const source = `export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const all = new Int32Array(data.buffer);
  const go = data.length + result.length + 1;
  const until = Date.now() + 100;
  if (index === 0) while (Date.now() < until && go < all.length) Atomics.store(all, go, 0);
}`;
    const report = await grade(exercise, source, { mode: "run" });
    expect(report.status).toBe("failed");
    expect(report.durationMs).toBeLessThan(15_000);
  }, 120_000);

  it("counts parallel threads' console output against the grading's outputBytes", async () => {
    const exercise = await loadExercise(EXERCISES_DIR, "threading/parallel-sum");
    const { outputBytes } = exercise.manifest.limits;
    // Each thread prints under the limit and sums correctly: together they are over it.
    const source = `export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  if (k > 1) console.log("t".repeat(${Math.floor(outputBytes * 0.6)}));
  const n = data.length;
  let s = 0;
  for (let i = Math.floor((index * n) / k); i < Math.floor(((index + 1) * n) / k); i++) s += data[i]!;
  Atomics.add(result, 0, s);
}`;
    const report = await grade(exercise, source, { mode: "run" });
    expect(report.status).toBe("output_limit");
    expect(report.stdout.length).toBeLessThan(outputBytes + 200);
  }, 120_000);

  it("stops a compile that runs past its deadline, then compiles the next one", async () => {
    // Under the 64 KiB source cap, but async lowering makes esbuild take ~20 ms (measured): far
    // past a 1 ms deadline, so the deadline always fires first.
    const big = `export const fns = [${Array.from({ length: 1000 }, (_, i) => `async (a) => { for await (const x of a) await x; return ${i}; }`).join(",")}];`;
    await expect(transpile(big, "solution.ts", true, { deadlineMs: 1 })).rejects.toThrow(BuildError);
    await expect(transpile(big, "solution.ts", true, { deadlineMs: 1 })).rejects.toThrow(/took more than 1 ms to compile/);
    expect(await transpile("export const x: number = 1;", "solution.ts", true)).toContain("const x = 1;");
  });

  it("reports running out of memory while the module compiles as memory_limit, not compile_error", async () => {
    const code = `let x = 0;\n${"x = (x + 1) * 2 - [1, 2, 3][x & 1] + ({ a: 1, b: 2 }).a;\n".repeat(30_000)}export function sortIt(a) { return a; }`;
    const started = await StudentSession.start({ code, exports: ["sortIt"], modules: [], rules: [], seed: 1, memoryMb: 8, outputBytes: 100, returnBytes: 1000 }, 5000);
    expect(started, JSON.stringify(started)).toMatchObject({ verdict: "memory_limit" });
  });

  it("grades again after the esbuild service dies", async () => {
    await grade(tiny, tiny.files["solution.ts"]!);
    const children = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes("esbuild"))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const report = await grade(tiny, `${tiny.files["solution.ts"]!}\n// after the crash`);
    expect(report.status).toBe("passed");
  });
});
