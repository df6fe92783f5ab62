// Replay a failing threading schedule: a Run of one visible test on one seed, through grade()
// with real isolates. The same seed gives the same trace every time, and it is the very
// interleaving the Run reported.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import type { ScheduleVisualizationData, TestReport } from "@autograder/shared";
import { grade } from "../src/index.ts";

const EXERCISES_DIR = fileURLToPath(new URL("../../../exercises", import.meta.url));
let exercise: Exercise;
let starter: string;
beforeAll(async () => {
  exercise = await loadExercise(EXERCISES_DIR, "threading/bank-account");
  starter = exercise.files["starter.ts"]!;
});

const steps = (t: TestReport | undefined) => (t?.details?.visualization?.data as ScheduleVisualizationData | undefined)?.steps;

describe("replay of a schedule seed", () => {
  it("reruns exactly the failing interleaving of one test, the same way twice", async () => {
    const run = await grade(exercise, starter, { mode: "run" });
    const failed = run.tests.find((t) => !t.passed && typeof t.details?.seed === "string");
    expect(failed, "the racy starter fails a visible test with a seed").toBeDefined();
    const replay = { test: failed!.name, seed: String(failed!.details!.seed) };
    const first = await grade(exercise, starter, { mode: "run", replay });
    const second = await grade(exercise, starter, { mode: "run", replay });
    expect(first.tests.map((t) => t.name)).toEqual([failed!.name]);
    expect(first.tests[0]!.passed).toBe(false);
    expect(first.tests[0]!.details!.seed).toBe(replay.seed);
    expect(steps(first.tests[0])!.length).toBeGreaterThan(0);
    expect(steps(second.tests[0])).toEqual(steps(first.tests[0]));
    expect(steps(first.tests[0])).toEqual(steps(failed));
    expect(first.tests[0]!.message).toBe(failed!.message);
  });

  it("passes when the current code survives that interleaving, and never runs hidden tests", async () => {
    const run = await grade(exercise, starter, { mode: "run" });
    const failed = run.tests.find((t) => !t.passed && typeof t.details?.seed === "string")!;
    const fixed = await grade(exercise, exercise.files["solution.ts"]!, { mode: "run", replay: { test: failed.name, seed: String(failed.details!.seed) } });
    expect(fixed.tests).toHaveLength(1);
    expect(fixed.status).toBe("passed");
    const hiddenName = "several depositors and withdrawers";
    const none = await grade(exercise, starter, { mode: "submit", replay: { test: hiddenName, seed: "r-1" } });
    expect(none.tests).toEqual([]);
  });
});
