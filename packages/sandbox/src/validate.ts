// Checks an exercise against itself: the reference scores 100% three times with the same
// verdicts, the starter does not pass, and every mutant fails a test it is listed for.
import type { GradeReport } from "@autograder/shared";
import type { Exercise } from "@autograder/exercise-format";
import { grade } from "./grade.ts";
import { listTests, requirementCoverage, type RequirementCoverage } from "./requirements.ts";

export interface ValidationCheck {
  what: string;
  ok: boolean;
  detail: string;
}

export interface ValidationResult {
  exerciseId: string;
  ok: boolean;
  checks: ValidationCheck[];
  visibleTests: number;
  hiddenTests: number;
  durationMs: number;
  /** Present when exercise.yaml lists requirements. */
  coverage?: RequirementCoverage;
}

const REFERENCE_RUNS = 3;

const verdicts = (r: GradeReport): string => r.tests.map((t) => `${t.name}=${t.passed ? "pass" : (t.verdict ?? "fail")}`).join(",");

/** Called after each grading of a validation: `done` of `total` gradings (reference runs, starter, mutants). */
export type ValidationProgress = (done: number, total: number) => void | Promise<void>;

export async function validateExercise(exercise: Exercise, seed = 1, onProgress?: ValidationProgress): Promise<ValidationResult> {
  const started = performance.now();
  const checks: ValidationCheck[] = [];
  const runs: GradeReport[] = [];
  const total = REFERENCE_RUNS + 1 + exercise.manifest.mutants.length;
  let done = 0;
  const step = async (): Promise<void> => {
    await onProgress?.(++done, total);
  };
  await onProgress?.(0, total);
  for (let i = 0; i < REFERENCE_RUNS; i++) {
    runs.push(await grade(exercise, exercise.files["solution.ts"] ?? "", { seed }));
    await step();
  }
  const first = runs[0]!;
  const perfect = runs.every((r) => r.status === "passed" && r.score === r.maxScore && r.maxScore > 0);
  const failing = first.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message}`);
  checks.push({
    what: "reference scores 100%",
    ok: perfect,
    detail: perfect ? `${REFERENCE_RUNS} runs, ${first.score}/${first.maxScore}` : `${first.status} ${first.score}/${first.maxScore} ${first.message ?? ""} ${failing.slice(0, 3).join("; ")}`.trim(),
  });
  const same = runs.every((r) => verdicts(r) === verdicts(first) && r.status === first.status);
  checks.push({ what: "same verdicts on every run", ok: same, detail: same ? "" : runs.map(verdicts).join(" | ") });

  const starter = await grade(exercise, exercise.files["starter.ts"] ?? "", { seed });
  await step();
  checks.push({ what: "starter does not pass", ok: starter.status !== "passed", detail: `${starter.status} ${starter.score}/${starter.maxScore}` });

  const names = new Set(first.tests.map((t) => t.name));
  const hidden = new Set(first.tests.filter((t) => t.hidden).map((t) => t.name));
  for (const mutant of exercise.manifest.mutants) {
    const unknown = mutant.catches.filter((n) => !names.has(n));
    if (unknown.length > 0) {
      checks.push({ what: `mutant ${mutant.file}`, ok: false, detail: `lists tests that do not exist: ${unknown.join(", ")}` });
      await step();
      continue;
    }
    const report = await grade(exercise, exercise.files[`mutants/${mutant.file}`] ?? "", { seed });
    await step();
    const caughtBy = report.tests.filter((t) => !t.passed && mutant.catches.includes(t.name)).map((t) => t.name);
    // A rule broken (a built-in sort) ends the grading before the other tests run.
    const byHidden = caughtBy.some((n) => hidden.has(n)) || report.status === "rejected";
    const ok = report.status !== "passed" && caughtBy.length > 0 && byHidden;
    const detail = ok
      ? `${report.status}, caught by ${caughtBy.join(", ")}`
      : caughtBy.length === 0
        ? `${report.status} ${report.score}/${report.maxScore}: none of its listed tests failed (${mutant.catches.join(", ")})`
        : `caught only by visible tests (${caughtBy.join(", ")}); a hidden test must catch it too`;
    checks.push({ what: `mutant ${mutant.file}`, ok, detail });
  }
  let coverage: RequirementCoverage | undefined;
  // Required of every exercise once all have requirements; until then, checked where present.
  if (exercise.manifest.requirements !== undefined) {
    coverage = requirementCoverage(exercise, await listTests(exercise));
    checks.push({ what: "every requirement is tested", ok: coverage.problems.length === 0, detail: coverage.problems.join("; ") });
  }
  if (exercise.manifest.mutants.length === 0) checks.push({ what: "has mutants", ok: false, detail: "list at least one known-wrong solution under mutants/" });

  return {
    exerciseId: exercise.id,
    ok: checks.every((c) => c.ok),
    checks,
    visibleTests: first.tests.filter((t) => !t.hidden).length,
    hiddenTests: hidden.size,
    durationMs: Math.round(performance.now() - started),
    ...(coverage ? { coverage } : {}),
  };
}
