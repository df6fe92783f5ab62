// Gradebook math (best/last, late policies, finalScore), CSV shape, progress, timeline,
// per-exercise analytics and the submissions export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubmissionKind, SubmissionStatus, Verdict } from "@autograder/db";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { latePenaltyPercent } from "../src/reports/late-policy.ts";
import { type Browser, login, makeExercise, makeUser, type TestUser } from "./support/accounts.ts";

const DAY = 86_400_000;
const DUE = new Date("2030-03-10T12:00:00.000Z");
const at = (days: number) => new Date(DUE.getTime() + days * DAY);

let t: TestApp;
let alice: Browser;
let s1: TestUser;
let s2: TestUser;
let s3: TestUser;
let courseId: string;
const A: Record<"late10" | "noCredit" | "open", string> = { late10: "", noCredit: "", open: "" };
const versions: Record<string, string> = {};

interface Sub {
  user: TestUser;
  assignment?: keyof typeof A;
  exercise: string;
  kind?: SubmissionKind;
  status?: SubmissionStatus;
  verdict?: Verdict;
  score?: number;
  finalScore?: number;
  penalty?: number;
  when: Date;
  tests?: Array<[name: string, hidden: boolean, passed: boolean]>;
}

async function submit(s: Sub): Promise<string> {
  const status = s.status ?? "graded";
  const row = await t.prisma.submission.create({
    data: {
      userId: s.user.id,
      exerciseId: s.exercise,
      exerciseVersionId: versions[s.exercise]!,
      assignmentId: s.assignment ? A[s.assignment] : null,
      kind: s.kind ?? "submit",
      code: "export {}",
      status,
      verdict: status === "graded" ? (s.verdict ?? ((s.score ?? 0) >= 100 ? "passed" : "failed")) : null,
      score: status === "graded" ? (s.score ?? 0) : null,
      maxScore: status === "graded" ? 100 : null,
      finalScore: s.finalScore ?? null,
      latePenaltyPercent: s.penalty ?? 0,
      createdAt: s.when,
      gradedAt: status === "graded" ? new Date(s.when.getTime() + 1000) : null,
      tests: {
        create: (s.tests ?? []).map(([name, hidden, passed], position) => ({
          position,
          name,
          hidden,
          passed,
          points: passed ? 1 : 0,
          maxPoints: 1,
          durationMs: 1,
        })),
      },
    },
  });
  return row.id;
}

const T = (adds: boolean, empty: boolean, negative: boolean): Sub["tests"] => [
  ["adds numbers", false, adds],
  ["edge: empty", true, empty],
  ["edge: negative", true, negative],
];

beforeAll(async () => {
  t = await createTestApp();
  const owner = await makeUser(t.prisma, "instructor", "alice@school.test");
  s1 = await makeUser(t.prisma, "student", "s1@school.test", "Ann");
  s2 = await makeUser(t.prisma, "student", "s2@school.test", "=HYPERLINK(\"x\")");
  s3 = await makeUser(t.prisma, "student", "s3@school.test", "Cy, Jr.");
  alice = await login(t.app, owner.email);
  for (const ex of ["rep/sum", "rep/max", "rep/open"]) versions[ex] = (await makeExercise(t.prisma, ex, { title: ex })).versionId;
  const course = await t.prisma.course.create({ data: { title: "Reports", joinCode: "REPORTS1", ownerId: owner.id } });
  courseId = course.id;
  for (const s of [s1, s2, s3]) await t.prisma.enrollment.create({ data: { courseId, userId: s.id } });
  const mk = async (exerciseId: string, title: string, extra: object) =>
    (await t.prisma.assignment.create({ data: { courseId, exerciseId, title, ...extra } })).id;
  A.late10 = await mk("rep/sum", "Sum", { dueAt: DUE, latePolicy: "percent_per_day", latePenaltyPercent: 10, position: 0 });
  A.noCredit = await mk("rep/max", "Max", { dueAt: DUE, latePolicy: "no_credit_after_due", position: 1 });
  A.open = await mk("rep/open", "Open", { position: 2 });

  // s1 on "Sum" (10 %/day): 60 on time; 100 1.5 days late (2 started days: -20 % -> 80); 70 3.2 days late (4 days: -40 % -> 42).
  await submit({ user: s1, assignment: "late10", exercise: "rep/sum", score: 60, when: at(-1), tests: T(true, false, false) });
  await submit({ user: s1, assignment: "late10", exercise: "rep/sum", score: 100, when: at(1.5), tests: T(true, true, true) });
  await submit({ user: s1, assignment: "late10", exercise: "rep/sum", score: 70, verdict: "failed", when: at(3.2), tests: T(true, true, false) });
  // s1 on "Max" (no credit after due): 50 on time; 100 late -> 0.
  await submit({ user: s1, assignment: "noCredit", exercise: "rep/max", score: 50, when: at(-2) });
  await submit({ user: s1, assignment: "noCredit", exercise: "rep/max", score: 100, when: at(0.01) });
  // s1 only ran "Open": runs give no credit.
  await submit({ user: s1, exercise: "rep/open", kind: "run", score: 100, when: at(-3) });
  // s2 on "Sum": the grader's finalScore wins (90 raw, 50 % penalty recorded -> 45); an error and a queued one count as attempts only.
  await submit({ user: s2, assignment: "late10", exercise: "rep/sum", score: 90, finalScore: 45, penalty: 50, when: at(-0.5), tests: T(true, false, true) });
  await submit({ user: s2, assignment: "late10", exercise: "rep/sum", status: "error", when: at(-0.4) });
  await submit({ user: s2, assignment: "late10", exercise: "rep/sum", status: "queued", when: at(-0.3) });
  // s2 on "Max", 10 days late: nothing.
  await submit({ user: s2, assignment: "noCredit", exercise: "rep/max", score: 100, when: at(10) });
  // The owner's own test submission does not appear in the gradebook.
  await submit({ user: { id: owner.id, email: owner.email, role: "instructor" }, assignment: "late10", exercise: "rep/sum", score: 100, when: at(-5) });
});
afterAll(() => t.close());

