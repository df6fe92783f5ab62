// The grader against a real PostgreSQL with real worker processes and real isolates.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createPrisma, type PrismaClient } from "@autograder/db";
import { createBoss, enqueueGrading, GRADING_QUEUE, JobLeases, LEASE_GRACE_SECONDS, UNQUEUED_AFTER_SECONDS, type PgBoss } from "@autograder/queue";
import { createTestDatabase, type TestDatabase } from "../../../test-support/database.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import { gradeSubmission, startSupervisor, type Supervisor } from "../src/index.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const EXERCISE = "sorting/tiny-sort";
const GOOD = "export function sortIt(a: number[]) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[j]! < a[i]!) [a[i], a[j]] = [a[j]!, a[i]!]; return a; }";
const SLOW_GOOD = GOOD.replace("{ for", "{ if (a.length === 3 && a[0] === 3) { const end = Date.now() + 700; while (Date.now() < end) {} } for");

let db: TestDatabase;
let prisma: PrismaClient;
let notifier: pg.Pool;
let boss: PgBoss;
let supervisor: Supervisor | undefined;
let userId: string;
let versionId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
  notifier = new pg.Pool({ connectionString: db.url, max: 2 });
  boss = createBoss(db.url);
  await boss.start();
  await syncExercises(prisma, FIXTURES);
  versionId = (await prisma.exercise.findUniqueOrThrow({ where: { id: EXERCISE } })).publishedVersionId!;
  userId = (await prisma.user.create({ data: { email: "s@example.edu", name: "S", passwordHash: "x" } })).id;
});

afterAll(async () => {
  await supervisor?.stop();
  await boss.stop({ graceful: false, wait: true });
  await notifier.end();
  await prisma.$disconnect();
  await db.drop();
});

