// Loads what the course reports are computed from: assignments, students, graded submits.
import type { GradePolicy, LatePolicy, PrismaClient, SubmissionStatus, Verdict } from "@autograder/db";
import { type Counted, type GradedFacts, countSubmission, pickCounted } from "./scoring.ts";

export interface AssignmentInfo {
  id: string;
  title: string;
  exerciseId: string;
  position: number;
  opensAt: Date | null;
  dueAt: Date | null;
  latePolicy: LatePolicy;
  latePenaltyPercent: number;
  points: number;
}

export interface StudentInfo {
  id: string;
  email: string;
  name: string;
}

export interface SubmitRow extends GradedFacts {
  userId: string;
  assignmentId: string;
  status: SubmissionStatus;
  verdict: Verdict | null;
}

/** One student's standing on one assignment. */
export interface Standing {
  attempts: number;
  /** What counts by the course's grade policy (null: nothing graded yet). */
  counted: Counted | null;
  best: Counted | null;
  last: SubmitRow | null;
}

export async function loadAssignments(prisma: PrismaClient, courseId: string): Promise<AssignmentInfo[]> {
  const rows = await prisma.assignment.findMany({
    where: { courseId },
    include: { exercise: { select: { title: true } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title ?? a.exercise.title,
    exerciseId: a.exerciseId,
    position: a.position,
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    latePolicy: a.latePolicy,
    latePenaltyPercent: a.latePenaltyPercent,
    points: a.points,
  }));
}

export async function loadStudents(prisma: PrismaClient, courseId: string): Promise<StudentInfo[]> {
  const rows = await prisma.enrollment.findMany({
    where: { courseId, role: "student" },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return rows.map((e) => e.user);
}

/** Every `submit` of the given students to the given assignments, oldest first. */
export async function loadSubmits(
  prisma: PrismaClient,
  assignmentIds: string[],
  userIds: string[],
): Promise<SubmitRow[]> {
  if (assignmentIds.length === 0 || userIds.length === 0) return [];
  const rows = await prisma.submission.findMany({
    where: { kind: "submit", assignmentId: { in: assignmentIds }, userId: { in: userIds } },
    select: {
      id: true,
      userId: true,
      assignmentId: true,
      status: true,
      verdict: true,
      score: true,
      maxScore: true,
      finalScore: true,
      latePenaltyPercent: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((r) => (r.assignmentId === null ? [] : [{ ...r, assignmentId: r.assignmentId }]));
}

/** The standing of one student on one assignment from their submits (oldest first). */
export function standing(assignment: AssignmentInfo, submits: SubmitRow[], policy: GradePolicy): Standing {
  const counted = submits
    .filter((s) => s.status === "graded")
    .map((s) => countSubmission(s, assignment))
    .filter((c): c is Counted => c !== null);
  return {
    attempts: submits.length,
    counted: pickCounted(counted, policy),
    best: pickCounted(counted, "best"),
    last: submits.at(-1) ?? null,
  };
}

/** Groups submits by `${userId}:${assignmentId}`. */
export function bySlot(submits: SubmitRow[]): Map<string, SubmitRow[]> {
  const map = new Map<string, SubmitRow[]>();
  for (const s of submits) {
    const key = slotKey(s.userId, s.assignmentId);
    const list = map.get(key);
    if (list) list.push(s);
    else map.set(key, [s]);
  }
  return map;
}

export function slotKey(userId: string, assignmentId: string): string {
  return `${userId}:${assignmentId}`;
}
