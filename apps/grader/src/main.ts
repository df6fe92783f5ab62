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
if (!Number.isInteger(workers) || workers < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
  process.stderr.write("GRADER_WORKERS and GRADER_CONCURRENCY must be whole numbers of at least 1.\n");
  process.exit(2);
}
await installQueue(databaseUrl);
const supervisor = await startSupervisor({ databaseUrl, workers, concurrency, log: (l) => process.stdout.write(`${l}\n`) });
await supervisor.ready;
process.stdout.write(`Grader: ${workers} worker process(es), ${concurrency} grading(s) at once each\n`);
const stop = async (): Promise<void> => {
  await supervisor.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
