// A regrade run: started by the API (which chooses the submissions and records each one's
// score before), carried out by a queue job in the grader (`runRegrade`: reset each submission
// to queued and queue its grading), followed by `regradeProgress` until every submission has
// a new result, then summarised as grade changes. Every step is idempotent, so the job may be
// retried after a crash and the API restarted at any point.
import type { Prisma, PrismaClient } from "@autograder/db";
import { resetForRegrade, type Db } from "./status.ts";
import type { RegradeSummary } from "@autograder/shared";

/** Queues the grading of one submission (the queue package's enqueue, passed in). */
export type EnqueueGrading = (submissionId: string, userId: string, round: string) => Promise<void>;

/**
 * Creates a run over `submissionIds` (graded or failed submissions of one exercise), each with
 * its current final score as `before`. Call it inside the transaction that chose them.
 */
export async function createRegradeRun(
  tx: Prisma.TransactionClient,
  run: { exerciseId: string; exerciseVersionId: string; requestedById: string; submissionIds: string[] },
): Promise<string> {
  const created = await tx.regradeRun.create({
    data: { exerciseId: run.exerciseId, exerciseVersionId: run.exerciseVersionId, requestedById: run.requestedById, total: run.submissionIds.length },
    select: { id: true },
  });
  await tx.$executeRaw`
    INSERT INTO "RegradeItem" ("runId", "submissionId", "before")
    SELECT ${created.id}::uuid, s.id, s."finalScore" FROM "Submission" s WHERE s.id = ANY(${run.submissionIds}::uuid[])`;
  return created.id;
}

const BATCH = 50;

/**
 * The job: resets and queues every submission of the run not yet handled. A submission that
 * is being graded when the job reaches it (a student's resubmission cannot be one, but another
 * run's regrade can) is skipped, not graded twice.
 */
export async function runRegrade(prisma: PrismaClient, runId: string, enqueue: EnqueueGrading): Promise<void> {
  const run = await prisma.regradeRun.findUnique({ where: { id: runId } });
  if (run === null || run.exerciseVersionId === null) return;
  const versionId = run.exerciseVersionId;
  for (;;) {
    const batch = await prisma.regradeItem.findMany({ where: { runId, resetAt: null }, take: BATCH, select: { submissionId: true } });
    if (batch.length === 0) break;
    const ids = batch.map((i) => i.submissionId);
    await prisma.$transaction(async (tx) => {
      const reset = new Set(await resetForRegrade(tx, ids, versionId));
      const now = new Date();
      await tx.regradeItem.updateMany({ where: { runId, submissionId: { in: [...reset] } }, data: { resetAt: now } });
      await tx.regradeItem.updateMany({ where: { runId, submissionId: { in: ids.filter((id) => !reset.has(id)) } }, data: { resetAt: now, skipped: true } });
    });
    await queueReset(prisma, runId, enqueue);
  }
  // A retry after a crash between the reset and the enqueue finds these still unqueued.
  await queueReset(prisma, runId, enqueue);
}

async function queueReset(prisma: PrismaClient, runId: string, enqueue: EnqueueGrading): Promise<void> {
  const pending = await prisma.regradeItem.findMany({
    where: { runId, resetAt: { not: null }, skipped: false, queued: false },
    select: { submissionId: true, submission: { select: { userId: true } } },
  });
  for (const item of pending) {
    await enqueue(item.submissionId, item.submission.userId, `regrade-${runId}`);
    await prisma.regradeItem.update({ where: { runId_submissionId: { runId, submissionId: item.submissionId } }, data: { queued: true } });
  }
  const enqueued = await prisma.regradeItem.count({ where: { runId, OR: [{ queued: true }, { skipped: true }] } });
  await prisma.regradeRun.update({ where: { id: runId }, data: { enqueued } });
}

export interface RegradeProgress {
  id: string;
  exerciseId: string;
  total: number;
  /** Submissions reset and queued (or skipped) by the job so far. */
  enqueued: number;
  done: number;
  failed: number;
  skipped: number;
  finished: boolean;
  /** Once finished: how final scores moved. */
  summary: RegradeSummary | null;
}

