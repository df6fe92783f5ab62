// The exercise catalog as students see it (statement, starter, test names: never tests'
// code, inputs, expected values, the reference or the mutants), and drafts.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, CodeBody, ExerciseDetail, ExerciseIdParams, ExerciseSummary } from "@autograder/shared";
import type { Manifest } from "@autograder/exercise-format";
import { userOf } from "../auth/context.ts";
import { catalogOf } from "../exercises/catalog.ts";
import { isStaff } from "../grading/access.ts";

/** The list is read on every dashboard load and changes only on publish: keep it for a second. */
const LIST_TTL_MS = 1000;

export const exerciseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const listCache = new Map<boolean, { at: number; rows: Promise<ExerciseSummary[]> }>();

  const listExercises = async (staff: boolean): Promise<ExerciseSummary[]> => {
    // Only two fields of each manifest: read them in SQL instead of loading whole manifests.
    const rows = await app.prisma.$queryRaw<Array<{ id: string; title: string; family: string; difficulty: string | null; tags: string[] | null }>>`
      SELECT e.id, e.title, e.family, v.manifest->>'difficulty' AS difficulty, v.manifest->'tags' AS tags
      FROM "Exercise" e
      JOIN "ExerciseVersion" v ON v.id = CASE WHEN ${staff} THEN COALESCE(e."latestVersionId", e."publishedVersionId") ELSE e."publishedVersionId" END
      ORDER BY e.id`;
    return rows.map((r) => ({ id: r.id, title: r.title, family: r.family, difficulty: r.difficulty ?? "", tags: r.tags ?? [] }));
  };

  /** Students see published versions; staff see the latest. */
  const visibleVersion = async (id: string, staff: boolean) => {
    const exercise = await app.prisma.exercise.findUnique({
      where: { id },
      include: { publishedVersion: true, latestVersion: true },
    });
    const version = staff ? (exercise?.latestVersion ?? exercise?.publishedVersion) : exercise?.publishedVersion;
    if (!exercise || !version) throw new AppError("NOT_FOUND", `No exercise ${id}.`);
    return { exercise, version };
  };

  app.get(
    "/api/exercises",
    {
      preHandler: app.requireUser,
      schema: { tags: ["exercises"], summary: "The exercises you can open", response: { 200: Type.Array(ExerciseSummary) } },
    },
    async (request) => {
      const staff = isStaff(userOf(request));
      const cached = listCache.get(staff);
      if (cached && Date.now() - cached.at < LIST_TTL_MS) return cached.rows;
      const rows = listExercises(staff);
      listCache.set(staff, { at: Date.now(), rows });
      rows.catch(() => listCache.delete(staff));
      return rows;
    },
  );

  app.get(
    "/api/exercises/:id",
    {
      preHandler: app.requireUser,
      schema: { tags: ["exercises"], summary: "An exercise's statement, starter and test names", params: ExerciseIdParams, response: { 200: ExerciseDetail } },
    },
    async (request) => {
      const { exercise, version } = await visibleVersion(request.params.id, isStaff(userOf(request)));
      const manifest = version.manifest as Manifest;
      const files = version.files as Record<string, string>;
      const catalog = catalogOf(version.manifest);
      return {
        id: exercise.id,
        title: exercise.title,
        family: exercise.family,
        difficulty: manifest.difficulty,
        tags: manifest.tags,
        versionId: version.id,
        statement: files["README.md"] ?? "",
        starter: files["starter.ts"] ?? "",
        exports: manifest.exports,
        tests: catalog.tests,
        declarations: catalog.declarations,
      };
    },
  );

  app.get(
    "/api/exercises/:id/draft",
    { preHandler: app.requireUser, schema: { tags: ["exercises"], summary: "Your saved draft", params: ExerciseIdParams, response: { 200: CodeBody } } },
    async (request) => {
      const draft = await app.prisma.draft.findUnique({ where: { userId_exerciseId: { userId: userOf(request).id, exerciseId: request.params.id } } });
      if (!draft) throw new AppError("NOT_FOUND", "No draft saved for this exercise.");
      return { code: draft.code };
    },
  );

  app.put(
    "/api/exercises/:id/draft",
    {
      preHandler: app.requireUser,
      schema: { tags: ["exercises"], summary: "Save your draft", params: ExerciseIdParams, body: CodeBody, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const userId = userOf(request).id;
      await visibleVersion(request.params.id, isStaff(userOf(request)));
      await app.prisma.draft.upsert({
        where: { userId_exerciseId: { userId, exerciseId: request.params.id } },
        create: { userId, exerciseId: request.params.id, code: request.body.code },
        update: { code: request.body.code },
      });
      return reply.status(204).send(null);
    },
  );
};