async function newSubmission(code: string, kind: "run" | "submit" = "submit"): Promise<string> {
  const s = await prisma.submission.create({ data: { userId, exerciseId: EXERCISE, exerciseVersionId: versionId, kind, code } });
  return s.id;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const statusOf = (id: string) => prisma.submission.findUniqueOrThrow({ where: { id }, include: { tests: true } });

describe("the grader", () => {
  it("loads the exercise's test names into the catalog without running them in this process", async () => {
    const version = await prisma.exerciseVersion.findUniqueOrThrow({ where: { id: versionId } });
    const catalog = (version.manifest as { catalog: { tests: Array<{ name: string; hidden: boolean }> } }).catalog;
    expect(catalog.tests.map((t) => t.name)).toEqual(["sorts a small array", "counts comparisons", "random arrays", "a hidden input"]);
  });

  it("writes one result when the same job is delivered twice at once", async () => {
    const id = await newSubmission(GOOD);
    const outcomes = await Promise.all([gradeSubmission(prisma, notifier, id), gradeSubmission(prisma, notifier, id)]);
    expect(outcomes.filter((o) => o === "graded")).toHaveLength(1);
    const s = await statusOf(id);
    expect(s).toMatchObject({ status: "graded", verdict: "passed", score: 5, maxScore: 5 });
    expect(s.tests).toHaveLength(4);
    expect(await gradeSubmission(prisma, notifier, id)).toBe("already-done");
  });

  it("grades queued submissions in worker processes, woken by NOTIFY", async () => {
    supervisor = await startSupervisor({ databaseUrl: db.url, workers: 1, concurrency: 2 });
    await supervisor.ready;
    const run = await newSubmission(GOOD, "run");
    const wrong = await newSubmission("export function sortIt(a: number[]) { return a; }");
    await enqueueGrading(boss, notifier, run);
    await enqueueGrading(boss, notifier, wrong);
    const graded = await until(() => statusOf(run), (s) => s.status === "graded");
    expect(graded.tests.map((t) => t.hidden)).toEqual([false, false]);
    const failed = await until(() => statusOf(wrong), (s) => s.status === "graded");
    expect(failed).toMatchObject({ verdict: "failed", score: 0, maxScore: 5 });
    const hidden = failed.tests.find((t) => t.name === "a hidden input")!;
    // Stored for the course's staff (the API strips them for the student: submissions.test.ts).
    expect(hidden.details).toMatchObject({ expected: expect.anything() });
    expect(hidden.message).toBe("Three numbers, one negative.");
  });

  it("retries a job whose worker was killed mid-grading, and completes it exactly once", async () => {
    const id = await newSubmission(SLOW_GOOD);
    const [pidBefore] = supervisor!.pids();
    await enqueueGrading(boss, notifier, id);
    await until(() => statusOf(id), (s) => s.status === "running");
    process.kill(pidBefore!, "SIGKILL");
    const done = await until(() => statusOf(id), (s) => s.status === "graded", 90_000);
    expect(done.verdict).toBe("passed");
    expect(done.attempts).toBe(2);
    expect(done.tests).toHaveLength(4);
    expect(supervisor!.pids()[0]).not.toBe(pidBefore);
  });

  it("hands back within seconds a job whose worker's database connection died (not after pg-boss's 15-minute expiry)", async () => {
    await supervisor!.stop();
    const id = await newSubmission(GOOD);
    await enqueueGrading(boss, notifier, id);
    const [job] = await boss.fetch<{ submissionId: string }>(GRADING_QUEUE);
    expect(job?.data.submissionId).toBe(id);
    const leases = new JobLeases(db.url);
    await leases.hold(job!.id);
    const state = async () => (await boss.getJobById(GRADING_QUEUE, job!.id))?.state;
    const reaper = await startSupervisor({ databaseUrl: db.url, workers: 0, concurrency: 1, reapIntervalMs: 200 });
    try {
      // A held lease is left alone, even past the grace period.
      await new Promise((r) => setTimeout(r, LEASE_GRACE_SECONDS * 1000 + 800));
      expect(await state()).toBe("active");
      const { rows } = await notifier.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
      expect(rows).toHaveLength(1);
      const lostAt = Date.now();
      await notifier.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
      await until(state, (s) => s !== "active", 10_000);
      expect(Date.now() - lostAt).toBeLessThan(5000);
    } finally {
      await reaper.stop();
      await leases.close();
    }
    supervisor = await startSupervisor({ databaseUrl: db.url, workers: 1, concurrency: 2 });
    const done = await until(() => statusOf(id), (s) => s.status === "graded", 60_000);
    expect(done.tests).toHaveLength(4);
    expect(done.attempts).toBe(1);
  });

  it("queues a submission that was stored but never queued (the database went away in between)", async () => {
    await supervisor!.stop();
    const s = await prisma.submission.create({ data: { userId, exerciseId: EXERCISE, exerciseVersionId: versionId, kind: "submit", code: GOOD, createdAt: new Date(Date.now() - (UNQUEUED_AFTER_SECONDS + 5) * 1000) } });
    const fresh = await newSubmission(GOOD);
    supervisor = await startSupervisor({ databaseUrl: db.url, workers: 1, concurrency: 2, reapIntervalMs: 100 });
    const done = await until(() => statusOf(s.id), (x) => x.status === "graded", 60_000);
    expect(done.tests).toHaveLength(4);
    // One stored a moment ago may still be on its way to the queue: left alone.
    expect((await statusOf(fresh)).status).toBe("queued");
  });

  it("ends a job that fails on every attempt as an error result the student can see", async () => {
    const broken = await prisma.exerciseVersion.create({
      data: { exerciseId: EXERCISE, number: 99, contentHash: "broken", manifest: {}, files: { "README.md": "no tests here" }, validation: "invalid" },
    });
    const s = await prisma.submission.create({ data: { userId, exerciseId: EXERCISE, exerciseVersionId: broken.id, kind: "submit", code: GOOD } });
    await enqueueGrading(boss, notifier, s.id);
    const done = await until(() => statusOf(s.id), (x) => x.status === "error", 90_000);
    expect(done.verdict).toBe("error");
    expect((done.report as { message: string }).message).toMatch(/^The grader could not grade this submission/);
    expect(done.attempts).toBe(4);
  });
});
