// Custom runs and replays go through pg-boss like gradings (same workers, same isolates), in
// their own queue. They are not submissions: the request is the job's data, the result its
// output, and the per-user limits count the queue's jobs. The count and the insert happen in
// one transaction under a per-user advisory lock, so concurrent requests cannot both squeeze in.
import type PgBoss from "pg-boss";
import type pg from "pg";
import type { CustomRunJob } from "@autograder/shared/contracts";

export const CUSTOM_RUN_QUEUE = "custom-run";
/** Arbitrary constant naming this lock space (admission of gradings uses another). */
const CUSTOM_RUN_LOCK = 0x637275;
/** A custom run is one call: retried once if its worker died, never more. */
export const CUSTOM_RUN_RETRY = { retryLimit: 1, retryDelay: 1 } as const;

export type CustomRunAdmission = { id: string } | { refused: "in_flight" | "per_minute" };

export async function admitCustomRun(boss: PgBoss, pool: pg.Pool, job: CustomRunJob, limits: { inFlight: number; perMinute: number }): Promise<CustomRunAdmission> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1::int4, hashtext($2))", [CUSTOM_RUN_LOCK, job.userId]);
    // pg-boss 10 keeps jobs in pgboss.job; only its documented columns are read here.
    const { rows } = await client.query<{ in_flight: string; last_minute: string }>(
      `SELECT count(*) FILTER (WHERE state < 'completed') AS in_flight,
              count(*) FILTER (WHERE created_on > now() - interval '1 minute') AS last_minute
         FROM pgboss.job WHERE name = $1 AND data->>'userId' = $2`,
      [CUSTOM_RUN_QUEUE, job.userId],
    );
    const counts = rows[0];
    if (Number(counts?.in_flight ?? 0) >= limits.inFlight) {
      await client.query("ROLLBACK");
      return { refused: "in_flight" };
    }
    if (Number(counts?.last_minute ?? 0) >= limits.perMinute) {
      await client.query("ROLLBACK");
      return { refused: "per_minute" };
    }
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    const id = await boss.send(CUSTOM_RUN_QUEUE, job, { ...CUSTOM_RUN_RETRY, db });
    await client.query("COMMIT");
    if (id === null) throw new Error("pg-boss did not queue the custom run");
    return { id };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
