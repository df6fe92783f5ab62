// One custom-run job: call one export on typed arguments, or replay one visible threading test
// on one schedule seed. Same sandbox as a grading; the result is the job's output (no
// submission row, no grade).
import type { PrismaClient } from "@autograder/db";
import { customRun, grade } from "@autograder/sandbox";
import type { CustomRunJob, CustomRunOutput } from "@autograder/shared/contracts";
import { exerciseVersion } from "./exercise-cache.ts";

export async function runCustomJob(prisma: PrismaClient, job: CustomRunJob): Promise<CustomRunOutput> {
  const exercise = await exerciseVersion(prisma, job.exerciseVersionId);
  if (job.kind === "call") return { kind: "call", result: await customRun(exercise, job.code, { exportName: job.exportName, args: job.args }) };
  return { kind: "replay", report: await grade(exercise, job.code, { mode: "run", replay: { test: job.test, seed: job.seed } }) };
}
