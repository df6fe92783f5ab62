// One job: grade a stored submission and write its result exactly once.
import type { PrismaClient } from "@autograder/db";
import { notifySubmission } from "@autograder/queue";
import { grade } from "@autograder/sandbox";
import { ERRORS, type GradeReport } from "@autograder/shared";
import type pg from "pg";
import { exerciseVersion } from "./exercise-cache.ts";
import { graderLoggerOnUse } from "./logger.ts";

const log = graderLoggerOnUse("grader");

export type GradeOutcome = "graded" | "already-done" | "missing";

/** Seeds are fixed per submission so a regrade replays the same schedules and inputs. */
function seedOf(submissionId: string): number {
  return Number.parseInt(submissionId.replaceAll("-", "").slice(0, 8), 16) % 2_147_483_647 || 1;
}

export async function gradeSubmission(prisma: PrismaClient, notifier: pg.Pool, submissionId: string): Promise<GradeOutcome> {
  const submission = await prisma.submission.findUnique({ where: { id: submissionId } });
  if (submission === null) return "missing";
  if (submission.status === "graded") return "already-done";
  await prisma.submission.update({ where: { id: submissionId }, data: { status: "running", startedAt: new Date(), attempts: { increment: 1 } } });
  await notifySubmission(notifier, { id: submissionId, userId: submission.userId, status: "running" });
  const exercise = await exerciseVersion(prisma, submission.exerciseVersionId);
  const report = await grade(exercise, submission.code, { mode: submission.kind === "run" ? "run" : "submit", seed: seedOf(submissionId) });
  const written = await writeResult(prisma, submissionId, report, submission.kind === "submit" ? submission.latePenaltyPercent : 0);
  if (written) await notifySubmission(notifier, { id: submissionId, userId: submission.userId, status: "graded" });
  return written ? "graded" : "already-done";
}

/**
 * Writes the report in one transaction, only if no result was written before: a job delivered
 * twice (or retried after a worker died just after writing) never writes two results.
 */
export async function writeResult(prisma: PrismaClient, submissionId: string, report: GradeReport, latePenaltyPercent: number): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.submission.updateMany({
      where: { id: submissionId, status: { not: "graded" } },
      data: {
        status: "graded",
        verdict: report.status,
        score: report.score,
        maxScore: report.maxScore,
        finalScore: Math.max(0, report.score * (1 - latePenaltyPercent / 100)),
        stdout: report.stdout,
        report: { message: report.message ?? null, compileError: report.compileError ?? null, durationMs: report.durationMs } as object,
        gradedAt: new Date(),
      },
    });
    if (claimed.count === 0) return false;
    // Rows of an earlier round (a regrade that raced with this one) make way for this result.
    await tx.testResult.deleteMany({ where: { submissionId } });
    await tx.testResult.createMany({
      data: report.tests.map((t, position) => ({
        submissionId,
        position,
        name: t.name,
        hidden: t.hidden,
        passed: t.passed,
        points: t.points,
        maxPoints: t.maxPoints,
        message: t.message,
        durationMs: t.durationMs,
        details: t.hidden ? undefined : ({ ...(t.details ?? {}), ...(t.verdict ? { verdict: t.verdict } : {}) } as object),
      })),
    });
    return true;
  });
}

/**
 * A job that kept failing: the student sees an `error` result instead of waiting forever, with
 * a stable code and a sentence; `why` (the internal error) goes to the log with the submission
 * id, never into the report.
 */
export async function writeFailure(prisma: PrismaClient, notifier: pg.Pool, submissionId: string, why: string): Promise<void> {
  log().error({ submissionId }, `submission failed for good: ${why}`);
  const claimed = await prisma.submission.updateMany({
    where: { id: submissionId, status: { not: "graded" } },
    data: { status: "error", verdict: "error", report: { code: "GRADER_FAILED", message: `${ERRORS.GRADER_FAILED.message} (submission ${submissionId})` }, gradedAt: new Date() },
  });
  if (claimed.count > 0) {
    const s = await prisma.submission.findUnique({ where: { id: submissionId }, select: { userId: true } });
    if (s) await notifySubmission(notifier, { id: submissionId, userId: s.userId, status: "error" });
  }
}
