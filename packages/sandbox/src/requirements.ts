// Requirements as data: which tests check each requirement of exercise.yaml, and what is wrong
// with that mapping (a requirement no test covers, a test naming an unknown requirement).
import type { Exercise } from "@autograder/exercise-format";
import { judgeScript } from "./build.ts";
import { JudgeSession, type TestInfo } from "./judge-session.ts";

export interface RequirementCoverage {
  /** One row per requirement, in exercise.yaml's order; empty when the exercise lists none. */
  rows: Array<{ id: string; text: string; tests: string[]; hiddenTests: number }>;
  /** Empty when every requirement is covered and every `requires` names a known one. */
  problems: string[];
  /** Not errors: tests that name no requirement. */
  warnings: string[];
  /** Requirements covered by at least one test. */
  covered: number;
}

/** The tests' list (name, weight, visibility, requires), read in a judge isolate. */
export async function listTests(exercise: Exercise): Promise<TestInfo[]> {
  const refuse = (): Promise<string> => Promise.reject(new Error("listing tests runs no student code"));
  const judge = await JudgeSession.start(await judgeScript(exercise.files["tests.ts"] ?? "", exercise.contentHash), exercise.contentHash, { call: refuse, drive: refuse });
  try {
    return judge.tests;
  } finally {
    judge.dispose();
  }
}

export function requirementCoverage(exercise: Exercise, tests: readonly TestInfo[]): RequirementCoverage {
  const requirements = exercise.manifest.requirements ?? [];
  const known = new Set(requirements.map((r) => r.id));
  const problems: string[] = [];
  for (const t of tests) {
    for (const id of t.requires ?? []) if (!known.has(id)) problems.push(`test "${t.name}" requires ${id}, which exercise.yaml does not list`);
  }
  const rows = requirements.map((r) => {
    const covering = tests.filter((t) => t.requires?.includes(r.id));
    return { id: r.id, text: r.text, tests: covering.map((t) => t.name), hiddenTests: covering.filter((t) => t.hidden).length };
  });
  for (const row of rows) if (row.tests.length === 0) problems.push(`requirement ${row.id} is covered by no test ("${row.text}")`);
  const warnings = requirements.length === 0 ? [] : tests.filter((t) => (t.requires ?? []).length === 0).map((t) => `test "${t.name}" names no requirement`);
  return { rows, problems, warnings, covered: rows.filter((r) => r.tests.length > 0).length };
}

/** The coverage table as text: one line per requirement. */
export function formatCoverage(coverage: RequirementCoverage): string {
  return coverage.rows
    .map((r) => `  ${r.id.padEnd(5)} ${r.tests.length === 0 ? "NOT COVERED" : `${r.tests.length} tests (${r.hiddenTests} hidden)`.padEnd(22)} ${r.text.length > 90 ? `${r.text.slice(0, 87)}...` : r.text}`)
    .join("\n");
}
