import type { Manifest } from "./manifest.ts";

/** The files of an exercise, by their path inside its folder ("mutants/off-by-one.ts"). */
export type ExerciseFiles = Record<string, string>;

export interface Exercise {
  /** Its folder path under exercises/, e.g. "sorting/selection-sort". */
  readonly id: string;
  readonly manifest: Manifest;
  readonly files: ExerciseFiles;
  /** sha256 of every file's path and content: a changed folder is a new version. */
  readonly contentHash: string;
}

export const REQUIRED_FILES = ["exercise.yaml", "README.md", "starter.ts", "solution.ts", "tests.ts"] as const;
/** Files a student may see: everything else (solution, tests, workload, mutants) stays server-side. */
export const STUDENT_FILES = ["README.md", "starter.ts"] as const;

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;
