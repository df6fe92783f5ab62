// A stored submission as the API shows it (SubmissionView in @autograder/shared).
import type { PrismaClient, Submission } from "@autograder/db";
import { ERRORS, type SubmissionView, type Verdict } from "@autograder/shared";
import { checkContract, ContractError, StoredReport, StoredTestDetails } from "@autograder/shared/contracts";

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

/**
 * `onUnreadable` hears about a stored report or test details that do not match their
 * contract; the view then carries REPORT_UNREADABLE instead of the stored parts.
 */
export async function loadSubmissionView(
  prisma: PrismaClient,
  id: string,
  onUnreadable: (error: ContractError) => void = () => {},
  /** Staff reviewing a student's work see hidden tests' details too (access/policy.ts seesHiddenTests). */
  { hiddenDetails = false }: { hiddenDetails?: boolean } = {},
): Promise<SubmissionView | null> {
  const s = await prisma.submission.findUnique({ where: { id }, include: { tests: { orderBy: { position: "asc" } } } });
  if (s === null) return null;
  if (s.status !== "graded" && s.status !== "error") return { ...submissionSummary(s), report: null };
  const stored = checkContract(StoredReport, s.report, `submission ${s.id} report`);
  const tests = s.tests.map((t) => ({ row: t, details: (t.hidden && !hiddenDetails) || t.details === null ? undefined : checkContract(StoredTestDetails, t.details, `submission ${s.id} test ${t.position} details`) }));
  const unreadable = [stored, ...tests.map((t) => t.details)].filter((x) => x instanceof ContractError);
  unreadable.forEach(onUnreadable);
  const failure = (code: "GRADER_FAILED" | "REPORT_UNREADABLE") => ({ code, message: ERRORS[code].message });
  // A failure on our side shows a catalog code and its sentence; one stored without a code
  // (older rows) may carry internal error text, so it shows the generic sentence.
  const shown =
    s.status === "error"
      ? stored instanceof ContractError || !("code" in stored)
        ? failure("GRADER_FAILED")
        : { code: stored.code, message: stored.message }
      : unreadable.length > 0 || "code" in stored
        ? failure("REPORT_UNREADABLE")
        : stored.message
          ? { message: stored.message }
          : {};
  const graded = stored instanceof ContractError || "code" in stored ? undefined : stored;
  return {
    ...submissionSummary(s),
    report: {
      exerciseId: s.exerciseId,
      status: s.verdict ?? "error",
      score: s.score ?? 0,
      maxScore: s.maxScore ?? 0,
      ...shown,
      ...(graded?.compileError ? { compileError: graded.compileError } : {}),
      stdout: s.stdout ?? "",
      durationMs: graded?.durationMs ?? 0,
      tests: tests.map(({ row: t, details }) => {
        const { verdict, ...rest } = details === undefined || details instanceof ContractError ? {} : details;
        return {
          name: t.name,
          hidden: t.hidden,
          passed: t.passed,
          points: t.points,
          maxPoints: t.maxPoints,
          message: t.message ?? "",
          durationMs: t.durationMs,
          ...(verdict ? { verdict } : {}),
          ...(details === undefined || details instanceof ContractError ? {} : { details: rest }),
        };
      }),
    },
  };
}
