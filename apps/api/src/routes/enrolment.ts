// How people come into a course, always with their consent: a student joins with the course's
// code, or accepts an invitation the course's staff sent to their email. Nothing here tells
// whether an email has an account: inviting answers the same for any email, and registering
// through a join code answers the same whether the email was new (account created) or not
// (enrolled only if the password was right), after one scrypt either way.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, JOIN_CODE_MAX_LENGTH, JOIN_CODE_MIN_LENGTH } from "@autograder/shared";
import { manageCourse } from "../access/policy.ts";
import { userOf } from "../auth/context.ts";
import { ensureRateLimit, signupLimiter } from "../auth/limits.ts";
import { normalizeEmail } from "../auth/login.ts";
import { verifyPassword } from "../auth/password.ts";
import { Email, Password, PersonName } from "../auth/schemas.ts";
import { createUser } from "../auth/users.ts";
import { normalizeJoinCode } from "../courses/join-code.ts";
import { CourseRoleSchema } from "../courses/schemas.ts";
import { DateTime, IdParams, SECURED, Uuid, errorResponses, iso } from "../http/responses.ts";

const JoinBody = Type.Object({
  joinCode: Type.String({ minLength: JOIN_CODE_MIN_LENGTH, maxLength: JOIN_CODE_MAX_LENGTH }),
  email: Type.Optional(Email),
  password: Type.Optional(Password),
  name: Type.Optional(PersonName),
});
export const Joined = Type.Object({ courseId: Type.String(), userId: Type.String() });
const JoinAccepted = Type.Object({ courseId: Type.String(), message: Type.String() });
const REGISTERED =
  "If this email had no account, one was created and enrolled in the course; if it had one and the password is right, that account was enrolled. Log in with the email and password to continue.";

export const InvitationSchema = Type.Object({
  id: Type.String(),
  courseId: Type.String(),
  email: Type.String(),
  role: CourseRoleSchema,
  createdAt: DateTime,
});
export const MyInvitation = Type.Object({
  id: Type.String(),
  course: Type.Object({ id: Type.String(), title: Type.String() }),
  role: CourseRoleSchema,
  invitedBy: Type.String(),
  createdAt: DateTime,
});
const InvitationParams = Type.Object({ id: Uuid, invitationId: Uuid });

