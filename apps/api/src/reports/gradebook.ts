// The gradebook: a row per student, a cell per assignment, by the course's grade policy
// with late penalties applied; and its CSV form.
import type { Course, PrismaClient } from "@autograder/db";
import type { LmsSyncView } from "@autograder/shared";
import { type AssignmentInfo, bySlot, loadAssignments, loadStudents, loadSubmits, slotKey, standing } from "./course-data.ts";
import { toCsv } from "./csv.ts";
import { loadExtensionDates, rulesFor, toPoints, weightedTotal } from "../courses/extensions.ts";

export interface GradebookCell {
  assignmentId: string;
  /** 0..100 after the late penalty; null when nothing graded yet. */
  score: number | null;
  rawScore: number | null;
  /** `score` scaled to the assignment's points. */
  points: number | null;
  /** The student's extended due date, when they have one. */
  extendedDueAt: string | null;
  latePenaltyPercent: number;
  attempts: number;
  submissionId: string | null;
  submittedAt: string | null;
  /** The LMS grade passback of this cell (LTI AGS); null when none was ever requested. */
  lmsSync: LmsSyncView | null;
}

export interface GradebookRow {
  userId: string;
  email: string;
  name: string;
  cells: GradebookCell[];
  /** Percent of all points, each assignment weighted by its points, an ungraded one counting 0. */
  total: number;
  /** Points earned over all assignments. */
  totalPoints: number;
}

export interface Gradebook {
  course: { id: string; title: string; gradePolicy: Course["gradePolicy"] };
  assignments: Array<{
    id: string;
    title: string;
    exerciseId: string;
    dueAt: string | null;
    latePolicy: AssignmentInfo["latePolicy"];
    latePenaltyPercent: number;
    /** Placed in the LMS (an LTI resource link): its scores go to the LMS gradebook. */
    inLms: boolean;
    points: number;
  }>;
  students: GradebookRow[];
  /** The course is linked to an LMS course (LTI): roster sync and score sync apply. */
  lmsLinked: boolean;
}

export async function buildGradebook(prisma: PrismaClient, course: Course): Promise<Gradebook> {
  const assignments = await loadAssignments(prisma, course.id);
  const students = await loadStudents(prisma, course.id);
  const slots = bySlot(
    await loadSubmits(
      prisma,
      assignments.map((a) => a.id),
      students.map((s) => s.id),
    ),
  );
  const lms = await loadLmsState(prisma, course.id, assignments.map((a) => a.id));
  const extensions = await loadExtensionDates(prisma, assignments.map((a) => a.id));
  const rows = students.map((student) => {
    const cells = assignments.map((a): GradebookCell => {
      const extension = extensions.get(slotKey(student.id, a.id));
      const st = standing(rulesFor(a, extension), slots.get(slotKey(student.id, a.id)) ?? [], course.gradePolicy);
      return {
        assignmentId: a.id,
        score: st.counted?.percent ?? null,
        rawScore: st.counted?.rawPercent ?? null,
        points: toPoints(st.counted?.percent ?? null, a.points),
        extendedDueAt: extension?.toISOString() ?? null,
        latePenaltyPercent: st.counted?.latePenaltyPercent ?? 0,
        attempts: st.attempts,
        submissionId: st.counted?.submissionId ?? null,
        submittedAt: st.counted?.submittedAt.toISOString() ?? null,
        lmsSync: lms.syncs.get(slotKey(student.id, a.id)) ?? null,
      };
    });
    const total = weightedTotal(cells.map((c, i) => ({ percent: c.score, points: assignments[i]!.points })));
    const totalPoints = Math.round(cells.reduce((sum, c) => sum + (c.points ?? 0), 0) * 100) / 100;
    return { userId: student.id, email: student.email, name: student.name, cells, total, totalPoints };
  });
  return {
    course: { id: course.id, title: course.title, gradePolicy: course.gradePolicy },
    assignments: assignments.map((a) => ({
      id: a.id,
      title: a.title,
      exerciseId: a.exerciseId,
      dueAt: a.dueAt?.toISOString() ?? null,
      latePolicy: a.latePolicy,
      latePenaltyPercent: a.latePenaltyPercent,
      inLms: lms.placed.has(a.id),
      points: a.points,
    })),
    students: rows,
    lmsLinked: lms.linked,
  };
}

async function loadLmsState(prisma: PrismaClient, courseId: string, assignmentIds: string[]) {
  const linked = (await prisma.ltiContext.count({ where: { courseId } })) > 0;
  if (!linked) return { linked, placed: new Set<string>(), syncs: new Map<string, LmsSyncView>() };
  const links = await prisma.ltiResourceLink.findMany({ where: { assignmentId: { in: assignmentIds } }, select: { assignmentId: true } });
  const rows = await prisma.ltiScoreSync.findMany({ where: { assignmentId: { in: assignmentIds } } });
  const syncs = new Map(
    rows.map((r): [string, LmsSyncView] => [
      slotKey(r.userId, r.assignmentId),
      {
        status: r.status,
        attempts: r.attempts,
        requestedAt: r.requestedAt.toISOString(),
        syncedAt: r.syncedAt?.toISOString() ?? null,
        lastError: r.lastError,
        lastErrorCode: r.lastErrorCode,
      },
    ]),
  );
  return { linked, placed: new Set(links.flatMap((l) => (l.assignmentId ? [l.assignmentId] : []))), syncs };
}

/** email, name, one column per assignment (points after penalty, empty if ungraded; "(/N)" when not worth 100), total percent. */
export function gradebookCsv(book: Gradebook): string {
  const titles = book.assignments.map((a) => a.title);
  const header = [
    "email",
    "name",
    ...book.assignments.map((a) => {
      const title = titles.filter((t) => t === a.title).length > 1 ? `${a.title} (${a.exerciseId})` : a.title;
      return a.points === 100 ? title : `${title} (/${a.points})`;
    }),
    "total",
  ];
  const rows = book.students.map((s) => [s.email, s.name, ...s.cells.map((c) => c.points), s.total]);
  return toCsv(header, rows);
}
