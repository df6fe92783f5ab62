// A grader worker process (forked and watched by the supervisor). It wakes on NOTIFY, pulls
// jobs with fetch() until the queue is empty or it is busy, and grades up to `concurrency` at
// once. A slow poll is the safety net for a missed notification.
import { createPrisma } from "@autograder/db";
import { createBoss, createNotifier, CUSTOM_RUN_QUEUE, GRADING_QUEUE, JobLeases, JOBS_CHANNEL, listen, REGRADE_QUEUE, VALIDATION_QUEUE } from "@autograder/queue";
import { ContractError, GraderWorkerEnv, parseEnv } from "@autograder/shared/contracts";
import { abortOnCatastrophicError } from "./catastrophic.ts";
import { gradeSubmission, writeFailure } from "./grade-submission.ts";
import { graderLogger } from "./logger.ts";
import { parseJobPayload, type JobQueue } from "./job-payload.ts";
import { runRegradeJob } from "./regrade-job.ts";
import { validateVersion } from "./validate-version.ts";
import { runCustomJob } from "./custom-run-job.ts";

export type WorkerMessage = { type: "started" | "finished"; queue: string; jobId: string; submissionId?: string } | { type: "ready" };

const databaseUrl = process.env.DATABASE_URL;
// Set by the supervisor from an already-checked value; parsed again all the same.
const concurrency = parseEnv(GraderWorkerEnv, process.env).GRADER_CONCURRENCY;
const POLL_MS = 2000;
if (!databaseUrl) throw new Error("DATABASE_URL is required");
const log = graderLogger("grader-worker");
abortOnCatastrophicError(log);

const send = (message: WorkerMessage): void => {
  process.send?.(message);
};

const prisma = createPrisma(databaseUrl, { max: concurrency + 2 });
const notifier = createNotifier(databaseUrl);
const boss = createBoss(databaseUrl, { max: concurrency + 1 });
boss.on("error", (error) => {
  if (!stopping) log.error({ err: error }, "pg-boss error");
});
await boss.start();
const leases = new JobLeases(databaseUrl, (error) => {
  if (!stopping) log.error({ err: error }, "lease connection error");
});

let inFlight = 0;
let draining = false;
let stopping = false;
let idle: (() => void) | undefined;

interface Job {
  id: string;
  data: unknown;
  retryCount: number;
  retryLimit: number;
}

async function gradeJob(job: Job, submissionId: string): Promise<void> {
  try {
    await gradeSubmission(prisma, notifier, submissionId, boss);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    log.error({ jobId: job.id, submissionId, attempt: job.retryCount + 1, err: error }, `grading failed: ${why}`);
    if (job.retryCount >= job.retryLimit) await writeFailure(prisma, notifier, submissionId, why).catch(() => {});
    throw error;
  }
}

async function work(queue: JobQueue, job: Job): Promise<void> {
  const payload = parseJobPayload(queue, job.id, job.data);
  const submissionId = !(payload instanceof ContractError) && payload.queue === GRADING_QUEUE ? payload.data.submissionId : undefined;
  send({ type: "started", queue, jobId: job.id, ...(submissionId ? { submissionId } : {}) });
  await leases.hold(job.id);
  try {
    // A malformed payload fails its job (every retry fails the same way); the worker goes on.
    if (payload instanceof ContractError) {
      log.error({ jobId: job.id, queue }, payload.message);
      throw payload;
    }
    if (payload.queue === CUSTOM_RUN_QUEUE) {
      await boss.complete(queue, job.id, await runCustomJob(prisma, payload.data));
      return;
    }
    if (payload.queue === GRADING_QUEUE) await gradeJob(job, payload.data.submissionId);
    else if (payload.queue === REGRADE_QUEUE) await runRegradeJob(prisma, boss, notifier, payload.data.runId);
    else await validateVersion(prisma, payload.data.versionId, { retry: job.retryCount > 0 });
    await boss.complete(queue, job.id);
  } catch (error) {
    // When the database is gone this fails too; the job's lease goes with the connection and
    // the supervisor's reaper hands it back once the database is there again.
    await boss.fail(queue, job.id, { error: error instanceof Error ? error.message : String(error) }).catch((e: Error) => {
      log.warn({ jobId: job.id, queue, err: e }, "could not fail the job (the reaper will)");
    });
  } finally {
    await leases.release(job.id);
    send({ type: "finished", queue, jobId: job.id });
    inFlight--;
    if (stopping && inFlight === 0) idle?.();
    else void drain();
  }
}

async function drain(): Promise<void> {
  if (draining || stopping) return;
  draining = true;
  try {
    // Gradings first: students wait on them; custom runs next (a student waits on them too);
    // regrades (quick: they only queue gradings) and validations are an instructor's background work.
    for (const queue of [GRADING_QUEUE, CUSTOM_RUN_QUEUE, REGRADE_QUEUE, VALIDATION_QUEUE] as const) {
      while (!stopping && inFlight < concurrency) {
        const jobs = await boss.fetch<unknown>(queue, { batchSize: concurrency - inFlight, includeMetadata: true });
        if (jobs.length === 0) break;
        for (const job of jobs) {
          inFlight++;
          void work(queue, job);
        }
      }
    }
  } catch (error) {
    log.error({ err: error }, "fetch failed");
  } finally {
    draining = false;
  }
}

const unlisten = listen(databaseUrl, JOBS_CHANNEL, () => void drain());
const poll = setInterval(() => void drain(), POLL_MS);
void drain();
send({ type: "ready" });

async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(poll);
  await unlisten();
  if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
  await boss.stop({ graceful: true, wait: true }).catch(() => {});
  await leases.close();
  await prisma.$disconnect().catch(() => {});
  await notifier.end().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
process.on("disconnect", () => void shutdown());
