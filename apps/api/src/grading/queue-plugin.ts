// The API's side of the grading queue: enqueue a stored submission, and hear status changes
// (PostgreSQL NOTIFY from the grader workers) to push them to browsers over SSE.
import { EventEmitter } from "node:events";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { admitCustomRun, createBoss, createNotifier, CUSTOM_RUN_QUEUE, enqueueGrading, enqueueRegrade, enqueueValidation, JOBS_CHANNEL, listen, notifySubmission, SUBMISSIONS_CHANNEL, type CustomRunAdmission } from "@autograder/queue";
import { parseJsonContract, SubmissionEvent, type CustomRunJob } from "@autograder/shared/contracts";

export interface GradingQueue {
  /** `round` tells gradings of one submission apart (a regrade is a new round). */
  enqueue(submissionId: string, userId: string, round?: number | string): Promise<void>;
  /** Queues the validation of an exercise version (run by the grader workers). */
  enqueueValidation(versionId: string): Promise<void>;
  /** Queues a regrade run's job (the grader resets and queues its submissions). */
  enqueueRegrade(runId: string): Promise<void>;
  /** Calls `onEvent` for each status change of one submission; returns the unsubscribe. */
  subscribe(submissionId: string, onEvent: (event: SubmissionEvent) => void): () => void;
  /** Queues a custom run or replay within the user's limits (counted in the queue itself). */
  enqueueCustomRun(job: CustomRunJob, limits: { inFlight: number; perMinute: number }): Promise<CustomRunAdmission>;
  /** A custom-run job as pg-boss keeps it (state, data, output), or null. */
  customRunJob(id: string): Promise<{ state: string; data: unknown; output: unknown } | null>;
}

declare module "fastify" {
  interface FastifyInstance {
    grading: GradingQueue;
  }
}

export const gradingQueuePlugin = fp(async (app: FastifyInstance, options: { databaseUrl: string }) => {
  const url = options.databaseUrl;
  if (url === "") throw new Error("the grading queue needs the database URL");
  const boss = createBoss(url, { max: 4 });
  boss.on("error", (error) => app.log.error({ err: error }, "pg-boss error"));
  const notifier = createNotifier(url, (error) => app.log.warn({ err: error }, "notify connection lost"));
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let started: Promise<unknown> | undefined;
  /** pg-boss starts on the first send, so an API that never queues opens no extra connections. */
  const booted = async (): Promise<void> => {
    started ??= boss.start();
    await started;
  };
  const unlisten = listen(
    url,
    SUBMISSIONS_CHANNEL,
    (payload) => {
      try {
        const event = parseJsonContract(SubmissionEvent, payload, "submission event");
        events.emit(event.id, event);
      } catch (error) {
        app.log.warn({ payload, reason: (error as Error).message }, "malformed submission event");
      }
    },
    (error) => app.log.warn({ err: error }, "submission events connection lost; reconnecting"),
  );

  app.decorate("grading", {
    async enqueue(submissionId, userId, round = 0) {
      await booted();
      await enqueueGrading(boss, notifier, submissionId, round);
      await notifySubmission(notifier, { id: submissionId, userId, status: "queued" });
    },
    async enqueueValidation(versionId) {
      await booted();
      await enqueueValidation(boss, notifier, versionId);
    },
    async enqueueCustomRun(job, limits) {
      await booted();
      const admitted = await admitCustomRun(boss, notifier, job, limits);
      if ("id" in admitted) await notifier.query("SELECT pg_notify($1, $2)", [JOBS_CHANNEL, CUSTOM_RUN_QUEUE]);
      return admitted;
    },
    async customRunJob(id) {
      await booted();
      const job = await boss.getJobById<unknown>(CUSTOM_RUN_QUEUE, id, { includeArchive: true });
      return job === null ? null : { state: job.state, data: job.data, output: job.output };
    },
    async enqueueRegrade(runId) {
      await booted();
      await enqueueRegrade(boss, notifier, runId);
    },
    subscribe(submissionId, onEvent) {
      events.on(submissionId, onEvent);
      return () => events.off(submissionId, onEvent);
    },
  } satisfies GradingQueue);

  app.addHook("onClose", async () => {
    await unlisten();
    if (started) await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await notifier.end().catch(() => {});
  });
});