type Cell = { assignmentId: string; score: number | null; rawScore: number | null; latePenaltyPercent: number; attempts: number };
type Row = { email: string; name: string; cells: Cell[]; total: number };

async function gradebook(): Promise<{ students: Row[]; assignments: Array<{ id: string; title: string }> }> {
  const res = await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/gradebook`, headers: alice.headers(false) });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  return res.json();
}

describe("late penalties", () => {
  it("percent_per_day counts started days and caps at 100; no_credit_after_due is all or nothing", () => {
    const perDay = { dueAt: DUE, latePolicy: "percent_per_day" as const, latePenaltyPercent: 15 };
    expect(latePenaltyPercent(perDay, at(0))).toBe(0);
    expect(latePenaltyPercent(perDay, at(-3))).toBe(0);
    expect(latePenaltyPercent(perDay, at(0.0001))).toBe(15);
    expect(latePenaltyPercent(perDay, at(1))).toBe(15);
    expect(latePenaltyPercent(perDay, at(1.01))).toBe(30);
    expect(latePenaltyPercent(perDay, at(30))).toBe(100);
    const none = { dueAt: DUE, latePolicy: "none" as const, latePenaltyPercent: 0 };
    expect(latePenaltyPercent(none, at(30))).toBe(0);
    const noCredit = { dueAt: DUE, latePolicy: "no_credit_after_due" as const, latePenaltyPercent: 0 };
    expect(latePenaltyPercent(noCredit, at(0))).toBe(0);
    expect(latePenaltyPercent(noCredit, at(0.001))).toBe(100);
    expect(latePenaltyPercent({ ...perDay, dueAt: null }, at(30))).toBe(0);
  });
});

describe("gradebook", () => {
  it("best policy: the highest score after late penalties, a row per student, totals over all assignments", async () => {
    const book = await gradebook();
    expect(book.assignments.map((a) => a.title)).toEqual(["Sum", "Max", "Open"]);
    expect(book.students.map((s) => s.email)).toEqual(["s1@school.test", "s2@school.test", "s3@school.test"]);
    const [r1, r2, r3] = book.students as [Row, Row, Row];
    expect(r1.cells.map((c) => [c.score, c.rawScore, c.latePenaltyPercent, c.attempts])).toEqual([
      [80, 100, 20, 3],
      [50, 50, 0, 2],
      [null, null, 0, 0],
    ]);
    expect(r1.total).toBeCloseTo(43.33, 2);
    expect(r2.cells.map((c) => [c.score, c.rawScore, c.latePenaltyPercent, c.attempts])).toEqual([
      [45, 90, 50, 3],
      [0, 100, 100, 1],
      [null, null, 0, 0],
    ]);
    expect(r2.total).toBe(15);
    expect(r3.cells.every((c) => c.score === null && c.attempts === 0)).toBe(true);
    expect(r3.total).toBe(0);
  });

  it("last policy: the most recent graded submit (errors and queued ones skipped)", async () => {
    await t.prisma.course.update({ where: { id: courseId }, data: { gradePolicy: "last" } });
    try {
      const [r1, r2] = (await gradebook()).students as [Row, Row];
      expect(r1.cells.map((c) => c.score)).toEqual([42, 0, null]);
      expect(r1.cells[0]!.latePenaltyPercent).toBe(40);
      expect(r2.cells.map((c) => c.score)).toEqual([45, 0, null]);
    } finally {
      await t.prisma.course.update({ where: { id: courseId }, data: { gradePolicy: "best" } });
    }
  });

  it("CSV: email, name, a column per assignment, total; a row per student; quoted and formula-safe", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/gradebook?format=csv`, headers: alice.headers(false) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="gradebook-Reports\.csv"$/);
    expect(res.body.split("\r\n")).toEqual([
      "email,name,Sum,Max,Open,total",
      "s1@school.test,Ann,80,50,,43.33",
      `s2@school.test,"'=HYPERLINK(""x"")",45,0,,15`,
      `s3@school.test,"Cy, Jr.",,,,0`,
      "",
    ]);
  });
});

