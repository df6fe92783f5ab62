// Per-exercise analytics of an assignment over the course's students: score distribution,
// pass rate per test, hidden tests failed most, median attempts and time to solve.
import type { Course, PrismaClient } from "@autograder/db";
import { type AssignmentInfo, bySlot, loadStudents, loadSubmits, standing } from "./course-data.ts";
import { median, round2 } from "./scoring.ts";

export interface TestStat {
  name: string;
  hidden: boolean;
  runs: number;
  passed: number;
  /** 0..1 */
  passRate: number;
}

export interface ExerciseAnalytics {
  assignmentId: string;
  exerciseId: string;
  students: number;
  studentsSubmitted: number;
  studentsSolved: number;
  /** Counted scores (after penalty) of students with a graded submit, in ten buckets of 10 points. */
  scoreDistribution: Array<{ from: number; to: number; count: number }>;
  passRateByTest: TestStat[];
  hiddenTestsFailedMost: Array<{ name: string; failed: number; runs: number }>;
  medianAttempts: number | null;
  medianAttemptsToSolve: number | null;
  /** From a student's first run or submit on the exercise to their first passing submit. */
  medianSecondsToSolve: number | null;
}

function distribution(scores: number[]): ExerciseAnalytics["scoreDistribution"] {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
  for (const s of scores) buckets[Math.min(9, Math.floor(s / 10))]!.count++;
  return buckets;
}

async function testStats(prisma: PrismaClient, assignmentId: string, userIds: string[]): Promise<TestStat[]> {
  if (userIds.length === 0) return [];
  const where = { submission: { assignmentId, kind: "submit" as const, status: "graded" as const, userId: { in: userIds } } };
  const [all, passed] = await Promise.all([
    prisma.testResult.groupBy({ by: ["name", "hidden"], where, _count: { _all: true }, _min: { position: true } }),
    prisma.testResult.groupBy({ by: ["name", "hidden"], where: { ...where, passed: true }, _count: { _all: true } }),
  ]);
  const passedBy = new Map(passed.map((p) => [`${p.hidden}:${p.name}`, p._count._all]));
  return all
    .sort((a, b) => (a._min.position ?? 0) - (b._min.position ?? 0) || a.name.localeCompare(b.name))
    .map((t) => {
      const ok = passedBy.get(`${t.hidden}:${t.name}`) ?? 0;
      return { name: t.name, hidden: t.hidden, runs: t._count._all, passed: ok, passRate: round2(ok / t._count._all) };
    });
}

/** First activity (run or submit, any assignment) of each student on an exercise. */
async function firstActivity(prisma: PrismaClient, exerciseId: string, userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await prisma.submission.groupBy({
    by: ["userId"],
    where: { exerciseId, userId: { in: userIds } },
    _min: { createdAt: true },
  });
  return new Map(rows.flatMap((r) => (r._min.createdAt ? [[r.userId, r._min.createdAt] as const] : [])));
}

export async function exerciseAnalytics(
  prisma: PrismaClient,
  course: Course,
  assignment: AssignmentInfo,
): Promise<ExerciseAnalytics> {
  const students = await loadStudents(prisma, course.id);
  const ids = students.map((s) => s.id);
  const submits = await loadSubmits(prisma, [assignment.id], ids);
  const slots = bySlot(submits);
  const [tests, firsts] = await Promise.all([
    testStats(prisma, assignment.id, ids),
    firstActivity(prisma, assignment.exerciseId, ids),
  ]);

  const scores: number[] = [];
  const attempts: number[] = [];
  const attemptsToSolve: number[] = [];
  const secondsToSolve: number[] = [];
  for (const list of slots.values()) {
    const st = standing(assignment, list, course.gradePolicy);
    attempts.push(st.attempts);
    if (st.counted) scores.push(st.counted.percent);
    const solvedAt = list.findIndex((s) => s.status === "graded" && s.verdict === "passed");
    if (solvedAt >= 0) {
      const solved = list[solvedAt]!;
      attemptsToSolve.push(solvedAt + 1);
      const start = firsts.get(solved.userId) ?? list[0]!.createdAt;
      secondsToSolve.push(Math.max(0, (solved.createdAt.getTime() - start.getTime()) / 1000));
    }
  }
  const med = (values: number[]) => {
    const m = median(values);
    return m === null ? null : round2(m);
  };
  return {
    assignmentId: assignment.id,
    exerciseId: assignment.exerciseId,
    students: students.length,
    studentsSubmitted: slots.size,
    studentsSolved: attemptsToSolve.length,
    scoreDistribution: distribution(scores),
    passRateByTest: tests,
    hiddenTestsFailedMost: tests
      .filter((t) => t.hidden && t.runs > t.passed)
      .map((t) => ({ name: t.name, failed: t.runs - t.passed, runs: t.runs }))
      .sort((a, b) => b.failed - a.failed || a.name.localeCompare(b.name))
      .slice(0, 5),
    medianAttempts: med(attempts),
    medianAttemptsToSolve: med(attemptsToSolve),
    medianSecondsToSolve: med(secondsToSolve),
  };
}
