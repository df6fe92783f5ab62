import { fileURLToPath } from "node:url";
import { loadExercise, type Exercise } from "@autograder/exercise-format";

export const FIXTURES = fileURLToPath(new URL("./fixtures/exercises", import.meta.url));

export function tinySort(): Promise<Exercise> {
  return loadExercise(FIXTURES, "sorting/tiny-sort");
}
