// A student's progress over a course: per assignment the counted and best scores, attempts,
// the last submission and the late penalty applied.
import type { Course, PrismaClient } from "@autograder/db";
import { bySlot, loadAssignments, loadSubmits, slotKey, standing } from "./course-data.ts";
import { loadExtensionDates, rulesFor, toPoints, weightedTotal } from "../courses/extensions.ts";

export interface AssignmentProgress {
  assignmentId: string;
  exerciseId: string;
  title: string;
  opensAt: string | null;
  dueAt: string | null;
  /** The student's own later due date (an extension), which replaces dueAt for them. */
  extendedDueAt: string | null;
  points: number;
  /** `score` scaled to the assignment's points. */
  pointsEarned: number | null;
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
  const extensions = await loadExtensionDates(prisma, assignments.map((a) => a.id), [userId]);
  const items = assignments.map((a): AssignmentProgress => {
    const extension = extensions.get(slotKey(userId, a.id));
    const st = standing(rulesFor(a, extension), slots.get(slotKey(userId, a.id)) ?? [], course.gradePolicy);
    return {
      assignmentId: a.id,
      exerciseId: a.exerciseId,
      title: a.title,
      opensAt: a.opensAt?.toISOString() ?? null,
      dueAt: a.dueAt?.toISOString() ?? null,
      extendedDueAt: extension?.toISOString() ?? null,
      points: a.points,
      pointsEarned: toPoints(st.counted?.percent ?? null, a.points),
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
  const total = weightedTotal(items.map((i) => ({ percent: i.score, points: i.points })));
  return { course: { id: course.id, title: course.title, gradePolicy: course.gradePolicy }, assignments: items, total };
}
