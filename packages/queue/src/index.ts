// The grading queue shared by the API (which enqueues) and the grader (which works):
// pg-boss 10 in PostgreSQL, plus NOTIFY channels so that workers wake at once and the API
// hears about status changes for Server-Sent Events.
import PgBoss from "pg-boss";
import pg from "pg";
import type { GradingJob, RegradeJob, SubmissionEvent, ValidationJob } from "@autograder/shared/contracts";
import { LTI_QUEUE_OPTIONS, LTI_QUEUES } from "./lti.ts";
import { CUSTOM_RUN_QUEUE, CUSTOM_RUN_RETRY } from "./custom-runs.ts";

export const GRADING_QUEUE = "grading";
/** Validation of an authored exercise version (reference, starter, mutants), in the grader. */
export const VALIDATION_QUEUE = "validation";
/** A regrade run (reset and queue its submissions), in the grader: it survives an API restart. */
export const REGRADE_QUEUE = "regrade";
/** NOTIFY channel: a job was queued (payload: the queue name). Workers LISTEN to it. */
export const JOBS_CHANNEL = "grading_jobs";
/** NOTIFY channel: a submission changed status (payload: SubmissionEvent as JSON). */
export const SUBMISSIONS_CHANNEL = "submission_events";

// Payload contracts (TypeBox schemas in @autograder/shared/contracts): whoever takes a job or
// an event parses it with them.
export type { GradingJob, RegradeJob, SubmissionEvent, ValidationJob };

/** Retries after a crashed or failing attempt: 1 s, then 2 s, 4 s (back-off). */
export const RETRY = { retryLimit: 3, retryDelay: 1, retryBackoff: true } as const;

export function createBoss(databaseUrl: string, options: { supervise?: boolean; max?: number } = {}): PgBoss {
  return new PgBoss({
    connectionString: databaseUrl,
    max: options.max ?? 4,
    supervise: options.supervise ?? false,
    schedule: false,
    // The last resort for a job whose worker disappeared; leases (leases.ts) catch that within seconds.
    expireInSeconds: 15 * 60,
    maintenanceIntervalSeconds: 30,
  });
}

/** Creates pg-boss's tables and the grading queue (idempotent). */
export async function installQueue(databaseUrl: string): Promise<void> {
  const boss = createBoss(databaseUrl, { max: 1 });
  boss.on("error", () => {});
  await boss.start();
  for (const name of [GRADING_QUEUE, VALIDATION_QUEUE, REGRADE_QUEUE]) {
    if ((await boss.getQueue(name)) === null) await boss.createQueue(name, { name, ...RETRY });
  }
  for (const name of LTI_QUEUES) {
    if ((await boss.getQueue(name)) === null) await boss.createQueue(name, { name, ...LTI_QUEUE_OPTIONS });
  }
  if ((await boss.getQueue(CUSTOM_RUN_QUEUE)) === null) await boss.createQueue(CUSTOM_RUN_QUEUE, { name: CUSTOM_RUN_QUEUE, ...CUSTOM_RUN_RETRY });
  await boss.stop({ graceful: false, wait: true });
}

/**
 * A small pool for NOTIFY. An idle connection that the server closes (a restart, shutdown)
 * is dropped by the pool; without an error listener that would crash the process.
 */
export function createNotifier(databaseUrl: string, onError: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", onError);
  return pool;
}

/** Queues a grading and wakes the workers. */
export async function enqueueGrading(boss: PgBoss, notifier: pg.Pool, submissionId: string, round: number | string = 0): Promise<string> {
  // One job per submission and grading round (a regrade is a new round).
  const id = await boss.send(GRADING_QUEUE, { submissionId } satisfies GradingJob, { ...RETRY, singletonKey: `${submissionId}:${round}` });
  if (id === null) throw new Error(`submission ${submissionId} is already queued`);
  await notifier.query("SELECT pg_notify($1, $2)", [JOBS_CHANNEL, GRADING_QUEUE]);
  return id;
}

/** Queues the validation of an exercise version and wakes the workers. */
export async function enqueueValidation(boss: PgBoss, notifier: pg.Pool, versionId: string): Promise<void> {
  await boss.send(VALIDATION_QUEUE, { versionId } satisfies ValidationJob, { ...RETRY, singletonKey: versionId });
  await notifier.query("SELECT pg_notify($1, $2)", [JOBS_CHANNEL, VALIDATION_QUEUE]);
}

/** Queues a regrade run's job and wakes the workers. */
export async function enqueueRegrade(boss: PgBoss, notifier: pg.Pool, runId: string): Promise<void> {
  await boss.send(REGRADE_QUEUE, { runId } satisfies RegradeJob, { ...RETRY, singletonKey: runId });
  await notifier.query("SELECT pg_notify($1, $2)", [JOBS_CHANNEL, REGRADE_QUEUE]);
}

export async function notifySubmission(db: pg.Pool | pg.Client, event: SubmissionEvent): Promise<void> {
  await db.query("SELECT pg_notify($1, $2)", [SUBMISSIONS_CHANNEL, JSON.stringify(event)]);
}

/**
 * A dedicated connection that LISTENs on `channel` and reconnects when it drops.
 * Returns a function that stops listening.
 */
export function listen(databaseUrl: string, channel: string, onMessage: (payload: string) => void, onError: (error: Error) => void = () => {}): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on("notification", (n) => {
      if (n.channel === channel) onMessage(n.payload ?? "");
    });
    c.on("error", (error) => {
      onError(error);
      c.end().catch(() => {});
      if (client === c) client = undefined;
      retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = c;
      if (stopped) await c.end();
    } catch (error) {
      onError(error as Error);
      c.end().catch(() => {});
      retry = setTimeout(() => void connect(), 1000);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

export { PgBoss };
export { JobLeases, reapOrphanedJobs, unqueuedSubmissions, LEASE_GRACE_SECONDS, UNQUEUED_AFTER_SECONDS, type ReapedJob } from "./leases.ts";
export * from "./lti.ts";
export { admitCustomRun, CUSTOM_RUN_QUEUE, CUSTOM_RUN_RETRY, type CustomRunAdmission } from "./custom-runs.ts";
