/**
 * Every exercises/sockets/* exercise graded through the real sandbox (isolated-vm), with this
 * package's `socket` module registered: the reference scores 100% with the same traces on two
 * runs, the starter does not pass, and every mutant fails one of its listed hidden tests.
 * Skipped while the sandbox package is not there.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { socketModule } from "../src/index.ts";

interface TestResult {
  name: string;
  passed: boolean;
  hidden: boolean;
  message?: string;
  details?: { visualization?: unknown };
}
interface GradeReport {
  status: string;
  score: number;
  maxScore: number;
  tests: TestResult[];
}
interface Exercise {
  files: Record<string, string>;
  manifest: { mutants: { file: string; catches: string[] }[] };
}
interface Sandbox {
  grade(exercise: Exercise, source: string, options: { seed: number }): Promise<GradeReport>;
  registerPlatformModule(module: typeof socketModule): void;
}
interface Format {
  loadExercise(root: string, id: string): Promise<Exercise>;
}

const ROOT = fileURLToPath(new URL("../../../exercises/", import.meta.url));
const ids = existsSync(`${ROOT}sockets`) ? readdirSync(`${ROOT}sockets`).map((name) => `sockets/${name}`) : [];

/** Imported by name at run time: the sandbox is another package, graded here only if present. */
async function load(): Promise<{ sandbox: Sandbox; format: Format } | null> {
  const names = ["@autograder/sandbox", "@autograder/exercise-format"];
  try {
    const [sandbox, format] = (await Promise.all(names.map((n) => import(n)))) as [Sandbox, Format];
    if (typeof sandbox.registerPlatformModule !== "function") return null;
    sandbox.registerPlatformModule(socketModule);
    return { sandbox, format };
  } catch {
    return null;
  }
}
const env = await load();

describe.skipIf(env === null).each(ids)("exercise %s through the sandbox", (id) => {
  const grade = async (file: string): Promise<GradeReport> => {
    const exercise = await env!.format.loadExercise(ROOT, id);
    return env!.sandbox.grade(exercise, exercise.files[file] ?? "", { seed: 1 });
  };

  it("reference scores 100%, twice with the same traces", async () => {
    const first = await grade("solution.ts");
    expect(first.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message}`)).toEqual([]);
    expect(first.score).toBe(first.maxScore);
    expect(first.tests.filter((t) => !t.hidden).length).toBeGreaterThanOrEqual(4);
    expect(first.tests.filter((t) => t.hidden).length).toBeGreaterThanOrEqual(6);
    const second = await grade("solution.ts");
    expect(second.tests.map((t) => JSON.stringify(t.details?.visualization ?? null))).toEqual(first.tests.map((t) => JSON.stringify(t.details?.visualization ?? null)));
  });

  it("starter does not pass", async () => {
    expect((await grade("starter.ts")).status).not.toBe("passed");
  });

  it("every mutant fails a hidden test it is listed for", async () => {
    const exercise = await env!.format.loadExercise(ROOT, id);
    expect(exercise.manifest.mutants.length).toBeGreaterThanOrEqual(4);
    for (const mutant of exercise.manifest.mutants) {
      const report = await grade(`mutants/${mutant.file}`);
      const caught = report.tests.filter((t) => !t.passed && t.hidden && mutant.catches.includes(t.name)).map((t) => t.name);
      expect({ mutant: mutant.file, caught: caught.length > 0 }).toEqual({ mutant: mutant.file, caught: true });
    }
  });
});
