// What the platform shows about an exercise without revealing its tests: their names, weights
// and visibility (read by loading tests.ts in a judge isolate, never in the host), and the
// TypeScript declarations of the platform modules its students may import.
import type { Exercise } from "@autograder/exercise-format";
import type { ExerciseDescription } from "@autograder/shared/contracts";
import { judgeScript } from "./build.ts";
import { JudgeSession } from "./judge-session.ts";
import { platformModule } from "./platform.ts";
import { studentModules } from "./grade.ts";

/** The describe CLI prints these; its contract (TypeBox) is in @autograder/shared/contracts. */
export type { ExerciseDescription };

export async function describeExercise(exercise: Exercise): Promise<ExerciseDescription> {
  const refuse = (): Promise<string> => Promise.reject(new Error("describing an exercise runs no student code"));
  const judge = await JudgeSession.start(await judgeScript(exercise.files["tests.ts"] ?? "", exercise.contentHash), exercise.contentHash, { call: refuse, drive: refuse });
  try {
    const declarations: Record<string, string> = {};
    for (const { name } of studentModules(exercise)) declarations[name] = platformModule(name)?.declarations ?? "";
    return { tests: judge.tests.map(({ name, hidden, weight }) => ({ name, hidden, weight })), declarations };
  } finally {
    judge.dispose();
  }
}
