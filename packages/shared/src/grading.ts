// The grader's result shape: produced by packages/sandbox and the grade CLI, stored by
// the grader worker, served by the API and drawn by the web app.

export const VERDICTS = [
  "passed",
  "failed",
  "compile_error",
  "runtime_error",
  "timeout",
  "memory_limit",
  "output_limit",
  "rejected",
  "deadlock",
  "error",
] as const;
export type Verdict = (typeof VERDICTS)[number];

export type SubmissionKind = "run" | "submit";
export type SubmissionStatus = "queued" | "running" | "graded" | "error";

export interface TestReport {
  name: string;
  hidden: boolean;
  passed: boolean;
  points: number;
  maxPoints: number;
  /** Why it failed, in words for the student. Hidden tests: the author's hint only. */
  message: string;
  durationMs: number;
  /** Verdict of this test when it did not simply fail an assertion (timeout, deadlock...). */
  verdict?: Verdict;
  /** Visible tests only: what was given, expected and produced, plus pictures' data. */
  details?: TestDetails;
}

export interface TestDetails {
  input?: unknown;
  expected?: unknown;
  actual?: unknown;
  diff?: string;
  /** Data for the web app's pictures; `kind` says which picture. */
  visualization?: { kind: "sorting" | "network" | "schedule"; data: unknown };
  /** Replay seed of a failing schedule or network run (the judge passes it on as text). */
  seed?: number | string;
}

export interface GradeReport {
  exerciseId: string;
  status: Verdict;
  score: number;
  maxScore: number;
  durationMs: number;
  tests: TestReport[];
  stdout: string;
  /** Set for compile_error. */
  compileError?: { message: string; line: number; column: number };
  /** Set when the whole run ended abnormally (timeout, memory_limit, rejected...). */
  message?: string;
}
