// Starts the whole platform in one process tree: database, migrations, exercises,
// API (and the grader workers, web app once present), and stops it cleanly.
import type { FastifyInstance } from "fastify";
import { applyMigrations, createPrisma, type PrismaClient } from "@autograder/db";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { installQueue } from "@autograder/queue";
import { buildApp } from "../app.ts";
import { syncExercises } from "../exercises/catalog.ts";
import type { Config } from "../config.ts";
import { openDatabase, type DatabaseHandle } from "./database.ts";
import { ensureFirstAdmin } from "./first-admin.ts";
import { acquireInstanceLock } from "./instance-lock.ts";

export interface RunningPlatform {
  url: string;
  app: FastifyInstance;
  stop(): Promise<void>;
}

export async function startPlatform(config: Config, log: (line: string) => void): Promise<RunningPlatform> {
  const releaseLock = acquireInstanceLock(config.dataDir);
  let db: DatabaseHandle | undefined;
  let prisma: PrismaClient | undefined;
  let app: FastifyInstance | undefined;
  let grader: Supervisor | undefined;
  const stop = async () => {
    await app?.close().catch(() => {});
    await grader?.stop().catch(() => {});
    await prisma?.$disconnect().catch(() => {});
    await db?.stop().catch(() => {});
    releaseLock();
  };
  try {
    db = await openDatabase(config.databaseUrl, config.dataDir);
    log(`Database: ${db.description}`);
    const applied = await applyMigrations(db.url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
    await installQueue(db.url);
    prisma = createPrisma(db.url);
    const sync = await syncExercises(prisma, config.exercisesDir);
    log(`Exercises: ${sync.loaded} loaded from ${config.exercisesDir}${sync.newVersions.length > 0 ? `, ${sync.newVersions.length} new version(s)` : ""}`);
    for (const f of sync.failed) log(`  could not load ${f.id}: ${f.error}`);
    const admin = await ensureFirstAdmin(prisma, config.adminEmail, config.adminPassword);
    if (admin.created) {
      log(
        admin.generatedPassword
          ? `Created the first admin: ${admin.email} with password ${admin.generatedPassword} (shown once; change it after logging in)`
          : `Created the first admin: ${admin.email} (password from ADMIN_PASSWORD)`,
      );
    }
    if (config.graderWorkers > 0) {
      grader = await startSupervisor({ databaseUrl: db.url, workers: config.graderWorkers, concurrency: config.graderConcurrency, log });
      await grader.ready;
      log(`Grader: ${config.graderWorkers} worker process(es), ${config.graderConcurrency} grading(s) at once each`);
    }
    app = await buildApp({ config, prisma, databaseUrl: db.url });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const shownHost = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
    return { url: `http://${shownHost}:${port}`, app, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
