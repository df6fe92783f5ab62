// Starts the whole platform in one process tree: database, migrations, exercises,
// API (and the grader workers, web app once present), and stops it cleanly. The composition
// root: the only package that depends on both the API and the grader.
import { buildApp } from "@autograder/api";
import { syncExercises } from "@autograder/api/catalog";
import type { Config } from "@autograder/api/config";
import { ensureFirstAdmin } from "@autograder/api/first-admin";
import { applyMigrations, createPrisma, type PrismaClient } from "@autograder/db";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { installQueue } from "@autograder/queue";
import { describeInChildProcess } from "@autograder/sandbox/describe-process";
import { openDatabase, type DatabaseHandle } from "./database.ts";
import { acquireInstanceLock } from "./instance-lock.ts";

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

export interface RunningPlatform {
  url: string;
  app: FastifyInstance;
  /** The orderly shutdown, in the order documented at `stop` below; the caller enforces the deadline. */
  stop(): Promise<void>;
  /** Past the deadline: kills what still runs (graders, PostgreSQL in immediate mode) at once. */
  abort(): void;
}

export interface PlatformHooks {
  /** Something the platform cannot run without is gone for good (the embedded PostgreSQL). */
  onFatal(message: string): void;
}

/** Share of the shutdown deadline running gradings get to finish before they are handed back. */
const GRADING_SHARE = 0.6;

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export async function startPlatform(config: Config, log: (line: string) => void, hooks?: PlatformHooks): Promise<RunningPlatform> {
  const releaseLock = acquireInstanceLock(config.dataDir);
  let db: DatabaseHandle | undefined;
  let prisma: PrismaClient | undefined;
  let app: FastifyInstance | undefined;
  let grader: Supervisor | undefined;
  /**
   * Shutdown in a fixed order: stop taking jobs and let running gradings finish (or hand them
   * back to the queue), end the live streams with a `reconnect` event (preClose), close HTTP,
   * then the database connections and the embedded PostgreSQL. The caller enforces the deadline.
   */
  const stop = async () => {
    await grader?.stop(Math.round(config.shutdownTimeoutMs * GRADING_SHARE)).catch(() => {});
    await app?.close().catch(() => {});
    await prisma?.$disconnect().catch(() => {});
    await db?.stop().catch(() => {});
    releaseLock();
  };
  try {
    db = await openDatabase(config.databaseUrl, config.dataDir, {
      onRestart: log,
      onGiveUp: (error) => (hooks ? hooks.onFatal(error.message) : log(error.message)),
    });
    log(`Database: ${db.description}`);
    const applied = await applyMigrations(db.url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
    await installQueue(db.url);
    prisma = createPrisma(db.url);
    const sync = await syncExercises(prisma, config.exercisesDir, describeInChildProcess);
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
      // The supervisor and its workers log with pino at LOG_LEVEL (the same variable as config.logLevel).
      grader = await startSupervisor({ databaseUrl: db.url, workers: config.graderWorkers, concurrency: config.graderConcurrency });
      await grader.ready;
      log(`Grader: ${config.graderWorkers} worker process(es), ${config.graderConcurrency} grading(s) at once each`);
    }
    app = await buildApp({ config, prisma, databaseUrl: db.url });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const shownHost = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
    const abort = () => {
      for (const pid of grader?.pids() ?? []) kill(pid, "SIGKILL");
      // SIGQUIT is PostgreSQL's immediate shutdown: crash recovery on the next start, no data lost.
      const pgPid = db?.pid();
      if (pgPid !== undefined) kill(pgPid, "SIGQUIT");
      releaseLock();
    };
    return { url: `http://${shownHost}:${port}`, app, stop, abort };
  } catch (err) {
    await stop();
    throw err;
  }
}
