// Assignment points, per-student extensions and staff review of a student's work, through
// the HTTP API on real PostgreSQL: who may do what, the late penalty counted from the
// student's effective due date (at submission and again when the extension changes), points
// in the gradebook, and hidden tests' details shown to staff only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradebookView, SubmissionListItem, SubmissionView } from "@autograder/shared";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { effectiveDueAt, studentPenalty, toPoints, weightedTotal } from "../src/courses/extensions.ts";
import { type Browser, login, makeExercise, makeUser, type TestUser } from "./support/accounts.ts";

const DAY = 86_400_000;

let t: TestApp;
let owner: Browser;
let otherStaff: Browser;
let student: Browser;
let classmate: Browser;
let stu: TestUser;
let mate: TestUser;
let outsider: TestUser;
let courseId: string;
let versionId: string;

beforeAll(async () => {
  t = await createTestApp();
  const o = await makeUser(t.prisma, "instructor", "owner@ext.test");
  const other = await makeUser(t.prisma, "instructor", "other@ext.test");
  stu = await makeUser(t.prisma, "student", "stu@ext.test", "Stu");
  mate = await makeUser(t.prisma, "student", "mate@ext.test", "Mate");
  outsider = await makeUser(t.prisma, "student", "outsider@ext.test");
  courseId = (await t.prisma.course.create({ data: { title: "Ext", joinCode: "EXTEXT11", ownerId: o.id } })).id;
  const theirs = await t.prisma.course.create({ data: { title: "Theirs", joinCode: "THEIRS22", ownerId: other.id } });
  for (const u of [stu, mate]) await t.prisma.enrollment.create({ data: { courseId, userId: u.id } });
  // The other course's instructor teaches the same student elsewhere: that opens nothing here.
  await t.prisma.enrollment.create({ data: { courseId: theirs.id, userId: stu.id } });
  await t.prisma.enrollment.create({ data: { courseId: theirs.id, userId: outsider.id } });
  versionId = (await makeExercise(t.prisma, "ext/one")).versionId;
  await makeExercise(t.prisma, "ext/two");
  await makeExercise(t.prisma, "ext/three");
  owner = await login(t.app, o.email);
  otherStaff = await login(t.app, other.email);
  student = await login(t.app, stu.email);
  classmate = await login(t.app, mate.email);
});
afterAll(() => t.close());

const C = () => `/api/courses/${courseId}`;
const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, who: Browser, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers(), ...(payload ? { payload } : {}) });

