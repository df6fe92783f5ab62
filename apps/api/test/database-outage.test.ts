// Kill the database under a running server: health says 503, then recovers; a crashed
// embedded server is restarted by its watcher and the API answers again within 30 s.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createPrisma, startEmbeddedPostgres, type EmbeddedDatabase, type PrismaClient } from "@autograder/db";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";

let dir: string;
let db: EmbeddedDatabase;
let prisma: PrismaClient;
let app: FastifyInstance;
const restarts: string[] = [];
const giveUps: Error[] = [];
const watch = { onRestart: (line: string) => restarts.push(line), onGiveUp: (error: Error) => giveUps.push(error) };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "autograder-outage-"));
  await chmod(dir, 0o755);
  db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), watch });
  await applyMigrations(db.url);
  prisma = createPrisma(db.url, { connectionTimeoutMillis: 1000 });
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent" }), prisma, logger: false, databaseUrl: db.url });
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await db?.stop();
  await rm(dir, { recursive: true, force: true });
});

const health = async () => {
  const res = await app.inject({ method: "GET", url: "/api/health" });
  return { status: res.statusCode, body: res.json() };
};

describe("database outage", () => {
  it("answers 503 while the database is down and recovers when it is back", async () => {
    expect(await health()).toEqual({ status: 200, body: { status: "ok", db: "ok" } });
    const port = db.port;
    await db.stop();
    expect(await health()).toEqual({ status: 503, body: { status: "degraded", db: "down" } });
    expect(await health()).toEqual({ status: 503, body: { status: "degraded", db: "down" } });
    db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port, password: db.password, watch });
    expect(db.port).toBe(port);
    let last = await health();
    for (let i = 0; i < 20 && last.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      last = await health();
    }
    expect(last).toEqual({ status: 200, body: { status: "ok", db: "ok" } });
  });

  it("restarts a killed PostgreSQL and the API answers again within 30 s", async () => {
    expect((await health()).status).toBe(200);
    const pid = db.pid()!;
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    // Backends outlive their postmaster for a moment: recovered means a new server answers.
    const back = () => last.status === 200 && db.pid() !== undefined && db.pid() !== pid;
    let last = await health();
    while (!back() && Date.now() - killedAt < 30_000) {
      await new Promise((r) => setTimeout(r, 200));
      last = await health();
    }
    const recoveredMs = Date.now() - killedAt;
    expect(last).toEqual({ status: 200, body: { status: "ok", db: "ok" } });
    expect(recoveredMs).toBeLessThan(30_000);
    console.log(`recovered from a PostgreSQL kill in ${recoveredMs} ms`);
    expect(db.pid()).not.toBe(pid);
    expect(restarts.some((l) => /restarted/.test(l))).toBe(true);
    expect(giveUps).toEqual([]);
  });
});
