// Regrade: after fixing an exercise's tests, grade every submission of it again against the
// published version, with progress. One regrade of an exercise at a time: the selection and
// reset of the submissions run under a per-exercise advisory lock, and asking again while the
// caller's regrade is still running answers that regrade (idempotent).
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Prisma, RegradeRun } from "@autograder/db";
import { AppError, ExerciseIdParams } from "@autograder/shared";
import { userOf, type AuthUser } from "../auth/context.ts";
import { regradableSubmits } from "../access/policy.ts";
import { errorResponses } from "../http/responses.ts";

const Progress = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  total: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
  finished: Type.Boolean(),
});

/** First key of the two-key advisory lock: this lock space. */
const REGRADE_LOCK = 0x726567;

export const regradeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole("instructor", "admin");

  /** The submissions of a run: those its requester could regrade, graded again since it started. */
  const runScope = (run: RegradeRun, requester: AuthUser): Prisma.SubmissionWhereInput => ({
    ...regradableSubmits(requester, run.exerciseId),
    gradedAt: { gte: run.createdAt },
  });

  async function progress(run: RegradeRun, requester: AuthUser) {
    const where = runScope(run, requester);
    const [done, failed] = await Promise.all([
      app.prisma.submission.count({ where: { ...where, status: "graded" } }),
      app.prisma.submission.count({ where: { ...where, status: "error" } }),
    ]);
    const finished = done + failed >= run.total;
    if (finished && run.finishedAt === null) await app.prisma.regradeRun.update({ where: { id: run.id }, data: { done, failed, finishedAt: new Date() } });
    return { id: run.id, exerciseId: run.exerciseId, total: run.total, done: Math.min(done, run.total), failed: Math.min(failed, run.total), finished };
  }

  app.post(
    "/api/exercises/:id/regrade",
    {
      preHandler: staff,
      schema: {
        tags: ["submissions"],
        summary: "Regrade every submission of this exercise made to your courses' assignments (all for admins) against its published version; while your regrade runs, asking again answers it",
        params: ExerciseIdParams,
        response: { 202: Progress, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const exercise = await app.prisma.exercise.findUnique({ where: { id: request.params.id } });
      const versionId = exercise?.publishedVersionId;
      if (!exercise || !versionId) throw new AppError("NOT_FOUND", `No published exercise ${request.params.id}.`);
      const { run, jobs } = await app.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGRADE_LOCK}::int4, hashtext(${exercise.id}))`;
          const scope = regradableSubmits(user, exercise.id);
          const previous = await tx.regradeRun.findFirst({ where: { exerciseId: exercise.id, requestedById: user.id, finishedAt: null }, orderBy: { createdAt: "desc" } });
          if (previous && !(await progress(previous, user)).finished) return { run: previous, jobs: [] };
          const chosen = await tx.submission.findMany({ where: { ...scope, status: { in: ["graded", "error"] } }, select: { id: true, userId: true } });
          const ids = chosen.map((s) => s.id);
          const created = await tx.regradeRun.create({ data: { exerciseId: exercise.id, requestedById: user.id, total: ids.length } });
          await tx.testResult.deleteMany({ where: { submissionId: { in: ids } } });
          await tx.submission.updateMany({
            where: { id: { in: ids } },
            data: { status: "queued", exerciseVersionId: versionId, verdict: null, score: null, finalScore: null, gradedAt: null },
          });
          return { run: created, jobs: chosen };
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
      for (const s of jobs) await app.grading.enqueue(s.id, s.userId, `regrade-${run.id}`);
      return reply.status(202).send(await progress(run, user));
    },
  );

  app.get(
    "/api/regrades/:id",
    {
      preHandler: staff,
      schema: {
        tags: ["submissions"],
        summary: "Progress of a regrade",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: Progress, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const user = userOf(request);
      const run = await app.prisma.regradeRun.findUnique({ where: { id: request.params.id } });
      if (!run || (run.requestedById !== user.id && user.role !== "admin")) throw new AppError("NOT_FOUND", "No such regrade.");
      const requester = run.requestedById === user.id ? user : await requesterOf(run);
      return progress(run, requester);
    },
  );

  async function requesterOf(run: RegradeRun): Promise<AuthUser> {
    const u = await app.prisma.user.findUniqueOrThrow({ where: { id: run.requestedById }, select: { id: true, email: true, name: true, role: true } });
    return { ...u, via: "session" };
  }
};