async function assignment(exerciseId: string, data: object): Promise<string> {
  const res = await call("POST", `${C()}/assignments`, owner, { exerciseId, ...data });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

/** A graded submit made at `when` with `score` of 10 and the penalty as stored when it was made. */
async function gradedSubmit(assignmentId: string, user: TestUser, when: Date, score: number, penalty: number): Promise<string> {
  const row = await t.prisma.submission.create({
    data: {
      userId: user.id,
      exerciseId: "ext/one",
      exerciseVersionId: versionId,
      assignmentId,
      kind: "submit",
      code: `// at ${when.toISOString()}`,
      status: "graded",
      verdict: score === 10 ? "passed" : "failed",
      score,
      maxScore: 10,
      latePenaltyPercent: penalty,
      finalScore: score * (1 - penalty / 100),
      createdAt: when,
      gradedAt: when,
      tests: {
        create: [
          { position: 0, name: "visible one", hidden: false, passed: true, points: 5, maxPoints: 5, durationMs: 1, message: "", details: { input: [3, 1], expected: [1, 3], actual: [1, 3] } },
          { position: 1, name: "secret edge", hidden: true, passed: false, points: 0, maxPoints: 5, durationMs: 1, message: "Think about empty arrays.", details: { input: "SECRET-INPUT-42", expected: [], actual: [0] } },
        ],
      },
    },
  });
  return row.id;
}

describe("pure rules", () => {
  it("the extension wins, the penalty counts from it, points scale a percentage", () => {
    const due = new Date("2030-01-10T12:00:00Z");
    const ext = new Date("2030-01-12T12:00:00Z");
    expect(effectiveDueAt(due, ext)).toEqual(ext);
    expect(effectiveDueAt(due, null)).toEqual(due);
    const rules = { dueAt: due, latePolicy: "percent_per_day" as const, latePenaltyPercent: 10 };
    expect(studentPenalty(rules, ext, new Date("2030-01-12T11:00:00Z"))).toBe(0);
    expect(studentPenalty(rules, null, new Date("2030-01-12T11:00:00Z"))).toBe(20);
    expect(studentPenalty(rules, ext, new Date("2030-01-13T11:00:00Z"))).toBe(10);
    expect(toPoints(75, 20)).toBe(15);
    expect(toPoints(null, 20)).toBeNull();
    expect(weightedTotal([{ percent: 100, points: 10 }, { percent: 0, points: 30 }])).toBe(25);
    expect(weightedTotal([{ percent: 50, points: 100 }, { percent: null, points: 100 }])).toBe(25);
    expect(weightedTotal([{ percent: 50, points: 0 }])).toBe(0);
  });
});

describe("assignment points", () => {
  it("are set on create and edit, checked, and scale the gradebook", async () => {
    const id = await assignment("ext/two", { points: 20, title: "Worth twenty" });
    const listed = (await call("GET", `${C()}/assignments`, owner)).json() as Array<{ id: string; points: number; extendedDueAt: string | null }>;
    expect(listed.find((a) => a.id === id)).toMatchObject({ points: 20, extendedDueAt: null });
    expect((await call("PATCH", `${C()}/assignments/${id}`, owner, { points: 40 })).json()).toMatchObject({ points: 40 });
    for (const points of [-1, 10_001, "ten"]) {
      const bad = await call("PATCH", `${C()}/assignments/${id}`, owner, { points });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("VALIDATION");
    }
    expect((await call("PATCH", `${C()}/assignments/${id}`, student, { points: 1 })).statusCode).toBe(403);
    await t.prisma.submission.create({
      data: { userId: mate.id, exerciseId: "ext/two", exerciseVersionId: versionId, assignmentId: id, kind: "submit", code: "x", status: "graded", verdict: "failed", score: 3, maxScore: 4, finalScore: 3 },
    });
    const book = (await call("GET", `${C()}/gradebook`, owner)).json() as GradebookView;
    expect(book.assignments.find((a) => a.id === id)).toMatchObject({ points: 40 });
    const cell = book.students.find((s) => s.userId === mate.id)!.cells.find((c) => c.assignmentId === id)!;
    expect(cell).toMatchObject({ score: 75, points: 30 });
    const csv = (await call("GET", `${C()}/gradebook?format=csv`, owner)).body;
    expect(csv.split("\n")[0]).toContain("Worth twenty (/40)");
    await call("DELETE", `${C()}/assignments/${id}`, owner);
  });
});

describe("extensions", () => {
  let late: string;
  beforeAll(async () => {
    late = await assignment("ext/one", {
      dueAt: new Date(Date.now() - 2.5 * DAY).toISOString(),
      latePolicy: "percent_per_day",
      latePenaltyPercent: 10,
    });
  });
  const ext = (userId: string) => `${C()}/assignments/${late}/extensions/${userId}`;

  it("only the course's staff list, grant and remove them; another course's staff and students are refused", async () => {
    const dueAt = new Date(Date.now() + DAY).toISOString();
    expect((await call("PUT", ext(stu.id), student, { dueAt })).statusCode).toBe(403);
    expect((await call("PUT", ext(stu.id), otherStaff, { dueAt })).statusCode).toBe(404);
    expect((await call("GET", `${C()}/assignments/${late}/extensions`, classmate)).statusCode).toBe(403);
    expect((await call("GET", `${C()}/assignments/${late}/extensions`, otherStaff)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `${C()}/assignments/${late}/extensions` })).statusCode).toBe(401);
    // A student of another course cannot be given one here.
    expect((await call("PUT", ext(outsider.id), owner, { dueAt })).statusCode).toBe(404);
    const bad = await call("PUT", ext(stu.id), owner, { dueAt: "tomorrow" });
    expect(bad.statusCode).toBe(400);
    const early = await call("PUT", ext(stu.id), owner, { dueAt: new Date(Date.now() - 4 * DAY).toISOString() });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/after the assignment's due date/);
    const long = await call("PUT", ext(stu.id), owner, { dueAt, reason: "x".repeat(501) });
    expect(long.statusCode).toBe(400);

    const granted = await call("PUT", ext(stu.id), owner, { dueAt, reason: "  Medical note  " });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ userId: stu.id, email: stu.email, name: "Stu", dueAt, reason: "Medical note", createdBy: { name: "owner" } });
    const list = (await call("GET", `${C()}/assignments/${late}/extensions`, owner)).json() as Array<{ userId: string }>;
    expect(list.map((e) => e.userId)).toEqual([stu.id]);
    // The student sees their own due date; a classmate sees the assignment's.
    const mine = (await call("GET", `${C()}/assignments`, student)).json() as Array<{ id: string; extendedDueAt: string | null }>;
    expect(mine.find((a) => a.id === late)!.extendedDueAt).toBe(dueAt);
    const theirs = (await call("GET", `${C()}/assignments`, classmate)).json() as Array<{ id: string; extendedDueAt: string | null }>;
    expect(theirs.find((a) => a.id === late)!.extendedDueAt).toBeNull();
    const progress = (await call("GET", "/api/me/progress", student)).json() as Array<{ assignments: Array<{ assignmentId: string; extendedDueAt: string | null }> }>;
    expect(progress.flatMap((p) => p.assignments).find((a) => a.assignmentId === late)!.extendedDueAt).toBe(dueAt);

    expect((await call("DELETE", ext(stu.id), classmate)).statusCode).toBe(403);
    expect((await call("DELETE", ext(stu.id), otherStaff)).statusCode).toBe(404);
    expect((await call("DELETE", ext(stu.id), owner)).statusCode).toBe(204);
    expect((await call("DELETE", ext(stu.id), owner)).statusCode).toBe(404);
  });

  it("a late submission inside the extension gets no penalty; outside it the penalty counts from the extended date", async () => {
    const submitNow = async (who: Browser) => {
      const res = await call("POST", "/api/exercises/ext%2Fone/submissions", who, { code: "export {}", assignmentId: late });
      expect(res.statusCode, res.body).toBe(202);
      return t.prisma.submission.findUniqueOrThrow({ where: { id: (res.json() as { id: string }).id } });
    };
    await call("PUT", ext(stu.id), owner, { dueAt: new Date(Date.now() + DAY).toISOString() });
    expect((await submitNow(student)).latePenaltyPercent).toBe(0);
    // Without an extension: 2.5 days late, three started days at 10% a day.
    expect((await submitNow(classmate)).latePenaltyPercent).toBe(30);
    // An extension that already ended 1.5 days ago: two started days late, not three.
    await call("PUT", ext(stu.id), owner, { dueAt: new Date(Date.now() - 1.5 * DAY).toISOString() });
    expect((await submitNow(student)).latePenaltyPercent).toBe(20);
    await call("DELETE", ext(stu.id), owner);
    await t.prisma.submission.deleteMany({ where: { assignmentId: late } });
  });

  it("granting or removing an extension counts the stored penalties again, and the gradebook follows", async () => {
    const a = await t.prisma.assignment.findUniqueOrThrow({ where: { id: late } });
    const made = new Date(a.dueAt!.getTime() + 1.5 * DAY);
    const id = await gradedSubmit(late, stu, made, 10, 20);
    const cellOf = async () => {
      const book = (await call("GET", `${C()}/gradebook`, owner)).json() as GradebookView;
      return book.students.find((s) => s.userId === stu.id)!.cells.find((c) => c.assignmentId === late)!;
    };
    expect(await cellOf()).toMatchObject({ score: 80, latePenaltyPercent: 20, extendedDueAt: null });
    const dueAt = new Date(a.dueAt!.getTime() + 2 * DAY).toISOString();
    await call("PUT", ext(stu.id), owner, { dueAt });
    expect(await t.prisma.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ latePenaltyPercent: 0, finalScore: 10 });
    expect(await cellOf()).toMatchObject({ score: 100, latePenaltyPercent: 0, extendedDueAt: dueAt });
    // Only this student's work moves.
    const mates = await gradedSubmit(late, mate, made, 10, 20);
    await call("PUT", ext(stu.id), owner, { dueAt: new Date(a.dueAt!.getTime() + DAY).toISOString() });
    expect(await t.prisma.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ latePenaltyPercent: 10, finalScore: 9 });
    expect(await t.prisma.submission.findUniqueOrThrow({ where: { id: mates } })).toMatchObject({ latePenaltyPercent: 20, finalScore: 8 });
    await call("DELETE", ext(stu.id), owner);
    expect(await t.prisma.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ latePenaltyPercent: 20, finalScore: 8 });
  });

  it("needs a due date to extend", async () => {
    const open = await assignment("ext/three", {});
    const res = await call("PUT", `${C()}/assignments/${open}/extensions/${stu.id}`, owner, { dueAt: new Date(Date.now() + DAY).toISOString() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/no due date/);
  });
});