export const enrolmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await ensureRateLimit(app);
  const limitSignup = signupLimiter(app);

  app.post(
    "/api/courses/join",
    {
      preHandler: async (request, reply) => {
        if (request.user === null) await limitSignup(request, reply);
      },
      schema: {
        tags: ["courses"],
        summary:
          "Join a course by its code: a logged-in student sends only joinCode (200); a newcomer also sends email, password and name to register (202, then log in). The answer never tells whether the email had an account.",
        body: JoinBody,
        response: {
          200: Joined,
          202: JoinAccepted,
          ...errorResponses("VALIDATION", "FORBIDDEN", "JOIN_CODE_INVALID", "RATE_LIMITED", "CSRF_INVALID"),
        },
      },
    },
    async (request, reply) => {
      const course = await app.prisma.course.findUnique({ where: { joinCode: normalizeJoinCode(request.body.joinCode) } });
      if (!course || course.archivedAt !== null) throw new AppError("JOIN_CODE_INVALID");
      const me = request.user;
      if (me !== null) {
        if (me.role !== "student") {
          throw new AppError("FORBIDDEN", "Join codes are for students; instructors are invited by the course's staff.");
        }
        await app.prisma.enrollment.upsert({
          where: { courseId_userId: { courseId: course.id, userId: me.id } },
          create: { courseId: course.id, userId: me.id, role: "student" },
          update: {},
        });
        return reply.status(200).send({ courseId: course.id, userId: me.id });
      }
      const { email, password, name } = request.body;
      if (email === undefined || password === undefined || name === undefined) {
        throw new AppError("VALIDATION", "To register, send email, password and name with the join code (or log in first).");
      }
      const existing = await app.prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, role: true, passwordHash: true } });
      if (existing) {
        // The owner of the account proved it: enrol them. Anyone else changes nothing.
        if ((await verifyPassword(password, existing.passwordHash)) && existing.role === "student") {
          await app.prisma.enrollment.upsert({
            where: { courseId_userId: { courseId: course.id, userId: existing.id } },
            create: { courseId: course.id, userId: existing.id, role: "student" },
            update: {},
          });
        }
      } else {
        await createUser(app.prisma, { email, password, name, role: "student", enrollIn: course.id }).catch((err: unknown) => {
          // Registered at the same moment by another request: the same answer as any taken email.
          if (!(err instanceof AppError && err.code === "EMAIL_TAKEN")) throw err;
        });
      }
      return reply.status(202).send({ courseId: course.id, message: REGISTERED });
    },
  );

  app.post(
    "/api/courses/:id/enrollments",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary:
          "Invite someone by email (its staff): they are enrolled when they accept (POST /api/invitations/{id}/accept). The answer is the same whether or not the email has an account.",
        security: SECURED,
        params: IdParams,
        body: Type.Object({ email: Email, role: Type.Optional(CourseRoleSchema) }),
        response: {
          202: InvitationSchema,
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID"),
        },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const email = normalizeEmail(request.body.email);
      const role = request.body.role ?? "student";
      const invitation = await app.prisma.invitation.upsert({
        where: { courseId_email: { courseId: course.id, email } },
        create: { courseId: course.id, email, role, invitedById: userOf(request).id },
        update: { role, invitedById: userOf(request).id, createdAt: new Date() },
      });
      return reply.status(202).send({ ...invitation, createdAt: iso(invitation.createdAt) });
    },
  );

  app.get(
    "/api/courses/:id/invitations",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Invitations not yet accepted (its staff)",
        security: SECURED,
        params: IdParams,
        response: { 200: Type.Array(InvitationSchema), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const rows = await app.prisma.invitation.findMany({ where: { courseId: course.id }, orderBy: { email: "asc" } });
      return rows.map((i) => ({ ...i, createdAt: iso(i.createdAt) }));
    },
  );

  app.delete(
    "/api/courses/:id/invitations/:invitationId",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Withdraw an invitation (its staff)",
        security: SECURED,
        params: InvitationParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const { count } = await app.prisma.invitation.deleteMany({ where: { id: request.params.invitationId, courseId: course.id } });
      if (count === 0) throw new AppError("NOT_FOUND", "No such invitation in this course.");
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me/invitations",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Invitations to courses sent to the caller's email",
        security: SECURED,
        response: { 200: Type.Array(MyInvitation), ...errorResponses("UNAUTHENTICATED") },
      },
    },
    async (request) => {
      const rows = await app.prisma.invitation.findMany({
        where: { email: normalizeEmail(userOf(request).email) },
        include: { course: { select: { id: true, title: true } }, invitedBy: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
      });
      return rows.map((i) => ({ id: i.id, course: i.course, role: i.role, invitedBy: i.invitedBy.name, createdAt: iso(i.createdAt) }));
    },
  );

  /** An invitation addressed to the caller; anyone else's is NOT_FOUND. */
  async function myInvitation(id: string, email: string) {
    const invitation = await app.prisma.invitation.findUnique({ where: { id }, include: { course: true } });
    if (!invitation || invitation.email !== normalizeEmail(email)) throw new AppError("NOT_FOUND", "No such invitation for you.");
    return invitation;
  }

  app.post(
    "/api/invitations/:id/accept",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Accept an invitation sent to your email: you are enrolled in its course",
        security: SECURED,
        params: IdParams,
        response: {
          200: Type.Object({ courseId: Type.String(), role: CourseRoleSchema }),
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "NOT_FOUND", "JOIN_CODE_INVALID", "CSRF_INVALID"),
        },
      },
    },
    async (request) => {
      const me = userOf(request);
      const invitation = await myInvitation(request.params.id, me.email);
      if (invitation.course.archivedAt !== null) throw new AppError("JOIN_CODE_INVALID", "This course is archived.");
      if ((invitation.role === "student") !== (me.role === "student")) {
        throw new AppError("VALIDATION", `This invitation is for ${invitation.role === "student" ? "a student" : "an instructor"}; your account is ${me.role === "student" ? "a student's" : "staff"}.`);
      }
      await app.prisma.$transaction(async (tx) => {
        if (invitation.course.ownerId !== me.id) {
          await tx.enrollment.upsert({
            where: { courseId_userId: { courseId: invitation.courseId, userId: me.id } },
            create: { courseId: invitation.courseId, userId: me.id, role: invitation.role },
            update: {},
          });
        }
        await tx.invitation.deleteMany({ where: { id: invitation.id } });
      });
      return { courseId: invitation.courseId, role: invitation.role };
    },
  );

  app.delete(
    "/api/invitations/:id",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Decline an invitation sent to your email",
        security: SECURED,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const invitation = await myInvitation(request.params.id, userOf(request).email);
      await app.prisma.invitation.deleteMany({ where: { id: invitation.id } });
      return reply.status(204).send(null);
    },
  );
};
