import { fileURLToPath } from "node:url";
import { loadExercise, type Exercise } from "@autograder/exercise-format";

export const FIXTURES = fileURLToPath(new URL("./fixtures/exercises", import.meta.url));
/** Exercises of the judge-feature and quality tests only (kept out of FIXTURES, which the apps' tests load whole). */
export const FEATURE_FIXTURES = fileURLToPath(new URL("./fixtures/judge-features", import.meta.url));

export function tinySort(): Promise<Exercise> {
  return loadExercise(FIXTURES, "sorting/tiny-sort");
}
