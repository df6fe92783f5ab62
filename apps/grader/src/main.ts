// `npm run start:grader`: grader workers alone, against DATABASE_URL (scale-out: run this on
// as many machines as you like, all pointing at the same PostgreSQL).
import "@autograder/shared/require-supported-node";
import { installQueue } from "@autograder/queue";
import { GraderEnv, parseEnv } from "@autograder/shared/contracts";
import { graderLogger } from "./logger.ts";
import { startSupervisor } from "./supervisor.ts";

// Configuration errors are one plain line on stderr and exit 2, as for `npm start`; once
// configured, everything is logged with pino.
function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("DATABASE_URL is required: the grader works on the platform's PostgreSQL.");
// The same variables, bounds and defaults as the API's configuration (one schema for both).
const env = ((): GraderEnv => {
  try {
    return parseEnv(GraderEnv, process.env);
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const log = (() => {
  try {
    return graderLogger("grader-supervisor");
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (env.GRADER_WORKERS === 0) {
  // 0 tells `npm start` to grade elsewhere; this process exists only to grade.
  fail('Invalid configuration: GRADER_WORKERS="0": the standalone grader needs at least 1 worker process.');
}
const { GRADER_WORKERS: workers, GRADER_CONCURRENCY: concurrency, SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs } = env;
await installQueue(databaseUrl);
const supervisor = await startSupervisor({ databaseUrl, workers, concurrency, logger: log });
await supervisor.ready;
log.info({ workers, concurrency }, `Grader: ${workers} worker process(es), ${concurrency} grading(s) at once each`);
let stopping = false;
/** Stop taking jobs; running ones finish or are handed back to the queue, within the deadline. */
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    log.error({ shutdownTimeoutMs }, `Shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${shutdownTimeoutMs} ms; exiting anyway.`);
    process.exit(1);
  }, shutdownTimeoutMs).unref();
  await supervisor.stop(Math.round(shutdownTimeoutMs * 0.75));
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
