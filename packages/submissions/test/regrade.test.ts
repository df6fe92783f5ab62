// Regrade runs against a real PostgreSQL: the job is idempotent (a retry after a crash queues
// nothing twice), skips a submission being graded, and the summary counts moves by final score.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient, type SubmissionStatus } from "@autograder/db";
import type { GradeReport } from "@autograder/shared";
import { createTestDatabase, type TestDatabase } from "../../../test-support/database.ts";
import { claimForGrading, createRegradeRun, recordResult, regradeProgress, runRegrade, STALE_RUN_MS, unfinishedRun } from "../src/index.ts";

let db: TestDatabase;
let prisma: PrismaClient;
let userId: string;
let versionId: string;
const EX = "sorting/regrade-model";

const report = (score: number): GradeReport => ({ exerciseId: EX, status: score === 5 ? "passed" : "failed", score, maxScore: 5, durationMs: 1, stdout: "", tests: [] });

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
  userId = (await prisma.user.create({ data: { email: "r@example.edu", name: "Rae", passwordHash: "x" } })).id;
  await prisma.exercise.create({ data: { id: EX, family: "sorting", title: "Regrade model" } });
  versionId = (await prisma.exerciseVersion.create({ data: { exerciseId: EX, number: 1, contentHash: "h", manifest: {}, files: {}, validation: "valid" } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

async function submission(status: SubmissionStatus, finalScore: number | null): Promise<string> {
  const s = await prisma.submission.create({ data: { userId, exerciseId: EX, exerciseVersionId: versionId, kind: "submit", code: "x", status, score: finalScore, maxScore: 5, finalScore } });
  return s.id;
}

async function grade(id: string, score: number): Promise<void> {
  const claim = await claimForGrading(prisma, id);
  expect(await recordResult(prisma, claim!, report(score))).toBe(true);
}

describe("regrade runs", () => {
  it("queues each submission once across retries, skips one being graded, and summarises the moves", async () => {
    const [up, down, same, busy] = [await submission("graded", 2), await submission("graded", 5), await submission("error", null), await submission("graded", 1)];
    const runId = await prisma.$transaction((tx) => createRegradeRun(tx, { exerciseId: EX, exerciseVersionId: versionId, requestedById: userId, submissionIds: [up, down, same, busy] }));
    expect(await unfinishedRun(prisma, EX, userId)).toBe(runId);
    // Another run is grading `busy` when this job reaches it.
    await prisma.submission.update({ where: { id: busy }, data: { status: "running" } });
    const queued: string[] = [];
    const enqueue = async (id: string) => {
      queued.push(id);
    };
    await runRegrade(prisma, runId, enqueue);
    await runRegrade(prisma, runId, enqueue);
    expect(queued.sort()).toEqual([up, down, same].sort());
    let p = await regradeProgress(prisma, runId);
    expect(p).toMatchObject({ total: 4, enqueued: 4, done: 0, failed: 0, skipped: 1, finished: false, summary: null });

    await grade(up, 4);
    await grade(down, 3);
    p = await regradeProgress(prisma, runId);
    expect(p).toMatchObject({ done: 2, finished: false });
    await grade(same, 0);
    p = await regradeProgress(prisma, runId);
    expect(p).toMatchObject({ done: 3, failed: 0, skipped: 1, finished: true });
    // An error (no score) that now scores 0 counts as unchanged, and is not listed.
    expect(p!.summary).toMatchObject({ up: 1, down: 1, unchanged: 1 });
    expect(p!.summary!.changes).toHaveLength(2);
    const byId = new Map(p!.summary!.changes.map((c) => [c.submissionId, c]));
    expect(byId.get(up)).toMatchObject({ before: 2, after: 4, userName: "Rae", userId, assignmentId: null });
    expect(byId.get(down)).toMatchObject({ before: 5, after: 3 });
    expect(await unfinishedRun(prisma, EX, userId)).toBeNull();
  });

  it("a finished run keeps its counts when a later regrade resets its submissions", async () => {
    const id = await submission("graded", 1);
    const first = await prisma.$transaction((tx) => createRegradeRun(tx, { exerciseId: EX, exerciseVersionId: versionId, requestedById: userId, submissionIds: [id] }));
    await runRegrade(prisma, first, async () => {});
    await grade(id, 5);
    expect(await regradeProgress(prisma, first)).toMatchObject({ done: 1, finished: true, summary: { up: 1 } });
    const second = await prisma.$transaction((tx) => createRegradeRun(tx, { exerciseId: EX, exerciseVersionId: versionId, requestedById: userId, submissionIds: [id] }));
    await runRegrade(prisma, second, async () => {});
    expect(await regradeProgress(prisma, first)).toMatchObject({ done: 1, finished: true, summary: { up: 1, changes: [{ before: 1, after: 5 }] } });
    expect(await regradeProgress(prisma, second)).toMatchObject({ done: 0, finished: false });
  });

  it("a run unfinished for longer than STALE_RUN_MS no longer holds back a new one", async () => {
    const id = await submission("graded", 1);
    const runId = await prisma.$transaction((tx) => createRegradeRun(tx, { exerciseId: EX, exerciseVersionId: versionId, requestedById: userId, submissionIds: [id] }));
    expect(await unfinishedRun(prisma, EX, userId)).toBe(runId);
    expect(await unfinishedRun(prisma, EX, userId, new Date(Date.now() + STALE_RUN_MS + 1000))).not.toBe(runId);
  });
});