interface Counts {
  done: bigint;
  failed: bigint;
  skipped: bigint;
}

/** Where a run stands; the first call that finds it complete records `after` and finishes it. */
export async function regradeProgress(prisma: PrismaClient, runId: string): Promise<RegradeProgress | null> {
  const run = await prisma.regradeRun.findUnique({ where: { id: runId } });
  if (run === null) return null;
  // A reset clears the result, so a reset item whose submission has one again was regraded
  // (no clocks compared: the job and the graders may run on different machines).
  const [counts] = await prisma.$queryRaw<Counts[]>`
    SELECT count(*) FILTER (WHERE NOT i.skipped AND i."resetAt" IS NOT NULL AND s.status = 'graded') AS done,
           count(*) FILTER (WHERE NOT i.skipped AND i."resetAt" IS NOT NULL AND s.status = 'error') AS failed,
           count(*) FILTER (WHERE i.skipped) AS skipped
      FROM "RegradeItem" i JOIN "Submission" s ON s.id = i."submissionId"
     WHERE i."runId" = ${runId}::uuid`;
  const skipped = Number(counts?.skipped ?? 0);
  // A finished run keeps its counts, whatever later regrades do to its submissions.
  const done = run.finishedAt !== null ? run.done : Number(counts?.done ?? 0);
  const failed = run.finishedAt !== null ? run.failed : Number(counts?.failed ?? 0);
  const items = await prisma.regradeItem.count({ where: { runId } });
  const finished = run.finishedAt !== null || done + failed + skipped >= items;
  if (finished && run.finishedAt === null) {
    await prisma.$transaction([
      prisma.$executeRaw`
        UPDATE "RegradeItem" i SET "after" = s."finalScore" FROM "Submission" s
         WHERE i."runId" = ${runId}::uuid AND s.id = i."submissionId" AND NOT i.skipped`,
      prisma.regradeRun.updateMany({ where: { id: runId, finishedAt: null }, data: { done, failed, finishedAt: new Date() } }),
    ]);
  }
  return {
    id: run.id,
    exerciseId: run.exerciseId,
    total: run.total,
    enqueued: run.enqueued,
    done,
    failed,
    skipped,
    finished,
    summary: finished ? await summaryOf(prisma, runId) : null,
  };
}

async function summaryOf(prisma: PrismaClient, runId: string): Promise<NonNullable<RegradeProgress["summary"]>> {
  const items = await prisma.regradeItem.findMany({
    where: { runId, skipped: false },
    select: { submissionId: true, before: true, after: true, submission: { select: { userId: true, assignmentId: true, user: { select: { name: true } } } } },
    orderBy: { submissionId: "asc" },
  });
  const summary: RegradeSummary = { up: 0, down: 0, unchanged: 0, changes: [] };
  for (const i of items) {
    const delta = (i.after ?? 0) - (i.before ?? 0);
    if (delta > 0) summary.up++;
    else if (delta < 0) summary.down++;
    else summary.unchanged++;
    if (delta !== 0) {
      summary.changes.push({ submissionId: i.submissionId, userId: i.submission.userId, userName: i.submission.user.name, assignmentId: i.submission.assignmentId, before: i.before, after: i.after });
    }
  }
  return summary;
}

/**
 * A run unfinished this long no longer holds back a new one (its job may have failed for good,
 * or a submission be stuck); a new run is safe anyway: it skips what is still being regraded.
 */
export const STALE_RUN_MS = 30 * 60_000;

/** The run still going for this exercise and requester, if any (asking again answers it). */
export async function unfinishedRun(db: Db, exerciseId: string, requestedById: string, now = new Date()): Promise<string | null> {
  const run = await db.regradeRun.findFirst({
    where: { exerciseId, requestedById, finishedAt: null, createdAt: { gt: new Date(now.getTime() - STALE_RUN_MS) } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return run?.id ?? null;
}
