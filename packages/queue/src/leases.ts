// Job leases: pg-boss only notices a job whose worker vanished when the job expires (minutes).
// A worker therefore holds a session advisory lock per running job on one connection of its
// own. When that connection dies (the worker was killed, PostgreSQL restarted, the machine
// is gone) PostgreSQL drops the locks with it, and the reaper hands the job back to the
// queue within seconds. Grading stays exactly-once: results are written only by a claim on
// the submission row (recordResult in @autograder/submissions), so a job graded twice writes once.
import pg from "pg";
import type PgBoss from "pg-boss";

/** The advisory lock key of a job (64-bit hash of its id). */
const LOCK_KEY = "hashtextextended($1::text, 0)";
/** A job fetched this recently may not hold its lease yet. */
export const LEASE_GRACE_SECONDS = 3;

/** The worker's side: one connection holding a lock per running job. */
export class JobLeases {
  private client: Promise<pg.Client> | undefined;
  constructor(
    private readonly databaseUrl: string,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  private connection(): Promise<pg.Client> {
    this.client ??= (async () => {
      const c = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true });
      c.on("error", (error) => {
        this.onError(error);
        this.client = undefined;
        c.end().catch(() => {});
      });
      try {
        await c.connect();
        return c;
      } catch (error) {
        this.client = undefined;
        throw error;
      }
    })();
    return this.client;
  }

  /**
   * Takes the lease; when the database is unreachable the job is simply reaped later. A try-lock:
   * a blocking one would stall this connection, and every other lease with it, behind a job
   * still held elsewhere (redelivered after pg-boss's expiry); results are written once anyway.
   */
  async hold(jobId: string): Promise<void> {
    try {
      await (await this.connection()).query(`SELECT pg_try_advisory_lock(${LOCK_KEY})`, [jobId]);
    } catch (error) {
      this.onError(error as Error);
    }
  }

  async release(jobId: string): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    try {
      await (await client).query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [jobId]);
    } catch {
      // The connection is gone, and the lock with it.
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await (await client).end().catch(() => {});
  }
}

export interface ReapedJob {
  queue: string;
  id: string;
  /** The hand-back was the job's last attempt: it is now `failed`. */
  final: boolean;
  data: unknown;
}

/**
 * Fails every active job of `queues` whose lease nobody holds, so pg-boss retries it (or, after
 * its last attempt, marks it failed). Any number of reapers may run at once.
 */
export async function reapOrphanedJobs(pool: pg.Pool, boss: PgBoss, queues: readonly string[]): Promise<ReapedJob[]> {
  // Lock and unlock must happen on one session: hold one pooled connection throughout.
  const client = await pool.connect();
  // A checked-out client has no listener of the pool's: a server that dies between two of
  // these queries would otherwise throw from the socket and end the process.
  const ignore = (): void => {};
  client.on("error", ignore);
  const reaped: ReapedJob[] = [];
  try {
    // pg-boss 10 keeps jobs in pgboss.job; only its documented columns are read here.
    const { rows } = await client.query<{ id: string; name: string; data: unknown; retry_count: number; retry_limit: number }>(
      `SELECT id, name, data, retry_count, retry_limit FROM pgboss.job
        WHERE state = 'active' AND name = ANY($1) AND started_on < now() - make_interval(secs => $2)`,
      [queues, LEASE_GRACE_SECONDS],
    );
    for (const job of rows) {
      const { rows: free } = await client.query<{ free: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS free`, [job.id]);
      if (!free[0]?.free) continue;
      try {
        await boss.fail(job.name, job.id, { error: "its grader's connection to the database was lost" });
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [job.id]);
      }
      reaped.push({ queue: job.name, id: job.id, final: job.retry_count >= job.retry_limit, data: job.data });
    }
  } catch (error) {
    client.removeListener("error", ignore);
    client.release(error as Error);
    throw error;
  }
  client.removeListener("error", ignore);
  client.release();
  return reaped;
}

/** A stored submission waits this long for its job before the sweeper queues one. */
export const UNQUEUED_AFTER_SECONDS = 30;

/**
 * Submissions stored as `queued` that have no live grading job: the database went away
 * between storing one and queueing it (the student got a 503, yet the row counts against
 * their in-flight limit). The supervisor queues them again.
 */
export async function unqueuedSubmissions(pool: pg.Pool, gradingQueue: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT s.id FROM "Submission" s
      WHERE s.status = 'queued' AND s."createdAt" < now() - make_interval(secs => $2)
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.data->>'submissionId' = s.id::text AND j.state < 'completed')
      LIMIT 100`,
    [gradingQueue, UNQUEUED_AFTER_SECONDS],
  );
  return rows.map((r) => r.id);
}
