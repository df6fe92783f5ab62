// The submission state machine, the only code that writes Submission.status:
//
//   queued --claim--> running --record--> graded
//      |                 |  \--fail-----> error
//      \------fail-------+------------------^
//   graded | error --regrade--> queued
//
// Every transition is one conditional UPDATE (... WHERE status IN (allowed sources)), so two
// processes racing on one submission cannot both succeed. A claim also bumps `attempts`, the
// fencing token of a grading: a result is recorded only by the claim that is still the latest,
// so a slow worker that lost its claim to a retry (or to a regrade) cannot overwrite it.
import type { Prisma, PrismaClient, SubmissionStatus } from "@autograder/db";
import type { GradeReport } from "@autograder/shared";
import type { StoredReport, StoredTestDetails } from "@autograder/shared/contracts";
import { finalScore } from "./score.ts";

export type Db = PrismaClient | Prisma.TransactionClient;

/** Allowed moves. `running -> running`: a retry re-claims the submission of a worker that died. */
export const TRANSITIONS: Readonly<Record<SubmissionStatus, readonly SubmissionStatus[]>> = {
  queued: ["running", "error"],
  running: ["running", "graded", "error"],
  graded: ["queued"],
  error: ["queued"],
};

/** The states from which `to` may be reached. */
export function sourcesOf(to: SubmissionStatus): SubmissionStatus[] {
  return (Object.keys(TRANSITIONS) as SubmissionStatus[]).filter((from) => TRANSITIONS[from].includes(to));
}

export function canMove(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A grading's hold on a submission: `attempt` fences its result. */
export interface Claim {
  submissionId: string;
  attempt: number;
  userId: string;
  kind: "run" | "submit";
  code: string;
  exerciseVersionId: string;
  assignmentId: string | null;
  latePenaltyPercent: number;
}

/** queued|running -> running. Null when the submission is missing or already graded/failed. */
export async function claimForGrading(db: Db, submissionId: string): Promise<Claim | null> {
  const rows = await db.$queryRaw<Claim[]>`
    UPDATE "Submission" SET status = 'running', "startedAt" = now(), attempts = attempts + 1
     WHERE id = ${submissionId}::uuid AND status::text = ANY(${sourcesOf("running")})
     RETURNING id AS "submissionId", attempts AS attempt, "userId"::text AS "userId", kind::text AS kind, code,
               "exerciseVersionId"::text AS "exerciseVersionId", "assignmentId"::text AS "assignmentId", "latePenaltyPercent"`;
  return rows[0] ?? null;
}

/**
 * running -> graded, with the report and its test rows, only for the latest claim. The final
 * score (late penalty applied) is computed here, from the penalty fixed at submission time.
 */
export async function recordResult(prisma: PrismaClient, claim: Claim, report: GradeReport): Promise<boolean> {
  const penalty = claim.kind === "submit" ? claim.latePenaltyPercent : 0;
  return prisma.$transaction(async (tx) => {
    const written = await tx.submission.updateMany({
      where: { id: claim.submissionId, status: { in: sourcesOf("graded") }, attempts: claim.attempt },
      data: {
        status: "graded",
        verdict: report.status,
        score: report.score,
        maxScore: report.maxScore,
        finalScore: finalScore(report.score, penalty),
        stdout: report.stdout,
        report: { message: report.message ?? null, compileError: report.compileError ?? null, durationMs: report.durationMs } satisfies StoredReport,
        gradedAt: new Date(),
      },
    });
    if (written.count === 0) return false;
    // Rows of an earlier round make way for this result.
    await tx.testResult.deleteMany({ where: { submissionId: claim.submissionId } });
    await tx.testResult.createMany({
      data: report.tests.map((t, position) => ({
        submissionId: claim.submissionId,
        position,
        name: t.name,
        hidden: t.hidden,
        passed: t.passed,
        points: t.points,
        maxPoints: t.maxPoints,
        message: t.message,
        durationMs: t.durationMs,
        // Typed by its contract; Prisma's JSON input type cannot express `unknown` fields.
        // Hidden tests' details are stored for the course's staff; the API shows them to no one else.
        details:
          t.hidden && t.details === undefined && t.verdict === undefined
            ? undefined
            : (({ ...(t.details ?? {}), ...(t.verdict ? { verdict: t.verdict } : {}) } satisfies StoredTestDetails) as Prisma.InputJsonObject),
      })),
    });
    return true;
  });
}

/** queued|running -> error, with a catalog code and a sentence (never an internal error). */
export async function recordFailure(db: Db, submissionId: string, failure: Extract<StoredReport, { code: string }>): Promise<boolean> {
  const written = await db.submission.updateMany({
    where: { id: submissionId, status: { in: sourcesOf("error") } },
    data: { status: "error", verdict: "error", report: failure, gradedAt: new Date() },
  });
  return written.count > 0;
}

/**
 * graded|error -> queued against `versionId`, clearing the result. Returns the ids actually
 * reset: a submission being graded (queued or running) is left alone, so a regrade never
 * starts a second grading of it.
 */
export async function resetForRegrade(db: Db, submissionIds: string[], versionId: string): Promise<string[]> {
  if (submissionIds.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Submission" SET status = 'queued', "exerciseVersionId" = ${versionId}::uuid, verdict = NULL, score = NULL,
           "finalScore" = NULL, "gradedAt" = NULL, "startedAt" = NULL, report = NULL, stdout = NULL
     WHERE id = ANY(${submissionIds}::uuid[]) AND status::text = ANY(${sourcesOf("queued")})
     RETURNING id::text AS id`;
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) await db.testResult.deleteMany({ where: { submissionId: { in: ids } } });
  return ids;
}