describe("student progress and timeline", () => {
  it("a student sees their own progress over each course", async () => {
    const b = await login(t.app, s1.email);
    const res = await t.app.inject({ method: "GET", url: "/api/me/progress", headers: b.headers(false) });
    expect(res.statusCode).toBe(200);
    const [course] = res.json();
    expect(course.course).toEqual({ id: courseId, title: "Reports", gradePolicy: "best" });
    expect(course.total).toBeCloseTo(43.33, 2);
    expect(course.assignments[0]).toMatchObject({
      title: "Sum",
      score: 80,
      bestScore: 80,
      latePenaltyPercent: 20,
      attempts: 3,
      lastSubmission: { createdAt: at(3.2).toISOString(), status: "graded", verdict: "failed" },
    });
    const own = await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/students/${s1.id}/progress`, headers: b.headers(false) });
    expect(own.json()).toEqual(course);
  });

  it("a student cannot read another student's progress or timeline; staff can", async () => {
    const b = await login(t.app, s1.email);
    for (const what of ["progress", "timeline"]) {
      const other = await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/students/${s2.id}/${what}`, headers: b.headers(false) });
      expect(other.statusCode, what).toBe(404);
      const staff = await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/students/${s2.id}/${what}`, headers: alice.headers(false) });
      expect(staff.statusCode, what).toBe(200);
    }
  });

  it("the timeline lists runs and submits on the course's exercises in order, with test counts", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/students/${s1.id}/timeline`, headers: alice.headers(false) });
    const rows = res.json() as Array<{ kind: string; exerciseId: string; createdAt: string; testsPassed: number; testsTotal: number }>;
    expect(rows.map((r) => [r.kind, r.exerciseId])).toEqual([
      ["run", "rep/open"],
      ["submit", "rep/max"],
      ["submit", "rep/sum"],
      ["submit", "rep/max"],
      ["submit", "rep/sum"],
      ["submit", "rep/sum"],
    ]);
    expect(rows.map((r) => r.createdAt)).toEqual([...rows.map((r) => r.createdAt)].sort());
    expect(rows[2]).toMatchObject({ testsPassed: 1, testsTotal: 3 });
  });
});

describe("per-exercise analytics", () => {
  it("score distribution, pass rate per test, hidden tests failed most, medians", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/courses/${courseId}/assignments/${A.late10}/analytics`,
      headers: alice.headers(false),
    });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ exerciseId: "rep/sum", students: 3, studentsSubmitted: 2, studentsSolved: 1 });
    const counts = Object.fromEntries(a.scoreDistribution.map((b: { from: number; count: number }) => [b.from, b.count]));
    expect(counts).toEqual({ 0: 0, 10: 0, 20: 0, 30: 0, 40: 1, 50: 0, 60: 0, 70: 0, 80: 1, 90: 0 });
    // 4 graded submits by students (the owner's is excluded): s1 x3, s2 x1.
    expect(a.passRateByTest).toEqual([
      { name: "adds numbers", hidden: false, runs: 4, passed: 4, passRate: 1 },
      { name: "edge: empty", hidden: true, runs: 4, passed: 2, passRate: 0.5 },
      { name: "edge: negative", hidden: true, runs: 4, passed: 2, passRate: 0.5 },
    ]);
    expect(a.hiddenTestsFailedMost).toEqual([
      { name: "edge: empty", failed: 2, runs: 4 },
      { name: "edge: negative", failed: 2, runs: 4 },
    ]);
    expect(a.medianAttempts).toBe(3);
    expect(a.medianAttemptsToSolve).toBe(2);
    expect(a.medianSecondsToSolve).toBe(2.5 * 86_400);
  });
});

describe("submissions export", () => {
  it("a CSV row per submission to the course's assignments, with the counted score", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/submissions/export`, headers: alice.headers(false) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = res.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "submission_id,email,name,assignment_id,assignment,exercise_id,kind,status,verdict,score,max_score,late_penalty_percent,counted_percent,created_at,graded_at",
    );
    // 10 submits tied to assignments (the run has none); the owner's is included in the raw export.
    expect(lines).toHaveLength(1 + 10);
    const late = lines.find((l) => l.includes(at(1.5).toISOString()))!;
    expect(late).toContain(`,s1@school.test,Ann,${A.late10},Sum,rep/sum,submit,graded,passed,100,100,20,80,`);
    const queued = lines.find((l) => l.includes(",queued,"))!;
    expect(queued).toMatch(/,submit,queued,,,,,,/);
  });
});
