// CSV of every submission (runs and submits) made to a course's assignments.
import type { PrismaClient } from "@autograder/db";
import { loadAssignments } from "./course-data.ts";
import { toCsv, type CsvCell } from "./csv.ts";
import { countSubmission } from "./scoring.ts";

export const SUBMISSION_COLUMNS = [
  "submission_id",
  "email",
  "name",
  "assignment_id",
  "assignment",
  "exercise_id",
  "kind",
  "status",
  "verdict",
  "score",
  "max_score",
  "late_penalty_percent",
  "counted_percent",
  "created_at",
  "graded_at",
] as const;

export async function submissionsCsv(prisma: PrismaClient, courseId: string): Promise<string> {
  const assignments = await loadAssignments(prisma, courseId);
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const rows = await prisma.submission.findMany({
    where: { assignmentId: { in: [...byId.keys()] } },
    select: {
      id: true,
      assignmentId: true,
      exerciseId: true,
      kind: true,
      status: true,
      verdict: true,
      score: true,
      maxScore: true,
      finalScore: true,
      latePenaltyPercent: true,
      createdAt: true,
      gradedAt: true,
      user: { select: { email: true, name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const records = rows.map((r): CsvCell[] => {
    const a = r.assignmentId ? byId.get(r.assignmentId) : undefined;
    const counted = a && r.kind === "submit" && r.status === "graded" ? countSubmission(r, a) : null;
    return [
      r.id,
      r.user.email,
      r.user.name,
      r.assignmentId,
      a?.title,
      r.exerciseId,
      r.kind,
      r.status,
      r.verdict,
      r.score,
      r.maxScore,
      counted?.latePenaltyPercent ?? null,
      counted?.percent ?? null,
      r.createdAt,
      r.gradedAt,
    ];
  });
  return toCsv([...SUBMISSION_COLUMNS], records);
}
