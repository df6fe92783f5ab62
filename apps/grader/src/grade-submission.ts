// One job: grade a stored submission and write its result exactly once. Every status change
// goes through the submissions model (@autograder/submissions), which refuses illegal moves.
import type { PrismaClient } from "@autograder/db";
import { notifySubmission, requestScoreSync, type JobSender, type ScoreSyncRequest } from "@autograder/queue";
import { grade } from "@autograder/sandbox";
import { ERRORS } from "@autograder/shared";
import { claimForGrading, recordFailure, recordResult } from "@autograder/submissions";
import type pg from "pg";
import { exerciseVersion } from "./exercise-cache.ts";
import { graderLoggerOnUse } from "./logger.ts";

const log = graderLoggerOnUse("grader");

export type GradeOutcome = "graded" | "already-done" | "missing";

/** Seeds are fixed per submission so a regrade replays the same schedules and inputs. */
function seedOf(submissionId: string): number {
  return Number.parseInt(submissionId.replaceAll("-", "").slice(0, 8), 16) % 2_147_483_647 || 1;
}

/** `lmsQueue`: where LMS grade passback jobs go (the worker's pg-boss); without it none is queued. */
export async function gradeSubmission(prisma: PrismaClient, notifier: pg.Pool, submissionId: string, lmsQueue?: JobSender): Promise<GradeOutcome> {
  const claim = await claimForGrading(prisma, submissionId);
  if (claim === null) {
    const exists = await prisma.submission.count({ where: { id: submissionId } });
    return exists === 0 ? "missing" : "already-done";
  }
  await notifySubmission(notifier, { id: submissionId, userId: claim.userId, status: "running" });
  const exercise = await exerciseVersion(prisma, claim.exerciseVersionId);
  const report = await grade(exercise, claim.code, { mode: claim.kind === "run" ? "run" : "submit", seed: seedOf(submissionId), keepHiddenDetails: true });
  const written = await recordResult(prisma, claim, report);
  if (written) await notifySubmission(notifier, { id: submissionId, userId: claim.userId, status: "graded" });
  if (written && lmsQueue) logLms(submissionId, await requestScoreSync(prisma, lmsQueue, { assignmentId: claim.kind === "submit" ? claim.assignmentId : null, userId: claim.userId }));
  return written ? "graded" : "already-done";
}

/** A failure to queue the LMS sync is logged; grading stays done (the gradebook offers "sync again"). */
function logLms(submissionId: string, request: ScoreSyncRequest): void {
  if (!request.queued && request.reason === "error") log().warn({ submissionId }, `LMS score sync not queued: ${request.error}`);
}

/**
 * A job that kept failing: the student sees an `error` result instead of waiting forever, with
 * a stable code and a sentence; `why` (the internal error) goes to the log with the submission
 * id, never into the report.
 */
export async function writeFailure(prisma: PrismaClient, notifier: pg.Pool, submissionId: string, why: string): Promise<void> {
  log().error({ submissionId }, `submission failed for good: ${why}`);
  const failed = await recordFailure(prisma, submissionId, { code: "GRADER_FAILED", message: `${ERRORS.GRADER_FAILED.message} (submission ${submissionId})` });
  if (failed) {
    const s = await prisma.submission.findUnique({ where: { id: submissionId }, select: { userId: true } });
    if (s) await notifySubmission(notifier, { id: submissionId, userId: s.userId, status: "error" });
  }
}
