// Runs (visible tests, no credit) and submissions (all tests, graded): stored first, then
// queued for the grader workers; results and live status (Server-Sent Events).
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, CodeBody, Created, ExerciseIdParams, MAX_CODE_BYTES, SubmissionListItem, SubmissionView, SubmitBody } from "@autograder/shared";
import { userOf, type AuthUser } from "../auth/context.ts";
import { canSeeSubmission, seesHiddenTests, workingVersionId } from "../access/policy.ts";
import { recordFailure } from "@autograder/submissions";
import { studentPenalty } from "../courses/extensions.ts";
import { admitSubmission } from "../grading/admission.ts";
import { loadSubmissionView, submissionSummary } from "../grading/submission-view.ts";

export { MAX_IN_FLIGHT, MAX_PER_MINUTE } from "../grading/admission.ts";
const SubmissionParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function create(user: AuthUser, exerciseId: string, code: string, kind: "run" | "submit", assignmentId: string | undefined): Promise<string> {
    if (Buffer.byteLength(code, "utf8") > MAX_CODE_BYTES) throw new AppError("CODE_TOO_LARGE");
    const exercise = await app.prisma.exercise.findUnique({ where: { id: exerciseId }, select: { publishedVersionId: true, latestVersionId: true, source: true, authorId: true } });
    const versionId = exercise ? workingVersionId(user, exercise) : null;
    if (!exercise || !versionId) throw new AppError("NOT_FOUND", `No exercise ${exerciseId}.`);
    const now = new Date();
    let penalty = 0;
    if (assignmentId !== undefined) {
      const assignment = await app.prisma.assignment.findFirst({
        where: { id: assignmentId, exerciseId, course: { enrollments: { some: { userId: user.id } } } },
      });
      if (!assignment) throw new AppError("NOT_FOUND", "No such assignment for this exercise in your courses.");
      if (assignment.opensAt && now < assignment.opensAt) throw new AppError("ASSIGNMENT_CLOSED", `This assignment opens at ${assignment.opensAt.toISOString()}.`);
      const extension = await app.prisma.assignmentExtension.findUnique({ where: { assignmentId_userId: { assignmentId, userId: user.id } }, select: { dueAt: true } });
      penalty = studentPenalty(assignment, extension?.dueAt, now);
    }
    const submission = {
      id: await admitSubmission(
        app.prisma,
        { userId: user.id, exerciseId, exerciseVersionId: versionId, assignmentId: assignmentId ?? null, kind, code, latePenaltyPercent: penalty },
        now,
      ),
    };
    try {
      await app.grading.enqueue(submission.id, user.id);
    } catch (error) {
      app.log.error({ err: error, submissionId: submission.id }, "could not queue a submission");
      await recordFailure(app.prisma, submission.id, { code: "DB_UNAVAILABLE", message: "The grading queue is unavailable; try again." });
      throw new AppError("DB_UNAVAILABLE", "The grading queue is unavailable; try again shortly.");
    }
    return submission.id;
  }

  const accepted = { 202: Created };

  app.post(
    "/api/exercises/:id/runs",
    { preHandler: app.requireUser, schema: { tags: ["submissions"], summary: "Run the visible tests (no credit)", params: ExerciseIdParams, body: CodeBody, response: accepted } },
    async (request, reply) => reply.status(202).send({ id: await create(userOf(request), request.params.id, request.body.code, "run", undefined) }),
  );

  app.post(
    "/api/exercises/:id/submissions",
    { preHandler: app.requireUser, schema: { tags: ["submissions"], summary: "Submit for a grade (all tests)", params: ExerciseIdParams, body: SubmitBody, response: accepted } },
    async (request, reply) => reply.status(202).send({ id: await create(userOf(request), request.params.id, request.body.code, "submit", request.body.assignmentId) }),
  );

  app.get(
    "/api/exercises/:id/submissions",
    {
      preHandler: app.requireUser,
      schema: { tags: ["submissions"], summary: "Your runs and submissions of an exercise, newest first", params: ExerciseIdParams, response: { 200: Type.Array(SubmissionListItem) } },
    },
    async (request) => {
      const rows = await app.prisma.submission.findMany({ where: { userId: userOf(request).id, exerciseId: request.params.id }, orderBy: { createdAt: "desc" }, take: 100 });
      return rows.map((s) => ({ ...submissionSummary(s), code: s.code }));
    },
  );

  const viewOf = (id: string, hiddenDetails: boolean) =>
    loadSubmissionView(app.prisma, id, (error) => app.log.error({ submissionId: id, reason: error.message }, "stored result does not match its contract"), { hiddenDetails });

  async function visibleSubmission(user: AuthUser, id: string) {
    const ref = await app.prisma.submission.findUnique({ where: { id }, select: { userId: true, exerciseId: true, assignmentId: true, kind: true } });
    // Someone else's submission looks exactly like a missing one.
    if (ref === null || !(await canSeeSubmission(app.prisma, user, ref))) throw new AppError("NOT_FOUND", "No such submission.");
    const view = await viewOf(id, seesHiddenTests(user, ref));
    if (view === null) throw new AppError("NOT_FOUND", "No such submission.");
    return view;
  }

  app.get(
    "/api/submissions/:id",
    { preHandler: app.requireUser, schema: { tags: ["submissions"], summary: "A submission and, once graded, its report", params: SubmissionParams, response: { 200: SubmissionView } } },
    async (request) => visibleSubmission(userOf(request), request.params.id),
  );

  app.get(
    "/api/submissions/:id/events",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["submissions"],
        summary: "Live status as Server-Sent Events: `status` {status} on each change, then `graded` with the submission",
        params: SubmissionParams,
        produces: ["text/event-stream"],
      },
      config: { liveStream: true },
    },
    async (request, reply) => {
      const user = userOf(request);
      let unsubscribe = (): void => {};
      const first = await visibleSubmission(user, request.params.id);
      const stream = app.liveStreams.open(user.id, request, reply, () => unsubscribe());
      const isFinal = (status: string) => status === "graded" || status === "error";
      if (isFinal(first.status)) {
        stream.send("status", { status: first.status });
        stream.send("graded", first);
        return stream.end();
      }
      let finalSent = false;
      const sendFinal = async (): Promise<void> => {
        if (finalSent) return;
        finalSent = true;
        const view = await viewOf(first.id, seesHiddenTests(user, first)).catch(() => null);
        if (view) stream.send("graded", view);
        stream.end();
      };
      unsubscribe = app.grading.subscribe(first.id, (event) => {
        if (stream.ended) return;
        stream.send("status", { status: event.status });
        if (isFinal(event.status)) void sendFinal();
      });
      if (stream.ended) return unsubscribe();
      stream.send("status", { status: first.status });
      // The result may have been written between the first read and the subscription.
      const now = await app.prisma.submission.findUnique({ where: { id: first.id }, select: { status: true } }).catch(() => null);
      if (now && isFinal(now.status) && !stream.ended) await sendFinal();
    },
  );
};
