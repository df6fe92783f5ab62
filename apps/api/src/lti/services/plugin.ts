// Runs the LTI services' jobs (grade passback, roster) in the API process, which holds the
// tool's signing key; the grader only queues them. Decorates `app.ltiServices` with the
// requests the routes and the launch make.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createBoss, LTI_ROSTER_QUEUE, LTI_SCORE_QUEUE, requestRosterSync, requestScoreSync, type ScoreSyncRequest } from "@autograder/queue";
import { ERRORS } from "@autograder/shared";
import { LtiRosterSyncJob, LtiScoreSyncJob, parseContract } from "@autograder/shared/contracts";
import { createToolKeyStore, loadKeyEncryptionKey, type ToolKeyStore } from "../tool-keys.ts";
import { syncRoster } from "./roster-sync.ts";
import { RetryLater, syncScore } from "./score-sync.ts";
import { createTokenClient, type TokenClient } from "./token-client.ts";

export interface LtiServices {
  /** Queues the sync of one student's counted score on one assignment ("sync again" too). */
  requestScoreSync(target: { assignmentId: string; userId: string }): Promise<ScoreSyncRequest>;
  /** Queues a roster sync of one LMS context; false when one is already queued. */
  requestRosterSync(ltiContextId: string): Promise<boolean>;
  tokens: TokenClient;
}

declare module "fastify" {
  interface FastifyInstance {
    ltiServices: LtiServices;
  }
}

export interface LtiServicesOptions {
  databaseUrl: string;
  /** The tool key store (the app passes the LTI plugin's); by default one over LTI_KEY_SECRET or DATA_DIR/lti-key-secret. */
  toolKeys?: ToolKeyStore;
  /** Work the jobs in this process (default true). */
  workers?: boolean;
  /** How often idle workers look for jobs queued by other processes (the grader). */
  pollingIntervalSeconds?: number;
}

export const ltiServicesPlugin = fp(async (app: FastifyInstance, options: LtiServicesOptions) => {
  if (options.databaseUrl === "") throw new Error("the LTI services need the database URL");
  const boss = createBoss(options.databaseUrl, { max: 2 });
  boss.on("error", (error) => app.log.error({ err: error }, "pg-boss error (LTI services)"));
  let keys: Promise<ToolKeyStore> | undefined;
  const toolKeys = (): Promise<ToolKeyStore> =>
    (keys ??= options.toolKeys
      ? Promise.resolve(options.toolKeys)
      : loadKeyEncryptionKey(app.config.ltiKeySecret, app.config.dataDir).then(
          (k) => createToolKeyStore(app.prisma, k),
          (error: unknown) => {
            keys = undefined; // the next job tries again
            throw error;
          },
        ));
  const tokens = createTokenClient(async () => (await toolKeys()).signingKey());
  let started: Promise<unknown> | undefined;
  const booted = async (): Promise<void> => {
    started ??= boss.start();
    await started;
  };
  const workerIds: Partial<Record<string, string>> = {};

  app.decorate("ltiServices", {
    async requestScoreSync(target) {
      await booted();
      const result = await requestScoreSync(app.prisma, boss, target);
      if (workerIds[LTI_SCORE_QUEUE]) boss.notifyWorker(workerIds[LTI_SCORE_QUEUE]);
      return result;
    },
    async requestRosterSync(ltiContextId) {
      await booted();
      const queued = await requestRosterSync(boss, ltiContextId);
      if (workerIds[LTI_ROSTER_QUEUE]) boss.notifyWorker(workerIds[LTI_ROSTER_QUEUE]);
      return queued;
    },
    tokens,
  } satisfies LtiServices);

  if (options.workers !== false) {
    const polling = { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 } as const;
    const startWorkers = async (): Promise<void> => {
      await booted();
      workerIds[LTI_SCORE_QUEUE] = await boss.work(LTI_SCORE_QUEUE, polling, async ([job]) => {
        if (!job) return;
        const target = parseContract(LtiScoreSyncJob, job.data, "LTI score sync job");
        const outcome = await syncScore(app.prisma, tokens, target, job).catch(async (error: unknown) => {
          // An error of ours (the database gone): on the last try the gradebook says so instead of "pending" forever.
          if (job.retryCount >= job.retryLimit) {
            await app.prisma.ltiScoreSync
              .updateMany({ where: target, data: { status: "failed", lastErrorCode: "INTERNAL", lastError: ERRORS.INTERNAL.message } })
              .catch(() => {});
          }
          throw error;
        });
        app.log.info({ ...target, outcome, attempt: job.retryCount + 1 }, "LTI score sync");
        if (outcome === "retrying") throw new RetryLater(`score sync of ${target.assignmentId}/${target.userId} will be retried`);
      });
      workerIds[LTI_ROSTER_QUEUE] = await boss.work(LTI_ROSTER_QUEUE, polling, async ([job]) => {
        if (!job) return;
        const { ltiContextId } = parseContract(LtiRosterSyncJob, job.data, "LTI roster sync job");
        const outcome = await syncRoster(app.prisma, tokens, ltiContextId, job);
        app.log.info({ ltiContextId, ...outcome, attempt: job.retryCount + 1 }, "LTI roster sync");
        if (outcome.status === "retrying") throw new RetryLater(outcome.error);
      });
    };
    // In the background: the API answers while pg-boss connects (or while the database is down).
    app.addHook("onReady", async () => {
      startWorkers().catch((error: unknown) => app.log.error({ err: error }, "LTI service workers did not start"));
    });
  }

  app.addHook("onClose", async () => {
    if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => {});
  });
});
