// An infinite loop in a Run answers within one test's time limit (real isolates): the module
// body never finishing stops every test, and an exported function that never returns stops
// the tests after the first one that used its whole limit.
import { beforeAll, describe, expect, it } from "vitest";
import type { Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { tinySort } from "./fixture.ts";

let exercise: Exercise;
beforeAll(async () => {
  exercise = await tinySort();
});

const SORT = "for (let i = 0; i < arr.length; i++) for (let j = i + 1; j < arr.length; j++) if (arr[j]! < arr[i]!) [arr[i], arr[j]] = [arr[j]!, arr[i]!]; return arr;";
const wrap = (body: string): string => `export function sortIt(arr: number[]): number[] {\n${body}\n}`;

describe("an infinite loop in a run", () => {
  it("in the module body: one time limit, every test not run, and a sentence saying why", async () => {
    const limit = exercise.manifest.limits.testTimeoutMs;
    const report = await grade(exercise, `while (true) {}\n${wrap(SORT)}`, { mode: "run" });
    expect(report.status).toBe("timeout");
    expect(report.message).toBe(`Your module's top-level code did not finish within ${limit} ms.`);
    expect(report.tests.map((t) => t.message)).toEqual(["Not run: your code did not load.", "Not run: your code did not load."]);
    expect(report.durationMs).toBeLessThan(limit * 2);
  });

  it("inside the exported function: the first test times out and the rest are not run", async () => {
    const limit = exercise.manifest.limits.testTimeoutMs;
    const report = await grade(exercise, wrap(`while (true) {}\n${SORT}`), { mode: "run" });
    expect(report.status).toBe("timeout");
    expect(report.tests[0]).toMatchObject({ passed: false, verdict: "timeout" });
    expect(report.tests[1]).toMatchObject({ passed: false, durationMs: 0 });
    expect(report.tests[1]!.message).toMatch(/^Not run: a test did not finish within its time limit \(1000 ms\), so your code probably never returns/);
    expect(report.message).toContain("the remaining tests were not run");
    // One limit, not one per test (the second test would add another full second).
    expect(report.durationMs).toBeLessThan(limit * 2);
  });

  it("a loop on one input only still stops the run there (the rest would each wait the limit too)", async () => {
    const report = await grade(exercise, wrap(`if (arr[0] === 3) for (;;) {}\n${SORT}`), { mode: "run" });
    expect(report.tests[0]!.verdict).toBe("timeout");
    expect(report.tests[1]!.message).toContain("Not run:");
  });

  it("a submission still grades every test (each one's points count)", async () => {
    const report = await grade(exercise, wrap(`if (arr.length === 3 && arr[0] === 3) for (;;) {}\n${SORT}`));
    expect(report.tests[0]!.verdict).toBe("timeout");
    expect(report.tests[1]!.passed).toBe(true);
    expect(report.tests.some((t) => t.message.startsWith("Not run"))).toBe(false);
  });
});
