// Job payloads are parsed against their contracts: a malformed one fails its job with the
// reason, and the worker process that took it goes on grading.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createPrisma, type PrismaClient } from "@autograder/db";
import { createBoss, enqueueGrading, GRADING_QUEUE, JOBS_CHANNEL, VALIDATION_QUEUE, type PgBoss } from "@autograder/queue";
import { ContractError } from "@autograder/shared/contracts";
import { createTestDatabase, type TestDatabase } from "../../../test-support/database.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import { parseJobPayload } from "../src/job-payload.ts";
import { startSupervisor, type Supervisor } from "../src/index.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const EXERCISE = "sorting/tiny-sort";
const GOOD = "export function sortIt(a: number[]) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[j]! < a[i]!) [a[i], a[j]] = [a[j]!, a[i]!]; return a; }";

let db: TestDatabase;
let prisma: PrismaClient;
let notifier: pg.Pool;
let boss: PgBoss;
let supervisor: Supervisor;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
  notifier = new pg.Pool({ connectionString: db.url, max: 2 });
  boss = createBoss(db.url);
  await boss.start();
  await syncExercises(prisma, FIXTURES);
  supervisor = await startSupervisor({ databaseUrl: db.url, workers: 1, concurrency: 1 });
  await supervisor.ready;
});

afterAll(async () => {
  await supervisor?.stop();
  await boss?.stop({ graceful: false, wait: true });
  await notifier?.end();
  await prisma?.$disconnect();
  await db?.drop();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("job payload contracts", () => {
  it("parses a payload per queue and returns the reason for a malformed one", () => {
    const id = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    expect(parseJobPayload(GRADING_QUEUE, "j1", { submissionId: id })).toEqual({ queue: GRADING_QUEUE, data: { submissionId: id } });
    expect(parseJobPayload(VALIDATION_QUEUE, "j2", { versionId: id })).toEqual({ queue: VALIDATION_QUEUE, data: { versionId: id } });
    const bad = parseJobPayload(GRADING_QUEUE, "j3", { versionId: id });
    expect(bad).toBeInstanceOf(ContractError);
    expect((bad as ContractError).message).toMatch(/^grading job j3: /);
    expect(parseJobPayload(VALIDATION_QUEUE, "j4", "not an object")).toBeInstanceOf(ContractError);
  });

  it("fails malformed jobs with the reason and keeps the same worker grading", async () => {
    const [pidBefore] = supervisor.pids();
    const payloads: Array<[string, unknown]> = [
      [GRADING_QUEUE, { submissionId: 42 }],
      [GRADING_QUEUE, { submissionId: "../../etc/passwd" }],
      [GRADING_QUEUE, null],
      [VALIDATION_QUEUE, { versionId: { $ne: null } }],
    ];
    const ids: Array<[string, string]> = [];
    for (const [queue, data] of payloads) {
      const id = await boss.send(queue, data as object, { retryLimit: 0 });
      ids.push([queue, id!]);
    }
    await notifier.query("SELECT pg_notify($1, $2)", [JOBS_CHANNEL, GRADING_QUEUE]);
    for (const [queue, id] of ids) {
      const job = await until(() => boss.getJobById(queue, id), (j) => j?.state === "failed");
      expect(JSON.stringify(job!.output)).toMatch(queue === GRADING_QUEUE ? /grading job [0-9a-f-]+: \/?\S* / : /validation job [0-9a-f-]+: /);
    }

    const version = await prisma.exercise.findUniqueOrThrow({ where: { id: EXERCISE } });
    const user = await prisma.user.create({ data: { email: "s@example.edu", name: "S", passwordHash: "x" } });
    const s = await prisma.submission.create({ data: { userId: user.id, exerciseId: EXERCISE, exerciseVersionId: version.publishedVersionId!, kind: "submit", code: GOOD } });
    await enqueueGrading(boss, notifier, s.id);
    const done = await until(() => prisma.submission.findUniqueOrThrow({ where: { id: s.id } }), (x) => x.status === "graded");
    expect(done.verdict).toBe("passed");
    expect(supervisor.pids()).toEqual([pidBefore]);
  });
});
