// Runs grader worker processes and keeps them running. A worker that dies (a native crash in
// the sandbox, an out-of-memory kill) is restarted; the jobs it held are failed at once so
// pg-boss retries them with back-off instead of waiting for them to expire. A reaper hands
// back jobs whose lease is gone (a worker on another machine, or a PostgreSQL restart).
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createPrisma } from "@autograder/db";
import { createBoss, createNotifier, enqueueGrading, GRADING_QUEUE, reapOrphanedJobs, REGRADE_QUEUE, unqueuedSubmissions, VALIDATION_QUEUE, type PgBoss } from "@autograder/queue";
import { ContractError } from "@autograder/shared/contracts";
import { writeFailure } from "./grade-submission.ts";
import { parseJobPayload } from "./job-payload.ts";
import { graderLogger, type Logger } from "./logger.ts";
import type { WorkerMessage } from "./worker-process.ts";

const WORKER_ENTRY = fileURLToPath(new URL("./worker-process.ts", import.meta.url));

export interface SupervisorOptions {
  databaseUrl: string;
  workers: number;
  concurrency: number;
  /** pino logger; default: `grader-supervisor` at LOG_LEVEL on stdout. */
  logger?: Logger;
  /** How often the reaper looks for jobs whose lease is gone (default 2 s). */
  reapIntervalMs?: number;
}

/** Reaper rounds between two sweeps for submissions stored but never queued. */
const SWEEP_EVERY = 8;

/** A worker still grading this long after SIGTERM is killed and its jobs handed back. */
export const DEFAULT_STOP_TIMEOUT_MS = 15_000;

interface Slot {
  index: number;
  child: ChildProcess | undefined;
  /** jobId -> [queue, submissionId?] of the jobs the worker holds. */
  jobs: Map<string, [string, string | undefined]>;
  restarts: number;
}

