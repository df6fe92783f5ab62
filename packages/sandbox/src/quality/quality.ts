// The mutation score of an exercise: every generated mutant of its reference solution is graded
// in-process like a submission; a mutant is killed when the grade is not `passed`. Mutants
// recorded in exercise.yaml's `equivalentMutants` (by id) are counted apart.
import type { Exercise } from "@autograder/exercise-format";
import { grade } from "../grade.ts";
import { listTests, requirementCoverage } from "../requirements.ts";
import { generateMutants, type GeneratedMutant } from "./mutants.ts";

export interface MutantResult {
  id: string;
  mutator: string;
  origin: GeneratedMutant["origin"];
  status: "killed" | "survived" | "equivalent";
  /** The grading's status; "crash" when the process grading it died (exercises:quality restarts after it). */
  /** The verdict that killed it, and the first failed test. */
  verdict: string;
  killedBy?: string;
}

export interface QualityResult {
  exerciseId: string;
  requirements: { covered: number; total: number };
  mutants: number;
  killed: number;
  equivalent: number;
  survived: number;
  /** killed / (mutants - equivalent), 0..1; 1 when there is nothing to kill. */
  score: number;
  seconds: number;
  results: MutantResult[];
  /** Ids in exercise.yaml's equivalentMutants that match no generated mutant (stale). */
  unknownEquivalents: string[];
  /** Set when the reference itself does not pass: nothing else was measured. */
  error?: string;
}

export interface QualityOptions {
  /** Grade only this many mutants, spread evenly over the list (a deterministic sample). */
  sample?: number;
  seed?: number;
  /** Results already measured (by an earlier process) for the first mutants: grading starts after them. */
  given?: MutantResult[];
  /** Called before a mutant is graded (a process that dies during it names the culprit). */
  onStart?: (mutant: Pick<MutantResult, "id" | "mutator" | "origin">, index: number, total: number) => void;
  onMutant?: (result: MutantResult, index: number, total: number) => void;
}

/** `n` items spread evenly over `items`, always the same ones. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / n)] as T);
}

export async function measureQuality(exercise: Exercise, options: QualityOptions = {}): Promise<QualityResult> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const reference = exercise.files["solution.ts"] ?? "";
  const coverage = requirementCoverage(exercise, await listTests(exercise));
  const requirements = { covered: coverage.covered, total: coverage.rows.length };
  const base = { exerciseId: exercise.id, requirements, mutants: 0, killed: 0, equivalent: 0, survived: 0, score: 0, results: [], unknownEquivalents: [] };
  const check = await grade(exercise, reference, { seed });
  if (check.status !== "passed") return { ...base, seconds: (performance.now() - started) / 1000, error: `the reference solution does not pass (${check.status})` };

  const all = await generateMutants(reference);
  const equivalent = new Map(exercise.manifest.equivalentMutants.map((e) => [e.id, e.reason]));
  const chosen = options.sample === undefined ? all : spread(all, options.sample);
  const results: MutantResult[] = [...(options.given ?? [])];
  for (const [index, m] of chosen.entries()) {
    if (index < results.length) continue;
    options.onStart?.({ id: m.id, mutator: m.mutator, origin: m.origin }, index, chosen.length);
    let result: MutantResult;
    if (equivalent.has(m.id)) result = { id: m.id, mutator: m.mutator, origin: m.origin, status: "equivalent", verdict: "-" };
    else {
      const report = await grade(exercise, m.source, { seed, failFast: true });
      const failed = report.tests.find((t) => !t.passed);
      result = {
        id: m.id,
        mutator: m.mutator,
        origin: m.origin,
        status: report.status === "passed" ? "survived" : "killed",
        verdict: report.status,
        ...(failed ? { killedBy: failed.name } : {}),
      };
    }
    results.push(result);
    options.onMutant?.(result, index, chosen.length);
  }
  const count = (s: MutantResult["status"]): number => results.filter((r) => r.status === s).length;
  const killed = count("killed");
  const eq = count("equivalent");
  const ids = new Set(all.map((m) => m.id));
  return {
    ...base,
    mutants: results.length,
    killed,
    equivalent: eq,
    survived: count("survived"),
    score: results.length - eq === 0 ? 1 : killed / (results.length - eq),
    seconds: (performance.now() - started) / 1000,
    results,
    unknownEquivalents: [...equivalent.keys()].filter((id) => !ids.has(id)),
  };
}

/** The table `exercises:quality` prints and docs/exercise-quality.md holds (Markdown). */
export function qualityTable(results: readonly QualityResult[]): string {
  const rows = results.map((r) =>
    `| ${r.exerciseId} | ${r.requirements.total === 0 ? "none listed" : `${r.requirements.covered}/${r.requirements.total}`} | ${r.mutants} | ${r.killed} | ${r.equivalent} | ${r.survived} | ${r.error ? "error" : `${Math.round(r.score * 1000) / 10}%`} | ${r.seconds.toFixed(1)} |`,
  );
  return ["| exercise | requirements covered | mutants | killed | equivalent | survived | score | seconds |", "| --- | --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}
