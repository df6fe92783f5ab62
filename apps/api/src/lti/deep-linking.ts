// Deep Linking 2.0: after an LtiDeepLinkingRequest the instructor picks exercises in the web
// app (/lti/deep-link/:id); we create the assignments and answer the platform with an
// LtiDeepLinkingResponse JWT signed with the tool key, posted by the browser to
// deep_link_return_url. One ltiResourceLink per exercise, carrying custom.assignment_id (what a
// later resource-link launch opens) and a line item (the gradebook column lti-services fills).
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { LtiDeepLinkSession, PrismaClient } from "@autograder/db";
import { AppError } from "@autograder/shared";
import { userOf, type AuthUser } from "../auth/context.ts";
import { manageCourse } from "../access/policy.ts";
import { checkAssignmentSettings } from "../courses/assignments.ts";
import { isUniqueViolation } from "../auth/users.ts";
import { InputDateTime, SECURED, Uuid, errorResponses } from "../http/responses.ts";
import { DL_CLAIM, CLAIM, LTI_VERSION } from "./claims.ts";
import { errorPage, autoPostPage } from "./html.ts";
import { frameAncestorsFor } from "./launch.ts";
import { toolUrls } from "./urls.ts";

/** Scores go to the LMS as percentages of the assignment's points. */
export const SCORE_MAXIMUM = 100;
const RESPONSE_TTL_S = 5 * 60;

export interface ContentItem {
  type: "ltiResourceLink";
  title: string;
  url: string;
  custom: { assignment_id: string };
  lineItem?: { label: string; scoreMaximum: number; resourceId: string; tag: string };
  submission?: { endDateTime: string };
}

const PickItem = Type.Object({
  exerciseId: Type.String({ minLength: 1, maxLength: 200 }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  dueAt: Type.Optional(InputDateTime),
  latePolicy: Type.Optional(Type.Union([Type.Literal("none"), Type.Literal("percent_per_day"), Type.Literal("no_credit_after_due")])),
  latePenaltyPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
});

/** The open deep-linking request of this instructor; NOT_FOUND for anyone else or once answered. */
async function openSession(prisma: PrismaClient, user: AuthUser, id: string): Promise<LtiDeepLinkSession> {
  const session = await prisma.ltiDeepLinkSession.findUnique({ where: { id } });
  if (!session || session.userId !== user.id || session.usedAt !== null || session.expiresAt.getTime() <= Date.now()) {
    throw new AppError("NOT_FOUND", "No open deep-linking request; start again from the LMS.");
  }
  return session;
}

export const deepLinkingApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/lti/deep-links/:id",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["lti"],
        summary: "An open deep-linking request of the caller (the exercise picker's course)",
        security: SECURED,
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Object({ id: Type.String(), courseId: Type.String(), courseTitle: Type.String(), acceptMultiple: Type.Boolean() }),
          ...errorResponses("UNAUTHENTICATED", "NOT_FOUND"),
        },
      },
    },
    async (request) => {
      const session = await openSession(app.prisma, userOf(request), request.params.id);
      const course = await app.prisma.course.findUniqueOrThrow({ where: { id: session.courseId }, select: { title: true } });
      return { id: session.id, courseId: session.courseId, courseTitle: course.title, acceptMultiple: session.acceptMultiple };
    },
  );

  app.post(
    "/api/lti/deep-links/:id",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["lti"],
        summary: "Answer a deep-linking request: create the picked assignments; then open returnUrl to post them to the LMS",
        security: SECURED,
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ items: Type.Array(PickItem, { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ returnUrl: Type.String(), assignmentIds: Type.Array(Type.String()) }),
          ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "EXERCISE_NOT_PUBLISHED", "CSRF_INVALID"),
        },
      },
    },
    async (request) => {
      const user = userOf(request);
      const session = await openSession(app.prisma, user, request.params.id);
      await manageCourse(app.prisma, user, session.courseId);
      const { items } = request.body;
      if (!session.acceptMultiple && items.length > 1) throw new AppError("VALIDATION", "The LMS accepts one item here; pick one exercise.");
      const urls = toolUrls(app.config.publicUrl);
      const contentItems: ContentItem[] = [];
      const assignmentIds: string[] = [];
      for (const item of items) {
        const settings = {
          opensAt: null,
          dueAt: item.dueAt ? new Date(item.dueAt) : null,
          latePolicy: item.latePolicy ?? "none",
          latePenaltyPercent: item.latePenaltyPercent ?? 0,
        };
        checkAssignmentSettings(settings);
        const exercise = await app.prisma.exercise.findUnique({ where: { id: item.exerciseId }, select: { id: true, title: true, publishedVersionId: true } });
        if (!exercise) throw new AppError("NOT_FOUND", `No exercise ${item.exerciseId}.`);
        if (exercise.publishedVersionId === null) throw new AppError("EXERCISE_NOT_PUBLISHED");
        // An exercise already assigned here keeps what the picker did not set: linking it again
        // from the LMS never erases its due date or late policy.
        const given = {
          ...(item.dueAt ? { dueAt: settings.dueAt } : {}),
          ...(item.latePolicy ? { latePolicy: settings.latePolicy } : {}),
          ...(item.latePenaltyPercent !== undefined ? { latePenaltyPercent: settings.latePenaltyPercent } : {}),
          ...(item.title ? { title: item.title } : {}),
        };
        const assignment = await upsertAssignment(app, session.courseId, exercise.id, item.title ?? null, settings, given);
        const title = item.title ?? exercise.title;
        assignmentIds.push(assignment.id);
        contentItems.push({
          type: "ltiResourceLink",
          title,
          url: urls.launchUrl,
          custom: { assignment_id: assignment.id },
          ...(session.acceptLineItem ? { lineItem: { label: title, scoreMaximum: SCORE_MAXIMUM, resourceId: assignment.id, tag: "autograder" } } : {}),
          ...(assignment.dueAt ? { submission: { endDateTime: assignment.dueAt.toISOString() } } : {}),
        });
      }
      await app.prisma.ltiDeepLinkSession.update({ where: { id: session.id }, data: { contentItems: contentItems as object[] } });
      return { returnUrl: `/lti/deep-links/${session.id}/return`, assignmentIds };
    },
  );
};