describe("reviewing a student's submission", () => {
  let a: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    a = (await t.prisma.assignment.findFirstOrThrow({ where: { courseId, exerciseId: "ext/one" } })).id;
    await t.prisma.submission.deleteMany({ where: { assignmentId: a } });
    first = await gradedSubmit(a, stu, new Date(Date.now() - 2 * 3600_000), 5, 0);
    second = await gradedSubmit(a, stu, new Date(Date.now() - 3600_000), 10, 0);
  });

  it("staff see hidden tests' details; the student who made it never does", async () => {
    const asStaff = (await call("GET", `/api/submissions/${first}`, owner)).json() as SubmissionView;
    const hidden = asStaff.report!.tests.find((x) => x.hidden)!;
    expect(hidden.details).toMatchObject({ input: "SECRET-INPUT-42", expected: [] });
    const own = await call("GET", `/api/submissions/${first}`, student);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain("SECRET-INPUT-42");
    expect((own.json() as SubmissionView).report!.tests.find((x) => x.hidden)!.details).toBeUndefined();
    expect((own.json() as SubmissionView).report!.tests.find((x) => !x.hidden)!.details).toMatchObject({ input: [3, 1] });
    for (const who of [classmate, otherStaff]) expect((await call("GET", `/api/submissions/${first}`, who)).statusCode).toBe(404);
    // The live stream follows the same rule.
    const stream = await t.app.inject({ method: "GET", url: `/api/submissions/${first}/events`, headers: student.headers() });
    expect(stream.body).toContain("secret edge");
    expect(stream.body).not.toContain("SECRET-INPUT-42");
  });

  it("staff list a student's history on an assignment with its code; nobody else does", async () => {
    const url = `${C()}/assignments/${a}/students/${stu.id}/submissions`;
    const res = await call("GET", url, owner);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json() as SubmissionListItem[];
    expect(items.map((s) => s.id)).toEqual([second, first]);
    expect(items[0]!.code).toMatch(/^\/\/ at /);
    expect((await call("GET", url, student)).statusCode).toBe(403);
    expect((await call("GET", url, otherStaff)).statusCode).toBe(404);
    expect((await call("GET", `${C()}/assignments/${a}/students/${outsider.id}/submissions`, owner)).statusCode).toBe(404);
  });
});
