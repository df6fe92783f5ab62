// The reliability suite's harness: a whole stack in this process on a PostgreSQL of its own
// (so the test can kill it), students, waves of submissions, and the exactly-once check.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { applyMigrations, createPrisma, startEmbeddedPostgres, type EmbeddedDatabase, type PrismaClient } from "@autograder/db";
import { pino } from "pino";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { installQueue } from "@autograder/queue";
import { buildApp } from "../../apps/api/src/app.ts";
import { loadConfig } from "../../apps/api/src/config.ts";
import { syncExercises } from "../../test-support/exercises.ts";
import { login, makeUser, type Browser } from "../../apps/api/test/support/accounts.ts";

export const FIXTURES = fileURLToPath(new URL("../../packages/sandbox/test/fixtures/exercises", import.meta.url));
export const EXERCISE = "sorting/tiny-sort";
export const GOOD = "export function sortIt(a: number[]) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[j]! < a[i]!) [a[i], a[j]] = [a[j]!, a[i]!]; return a; }";

export interface Stack {
  db: EmbeddedDatabase;
  prisma: PrismaClient;
  app: FastifyInstance;
  grader: Supervisor;
  restarts: string[];
  close(): Promise<void>;
}

export async function startStack(workers = 2): Promise<Stack> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "autograder-chaos-"));
  await chmod(dir, 0o755);
  const restarts: string[] = [];
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    watch: { onRestart: (l) => restarts.push(l), onGiveUp: (e) => restarts.push(`GAVE UP: ${e.message}`) },
  });
  await applyMigrations(db.url);
  await installQueue(db.url);
  const prisma = createPrisma(db.url, { connectionTimeoutMillis: 1000 });
  await syncExercises(prisma, FIXTURES);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent" }), prisma, logger: false, databaseUrl: db.url });
  await app.ready();
  const grader = await startSupervisor({ databaseUrl: db.url, workers, concurrency: 2, logger: pino({ name: "grader-supervisor" }, { write: (line: string) => restarts.push(line) }) });
  await grader.ready;
  return {
    db,
    prisma,
    app,
    grader,
    restarts,
    async close() {
      await grader.stop(5000).catch(() => {});
      await app.close().catch(() => {});
      await prisma.$disconnect().catch(() => {});
      await db.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function students(stack: Stack, n: number, prefix: string): Promise<Browser[]> {
  const out: Browser[] = [];
  for (let i = 0; i < n; i++) {
    const email = `${prefix}-${i}@chaos.example`;
    await makeUser(stack.prisma, "student", email);
    out.push(await login(stack.app, email));
  }
  return out;
}

export interface Wave {
  accepted: string[];
  statuses: Record<number, number>;
}

/** Every student submits `each` times at once; 202s are the accepted submissions. */
export async function submitWave(app: FastifyInstance, who: Browser[], each: number): Promise<Wave> {
  const statuses: Record<number, number> = {};
  const accepted: string[] = [];
  await Promise.all(
    who.flatMap((b) =>
      Array.from({ length: each }, async () => {
        const res = await app.inject({ method: "POST", url: `/api/exercises/${encodeURIComponent(EXERCISE)}/submissions`, headers: b.headers(), payload: { code: GOOD } });
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode === 202) accepted.push((res.json() as { id: string }).id);
      }),
    ),
  );
  return { accepted, statuses };
}

export interface Outcome {
  /** Time until every accepted submission was graded. */
  ms: number;
  graded: number;
  /** Submissions with a result written more than once (duplicate test rows): must be 0. */
  duplicated: number;
  /** Submissions not graded within the bound, or ended as `error`. */
  missing: string[];
}

/** Waits until every id is graded (bounded), then checks each was graded exactly once. */
export async function gradedExactlyOnce(prisma: PrismaClient, ids: string[], boundMs: number, expectedTests?: number): Promise<Outcome> {
  const started = Date.now();
  let pending = ids;
  while (pending.length > 0 && Date.now() - started < boundMs) {
    try {
      const rows = await prisma.submission.findMany({ where: { id: { in: pending } }, select: { id: true, status: true } });
      const done = new Set(rows.filter((r) => r.status === "graded" || r.status === "error").map((r) => r.id));
      pending = pending.filter((id) => !done.has(id));
    } catch {
      // the database is coming back
    }
    if (pending.length > 0) await new Promise((r) => setTimeout(r, 200));
  }
  const ms = Date.now() - started;
  const rows = await prisma.submission.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, _count: { select: { tests: true } } } });
  // Same code, same exercise: every submission has the same number of test results.
  const tests = expectedTests ?? Math.min(...rows.filter((r) => r.status === "graded").map((r) => r._count.tests));
  const graded = rows.filter((r) => r.status === "graded" && r._count.tests === tests);
  const duplicated = rows.filter((r) => r._count.tests > tests).length;
  const ok = new Set(graded.map((r) => r.id));
  return { ms, graded: graded.length, duplicated, missing: ids.filter((id) => !ok.has(id)) };
}
