// `npm run start:grader`: grader workers alone, against DATABASE_URL (scale-out: run this on
// as many machines as you like, all pointing at the same PostgreSQL).
import "@autograder/shared/require-supported-node";
import { installQueue } from "@autograder/queue";
import { GraderEnv, parseEnv } from "@autograder/shared/contracts";
import { startSupervisor } from "./supervisor.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write("DATABASE_URL is required: the grader works on the platform's PostgreSQL.\n");
  process.exit(2);
}
// The same variables, bounds and defaults as the API's configuration (one schema for both).
const env = ((): GraderEnv => {
  try {
    return parseEnv(GraderEnv, process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
})();
if (env.GRADER_WORKERS === 0) {
  // 0 tells `npm start` to grade elsewhere; this process exists only to grade.
  process.stderr.write("Invalid configuration: GRADER_WORKERS=\"0\": the standalone grader needs at least 1 worker process.\n");
  process.exit(2);
}
const { GRADER_WORKERS: workers, GRADER_CONCURRENCY: concurrency, SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs } = env;
await installQueue(databaseUrl);
const supervisor = await startSupervisor({ databaseUrl, workers, concurrency, log: (l) => process.stdout.write(`${l}\n`) });
await supervisor.ready;
process.stdout.write(`Grader: ${workers} worker process(es), ${concurrency} grading(s) at once each\n`);
let stopping = false;
/** Stop taking jobs; running ones finish or are handed back to the queue, within the deadline. */
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    process.stderr.write(`Shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${shutdownTimeoutMs} ms; exiting anyway.\n`);
    process.exit(1);
  }, shutdownTimeoutMs).unref();
  await supervisor.stop(Math.round(shutdownTimeoutMs * 0.75));
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
