// Regrade: after fixing an exercise's tests, grade every submission of it again against the
// published version. POST records the run (which submissions, each one's score before) and
// queues its job at once; the grader's job resets and queues the submissions; GET reports
// progress and, once finished, how grades changed. One run per exercise and requester at a
// time: the choice runs under a per-exercise advisory lock, and asking again while the
// requester's run is unfinished answers that run. Runs of different requesters may overlap
// (an admin's and an instructor's): a submission already being regraded is skipped by the
// later run, never graded twice (the model's conditional reset).
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, ExerciseIdParams } from "@autograder/shared";
import { createRegradeRun, regradeProgress, unfinishedRun } from "@autograder/submissions";
import { userOf } from "../auth/context.ts";
import { regradableSubmits } from "../access/policy.ts";
import { errorResponses } from "../http/responses.ts";

const Score = Type.Union([Type.Number(), Type.Null()]);
const Progress = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  total: Type.Integer(),
  enqueued: Type.Integer({ description: "submissions the job has reset and queued (or skipped) so far" }),
  done: Type.Integer(),
  failed: Type.Integer(),
  skipped: Type.Integer({ description: "submissions already being regraded by another run" }),
  finished: Type.Boolean(),
  summary: Type.Union([
    Type.Object({
      up: Type.Integer(),
      down: Type.Integer(),
      unchanged: Type.Integer(),
      changes: Type.Array(
        Type.Object({
          submissionId: Type.String(),
          userId: Type.String(),
          userName: Type.String(),
          assignmentId: Type.Union([Type.String(), Type.Null()]),
          before: Score,
          after: Score,
        }),
      ),
    }),
    Type.Null(),
  ]),
});

/** First key of the two-key advisory lock: this lock space. */
const REGRADE_LOCK = 0x726567;
/** What a regrade picks: submissions with a result (graded or failed), not those being graded. */
const WITH_RESULT = { status: { in: ["graded" as const, "error" as const] } };

export const regradeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole("instructor", "admin");

  async function progressOf(runId: string) {
    const progress = await regradeProgress(app.prisma, runId);
    if (progress === null) throw new AppError("NOT_FOUND", "No such regrade.");
    return progress;
  }

  app.get(
    "/api/exercises/:id/regrade",
    {
      preHandler: staff,
      schema: {
        tags: ["submissions"],
        summary: "How many submissions a regrade of this exercise would grade again (for the confirmation)",
        params: ExerciseIdParams,
        response: { 200: Type.Object({ count: Type.Integer() }), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const exercise = await app.prisma.exercise.findUnique({ where: { id: request.params.id }, select: { publishedVersionId: true } });
      if (!exercise?.publishedVersionId) throw new AppError("NOT_FOUND", `No published exercise ${request.params.id}.`);
      return { count: await app.prisma.submission.count({ where: { ...regradableSubmits(userOf(request), request.params.id), ...WITH_RESULT } }) };
    },
  );

  app.post(
    "/api/exercises/:id/regrade",
    {
      preHandler: staff,
      schema: {
        tags: ["submissions"],
        summary: "Regrade every submission of this exercise made to your courses' assignments (all for admins) against its published version; answers at once with the run (a queue job); while your regrade runs, asking again answers it",
        params: ExerciseIdParams,
        response: { 202: Progress, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "DB_UNAVAILABLE") },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const exercise = await app.prisma.exercise.findUnique({ where: { id: request.params.id } });
      const versionId = exercise?.publishedVersionId;
      if (!exercise || !versionId) throw new AppError("NOT_FOUND", `No published exercise ${request.params.id}.`);
      const { runId, isNew } = await app.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGRADE_LOCK}::int4, hashtext(${exercise.id}))`;
          const previous = await unfinishedRun(tx, exercise.id, user.id);
          if (previous !== null && !(await progressOf(previous)).finished) return { runId: previous, isNew: false };
          const chosen = await tx.submission.findMany({ where: { ...regradableSubmits(user, exercise.id), ...WITH_RESULT }, select: { id: true } });
          const id = await createRegradeRun(tx, { exerciseId: exercise.id, exerciseVersionId: versionId, requestedById: user.id, submissionIds: chosen.map((s) => s.id) });
          return { runId: id, isNew: true };
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
      if (isNew) {
        try {
          await app.grading.enqueueRegrade(runId);
        } catch (error) {
          // A run without its job would block the next request until it is removed.
          app.log.error({ err: error, runId }, "could not queue a regrade");
          await app.prisma.regradeRun.delete({ where: { id: runId } }).catch(() => {});
          throw new AppError("DB_UNAVAILABLE", "The grading queue is unavailable; try again shortly.");
        }
      }
      return reply.status(202).send(await progressOf(runId));
    },
  );

  app.get(
    "/api/regrades/:id",
    {
      preHandler: staff,
      schema: {
        tags: ["submissions"],
        summary: "Progress of a regrade and, once finished, the summary of grade changes",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: Progress, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const user = userOf(request);
      const run = await app.prisma.regradeRun.findUnique({ where: { id: request.params.id }, select: { requestedById: true } });
      if (!run || (run.requestedById !== user.id && user.role !== "admin")) throw new AppError("NOT_FOUND", "No such regrade.");
      return progressOf(request.params.id);
    },
  );
};
