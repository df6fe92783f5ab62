// Regrade as a queue job (real PostgreSQL, real grader workers): the POST answers at once with
// the run; the job survives a restart of the API instance (it runs in the grader); the summary
// tells which grades went up and down after the exercise's tests changed.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { parseContract, StoredFiles } from "@autograder/shared/contracts";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { buildApp } from "../src/app.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import { login, makeUser, type Browser } from "./support/accounts.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const EX = "sorting/tiny-sort";
const URL_EX = encodeURIComponent(EX);
const GOOD = "export function sortIt(a: number[]) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[j]! < a[i]!) [a[i], a[j]] = [a[j]!, a[i]!]; return a; }";
const IDENTITY = "export function sortIt(a: number[]) { return a; }";
const EMPTY = "export function sortIt(a: number[]) { return []; }";

let t: TestApp;
let app: FastifyInstance;
let grader: Supervisor | undefined;
let teacher: Browser;
let admin: Browser;
let assignmentId: string;
const students: Array<{ id: string; name: string; browser: Browser }> = [];

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  await syncExercises(t.prisma, FIXTURES);
  const owner = await makeUser(t.prisma, "instructor", "teacher@school.test");
  teacher = await login(t.app, owner.email);
  admin = await login(t.app, (await makeUser(t.prisma, "admin", "admin@school.test")).email);
  const course = await t.prisma.course.create({ data: { title: "Regrade", joinCode: "REGR0001", ownerId: owner.id } });
  // Due an hour ago, 10% a started day: every submission loses 10%, before and after alike.
  assignmentId = (
    await t.prisma.assignment.create({ data: { courseId: course.id, exerciseId: EX, dueAt: new Date(Date.now() - 3_600_000), latePolicy: "percent_per_day", latePenaltyPercent: 10 } })
  ).id;
  for (const name of ["ada", "bob", "cy"]) {
    const s = await makeUser(t.prisma, "student", `${name}@school.test`, name);
    await t.prisma.enrollment.create({ data: { courseId: course.id, userId: s.id } });
    students.push({ id: s.id, name, browser: await login(t.app, s.email) });
  }
});

afterAll(async () => {
  await grader?.stop();
  if (app !== t.app) await app.close();
  await t.close();
});

