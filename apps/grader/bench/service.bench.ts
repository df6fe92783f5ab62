// npm run bench:service: 20 simulated students submit selection-sort solutions at once through
// the HTTP API, on the embedded PostgreSQL, graded by real worker processes. Prints
// submit-to-graded p50/p99 and GET /api/exercises reads per second.
// BENCH_STUDENTS (20), BENCH_ROUNDS (5 submissions each), GRADER_WORKERS (2), GRADER_CONCURRENCY (1).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, chmod } from "node:fs/promises";
import { promisify } from "node:util";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations, createPrisma, startEmbeddedPostgres } from "@autograder/db";
import { installQueue } from "@autograder/queue";
import { buildApp } from "../../api/src/app.ts";
import { hashPassword } from "../../api/src/auth/password.ts";
import { loadConfig } from "../../api/src/config.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import { startSupervisor } from "../src/supervisor.ts";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WORKERS = Number(process.env.GRADER_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.GRADER_CONCURRENCY ?? 1);
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const EXERCISE = "sorting%2Fselection-sort";

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const dir = await mkdtemp(path.join(os.tmpdir(), "bench-service-"));
await chmod(dir, 0o755);
const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: "bench", persistent: false });
try {
  await applyMigrations(pgServer.url);
  await installQueue(pgServer.url);
  const prisma = createPrisma(pgServer.url, { max: 20 });
  await syncExercises(prisma, path.join(ROOT, "exercises"));
  const passwordHash = await hashPassword("bench-password-1");
  await prisma.user.createMany({ data: Array.from({ length: STUDENTS }, (_, i) => ({ email: `s${i}@bench.edu`, name: `S${i}`, role: "student" as const, passwordHash })) });
  const grader = await startSupervisor({ databaseUrl: pgServer.url, workers: WORKERS, concurrency: CONCURRENCY });
  await grader.ready;
  const config = loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: pgServer.url, PORT: "0" });
  const app = await buildApp({ config, prisma, logger: false, databaseUrl: pgServer.url });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const solution = await readFile(path.join(ROOT, "exercises/sorting/selection-sort/solution.ts"), "utf8");

  const sessions = await Promise.all(
    Array.from({ length: STUDENTS }, async (_, i) => {
      const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `s${i}@bench.edu`, password: "bench-password-1" }) });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
      const csrf = (await (await fetch(`${base}/api/auth/csrf`, { headers: { cookie } })).json()) as { csrfToken: string };
      return { cookie, "x-csrf-token": csrf.csrfToken };
    }),
  );

  /** Submits and follows the SSE stream until `graded`; returns the elapsed milliseconds. */
  const submitAndWait = async (headers: Record<string, string>): Promise<number> => {
    const start = performance.now();
    const res = await fetch(`${base}/api/exercises/${EXERCISE}/submissions`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ code: solution }) });
    if (res.status !== 202) throw new Error(`submit: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const stream = await fetch(`${base}/api/submissions/${id}/events`, { headers });
    const text = await stream.text();
    if (!text.includes("event: graded")) throw new Error(`no graded event for ${id}`);
    return performance.now() - start;
  };

  await submitAndWait(sessions[0]!); // warm the workers
  // Pipeline latency without queueing: one student, one submission at a time.
  const alone: number[] = [];
  for (let i = 0; i < 10; i++) alone.push(await submitAndWait(sessions[0]!));
  alone.sort((a, b) => a - b);
  console.log(`one student alone: submit-to-graded p50 ${pct(alone, 50).toFixed(0)} ms, max ${alone.at(-1)!.toFixed(0)} ms (grading itself is ~45 ms of it: npm run bench:grader)`);
  const latencies: number[] = [];
  const wallStart = performance.now();
  await Promise.all(sessions.map(async (headers) => {
    for (let r = 0; r < ROUNDS; r++) latencies.push(await submitAndWait(headers));
  }));
  const wall = performance.now() - wallStart;
  latencies.sort((a, b) => a - b);
  console.log(`${STUDENTS} students x ${ROUNDS} submissions of selection-sort (${WORKERS} worker process(es) x ${CONCURRENCY}), ${os.cpus().length} cores`);
  console.log(`submit-to-graded: p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms, ${((latencies.length / wall) * 1000).toFixed(1)} gradings/s  (aim: p50 <= 100 ms, p99 <= 500 ms)`);

  // The load comes from another process, so the client's own work does not eat the server's CPU.
  const readers = 20;
  const readMs = 5000;
  const loadScript = `
    const [base, cookie, readers, ms] = process.argv.slice(1);
    let reads = 0;
    const end = performance.now() + Number(ms);
    await Promise.all(Array.from({ length: Number(readers) }, async () => {
      while (performance.now() < end) {
        const res = await fetch(base + "/api/exercises", { headers: { cookie } });
        if (res.status !== 200) throw new Error("GET /api/exercises: " + res.status);
        await res.arrayBuffer();
        reads++;
      }
    }));
    process.stdout.write(String(reads));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", loadScript, base, sessions[0]!.cookie, String(readers), String(readMs)]);
  const reads = Number(stdout);
  console.log(`GET /api/exercises: ${((reads / readMs) * 1000).toFixed(0)} reads/s with ${readers} concurrent clients (aim: >= 2000)`);
  await app.close();
  await grader.stop();
  await prisma.$disconnect();
} finally {
  await pgServer.stop();
  await rm(dir, { recursive: true, force: true });
}
