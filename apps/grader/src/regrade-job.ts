// A regrade run's job: the submissions model resets each submission, the grading queue takes it.
import type { PrismaClient } from "@autograder/db";
import { enqueueGrading, notifySubmission, type PgBoss } from "@autograder/queue";
import { runRegrade } from "@autograder/submissions";
import type pg from "pg";

export async function runRegradeJob(prisma: PrismaClient, boss: PgBoss, notifier: pg.Pool, runId: string): Promise<void> {
  await runRegrade(prisma, runId, async (submissionId, userId, round) => {
    try {
      await enqueueGrading(boss, notifier, submissionId, round);
    } catch (error) {
      // Already queued for this round: a retry of this job after a crash. Anything else is real.
      if (!(error instanceof Error && error.message.endsWith("is already queued"))) throw error;
    }
    await notifySubmission(notifier, { id: submissionId, userId, status: "queued" });
  });
}
