// Course staff's LTI service actions: sync the roster from the LMS (NRPS), read it, and
// send a student's score to the LMS gradebook again (AGS).
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError } from "@autograder/shared";
import { userOf } from "../auth/context.ts";
import { manageCourse } from "../access/policy.ts";
import { IdParams, NullableDateTime, SECURED, Uuid, errorResponses, iso } from "../http/responses.ts";
import { lmsRoster } from "../lti/services/roster-view.ts";

const Queued = Type.Object({ queued: Type.Boolean({ description: "false: a sync was already queued; it will send the newest data" }) });

export const LtiRosterSchema = Type.Object({
  rosterSyncedAt: NullableDateTime,
  rosterError: Type.Union([Type.String(), Type.Null()]),
  members: Type.Array(
    Type.Object({
      sub: Type.String(),
      name: Type.Union([Type.String(), Type.Null()]),
      email: Type.Union([Type.String(), Type.Null()]),
      roles: Type.Array(Type.String()),
      status: Type.String(),
      userId: Type.Union([Type.String(), Type.Null()]),
      /** Whether this member has launched the tool from the LMS at least once. */
      openedTool: Type.Boolean(),
      lastLaunchAt: NullableDateTime,
    }),
  ),
});

async function linkedContext(app: Parameters<FastifyPluginAsyncTypebox>[0], courseId: string) {
  const context = await app.prisma.ltiContext.findUnique({ where: { courseId } });
  if (context === null) throw new AppError("LTI_NOT_LINKED");
  return context;
}

export const ltiServiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/api/courses/:id/lti/roster-sync",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Sync the course's members from the LMS (course staff; LTI Names and Role Provisioning); runs in the background",
        security: SECURED,
        params: IdParams,
        response: { 202: Queued, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "LTI_NOT_LINKED") },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const context = await linkedContext(app, course.id);
      return reply.status(202).send({ queued: await app.ltiServices.requestRosterSync(context.id) });
    },
  );

  app.get(
    "/api/courses/:id/lti/roster",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "The course's LMS members as the last roster sync reported them, and who has never opened the tool (course staff)",
        security: SECURED,
        params: IdParams,
        response: { 200: LtiRosterSchema, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "LTI_NOT_LINKED") },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const context = await linkedContext(app, course.id);
      const roster = await lmsRoster(app.prisma, context);
      return { ...roster, rosterSyncedAt: iso(roster.rosterSyncedAt) };
    },
  );

  app.post(
    "/api/courses/:id/lti/score-sync",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Send a student's counted score on an assignment to the LMS gradebook again (course staff; LTI Assignment and Grade Services)",
        security: SECURED,
        params: IdParams,
        body: Type.Object({ assignmentId: Uuid, userId: Uuid }, { additionalProperties: false }),
        response: { 202: Queued, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "LTI_NO_LINE_ITEM") },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const { assignmentId, userId } = request.body;
      const assignment = await app.prisma.assignment.findFirst({ where: { id: assignmentId, courseId: course.id } });
      if (assignment === null) throw new AppError("NOT_FOUND", "No such assignment in this course.");
      const enrolled = await app.prisma.enrollment.findUnique({ where: { courseId_userId: { courseId: course.id, userId } } });
      if (enrolled === null || enrolled.role !== "student") throw new AppError("NOT_FOUND", "No such student in this course.");
      const result = await app.ltiServices.requestScoreSync({ assignmentId, userId });
      if (!result.queued && result.reason === "no-lms-column") throw new AppError("LTI_NO_LINE_ITEM");
      if (!result.queued && result.reason === "error") throw new Error(`score sync not queued: ${result.error}`);
      return reply.status(202).send({ queued: result.queued });
    },
  );
};
