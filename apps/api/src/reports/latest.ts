// Each student's latest submit per assignment, for the roster: what they last handed in, its
// state and score (whatever the grade policy counts; the gradebook shows that).
import type { PrismaClient } from "@autograder/db";
import type { LatestSubmissionView } from "@autograder/shared";
import { bySlot, loadAssignments, loadStudents, loadSubmits, slotKey } from "./course-data.ts";
import { countSubmission } from "./scoring.ts";

/** One item per (student, assignment) with at least one submit; students in email order. */
export async function latestSubmissions(prisma: PrismaClient, courseId: string): Promise<LatestSubmissionView[]> {
  const assignments = await loadAssignments(prisma, courseId);
  const students = await loadStudents(prisma, courseId);
  const slots = bySlot(
    await loadSubmits(
      prisma,
      assignments.map((a) => a.id),
      students.map((s) => s.id),
    ),
  );
  return students.flatMap((student) =>
    assignments.flatMap((a) => {
      const submits = slots.get(slotKey(student.id, a.id)) ?? [];
      const last = submits.at(-1);
      if (last === undefined) return [];
      const counted = last.status === "graded" ? countSubmission(last, a) : null;
      return [
        {
          userId: student.id,
          assignmentId: a.id,
          submissionId: last.id,
          submittedAt: last.createdAt.toISOString(),
          status: last.status,
          verdict: last.verdict,
          score: counted?.percent ?? null,
          attempts: submits.length,
        },
      ];
    }),
  );
}
