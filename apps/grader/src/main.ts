// `npm run start:grader`: grader workers alone, against DATABASE_URL (scale-out: run this on
// as many machines as you like, all pointing at the same PostgreSQL).
import "@autograder/shared/require-supported-node";
import { installQueue } from "@autograder/queue";
import { startSupervisor } from "./supervisor.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write("DATABASE_URL is required: the grader works on the platform's PostgreSQL.\n");
  process.exit(2);
}
const workers = Number(process.env.GRADER_WORKERS ?? 1);
const concurrency = Number(process.env.GRADER_CONCURRENCY ?? 2);
if (!Number.isInteger(workers) || workers < 1 || !Number.isInteger(concurrency) || concurrency < 1 || !(Number(process.env.SHUTDOWN_TIMEOUT_MS || 20_000) >= 1000)) {
  process.stderr.write("GRADER_WORKERS and GRADER_CONCURRENCY must be whole numbers of at least 1, SHUTDOWN_TIMEOUT_MS at least 1000.\n");
  process.exit(2);
}
await installQueue(databaseUrl);
const supervisor = await startSupervisor({ databaseUrl, workers, concurrency, log: (l) => process.stdout.write(`${l}\n`) });
await supervisor.ready;
process.stdout.write(`Grader: ${workers} worker process(es), ${concurrency} grading(s) at once each\n`);
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 20_000);
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
