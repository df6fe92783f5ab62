// Queues of the LTI Advantage services (grade passback, roster). The jobs run in the API
// process, which holds the tool's signing key; the grader only queues them.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@autograder/db";
import type { LtiRosterSyncJob, LtiScoreSyncJob } from "@autograder/shared/contracts";

export const LTI_SCORE_QUEUE = "lti-score-sync";
export const LTI_ROSTER_QUEUE = "lti-roster-sync";

/**
 * Retries of a failing LMS call: about 1-2 s, 2-4 s, 4-8 s, 8-16 s, 16-32 s (pg-boss back-off
 * with jitter), then the sync is marked failed and waits for "sync again" or the next grade.
 */
export const LTI_RETRY = { retryLimit: 5, retryDelay: 1, retryBackoff: true } as const;

/**
 * `stately`: at most one job per key queued and one running. A grade that arrives while its
 * sync runs queues one more (the job reads the score when it runs, so the newest score wins);
 * further grades meanwhile fold into that queued job.
 */
export const LTI_QUEUES = [LTI_SCORE_QUEUE, LTI_ROSTER_QUEUE] as const;
export const LTI_QUEUE_OPTIONS = { policy: "stately", ...LTI_RETRY } as const;

/** What the sync requests need of pg-boss (PgBoss itself satisfies it). */
export type JobSender = Pick<PgBoss, "send">;

export type ScoreSyncRequest =
  | { queued: true }
  | { queued: false; reason: "not-an-assignment" | "no-lms-column" | "already-queued" | "error"; error?: string };

/**
 * Called once a graded submit is final (first grading or regrade): when the assignment is
 * placed in an LMS with a gradebook column (or one can be created), queues the sync of the
 * student's counted score. Never throws: grading must not depend on the LMS.
 */
export async function requestScoreSync(
  prisma: PrismaClient,
  queue: JobSender,
  target: { assignmentId: string | null; userId: string },
): Promise<ScoreSyncRequest> {
  const { assignmentId, userId } = target;
  if (assignmentId === null) return { queued: false, reason: "not-an-assignment" };
  try {
    const placed = await prisma.ltiResourceLink.findFirst({
      where: { assignmentId, OR: [{ lineItemUrl: { not: null } }, { ltiContext: { lineItemsUrl: { not: null } } }] },
      select: { id: true },
    });
    if (placed === null) return { queued: false, reason: "no-lms-column" };
    // A sync already on record shows "pending" again until this one ends.
    await prisma.ltiScoreSync.updateMany({
      where: { assignmentId, userId },
      data: { status: "pending", requestedAt: new Date(), attempts: 0, lastError: null, lastErrorCode: null },
    });
    const id = await queue.send(LTI_SCORE_QUEUE, { assignmentId, userId } satisfies LtiScoreSyncJob, {
      ...LTI_RETRY,
      singletonKey: `${assignmentId}:${userId}`,
    });
    return id === null ? { queued: false, reason: "already-queued" } : { queued: true };
  } catch (error) {
    return { queued: false, reason: "error", error: error instanceof Error ? error.message : String(error) };
  }
}

/** Queues a roster sync of one LMS context (one queued at a time per context). */
export async function requestRosterSync(queue: JobSender, ltiContextId: string): Promise<boolean> {
  const id = await queue.send(LTI_ROSTER_QUEUE, { ltiContextId } satisfies LtiRosterSyncJob, { ...LTI_RETRY, singletonKey: ltiContextId });
  return id !== null;
}
