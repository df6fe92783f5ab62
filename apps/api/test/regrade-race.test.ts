// Regrades under concurrency (real grader workers): three regrades of one exercise at once
// answer one run (a queue job) and leave every submission graded exactly once, and a failed grading shows the student a
// catalog code and a sentence, never the internal error.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSupervisor, writeFailure, type Supervisor } from "@autograder/grader";
import { createNotifier } from "@autograder/queue";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import { login, makeUser, type Browser } from "./support/accounts.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const EX = "sorting/tiny-sort";
const URL_EX = encodeURIComponent(EX);
const WRONG = "export function sortIt(a: number[]) { return a; }";

let t: TestApp;
let grader: Supervisor;
let teacher: Browser;
const students: Array<{ id: string; browser: Browser }> = [];
let assignmentId: string;

beforeAll(async () => {
  t = await createTestApp();
  await syncExercises(t.prisma, FIXTURES);
  const owner = await makeUser(t.prisma, "instructor", "teacher@school.test");
  teacher = await login(t.app, owner.email);
  const course = await t.prisma.course.create({ data: { title: "Race", joinCode: "RACE0001", ownerId: owner.id } });
  assignmentId = (await t.prisma.assignment.create({ data: { courseId: course.id, exerciseId: EX } })).id;
  for (let i = 0; i < 4; i++) {
    const s = await makeUser(t.prisma, "student", `s${i}@school.test`);
    await t.prisma.enrollment.create({ data: { courseId: course.id, userId: s.id } });
    students.push({ id: s.id, browser: await login(t.app, s.email) });
  }
  grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 2 });
  await grader.ready;
});

afterAll(async () => {
  await grader?.stop();
  await t.close();
});

async function allGraded(ids: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pending = await t.prisma.submission.count({ where: { id: { in: ids }, status: { in: ["queued", "running"] } } });
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("submissions not graded in time");
}

async function regradeFinished(runId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await t.app.inject({ method: "GET", url: `/api/regrades/${runId}`, headers: teacher.headers() });
    if (res.json().finished === true) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("regrade not finished in time");
}

describe("regrade under concurrency", () => {
  it("three regrades at once: one run, every submission graded once, no error", async () => {
    const ids: string[] = [];
    for (const s of students) {
      const res = await t.app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/submissions`, headers: s.browser.headers(), payload: { code: WRONG, assignmentId } });
      expect(res.statusCode).toBe(202);
      ids.push(res.json().id as string);
    }
    await allGraded(ids);
    for (let round = 0; round < 2; round++) {
      const replies = await Promise.all([0, 1, 2].map(() => t.app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/regrade`, headers: teacher.headers() })));
      expect(replies.map((r) => r.statusCode)).toEqual([202, 202, 202]);
      // Asked three times while it runs: the same regrade each time.
      expect(new Set(replies.map((r) => r.json().id)).size).toBe(1);
      expect(replies[0]!.json().total).toBe(ids.length);
      // The POST answers before the job has reset anything: wait for the run, then the gradings.
      await regradeFinished(replies[0]!.json().id as string);
      await allGraded(ids);
      const rows = await t.prisma.submission.findMany({ where: { id: { in: ids } }, include: { tests: true } });
      for (const row of rows) {
        expect(row.status).toBe("graded");
        expect(row.tests).toHaveLength(4);
      }
      const progress = await t.app.inject({ method: "GET", url: `/api/regrades/${replies[0]!.json().id}`, headers: teacher.headers() });
      expect(progress.json()).toMatchObject({ finished: true, done: ids.length, failed: 0 });
    }
  });

  it("a failed grading shows a code and a sentence; the internal error stays in the log", async () => {
    const s = students[0]!;
    const res = await t.app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/submissions`, headers: s.browser.headers(), payload: { code: WRONG, assignmentId } });
    const id = res.json().id as string;
    await allGraded([id]);
    await t.prisma.submission.update({ where: { id }, data: { status: "running" } });
    const notifier = createNotifier(t.db.url);
    const internal = "Invalid `prisma.testResult.createMany()` invocation in /work/apps/grader/src/grade-submission.ts:47:20 Unique constraint failed";
    await writeFailure(t.prisma, notifier, id, internal);
    await notifier.end();
    const view = await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: s.browser.headers() });
    expect(view.json().status).toBe("error");
    expect(view.json().report).toMatchObject({ code: "GRADER_FAILED" });
    expect(view.json().report.message).toContain("could not grade");
    expect(view.body).not.toMatch(/prisma|Unique|\/work\//i);
    // A row written before this rule (raw text, no code) is shown with the generic sentence.
    await t.prisma.submission.update({ where: { id }, data: { report: { message: `The grader could not grade this submission: ${internal}.` } } });
    const legacy = await t.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: s.browser.headers() });
    expect(legacy.body).not.toMatch(/prisma|Unique|\/work\//i);
    expect(legacy.json().report.code).toBe("GRADER_FAILED");
  });
});
