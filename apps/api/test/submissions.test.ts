// Exercises, runs and submissions through the HTTP API, graded by real worker processes.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubmissionView } from "@autograder/shared";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { loginAs, type SessionHeaders } from "../../../test-support/session.ts";
import { hashPassword } from "../src/auth/password.ts";
import { syncExercises } from "../../../test-support/exercises.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const ID = "sorting%2Ftiny-sort";
const GOOD = "export function sortIt(a: number[]) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[j]! < a[i]!) [a[i], a[j]] = [a[j]!, a[i]!]; return a; }";
const WRONG = "export function sortIt(a: number[]) { return a; }";

let t: TestApp;
let grader: Supervisor;
let student: SessionHeaders;
let other: SessionHeaders;
let teacher: SessionHeaders;
let studentId: string;
let courseId: string;

beforeAll(async () => {
  t = await createTestApp();
  await syncExercises(t.prisma, FIXTURES);
  const passwordHash = await hashPassword("password-123");
  studentId = (await t.prisma.user.create({ data: { email: "s@x.edu", name: "Stu", role: "student", passwordHash } })).id;
  await t.prisma.user.create({ data: { email: "o@x.edu", name: "Other", role: "student", passwordHash } });
  const teacherId = (await t.prisma.user.create({ data: { email: "t@x.edu", name: "Teach", role: "instructor", passwordHash } })).id;
  courseId = (await t.prisma.course.create({ data: { title: "Sorting 101", joinCode: "SORT-101", ownerId: teacherId } })).id;
  await t.prisma.enrollment.create({ data: { courseId, userId: studentId } });
  student = await loginAs(t.app, "s@x.edu", "password-123");
  other = await loginAs(t.app, "o@x.edu", "password-123");
  teacher = await loginAs(t.app, "t@x.edu", "password-123");
  grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 2 });
  await grader.ready;
});

afterAll(async () => {
  await grader?.stop();
  await t.close();
});

/** Follows the submission's Server-Sent Events to the end; returns the events in order. */
async function events(id: string, headers: SessionHeaders): Promise<Array<{ event: string; data: unknown }>> {
  const res = await t.app.inject({ method: "GET", url: `/api/submissions/${id}/events`, headers });
  expect(res.headers["content-type"]).toContain("text/event-stream");
  return res.body
    .split("\n\n")
    .filter((block) => block.startsWith("event:"))
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return { event: eventLine!.slice("event: ".length), data: JSON.parse(dataLine!.slice("data: ".length)) as unknown };
    });
}

async function post(url: string, headers: SessionHeaders, payload: object) {
  return t.app.inject({ method: "POST", url, headers, payload });
}

describe("exercises", () => {
  it("lists published exercises and shows statement, starter and test names only", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/exercises", headers: student });
    expect(list.json()).toEqual([{ id: "sorting/tiny-sort", title: "Tiny sort", family: "sorting", difficulty: "easy", tags: [], published: true }]);
    const res = await t.app.inject({ method: "GET", url: `/api/exercises/${ID}`, headers: student });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { statement: string; starter: string; tests: unknown[] };
    expect(body.statement).toContain("# Tiny sort");
    expect(body.starter).toContain("export function sortIt");
    expect(body.tests).toContainEqual({ name: "a hidden input", hidden: true, weight: 2 });
    // Nothing of the reference, the tests' code or their inputs.
    expect(res.body).not.toContain("let m = i");
    expect(res.body).not.toContain("31337");
    expect(res.body).not.toContain("property(");
  });

  it("needs a login, and answers 404 for an unknown exercise", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/exercises" })).statusCode).toBe(401);
    const missing = await t.app.inject({ method: "GET", url: "/api/exercises/sorting%2Fnope", headers: student });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
  });

  it("saves and restores a draft", async () => {
    expect((await t.app.inject({ method: "GET", url: `/api/exercises/${ID}/draft`, headers: student })).statusCode).toBe(404);
    const put = await t.app.inject({ method: "PUT", url: `/api/exercises/${ID}/draft`, headers: student, payload: { code: "let x = 1;" } });
    expect(put.statusCode).toBe(204);
    const got = await t.app.inject({ method: "GET", url: `/api/exercises/${ID}/draft`, headers: student });
    expect(got.json()).toEqual({ code: "let x = 1;" });
    const others = await t.app.inject({ method: "GET", url: `/api/exercises/${ID}/draft`, headers: other });
    expect(others.statusCode).toBe(404);
  });
});

