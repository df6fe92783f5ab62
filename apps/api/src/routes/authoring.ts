// Instructors write exercises in the same format as the repository's: create, save (a new
// version), validate (in the grader workers), publish a valid version, export and import a zip.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { ExerciseVersion } from "@autograder/db";
import { AppError, EXERCISE_FILE_MAX_CHARS, EXERCISE_FILE_PATH_MAX_LENGTH, ExerciseIdParams } from "@autograder/shared";
import { parseContract, StoredFiles } from "@autograder/shared/contracts";
import { userOf } from "../auth/context.ts";
import { fromZip, toZip } from "../exercises/archive.ts";
import { editableExercise, readableExercise } from "../access/policy.ts";
import { checkFormat, publishRefusal, saveVersion } from "../exercises/authoring.ts";

const Files = Type.Record(Type.String({ maxLength: EXERCISE_FILE_PATH_MAX_LENGTH }), Type.String({ maxLength: EXERCISE_FILE_MAX_CHARS }), { description: "path inside the exercise folder -> content" });
const Validation = Type.Object({
  versionId: Type.String(),
  validation: Type.Union([Type.Literal("pending"), Type.Literal("valid"), Type.Literal("invalid")]),
  done: Type.Integer({ description: "gradings of the validation finished (reference runs, starter, mutants)" }),
  total: Type.Integer({ description: "gradings planned; 0 until a grader worker has started the job" }),
  report: Type.Unknown(),
});

export const authoringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole("instructor", "admin");

  app.addContentTypeParser("application/zip", { parseAs: "buffer", bodyLimit: 4 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.post(
    "/api/exercises",
    {
      preHandler: staff,
      schema: { tags: ["authoring"], summary: "Create an exercise (validated in the background)", body: Type.Object({ id: ExerciseIdParams.properties.id, files: Files }), response: { 201: Type.Object({ id: Type.String(), versionId: Type.String() }) } },
    },
    async (request, reply) => {
      const exercise = checkFormat(request.body.id, request.body.files);
      const { versionId } = await saveVersion(app.prisma, exercise, userOf(request), true);
      await app.grading.enqueueValidation(versionId);
      return reply.status(201).send({ id: exercise.id, versionId });
    },
  );

  app.put(
    "/api/exercises/:id/files",
    {
      preHandler: staff,
      schema: { tags: ["authoring"], summary: "Save a new version of an exercise's files", params: ExerciseIdParams, body: Type.Object({ files: Files }), response: { 200: Type.Object({ versionId: Type.String(), isNew: Type.Boolean() }) } },
    },
    async (request) => {
      await editableExercise(app.prisma, userOf(request), request.params.id);
      const saved = await saveVersion(app.prisma, checkFormat(request.params.id, request.body.files), userOf(request), false);
      if (saved.isNew) await app.grading.enqueueValidation(saved.versionId);
      return saved;
    },
  );

  app.get(
    "/api/exercises/:id/files",
    {
      preHandler: staff,
      schema: { tags: ["authoring"], summary: "Every file of the latest version (repository exercises: instructors; authored ones: the author and admins)", params: ExerciseIdParams, response: { 200: Type.Object({ versionId: Type.String(), validation: Type.String(), files: Files }) } },
    },
    async (request) => {
      const { version } = await readableExercise(app.prisma, userOf(request), request.params.id);
      return { versionId: version.id, validation: version.validation, files: parseContract(StoredFiles, version.files, `exercise version ${version.id} files`) };
    },
  );

  const validationOf = (v: ExerciseVersion) => ({ versionId: v.id, validation: v.validation, done: v.validationDone, total: v.validationTotal, report: v.validationReport });

  // Validation is a job in the grader workers; these answer at once, and the page follows the
  // job's progress with GET .../validation.
  app.post(
    "/api/exercises/:id/validate",
    {
      preHandler: staff,
      schema: { tags: ["authoring"], summary: "Queue the validation of the latest version (when not done yet) and answer its state and progress at once", params: ExerciseIdParams, response: { 200: Validation } },
    },
    async (request) => {
      const { version } = await readableExercise(app.prisma, userOf(request), request.params.id);
      if (version.validation === "pending") await app.grading.enqueueValidation(version.id);
      return validationOf(version);
    },
  );

  app.get(
    "/api/exercises/:id/validation",
    {
      preHandler: staff,
      schema: { tags: ["authoring"], summary: "The validation state and progress of the latest version", params: ExerciseIdParams, response: { 200: Validation } },
    },
    async (request) => validationOf((await readableExercise(app.prisma, userOf(request), request.params.id)).version),
  );

  app.post(
    "/api/exercises/:id/publish",
    {
      preHandler: staff,
      schema: { tags: ["authoring"], summary: "Publish the latest version (only if it is valid)", params: ExerciseIdParams, response: { 200: Type.Object({ versionId: Type.String() }) } },
    },
    async (request) => {
      await editableExercise(app.prisma, userOf(request), request.params.id);
      const { version } = await readableExercise(app.prisma, userOf(request), request.params.id);
      if (version.validation !== "valid") throw new AppError("NOT_PUBLISHABLE", publishRefusal(version.validation, version.validationReport));
      await app.prisma.$transaction([
        app.prisma.exerciseVersion.update({ where: { id: version.id }, data: { publishedAt: new Date() } }),
        app.prisma.exercise.update({ where: { id: request.params.id }, data: { publishedVersionId: version.id } }),
      ]);
      return { versionId: version.id };
    },
  );

  app.get(
    "/api/exercises/:id/archive",
    { preHandler: staff, schema: { tags: ["authoring"], summary: "Export the latest version as a zip of its folder", params: ExerciseIdParams } },
    async (request, reply) => {
      const { exercise, version } = await readableExercise(app.prisma, userOf(request), request.params.id);
      const name = exercise.id.replaceAll("/", "-");
      return reply
        .header("content-type", "application/zip")
        .header("content-disposition", `attachment; filename="${name}.zip"`)
        .send(Buffer.from(toZip(exercise.id, parseContract(StoredFiles, version.files, `exercise version ${version.id} files`))));
    },
  );

  app.post(
    "/api/exercises/import",
    {
      preHandler: staff,
      schema: {
        tags: ["authoring"],
        summary: "Import a zip of an exercise folder as a new exercise `id` (or a new version of your own)",
        querystring: Type.Object({ id: ExerciseIdParams.properties.id }),
        response: { 201: Type.Object({ id: Type.String(), versionId: Type.String() }) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the archive as application/zip.");
      const exercise = checkFormat(request.query.id, fromZip(new Uint8Array(request.body)));
      const exists = await app.prisma.exercise.findUnique({ where: { id: exercise.id }, select: { id: true } });
      if (exists) await editableExercise(app.prisma, userOf(request), exercise.id);
      const saved = await saveVersion(app.prisma, exercise, userOf(request), exists === null);
      if (saved.isNew) await app.grading.enqueueValidation(saved.versionId);
      return reply.status(201).send({ id: exercise.id, versionId: saved.versionId });
    },
  );
};