export interface Supervisor {
  /** The worker processes' pids (for tests and diagnostics). */
  pids(): number[];
  /** Resolves when every worker reported ready. */
  ready: Promise<void>;
  /**
   * Stops taking jobs; running ones finish within `timeoutMs`, after which their workers are
   * killed and the jobs handed back to the queue.
   */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  const log = options.logger ?? graderLogger("grader-supervisor");
  // This boss runs pg-boss maintenance (expiry of jobs whose machine died) and fails jobs of crashed workers.
  const boss: PgBoss = createBoss(options.databaseUrl, { supervise: true, max: 2 });
  // While stopping, the database may be going away at the same time (npm start stops it too).
  boss.on("error", (error) => {
    if (!stopping) log.error({ err: error }, "pg-boss error");
  });
  let stopping = false;
  await boss.start();
  const prisma = createPrisma(options.databaseUrl, { max: 2 });
  const notifier = createNotifier(options.databaseUrl);
  /** Fails a crashed worker's job; after its last retry the student gets an `error` result. */
  const failJob = async (queue: string, jobId: string, submissionId: string | undefined, error: string): Promise<void> => {
    await boss.fail(queue, jobId, { error });
    if (queue !== GRADING_QUEUE || submissionId === undefined) return;
    const job = await boss.getJobById(queue, jobId);
    if (job?.state === "failed") await writeFailure(prisma, notifier, submissionId, "the grader crashed on every attempt");
  };
  /** Hand-backs still being written; stop() waits for them before closing the connections. */
  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>): void => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  /** Retries while the database is briefly away (a job failed here is retried sooner than the reaper would). */
  const failWithRetry = async (queue: string, jobId: string, submissionId: string | undefined, error: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await failJob(queue, jobId, submissionId, error);
      } catch (e) {
        if (attempt >= 4 || stopped) throw e;
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    }
  };
  let stopped = false;
  let reaping = false;
  let rounds = 0;
  const reap = async (): Promise<void> => {
    if (reaping || stopping) return;
    reaping = true;
    try {
      const reaped = await reapOrphanedJobs(notifier, boss, [GRADING_QUEUE, VALIDATION_QUEUE, REGRADE_QUEUE]);
      for (const job of reaped) {
        log.warn({ jobId: job.id, queue: job.queue, final: job.final }, `job lost its worker's connection; ${job.final ? "no attempts left" : "handed back for a retry"}`);
        if (job.final && job.queue === GRADING_QUEUE) {
          const payload = parseJobPayload(GRADING_QUEUE, job.id, job.data);
          if (payload instanceof ContractError) log.error({ jobId: job.id, queue: job.queue }, payload.message);
          else if (payload.queue === GRADING_QUEUE) await writeFailure(prisma, notifier, payload.data.submissionId, "the grader lost its connection on every attempt");
        }
      }
      // Rarer than the reaper: it reads the submissions table.
      if (++rounds % SWEEP_EVERY !== 0) return;
      for (const submissionId of await unqueuedSubmissions(notifier, GRADING_QUEUE)) {
        log.warn({ submissionId }, "submission stored but never queued; queueing it");
        // A round of its own: the singleton key of the lost round may still be taken.
        await enqueueGrading(boss, notifier, submissionId, Date.now());
      }
    } catch {
      // The database is away; the next round tries again.
    } finally {
      reaping = false;
    }
  };
  const reaper = setInterval(() => void reap(), options.reapIntervalMs ?? 2000);
  const readyWaiters: Array<() => void> = [];
  let readyCount = 0;
  const ready = new Promise<void>((resolve) => readyWaiters.push(resolve));

  const spawn = (slot: Slot): void => {
    const child = fork(WORKER_ENTRY, [], {
      execArgv: ["--no-node-snapshot", "--import", "tsx"],
      env: { ...process.env, DATABASE_URL: options.databaseUrl, GRADER_CONCURRENCY: String(options.concurrency) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    slot.child = child;
    child.on("message", (message: WorkerMessage) => {
      if (message.type === "started") slot.jobs.set(message.jobId, [message.queue, message.submissionId]);
      else if (message.type === "finished") slot.jobs.delete(message.jobId);
      else if (message.type === "ready" && ++readyCount === options.workers) readyWaiters.forEach((r) => r());
    });
    child.on("exit", (code, signal) => {
      slot.child = undefined;
      const held = [...slot.jobs.entries()];
      slot.jobs.clear();
      const error = `grader worker died (${signal ?? `exit ${code}`})`;
      for (const [jobId, [queue, submissionId]] of held) {
        track(failWithRetry(queue, jobId, submissionId, error).catch((e: Error) => log.warn({ jobId, queue, submissionId, err: e }, "could not fail the job (the reaper will)")));
      }
      if (stopping) return;
      slot.restarts++;
      const delay = Math.min(10_000, 250 * 2 ** Math.min(slot.restarts, 6));
      log.warn({ worker: slot.index, code, signal, jobIds: held.map(([jobId]) => jobId), restartInMs: delay }, `grader worker ${slot.index} exited (${signal ?? `code ${code}`}); ${held.length} job(s) will be retried; restarting in ${delay} ms`);
      setTimeout(() => {
        if (!stopping) spawn(slot);
      }, delay);
    });
  };

  const slots: Slot[] = Array.from({ length: options.workers }, (_, index) => ({ index, child: undefined, jobs: new Map(), restarts: 0 }));
  slots.forEach(spawn);
  if (options.workers === 0) readyWaiters.forEach((r) => r());

  return {
    ready,
    pids: () => slots.map((s) => s.child?.pid).filter((p): p is number => p !== undefined),
    async stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS) {
      stopping = true;
      clearInterval(reaper);
      await Promise.all(
        slots.map(
          (slot) =>
            new Promise<void>((resolve) => {
              const child = slot.child;
              if (child === undefined || child.exitCode !== null) return resolve();
              const force = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
              child.once("exit", () => {
                clearTimeout(force);
                resolve();
              });
              child.kill("SIGTERM");
            }),
        ),
      );
      await Promise.allSettled([...pending]);
      stopped = true;
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      await prisma.$disconnect().catch(() => {});
      await notifier.end().catch(() => {});
    },
  };
}