describe("runs and submissions", () => {
  it("runs the visible tests and streams queued, running, graded", async () => {
    const res = await post(`/api/exercises/${ID}/runs`, student, { code: WRONG });
    expect(res.statusCode).toBe(202);
    const { id } = res.json() as { id: string };
    const stream = await events(id, student);
    expect(stream.at(-1)!.event).toBe("graded");
    const statuses = stream.filter((e) => e.event === "status").map((e) => (e.data as { status: string }).status);
    expect(statuses.at(-1)).toBe("graded");
    const graded = stream.at(-1)!.data as SubmissionView;
    expect(graded).toMatchObject({ kind: "run", status: "graded", verdict: "failed" });
    expect(graded.report!.tests.every((test) => !test.hidden)).toBe(true);
    expect(graded.report!.tests[0]!.details).toMatchObject({ expected: "[1, 2, 3]", actual: "[3, 1, 2]" });
  });

  it("submits for a grade; hidden tests show only their hint; others cannot see it", async () => {
    const { id } = (await post(`/api/exercises/${ID}/submissions`, student, { code: WRONG })).json() as { id: string };
    await events(id, student);
    const view = (await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: student })).json() as SubmissionView;
    expect(view).toMatchObject({ status: "graded", verdict: "failed", score: 0, maxScore: 5 });
    const hidden = view.report!.tests.find((x) => x.name === "a hidden input")!;
    expect(hidden).toMatchObject({ hidden: true, message: "Three numbers, one negative." });
    expect(hidden.details).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain("31337");
    expect((await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/submissions/${id}/events`, headers: other })).statusCode).toBe(404);
    // Practice (no assignment) belongs to no course: not even the student's instructor sees it.
    expect((await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: teacher })).statusCode).toBe(404);
    const history = (await t.app.inject({ method: "GET", url: `/api/exercises/${ID}/submissions`, headers: student })).json() as Array<{ id: string }>;
    expect(history[0]!.id).toBe(id);
  });

  it("a stored result that breaks its contract shows REPORT_UNREADABLE, never the stored text", async () => {
    const { id } = (await post(`/api/exercises/${ID}/runs`, student, { code: WRONG })).json() as { id: string };
    await events(id, student);
    const view = async () => {
      const res = await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: student });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain("/work/secret");
      return res.json() as SubmissionView & { report: { code?: string } };
    };
    const intact = await view();
    expect(intact.report.code).toBeUndefined();
    const first = await t.prisma.testResult.findFirstOrThrow({ where: { submissionId: id, hidden: false }, orderBy: { position: "asc" } });
    await t.prisma.testResult.update({ where: { id: first.id }, data: { details: { verdict: "at /work/secret/x.ts:1", expected: 1 } } });
    const badDetails = await view();
    expect(badDetails.report).toMatchObject({ code: "REPORT_UNREADABLE", message: expect.stringMatching(/could not be read/) });
    expect(badDetails.report!.tests[0]!.details).toBeUndefined();
    expect(badDetails.report!.tests.map((x) => x.name)).toEqual(intact.report!.tests.map((x) => x.name));
    await t.prisma.testResult.update({ where: { id: first.id }, data: { details: first.details ?? undefined } });
    for (const report of [{ message: "Error at /work/secret/grade.ts:1", compileError: "no", durationMs: 1 }, "/work/secret", [1], { code: "EACCES /work/secret", message: "x" }, { code: "GRADER_FAILED", message: "/work/secret" }]) {
      await t.prisma.submission.update({ where: { id }, data: { report } });
      expect((await view()).report).toMatchObject({ code: "REPORT_UNREADABLE", status: "failed", stdout: expect.any(String) });
    }
  });

  it("applies the assignment's late policy to the final score", async () => {
    const assignment = await t.prisma.assignment.create({
      data: { courseId, exerciseId: "sorting/tiny-sort", dueAt: new Date(Date.now() - 36 * 3600 * 1000), latePolicy: "percent_per_day", latePenaltyPercent: 10 },
    });
    const { id } = (await post(`/api/exercises/${ID}/submissions`, student, { code: GOOD, assignmentId: assignment.id })).json() as { id: string };
    const graded = (await events(id, student)).at(-1)!.data as SubmissionView;
    expect(graded).toMatchObject({ verdict: "passed", score: 5, latePenaltyPercent: 20, finalScore: 4 });
    // Made to the course's assignment: the course's instructor sees it.
    expect((await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: teacher })).statusCode).toBe(200);
    const notMine = await post(`/api/exercises/${ID}/submissions`, other, { code: GOOD, assignmentId: assignment.id });
    expect(notMine.statusCode).toBe(404);
  });

  it("the course's staff see a failed hidden test's details; its author never does", async () => {
    const assignment = await t.prisma.assignment.findFirstOrThrow({ where: { courseId, exerciseId: "sorting/tiny-sort" } });
    const { id } = (await post(`/api/exercises/${ID}/submissions`, student, { code: WRONG, assignmentId: assignment.id })).json() as { id: string };
    expect(JSON.stringify(await events(id, student))).not.toContain("31337");
    expect((await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: student })).body).not.toContain("31337");
    const staff = (await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: teacher })).json() as SubmissionView;
    const hidden = staff.report!.tests.find((x) => x.name === "a hidden input")!;
    expect(hidden.hidden).toBe(true);
    expect(JSON.stringify(hidden.details)).toContain("31337");
  });

  it("refuses code over 64 KB, bad bodies, and a flood from one student", async () => {
    const big = await post(`/api/exercises/${ID}/runs`, student, { code: `// ${"x".repeat(70 * 1024)}` });
    expect(big.statusCode).toBeGreaterThanOrEqual(400);
    expect(big.statusCode).toBeLessThan(500);
    const multibyte = await post(`/api/exercises/${ID}/runs`, student, { code: `// ${"é".repeat(40 * 1024)}` });
    expect(multibyte.statusCode).toBe(413);
    expect(multibyte.json().error.code).toBe("CODE_TOO_LARGE");
    expect((await post(`/api/exercises/${ID}/runs`, student, { source: "x" })).statusCode).toBe(400);
    const noCsrf = await t.app.inject({ method: "POST", url: `/api/exercises/${ID}/runs`, headers: { cookie: student.cookie }, payload: { code: GOOD } });
    expect(noCsrf.statusCode).toBe(403);
    const version = await t.prisma.exercise.findUniqueOrThrow({ where: { id: "sorting/tiny-sort" } });
    await t.prisma.submission.createMany({
      data: [1, 2, 3].map(() => ({ userId: studentId, exerciseId: "sorting/tiny-sort", exerciseVersionId: version.publishedVersionId!, kind: "run" as const, code: "", status: "running" as const })),
    });
    const flooded = await post(`/api/exercises/${ID}/runs`, student, { code: GOOD });
    expect(flooded.statusCode).toBe(429);
    expect(flooded.json().error.code).toBe("TOO_MANY_IN_FLIGHT");
    // Another student is not slowed down by it.
    const fine = await post(`/api/exercises/${ID}/runs`, other, { code: GOOD });
    expect(fine.statusCode).toBe(202);
    await t.prisma.submission.updateMany({ where: { userId: studentId, code: "" }, data: { status: "error" } });
  });
});