async function startGrader(): Promise<void> {
  grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 2 });
  await grader.ready;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`not reached within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A new published version whose hidden test wants the input back unchanged. */
async function publishChangedTests(): Promise<void> {
  const exercise = await t.prisma.exercise.findUniqueOrThrow({ where: { id: EX }, include: { publishedVersion: true } });
  const v1 = exercise.publishedVersion!;
  const files = parseContract(StoredFiles, v1.files, "fixture files");
  const tests = files["tests.ts"]!.replace("toEqual([-4, 31337, 271828])", "toEqual([31337, 271828, -4])");
  expect(tests).not.toBe(files["tests.ts"]);
  const v2 = await t.prisma.exerciseVersion.create({
    data: { exerciseId: EX, number: v1.number + 1, contentHash: `${v1.contentHash}-changed`, manifest: v1.manifest ?? {}, files: { ...files, "tests.ts": tests }, validation: "valid", publishedAt: new Date() },
  });
  await t.prisma.exercise.update({ where: { id: EX }, data: { publishedVersionId: v2.id, latestVersionId: v2.id } });
}

describe("regrade as a job", () => {
  // Two grader starts and eight gradings: longer than the default timeout on a busy machine.
  it("answers at once, survives an API restart, and summarises the grade changes", { timeout: 240_000 }, async () => {
    await startGrader();
    const ids: string[] = [];
    for (const [i, code] of [GOOD, IDENTITY, EMPTY].entries()) {
      const res = await app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/submissions`, headers: students[i]!.browser.headers(), payload: { code, assignmentId } });
      expect(res.statusCode).toBe(202);
      ids.push(res.json().id as string);
    }
    const graded = await until(
      () => t.prisma.submission.findMany({ where: { id: { in: ids } }, orderBy: { userId: "asc" } }),
      (rows) => rows.every((r) => r.status === "graded"),
    );
    const before = new Map(graded.map((r) => [r.id, r.finalScore]));
    expect(ids.map((id) => before.get(id))).toEqual([4.5, 0, 0]);
    await grader!.stop();
    grader = undefined;

    await publishChangedTests();
    const preview = await app.inject({ method: "GET", url: `/api/exercises/${URL_EX}/regrade`, headers: teacher.headers() });
    expect(preview.json()).toEqual({ count: 3 });

    // No grader is running: the POST still answers at once, nothing is reset yet.
    const started = Date.now();
    const post = await app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/regrade`, headers: teacher.headers() });
    expect(post.statusCode).toBe(202);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(post.json()).toMatchObject({ total: 3, enqueued: 0, done: 0, finished: false, summary: null });
    const runId = post.json().id as string;
    // Asking again while it runs answers the same run (merged, not a second regrade).
    const again = await app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/regrade`, headers: teacher.headers() });
    expect(again.json().id).toBe(runId);
    expect(await t.prisma.submission.count({ where: { id: { in: ids }, status: "graded" } })).toBe(3);

    // The API instance goes away and another one comes up on the same database.
    await app.close();
    app = await buildApp({ config: t.config, prisma: t.prisma, logger: false });
    await app.ready();
    await startGrader();

    const progress = await until(
      async () => (await app.inject({ method: "GET", url: `/api/regrades/${runId}`, headers: teacher.headers() })).json(),
      (p) => p.finished === true,
    );
    expect(progress).toMatchObject({ total: 3, enqueued: 3, done: 3, failed: 0, skipped: 0 });
    expect(progress.summary).toMatchObject({ up: 1, down: 1, unchanged: 1 });
    const changes = [...progress.summary.changes].sort((a: { userName: string }, b: { userName: string }) => a.userName.localeCompare(b.userName));
    expect(changes).toEqual([
      { submissionId: ids[0], userId: students[0]!.id, userName: "ada", assignmentId, before: 4.5, after: 2.7 },
      { submissionId: ids[1], userId: students[1]!.id, userName: "bob", assignmentId, before: 0, after: 1.8 },
    ]);
    const rows = await t.prisma.submission.findMany({ where: { id: { in: ids } }, include: { tests: true } });
    for (const r of rows) {
      expect(r.status).toBe("graded");
      expect(r.tests).toHaveLength(4);
    }
    // Finished: asking again starts a new run.
    const next = await app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/regrade`, headers: teacher.headers() });
    expect(next.json().id).not.toBe(runId);
    await until(async () => (await app.inject({ method: "GET", url: `/api/regrades/${next.json().id}`, headers: teacher.headers() })).json(), (p) => p.finished === true);
  });

  it("an admin's run and an instructor's at once: both finish, no submission is graded twice at once", { timeout: 120_000 }, async () => {
    const [a, b] = await Promise.all([
      app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/regrade`, headers: teacher.headers() }),
      app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/regrade`, headers: admin.headers() }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    for (const [res, who] of [[a, teacher], [b, admin]] as const) {
      const p = await until(async () => (await app.inject({ method: "GET", url: `/api/regrades/${res.json().id}`, headers: who.headers() })).json(), (x) => x.finished === true);
      expect(p.done + p.failed + p.skipped).toBe(p.total);
      expect(p.failed).toBe(0);
      // Same version again: nothing changed.
      expect(p.summary).toMatchObject({ up: 0, down: 0, changes: [] });
    }
    const rows = await t.prisma.submission.findMany({ where: { exerciseId: EX }, include: { tests: true } });
    for (const r of rows) expect([r.status, r.tests.length]).toEqual(["graded", 4]);
  });

  it("someone else's run is not found; a student cannot start one", async () => {
    const other = await login(app, (await makeUser(t.prisma, "instructor", "other@school.test")).email);
    const run = await t.prisma.regradeRun.findFirstOrThrow({ where: { requestedBy: { email: "teacher@school.test" } } });
    expect((await app.inject({ method: "GET", url: `/api/regrades/${run.id}`, headers: other.headers() })).statusCode).toBe(404);
    expect((await app.inject({ method: "POST", url: `/api/exercises/${URL_EX}/regrade`, headers: students[0]!.browser.headers() })).statusCode).toBe(403);
  });
});
