// Grading p50 of every reference of a family, through the real sandbox (isolates, judge,
// full test suite), on a warm process. Run after bench:net and bench:threads:
//   reference-p50.ts <family>
import { findExerciseIds, loadExercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { EXERCISES_DIR } from "../src/cli/paths.ts";

export async function printReferenceP50(family: string, runs = 7): Promise<void> {
  console.log(`\ngrading p50 per ${family} reference (sandbox, full suite, ${runs} runs after one warm-up)`);
  for (const id of (await findExerciseIds(EXERCISES_DIR)).filter((i) => i.startsWith(`${family}/`))) {
    const exercise = await loadExercise(EXERCISES_DIR, id);
    const solution = exercise.files["solution.ts"] ?? "";
    await grade(exercise, solution);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const report = await grade(exercise, solution);
      times.push(performance.now() - started);
      if (report.status !== "passed") throw new Error(`the reference of ${id} did not pass: ${report.status}`);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${id.padEnd(32)} p50 ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(5)} ms   max ${times.at(-1)!.toFixed(0).padStart(5)} ms`);
  }
}

const family = process.argv[2];
if (family !== undefined) await printReferenceP50(family);
