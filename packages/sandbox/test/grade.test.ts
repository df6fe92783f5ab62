import { beforeAll, describe, expect, it } from "vitest";
import type { Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { validateExercise } from "../src/validate.ts";
import { tinySort } from "./fixture.ts";

let exercise: Exercise;
beforeAll(async () => {
  exercise = await tinySort();
});

const wrap = (body: string): string => `export function sortIt(arr: number[]): number[] {\n${body}\n}`;

describe("grade", () => {
  it("gives the reference every point", async () => {
    const report = await grade(exercise, exercise.files["solution.ts"]!);
    expect(report.status).toBe("passed");
    expect(report.score).toBe(5);
    expect(report.maxScore).toBe(5);
    expect(report.tests.map((t) => t.name)).toEqual(["sorts a small array", "counts comparisons", "random arrays", "a hidden input"]);
  });

  it("shows input, expected, actual, a diff and the step view for a failing visible test", async () => {
    const report = await grade(exercise, exercise.files["starter.ts"]!);
    expect(report.status).toBe("failed");
    const visible = report.tests[0]!;
    expect(visible.message).toContain("expected [1, 2, 3], received [3, 1, 2]");
    expect(visible.message).toContain("Hint: Look at the example");
    expect(visible.details).toMatchObject({ input: "sortIt([3, 1, 2])", expected: "[1, 2, 3]", actual: "[3, 1, 2]" });
    expect(visible.details?.diff).toContain("- [1, 2, 3]");
    expect(visible.details?.visualization).toMatchObject({ kind: "sorting", data: { initial: [3, 1, 2] } });
  });

  it("reports hidden tests by name, points and hint only", async () => {
    const report = await grade(exercise, wrap("return arr.length === 3 ? [0] : arr;"));
    const hidden = report.tests.find((t) => t.name === "a hidden input")!;
    expect(hidden).toMatchObject({ hidden: true, passed: false, points: 0, maxPoints: 2, message: "Three numbers, one negative." });
    expect(hidden.details).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain("31337");
  });

  it("keeps a failed hidden test's details only when the grader asks (stored for staff)", async () => {
    const code = wrap("return arr.length === 3 ? [0] : arr;");
    const report = await grade(exercise, code, { keepHiddenDetails: true });
    const hidden = report.tests.find((t) => t.name === "a hidden input")!;
    expect(hidden).toMatchObject({ hidden: true, passed: false, message: "Three numbers, one negative." });
    expect(JSON.stringify(hidden.details)).toContain("31337");
    // Everything else is the student's report: no console output or timing of hidden tests.
    expect(hidden.durationMs).toBe(0);
    expect(JSON.stringify((await grade(exercise, code)).tests)).not.toContain("31337");
  });

  it("runs only the visible tests in run mode", async () => {
    const report = await grade(exercise, exercise.files["solution.ts"]!, { mode: "run" });
    expect(report.tests.every((t) => !t.hidden)).toBe(true);
    expect(report.tests).toHaveLength(2);
  });

  it("counts the swaps an algorithm makes", async () => {
    const bubbly = wrap("for (let i = 0; i < arr.length; i++) for (let j = 0; j + 1 < arr.length; j++) if (arr[j]! > arr[j + 1]!) [arr[j], arr[j + 1]] = [arr[j + 1]!, arr[j]!]; return arr;");
    const report = await grade(exercise, bubbly.replace("export function", "export function sortIt2() {}\nexport function"));
    // [3, 1, 2] takes two adjacent swaps: within the limit of n-1 = 2.
    expect(report.tests[0]!.passed).toBe(true);
    const threeSwaps = wrap("[arr[0], arr[1]] = [arr[1]!, arr[0]!]; [arr[0], arr[1]] = [arr[1]!, arr[0]!]; [arr[0], arr[1]] = [arr[1]!, arr[0]!]; [arr[1], arr[2]] = [arr[2]!, arr[1]!]; return arr;");
    const over = await grade(exercise, threeSwaps);
    expect(over.tests[0]!.message).toContain("expected at most 2, received 4");
  });

  it("turns a syntax error into compile_error with line and column", async () => {
    const report = await grade(exercise, "export function sortIt(arr: number[]) {\n  return arr +;\n}");
    expect(report.status).toBe("compile_error");
    expect(report.compileError).toMatchObject({ line: 2, column: 15 });
    expect(report.score).toBe(0);
  });

  it("says which export is missing", async () => {
    const report = await grade(exercise, "export function sort(arr: number[]) { return arr; }");
    expect(report.status).toBe("compile_error");
    expect(report.message).toContain("`sortIt`");
  });

  it("refuses imports other than the platform's modules", async () => {
    const report = await grade(exercise, `import { readFileSync } from "node:fs";\n${wrap("readFileSync('/etc/passwd'); return arr;")}`);
    expect(report.status).toBe("compile_error");
    expect(report.message).toContain('Cannot import "node:fs"');
  });

  it("reports a throwing module as runtime_error", async () => {
    const report = await grade(exercise, `throw new Error("boom");\n${wrap("return arr;")}`);
    expect(report.status).toBe("runtime_error");
    expect(report.message).toContain("boom");
  });

  it("names the student's exception in a visible test", async () => {
    const report = await grade(exercise, wrap("throw new TypeError('no sorting today');"));
    expect(report.tests[0]!.message).toContain("sortIt threw TypeError: no sorting today");
  });

  it("ends an infinite loop with timeout and keeps grading the other tests", async () => {
    const report = await grade(exercise, wrap("if (arr.length === 3 && arr[0] === 3) for (;;) {} for (let i = 0; i < arr.length; i++) for (let j = i + 1; j < arr.length; j++) if (arr[j]! < arr[i]!) [arr[i], arr[j]] = [arr[j]!, arr[i]!]; return arr;"));
    expect(report.status).toBe("timeout");
    expect(report.tests[0]).toMatchObject({ passed: false, verdict: "timeout" });
    expect(report.tests[1]!.passed).toBe(true);
  });

  it("ends a memory bomb with memory_limit", async () => {
    // 32 MB a step: the limit is reached in a few allocations, not after a second of filling
    // (on a loaded machine a slower bomb can meet the time limit first).
    const report = await grade(exercise, wrap("const keep: number[][] = []; for (;;) keep.push(new Array(4e6).fill(7));"));
    expect(report.status).toBe("memory_limit");
  });

  it("truncates huge console output with a marker and stops with output_limit", async () => {
    const report = await grade(exercise, wrap("for (let i = 0; i < 10000; i++) console.log('spam', i); return arr.reverse();"));
    expect(report.status).toBe("output_limit");
    expect(report.stdout.length).toBeLessThan(2200);
    expect(report.stdout).toContain("[output truncated");
  });

  it("keeps console output of hidden tests out of the report", async () => {
    const report = await grade(exercise, wrap("console.log('saw', JSON.stringify(arr)); for (let i = 0; i < arr.length; i++) for (let j = i + 1; j < arr.length; j++) if (arr[j]! < arr[i]!) [arr[i], arr[j]] = [arr[j]!, arr[i]!]; return arr;"));
    expect(report.stdout).toContain("saw [3,1,2]");
    expect(report.stdout).not.toContain("31337");
  });

  it("rejects a built-in sort however it is reached", async () => {
    const ways = [
      "return arr.sort((a, b) => a - b);",
      "return arr.toSorted((a, b) => a - b);",
      "const s = Array.prototype['so' + 'rt']; return s.call(arr, (a: number, b: number) => a - b);",
      "return Reflect.apply(Object.getOwnPropertyDescriptor(Array.prototype, 'sort')!.value, arr, []);",
      "return Array.from(new Float64Array(arr).sort());",
      "try { arr.sort(); } catch {} for (let i = 0; i < arr.length; i++) for (let j = i + 1; j < arr.length; j++) if (arr[j]! < arr[i]!) [arr[i], arr[j]] = [arr[j]!, arr[i]!]; return arr;",
    ];
    for (const body of ways) {
      const report = await grade(exercise, wrap(body));
      expect(report.status, body).toBe("rejected");
      expect(report.score).toBe(0);
      expect(report.message).toContain("built-in sorting is not allowed");
    }
  });

  it("gives the same report for the same seed", async () => {
    const source = wrap("const r = Math.random(); if (r < 0.5) arr.reverse(); return arr;");
    const strip = (r: Awaited<ReturnType<typeof grade>>) => JSON.stringify(r.tests.map((t) => [t.name, t.passed, t.message]));
    const a = await grade(exercise, source, { seed: 7 });
    const b = await grade(exercise, source, { seed: 7 });
    expect(strip(a)).toBe(strip(b));
  });
});

describe("validateExercise", () => {
  it("accepts a good exercise: reference 3 times, starter fails, mutant caught", async () => {
    const result = await validateExercise(exercise);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, visibleTests: 2, hiddenTests: 2 });
  });

  it("fails when a mutant passes the tests it is listed for", async () => {
    const broken = { ...exercise, files: { ...exercise.files, "mutants/reversed.ts": exercise.files["solution.ts"]! } };
    const result = await validateExercise(broken);
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.what === "mutant reversed.ts")?.detail).toContain("none of its listed tests failed");
  });
});