/** The course's assignment of the exercise: created with `s`, or (picked again) given only what the picker set. */
async function upsertAssignment(
  app: FastifyInstance,
  courseId: string,
  exerciseId: string,
  title: string | null,
  s: { dueAt: Date | null; latePolicy: "none" | "percent_per_day" | "no_credit_after_due"; latePenaltyPercent: number },
  given: Partial<{ dueAt: Date | null; latePolicy: "none" | "percent_per_day" | "no_credit_after_due"; latePenaltyPercent: number; title: string }>,
) {
  const data = { dueAt: s.dueAt, latePolicy: s.latePolicy, latePenaltyPercent: s.latePenaltyPercent, ...(title ? { title } : {}) };
  const where = { courseId_exerciseId: { courseId, exerciseId } };
  try {
    const position = await app.prisma.assignment.count({ where: { courseId } });
    return await app.prisma.assignment.upsert({ where, create: { courseId, exerciseId, position, ...data }, update: given });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return app.prisma.assignment.update({ where, data: given });
  }
}

/** Signs the LtiDeepLinkingResponse (Deep Linking 2.0 §4.5) with the tool's current key. */
export async function signDeepLinkingResponse(
  app: FastifyInstance,
  platform: { issuer: string; clientId: string },
  session: Pick<LtiDeepLinkSession, "deploymentId" | "data">,
  contentItems: ContentItem[],
): Promise<string> {
  const key = await app.lti.toolKeys().signingKey();
  const claims: Record<string, unknown> = {
    nonce: randomBytes(16).toString("base64url"),
    [CLAIM.messageType]: "LtiDeepLinkingResponse",
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: session.deploymentId,
    [DL_CLAIM.contentItems]: contentItems,
    [DL_CLAIM.msg]: `${contentItems.length} exercise${contentItems.length === 1 ? "" : "s"} added.`,
  };
  if (session.data !== null) claims[DL_CLAIM.data] = session.data;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt()
    .setExpirationTime(`${RESPONSE_TTL_S}s`)
    .sign(key.privateKey);
}

export async function deepLinkingReturnRoutes(app: FastifyInstance) {
  // A top-level navigation of the picker (GET: it only reads what the POST above stored; it is
  // single use and only for the instructor who launched it).
  app.get<{ Params: { id: string } }>(
    "/lti/deep-links/:id/return",
    { schema: { hide: true, params: Type.Object({ id: Uuid }) } },
    async (request, reply) => {
      const user = request.user;
      const session = user ? await app.prisma.ltiDeepLinkSession.findUnique({ where: { id: request.params.id }, include: { platform: true } }) : null;
      if (!user || !session || session.userId !== user.id || session.contentItems === null) {
        return errorPage(reply, 404, "Nothing to send", "No picked exercises to send to the LMS; start again from the LMS.");
      }
      const { count } = await app.prisma.ltiDeepLinkSession.updateMany({
        where: { id: session.id, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      });
      if (count !== 1) return errorPage(reply, 410, "Already sent", "These exercises were already sent to the LMS, or the request expired.");
      const jwt = await signDeepLinkingResponse(app, session.platform, session, session.contentItems as unknown as ContentItem[]);
      return autoPostPage(reply, session.returnUrl, { JWT: jwt }, frameAncestorsFor(session.platform));
    },
  );
}
