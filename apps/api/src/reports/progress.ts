// A student's progress over a course: per assignment the counted and best scores, attempts,
// the last submission and the late penalty applied.
import type { Course, PrismaClient } from "@autograder/db";
import { bySlot, loadAssignments, loadSubmits, slotKey, standing } from "./course-data.ts";
import { round2 } from "./scoring.ts";

export interface AssignmentProgress {
  assignmentId: string;
  exerciseId: string;
  title: string;
  opensAt: string | null;
  dueAt: string | null;
  latePolicy: "none" | "percent_per_day" | "no_credit_after_due";
  /** The score that counts by the course's policy, 0..100 after penalty; null if none graded. */
  score: number | null;
  bestScore: number | null;
  latePenaltyPercent: number;
  attempts: number;
  lastSubmission: {
    id: string;
    createdAt: string;
    status: "queued" | "running" | "graded" | "error";
    verdict: string | null;
  } | null;
}

export interface CourseProgress {
  course: { id: string; title: string; gradePolicy: "best" | "last" };
  assignments: AssignmentProgress[];
  total: number;
}

export async function courseProgress(prisma: PrismaClient, course: Course, userId: string): Promise<CourseProgress> {
  const assignments = await loadAssignments(prisma, course.id);
  const slots = bySlot(
    await loadSubmits(
      prisma,
      assignments.map((a) => a.id),
      [userId],
    ),
  );
  const items = assignments.map((a): AssignmentProgress => {
    const st = standing(a, slots.get(slotKey(userId, a.id)) ?? [], course.gradePolicy);
    return {
      assignmentId: a.id,
      exerciseId: a.exerciseId,
      title: a.title,
      opensAt: a.opensAt?.toISOString() ?? null,
      dueAt: a.dueAt?.toISOString() ?? null,
      latePolicy: a.latePolicy,
      score: st.counted?.percent ?? null,
      bestScore: st.best?.percent ?? null,
      latePenaltyPercent: st.counted?.latePenaltyPercent ?? 0,
      attempts: st.attempts,
      lastSubmission: st.last
        ? { id: st.last.id, createdAt: st.last.createdAt.toISOString(), status: st.last.status, verdict: st.last.verdict }
        : null,
    };
  });
  const total = items.length === 0 ? 0 : round2(items.reduce((s, i) => s + (i.score ?? 0), 0) / items.length);
  return { course: { id: course.id, title: course.title, gradePolicy: course.gradePolicy }, assignments: items, total };
}
