// A stored submission as the API shows it (SubmissionView in @autograder/shared).
import type { PrismaClient, Submission } from "@autograder/db";
import { ERRORS, type SubmissionView, type Verdict } from "@autograder/shared";

/** Every field of the view but the report. */
export function submissionSummary(s: Submission): Omit<SubmissionView, "report"> {
  return {
    id: s.id,
    exerciseId: s.exerciseId,
    userId: s.userId,
    assignmentId: s.assignmentId,
    kind: s.kind,
    status: s.status,
    verdict: s.verdict as Verdict | null,
    score: s.score,
    maxScore: s.maxScore,
    latePenaltyPercent: s.latePenaltyPercent,
    finalScore: s.finalScore,
    createdAt: s.createdAt.toISOString(),
    gradedAt: s.gradedAt?.toISOString() ?? null,
  };
}

export async function loadSubmissionView(prisma: PrismaClient, id: string): Promise<SubmissionView | null> {
  const s = await prisma.submission.findUnique({ where: { id }, include: { tests: { orderBy: { position: "asc" } } } });
  if (s === null) return null;
  const stored = (s.report ?? {}) as { code?: string; message?: string | null; compileError?: { message: string; line: number; column: number } | null; durationMs?: number };
  const done = s.status === "graded" || s.status === "error";
  // A failure on our side shows a catalog code and its sentence; a failure stored without a
  // code (older rows) may carry internal error text, so it shows the generic sentence.
  const failure = s.status === "error" ? { code: stored.code ?? "GRADER_FAILED", message: stored.code ? (stored.message ?? ERRORS.GRADER_FAILED.message) : ERRORS.GRADER_FAILED.message } : null;
  return {
    ...submissionSummary(s),
    report: done
      ? {
          exerciseId: s.exerciseId,
          status: s.verdict ?? "error",
          score: s.score ?? 0,
          maxScore: s.maxScore ?? 0,
          ...(failure ?? (stored.message ? { message: stored.message } : {})),
          ...(stored.compileError ? { compileError: stored.compileError } : {}),
          stdout: s.stdout ?? "",
          durationMs: stored.durationMs ?? 0,
          tests: s.tests.map((t) => {
            const details = (t.details ?? undefined) as { verdict?: string } | undefined;
            const { verdict, ...rest } = details ?? {};
            return {
              name: t.name,
              hidden: t.hidden,
              passed: t.passed,
              points: t.points,
              maxPoints: t.maxPoints,
              message: t.message ?? "",
              durationMs: t.durationMs,
              ...(verdict ? { verdict } : {}),
              ...(t.hidden || details === undefined ? {} : { details: rest }),
            };
          }),
        }
      : null,
  };
}
