// Regrade: after fixing an exercise's tests, grade every submission of it again against the
// published version, with progress.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, ExerciseIdParams } from "@autograder/shared";
import { userOf } from "../auth/context.ts";

const Progress = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  total: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
  finished: Type.Boolean(),
});

export const regradeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole("instructor", "admin");

  app.post(
    "/api/exercises/:id/regrade",
    {
      preHandler: staff,
      schema: {
        tags: ["submissions"],
        summary: "Regrade every submission of this exercise (of your courses' students; all for admins) against its published version",
        params: ExerciseIdParams,
        response: { 202: Progress },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const exercise = await app.prisma.exercise.findUnique({ where: { id: request.params.id } });
      if (!exercise?.publishedVersionId) throw new AppError("NOT_FOUND", `No published exercise ${request.params.id}.`);
      const scope = user.role === "admin" ? {} : { user: { enrollments: { some: { course: { ownerId: user.id } } } } };
      const submissions = await app.prisma.submission.findMany({
        where: { exerciseId: exercise.id, kind: "submit", status: { in: ["graded", "error"] }, ...scope },
        select: { id: true, userId: true, attempts: true },
      });
      const run = await app.prisma.regradeRun.create({ data: { exerciseId: exercise.id, requestedById: user.id, total: submissions.length } });
      for (const s of submissions) {
        await app.prisma.$transaction([
          app.prisma.testResult.deleteMany({ where: { submissionId: s.id } }),
          app.prisma.submission.update({
            where: { id: s.id },
            data: { status: "queued", exerciseVersionId: exercise.publishedVersionId, verdict: null, score: null, finalScore: null, gradedAt: null },
          }),
        ]);
        await app.grading.enqueue(s.id, s.userId, s.attempts + 1);
      }
      return reply.status(202).send({ id: run.id, exerciseId: exercise.id, total: run.total, done: 0, failed: 0, finished: run.total === 0 });
    },
  );

  app.get(
    "/api/regrades/:id",
    { preHandler: staff, schema: { tags: ["submissions"], summary: "Progress of a regrade", params: Type.Object({ id: Type.String({ format: "uuid" }) }), response: { 200: Progress } } },
    async (request) => {
      const user = userOf(request);
      const run = await app.prisma.regradeRun.findUnique({ where: { id: request.params.id } });
      if (!run || (run.requestedById !== user.id && user.role !== "admin")) throw new AppError("NOT_FOUND", "No such regrade.");
      const scope = user.role === "admin" ? {} : { user: { enrollments: { some: { course: { ownerId: run.requestedById } } } } };
      const where = { exerciseId: run.exerciseId, kind: "submit" as const, ...scope, gradedAt: { gte: run.createdAt } };
      const [done, failed] = await Promise.all([
        app.prisma.submission.count({ where: { ...where, status: "graded" } }),
        app.prisma.submission.count({ where: { ...where, status: "error" } }),
      ]);
      const finished = done + failed >= run.total;
      if (finished && run.finishedAt === null) await app.prisma.regradeRun.update({ where: { id: run.id }, data: { done, failed, finishedAt: new Date() } });
      return { id: run.id, exerciseId: run.exerciseId, total: run.total, done: Math.min(done, run.total), failed, finished };
    },
  );
};
