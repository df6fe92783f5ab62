// Custom runs (one export on arguments the student typed) and replays (one visible threading
// test on one schedule seed): no grade, no history. Queued for the grader workers like runs,
// within the same per-user limits; the result is read back from the job.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Manifest } from "@autograder/exercise-format";
import { AppError, checkCustomArgs, Created, CUSTOM_RUN_FAMILIES, CustomRunBody, CustomRunResult, ExerciseIdParams, MAX_CODE_BYTES, ReplayBody } from "@autograder/shared";
import { checkContract, ContractError, CustomRunJob, CustomRunOutput, GradeReport } from "@autograder/shared/contracts";
import { userOf, type AuthUser } from "../auth/context.ts";
import { workingVersionId } from "../access/policy.ts";
import { catalogOf } from "../exercises/catalog.ts";
import { MAX_IN_FLIGHT, MAX_PER_MINUTE } from "../grading/admission.ts";

const CustomRunParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const CustomRunView = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal("call"), Type.Literal("replay")]),
  status: Type.Union([Type.Literal("queued"), Type.Literal("running"), Type.Literal("done"), Type.Literal("error")]),
  /** kind "call", once done. */
  result: Type.Optional(CustomRunResult),
  /** kind "replay", once done: a Run report with that one test. */
  report: Type.Optional(GradeReport),
  /** status "error": why, in a sentence. */
  message: Type.Optional(Type.String()),
});

export const customRunRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function versionFor(user: AuthUser, exerciseId: string, code: string) {
    if (Buffer.byteLength(code, "utf8") > MAX_CODE_BYTES) throw new AppError("CODE_TOO_LARGE");
    const exercise = await app.prisma.exercise.findUnique({ where: { id: exerciseId }, select: { publishedVersionId: true, latestVersionId: true, source: true, authorId: true, family: true } });
    const versionId = exercise ? workingVersionId(user, exercise) : null;
    if (!exercise || !versionId) throw new AppError("NOT_FOUND", `No exercise ${exerciseId}.`);
    const version = await app.prisma.exerciseVersion.findUniqueOrThrow({ where: { id: versionId }, select: { id: true, manifest: true } });
    return { family: exercise.family, versionId: version.id, manifest: version.manifest as unknown as Manifest, catalog: catalogOf(version.manifest) };
  }

  async function enqueue(job: CustomRunJob): Promise<string> {
    const admitted = await app.grading.enqueueCustomRun(job, { inFlight: MAX_IN_FLIGHT, perMinute: MAX_PER_MINUTE }).catch((error: unknown) => {
      app.log.error({ err: error }, "could not queue a custom run");
      throw new AppError("DB_UNAVAILABLE", "The grading queue is unavailable; try again shortly.");
    });
    if ("id" in admitted) return admitted.id;
    if (admitted.refused === "in_flight") throw new AppError("TOO_MANY_IN_FLIGHT", "You already have custom runs waiting; wait for them to finish.");
    throw new AppError("RATE_LIMITED", `At most ${MAX_PER_MINUTE} custom runs a minute; wait a moment.`);
  }

  app.post(
    "/api/exercises/:id/custom-runs",
    {
      preHandler: app.requireUser,
      schema: { tags: ["submissions"], summary: "Call one of the exercise's functions on your own arguments (no tests, no grade)", params: ExerciseIdParams, body: CustomRunBody, response: { 202: Created } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { code, exportName, args } = request.body;
      const target = await versionFor(user, request.params.id, code);
      if (!(CUSTOM_RUN_FAMILIES as readonly string[]).includes(target.family)) throw new AppError("CUSTOM_RUN_UNSUPPORTED");
      if (!target.manifest.exports.includes(exportName)) throw new AppError("VALIDATION", `This exercise's functions are ${target.manifest.exports.join(", ")}; ${exportName} is not one of them.`);
      const checked = checkCustomArgs(args);
      if ("error" in checked) throw new AppError("VALIDATION", checked.error);
      const id = await enqueue({ kind: "call", userId: user.id, exerciseVersionId: target.versionId, code, exportName, args });
      return reply.status(202).send({ id });
    },
  );

  app.post(
    "/api/exercises/:id/replays",
    {
      preHandler: app.requireUser,
      schema: { tags: ["submissions"], summary: "Run one visible threading test again on one schedule seed, against your current code", params: ExerciseIdParams, body: ReplayBody, response: { 202: Created } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { code, test, seed } = request.body;
      const target = await versionFor(user, request.params.id, code);
      if (target.family !== "threading") throw new AppError("CUSTOM_RUN_UNSUPPORTED", "Only threading exercises have schedule seeds to replay.");
      // Only a visible test: a hidden one's interleaving (and its failure) is not the student's to see.
      if (!target.catalog.tests.some((t) => t.name === test && !t.hidden)) throw new AppError("NOT_FOUND", "No visible test of this exercise has that name.");
      const id = await enqueue({ kind: "replay", userId: user.id, exerciseVersionId: target.versionId, code, test, seed });
      return reply.status(202).send({ id });
    },
  );

  app.get(
    "/api/custom-runs/:id",
    { preHandler: app.requireUser, schema: { tags: ["submissions"], summary: "A custom run or replay and, once done, its result", params: CustomRunParams, response: { 200: CustomRunView } } },
    async (request) => {
      const user = userOf(request);
      const job = await app.grading.customRunJob(request.params.id).catch(() => null);
      const data = job ? checkContract(CustomRunJob, job.data, `custom run ${request.params.id}`) : undefined;
      // Someone else's run looks exactly like a missing one.
      if (!job || data === undefined || data instanceof ContractError || data.userId !== user.id) throw new AppError("NOT_FOUND", "No such custom run.");
      const base = { id: request.params.id, kind: data.kind };
      if (job.state === "created" || job.state === "retry") return { ...base, status: "queued" as const };
      if (job.state === "active") return { ...base, status: "running" as const };
      if (job.state !== "completed") return { ...base, status: "error" as const, message: "The grader could not run this; try again." };
      const output = checkContract(CustomRunOutput, job.output, `custom run ${request.params.id} output`);
      if (output instanceof ContractError) {
        app.log.error({ customRunId: request.params.id, reason: output.message }, "stored custom-run result does not match its contract");
        return { ...base, status: "error" as const, message: "The result of this run could not be read; try again." };
      }
      return output.kind === "call" ? { ...base, status: "done" as const, result: output.result } : { ...base, status: "done" as const, report: output.report };
    },
  );
};
