// A student's timeline in a course: every run and submit on the course's exercises, in order.
import type { PrismaClient } from "@autograder/db";
import type { TimelineEntry } from "@autograder/shared";

export async function studentTimeline(prisma: PrismaClient, courseId: string, userId: string): Promise<TimelineEntry[]> {
  const assignments = await prisma.assignment.findMany({ where: { courseId }, select: { id: true, exerciseId: true } });
  if (assignments.length === 0) return [];
  const rows = await prisma.submission.findMany({
    where: {
      userId,
      OR: [
        { assignmentId: { in: assignments.map((a) => a.id) } },
        // Runs carry no assignment: those on the course's exercises belong to the story too.
        { kind: "run", assignmentId: null, exerciseId: { in: assignments.map((a) => a.exerciseId) } },
      ],
    },
    select: {
      id: true,
      kind: true,
      exerciseId: true,
      assignmentId: true,
      status: true,
      verdict: true,
      score: true,
      maxScore: true,
      latePenaltyPercent: true,
      finalScore: true,
      createdAt: true,
      gradedAt: true,
      tests: { select: { passed: true } },
    },
    orderBy: { createdAt: "asc" },
    take: 5000,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    exerciseId: r.exerciseId,
    assignmentId: r.assignmentId,
    status: r.status,
    verdict: r.verdict,
    score: r.score,
    maxScore: r.maxScore,
    latePenaltyPercent: r.latePenaltyPercent,
    finalScore: r.finalScore,
    testsPassed: r.tests.filter((t) => t.passed).length,
    testsTotal: r.tests.length,
    createdAt: r.createdAt.toISOString(),
    gradedAt: r.gradedAt?.toISOString() ?? null,
  }));
}
