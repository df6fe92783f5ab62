// The submission state machine against a real PostgreSQL: every allowed move, the refused
// ones, and races (concurrent claims, results, failures and regrade resets of one row).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient, type SubmissionStatus } from "@autograder/db";
import type { GradeReport } from "@autograder/shared";
import { createTestDatabase, type TestDatabase } from "../../../test-support/database.ts";
import { canMove, claimForGrading, recordFailure, recordResult, resetForRegrade, TRANSITIONS } from "../src/index.ts";

let db: TestDatabase;
let prisma: PrismaClient;
let userId: string;
let versionId: string;
let version2: string;

const EX = "sorting/model-test";
const report = (score: number): GradeReport => ({
  exerciseId: EX,
  status: score === 5 ? "passed" : "failed",
  score,
  maxScore: 5,
  durationMs: 3,
  stdout: "",
  tests: [{ name: "t", hidden: false, passed: score === 5, points: score, maxPoints: 5, message: "", durationMs: 1, details: { input: [1] } }],
});
const FAILURE = { code: "GRADER_FAILED" as const, message: "The grader could not grade this submission." };

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
  userId = (await prisma.user.create({ data: { email: "m@example.edu", name: "M", passwordHash: "x" } })).id;
  await prisma.exercise.create({ data: { id: EX, family: "sorting", title: "Model" } });
  const v = (n: number) => prisma.exerciseVersion.create({ data: { exerciseId: EX, number: n, contentHash: `h${n}`, manifest: {}, files: {}, validation: "valid" } });
  versionId = (await v(1)).id;
  version2 = (await v(2)).id;
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

async function submission(status: SubmissionStatus = "queued", latePenaltyPercent = 0): Promise<string> {
  const s = await prisma.submission.create({ data: { userId, exerciseId: EX, exerciseVersionId: versionId, kind: "submit", code: "x", status, latePenaltyPercent } });
  return s.id;
}
const row = (id: string) => prisma.submission.findUniqueOrThrow({ where: { id }, include: { tests: true } });

describe("the transition table", () => {
  it("allows exactly queued->running|error, running->running|graded|error, graded|error->queued", () => {
    const all: SubmissionStatus[] = ["queued", "running", "graded", "error"];
    const allowed = all.flatMap((from) => all.filter((to) => canMove(from, to)).map((to) => `${from}->${to}`));
    expect(allowed).toEqual(["queued->running", "queued->error", "running->running", "running->graded", "running->error", "graded->queued", "error->queued"]);
    expect(TRANSITIONS.graded).not.toContain("running");
  });
});

describe("the submission state machine", () => {
  it("queued -> running -> graded, with the final score computed from the stored late penalty", async () => {
    const id = await submission("queued", 20);
    const claim = await claimForGrading(prisma, id);
    expect(claim).toMatchObject({ submissionId: id, attempt: 1, userId, kind: "submit", latePenaltyPercent: 20 });
    expect((await row(id)).status).toBe("running");
    expect(await recordResult(prisma, claim!, report(5))).toBe(true);
    const graded = await row(id);
    expect(graded).toMatchObject({ status: "graded", verdict: "passed", score: 5, finalScore: 4, report: { message: null, compileError: null, durationMs: 3 } });
    expect(graded.tests).toHaveLength(1);
  });

  it("refuses every move out of graded except a regrade", async () => {
    const id = await submission("graded");
    expect(await claimForGrading(prisma, id)).toBeNull();
    expect(await recordFailure(prisma, id, FAILURE)).toBe(false);
    expect(await recordResult(prisma, { submissionId: id, attempt: 0, userId, kind: "submit", code: "x", exerciseVersionId: versionId, assignmentId: null, latePenaltyPercent: 0 }, report(1))).toBe(false);
    expect((await row(id)).status).toBe("graded");
    expect(await resetForRegrade(prisma, [id], version2)).toEqual([id]);
    expect(await row(id)).toMatchObject({ status: "queued", exerciseVersionId: version2, score: null, finalScore: null, gradedAt: null });
  });

  it("refuses a result without a claim (queued) and a regrade of a submission being graded", async () => {
    const queued = await submission("queued");
    expect(await recordResult(prisma, { submissionId: queued, attempt: 0, userId, kind: "submit", code: "x", exerciseVersionId: versionId, assignmentId: null, latePenaltyPercent: 0 }, report(5))).toBe(false);
    const running = await submission("running");
    expect(await resetForRegrade(prisma, [queued, running], version2)).toEqual([]);
    expect((await row(queued)).status).toBe("queued");
    expect((await row(running)).status).toBe("running");
  });

  it("error is final until a regrade: no claim, no result, no second failure", async () => {
    const id = await submission("running");
    expect(await recordFailure(prisma, id, FAILURE)).toBe(true);
    expect(await row(id)).toMatchObject({ status: "error", verdict: "error", report: FAILURE });
    expect(await recordFailure(prisma, id, FAILURE)).toBe(false);
    expect(await claimForGrading(prisma, id)).toBeNull();
    expect(await resetForRegrade(prisma, [id], versionId)).toEqual([id]);
    expect((await claimForGrading(prisma, id))?.attempt).toBe(1);
  });

  it("a result of a claim that was taken over (a retry, a redelivery) is refused", async () => {
    const id = await submission();
    const first = await claimForGrading(prisma, id);
    const retry = await claimForGrading(prisma, id);
    expect([first?.attempt, retry?.attempt]).toEqual([1, 2]);
    expect(await recordResult(prisma, first!, report(0))).toBe(false);
    expect(await recordResult(prisma, retry!, report(5))).toBe(true);
    expect(await recordResult(prisma, retry!, report(0))).toBe(false);
    expect(await row(id)).toMatchObject({ status: "graded", score: 5 });
  });
});

describe("races", () => {
  it("eight workers grading one submission at once write one result", async () => {
    const id = await submission();
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimForGrading(prisma, id)));
    const results = await Promise.all(claims.map((c, i) => recordResult(prisma, c!, report(i % 6))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = claims[results.indexOf(true)]!;
    expect(winner.attempt).toBe(8);
    expect((await row(id)).tests).toHaveLength(1);
  });

  it("eight regrades resetting one submission at once: exactly one resets it", async () => {
    const id = await submission("graded");
    const resets = await Promise.all(Array.from({ length: 8 }, () => resetForRegrade(prisma, [id], version2)));
    expect(resets.filter((r) => r.length === 1)).toHaveLength(1);
  });

  it("a failure and a result racing: one of them wins, the row is consistent", async () => {
    for (let i = 0; i < 5; i++) {
      const id = await submission();
      const claim = (await claimForGrading(prisma, id))!;
      const [graded, failed] = await Promise.all([recordResult(prisma, claim, report(5)), recordFailure(prisma, id, FAILURE)]);
      expect(graded !== failed).toBe(true);
      const r = await row(id);
      expect(r.status).toBe(graded ? "graded" : "error");
      expect(r.tests).toHaveLength(graded ? 1 : 0);
    }
  });
});
