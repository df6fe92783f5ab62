// The exercise catalog as students see it (statement, starter, test names: never tests'
// code, inputs, expected values, the reference or the mutants), and drafts.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, CodeBody, ExerciseDetail, ExerciseIdParams, ExerciseSummary } from "@autograder/shared";
import { parseContract, StoredFiles } from "@autograder/shared/contracts";
import { userOf } from "../auth/context.ts";
import { catalogOf } from "../exercises/catalog.ts";
import { storedManifest } from "../exercises/stored-manifest.ts";
import type { AuthUser } from "../auth/context.ts";
import { canPreview } from "../access/policy.ts";

/** The list is read on every dashboard load and changes only on publish: keep it for a second. */
const LIST_TTL_MS = 1000;

export const exerciseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** Keyed by who sees what: "published" (students), "all" (admins), or an instructor's id. */
  const listCache = new Map<string, { at: number; rows: Promise<ExerciseSummary[]> }>();
  const listKey = (user: AuthUser): string => (user.role === "student" ? "published" : user.role === "admin" ? "all" : user.id);

  const listExercises = async (user: AuthUser): Promise<ExerciseSummary[]> => {
    const admin = user.role === "admin";
    const instructor = user.role === "instructor" ? user.id : null;
    // The latest version where the access policy (canPreview) allows it, the published one otherwise.
    // Only two fields of each manifest: read them in SQL instead of loading whole manifests.
    const rows = await app.prisma.$queryRaw<Array<{ id: string; title: string; family: string; difficulty: string | null; tags: string[] | null; published: boolean }>>`
      SELECT e.id, e.title, e.family, v.manifest->>'difficulty' AS difficulty, v.manifest->'tags' AS tags, e."publishedVersionId" IS NOT NULL AS published
      FROM "Exercise" e
      JOIN "ExerciseVersion" v ON v.id = CASE
        WHEN ${admin} OR (${instructor}::uuid IS NOT NULL AND (e.source = 'filesystem' OR e."authorId" = ${instructor}::uuid))
        THEN COALESCE(e."latestVersionId", e."publishedVersionId") ELSE e."publishedVersionId" END
      ORDER BY e.id`;
    return rows.map((r) => ({ id: r.id, title: r.title, family: r.family, difficulty: r.difficulty ?? "", tags: r.tags ?? [], published: r.published }));
  };

  /** The published version, or the latest for those the access policy lets preview it. */
  const visibleVersion = async (id: string, user: AuthUser) => {
    const exercise = await app.prisma.exercise.findUnique({
      where: { id },
      include: { publishedVersion: true, latestVersion: true },
    });
    const version = exercise && canPreview(user, exercise) ? (exercise.latestVersion ?? exercise.publishedVersion) : exercise?.publishedVersion;
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
      const user = userOf(request);
      const key = listKey(user);
      const cached = listCache.get(key);
      if (cached && Date.now() - cached.at < LIST_TTL_MS) return cached.rows;
      for (const [k, v] of listCache) if (Date.now() - v.at >= LIST_TTL_MS) listCache.delete(k);
      const rows = listExercises(user);
      listCache.set(key, { at: Date.now(), rows });
      rows.catch(() => listCache.delete(key));
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
      const { exercise, version } = await visibleVersion(request.params.id, userOf(request));
      const manifest = storedManifest(version.manifest, version.id);
      const files = parseContract(StoredFiles, version.files, `exercise version ${version.id} files`);
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
      await visibleVersion(request.params.id, userOf(request));
      await app.prisma.draft.upsert({
        where: { userId_exerciseId: { userId, exerciseId: request.params.id } },
        create: { userId, exerciseId: request.params.id, code: request.body.code },
        update: { code: request.body.code },
      });
      return reply.status(204).send(null);
    },
  );
};
