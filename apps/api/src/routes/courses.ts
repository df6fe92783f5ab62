// Courses, their rosters, joining by code, and assignments.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Course, Prisma } from "@autograder/db";
import { AppError } from "@autograder/shared";
import { userOf } from "../auth/context.ts";
import { sessionCookieOptions } from "../auth/cookie.ts";
import { ensureRateLimit, signupLimiter } from "../auth/limits.ts";
import { normalizeEmail } from "../auth/login.ts";
import { Email, Password, PersonName } from "../auth/schemas.ts";
import { csrfTokenFor } from "../auth/secrets.ts";
import { SESSION_COOKIE, createSession } from "../auth/sessions.ts";
import { createUser, isUniqueViolation } from "../auth/users.ts";
import { type CourseAccess, manageCourse, viewCourse } from "../access/policy.ts";
import { assignmentView, checkAssignmentSettings, parseDate } from "../courses/assignments.ts";
import { generateJoinCode, normalizeJoinCode } from "../courses/join-code.ts";
import {
  AssignmentFields,
  AssignmentSchema,
  CourseRoleSchema,
  CourseSchema,
  GradePolicySchema,
  RosterEntrySchema,
} from "../courses/schemas.ts";
import { IdParams, SECURED, Uuid, errorResponses, iso } from "../http/responses.ts";

type CourseWithOwner = Course & { owner: { id: string; name: string; email: string } };
const withOwner = { owner: { select: { id: true, name: true, email: true } } } as const;

function courseView(course: CourseWithOwner, access: CourseAccess) {
  return {
    id: course.id,
    title: course.title,
    gradePolicy: course.gradePolicy,
    owner: course.owner,
    joinCode: access === "staff" ? course.joinCode : null,
    access,
    createdAt: iso(course.createdAt),
    archivedAt: iso(course.archivedAt),
  };
}

const AssignmentParams = Type.Object({ id: Uuid, assignmentId: Uuid });
const MemberParams = Type.Object({ id: Uuid, userId: Uuid });
const JoinBody = Type.Object({
  joinCode: Type.String({ minLength: 4, maxLength: 32 }),
  email: Type.Optional(Email),
  password: Type.Optional(Password),
  name: Type.Optional(PersonName),
});
const JoinReply = Type.Object({
  courseId: Type.String(),
  userId: Type.String(),
  /** Set when a new account was registered: the new session's CSRF token. */
  csrfToken: Type.Optional(Type.String()),
});

export const courseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await ensureRateLimit(app);
  const limitSignup = signupLimiter(app);

  /** Creates a course with a fresh join code, retrying on the (rare) code collision. */
  async function createCourse(data: Omit<Prisma.CourseUncheckedCreateInput, "joinCode">): Promise<Course> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await app.prisma.course.create({ data: { ...data, joinCode: generateJoinCode() } });
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 5) throw err;
      }
    }
  }

  app.post(
    "/api/courses",
    {
      preHandler: app.requireRole("instructor", "admin"),
      schema: {
        tags: ["courses"],
        summary: "Create a course (instructor, admin); an admin may name its owner",
        security: SECURED,
        body: Type.Object({
          title: Type.String({ minLength: 1, maxLength: 200 }),
          gradePolicy: Type.Optional(GradePolicySchema),
          ownerId: Type.Optional(Uuid),
        }),
        response: {
          201: Type.Object({ id: Type.String(), joinCode: Type.String() }),
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN"),
        },
      },
    },
    async (request, reply) => {
      const me = userOf(request);
      const { title, gradePolicy, ownerId } = request.body;
      let owner = me.id;
      if (ownerId !== undefined && ownerId !== me.id) {
        if (me.role !== "admin") throw new AppError("FORBIDDEN", "Only an admin can create a course for someone else.");
        const target = await app.prisma.user.findUnique({ where: { id: ownerId }, select: { role: true } });
        if (!target || target.role === "student") throw new AppError("VALIDATION", "ownerId must be an instructor or admin.");
        owner = ownerId;
      }
      const course = await createCourse({ title: title.trim(), ownerId: owner, ...(gradePolicy ? { gradePolicy } : {}) });
      return reply.status(201).send({ id: course.id, joinCode: course.joinCode });
    },
  );

  app.get(
    "/api/courses",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Courses the caller can see: all (admin), own or co-taught (instructor), enrolled (student)",
        security: SECURED,
        response: { 200: Type.Array(CourseSchema), ...errorResponses("UNAUTHENTICATED") },
      },
    },
    async (request) => {
      const me = userOf(request);
      if (me.role === "admin") {
        const all = await app.prisma.course.findMany({ include: withOwner, orderBy: { createdAt: "desc" } });
        return all.map((c) => courseView(c, "staff"));
      }
      const courses = await app.prisma.course.findMany({
        where: { OR: [{ ownerId: me.id }, { enrollments: { some: { userId: me.id } } }] },
        include: { ...withOwner, enrollments: { where: { userId: me.id }, select: { role: true } } },
        orderBy: { createdAt: "desc" },
      });
      return courses.map((c) => {
        const staff = c.ownerId === me.id || (me.role !== "student" && c.enrollments[0]?.role === "instructor");
        return courseView(c, staff ? "staff" : "student");
      });
    },
  );

  app.get(
    "/api/courses/:id",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "One course (its staff and enrolled students)",
        security: SECURED,
        params: IdParams,
        response: { 200: CourseSchema, ...errorResponses("UNAUTHENTICATED", "NOT_FOUND") },
      },
    },
    async (request) => {
      const { course, access } = await viewCourse(app.prisma, userOf(request), request.params.id);
      const owner = await app.prisma.user.findUniqueOrThrow({
        where: { id: course.ownerId },
        select: { id: true, name: true, email: true },
      });
      return courseView({ ...course, owner }, access);
    },
  );

  app.patch(
    "/api/courses/:id",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Change a course's title, grade policy or archived state (its staff)",
        security: SECURED,
        params: IdParams,
        body: Type.Object({
          title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          gradePolicy: Type.Optional(GradePolicySchema),
          archived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: CourseSchema, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const { title, gradePolicy, archived } = request.body;
      const updated = await app.prisma.course.update({
        where: { id: course.id },
        data: {
          ...(title !== undefined ? { title: title.trim() } : {}),
          ...(gradePolicy !== undefined ? { gradePolicy } : {}),
          ...(archived !== undefined ? { archivedAt: archived ? (course.archivedAt ?? new Date()) : null } : {}),
        },
        include: withOwner,
      });
      return courseView(updated, "staff");
    },
  );

  app.post(
    "/api/courses/:id/join-code",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Replace the course's join code (its staff); the old code stops working",
        security: SECURED,
        params: IdParams,
        response: {
          200: Type.Object({ joinCode: Type.String() }),
          ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID"),
        },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      for (let attempt = 0; ; attempt++) {
        try {
          const updated = await app.prisma.course.update({ where: { id: course.id }, data: { joinCode: generateJoinCode() } });
          return { joinCode: updated.joinCode };
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= 5) throw err;
        }
      }
    },
  );

  app.get(
    "/api/courses/:id/enrollments",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "The roster (its staff)",
        security: SECURED,
        params: IdParams,
        response: { 200: Type.Array(RosterEntrySchema), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const rows = await app.prisma.enrollment.findMany({
        where: { courseId: course.id },
        include: { user: { select: { email: true, name: true } } },
        orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
      });
      return rows.map((e) => ({
        userId: e.userId,
        email: e.user.email,
        name: e.user.name,
        role: e.role,
        enrolledAt: iso(e.createdAt),
      }));
    },
  );

  app.post(
    "/api/courses/:id/enrollments",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Enrol an existing account by email (its staff): students as student, instructors as co-instructor",
        security: SECURED,
        params: IdParams,
        body: Type.Object({ email: Email, role: Type.Optional(CourseRoleSchema) }),
        response: {
          201: RosterEntrySchema,
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "ALREADY_ENROLLED", "CSRF_INVALID"),
        },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const user = await app.prisma.user.findUnique({ where: { email: normalizeEmail(request.body.email) } });
      if (!user) throw new AppError("NOT_FOUND", "No account has this email; an admin creates accounts, or students join with the code.");
      const role = request.body.role ?? (user.role === "student" ? "student" : "instructor");
      if ((role === "student") !== (user.role === "student")) {
        throw new AppError("VALIDATION", `A ${user.role} account cannot be enrolled as ${role}.`);
      }
      if (user.id === course.ownerId) throw new AppError("ALREADY_ENROLLED", "The owner already teaches this course.");
      try {
        const e = await app.prisma.enrollment.create({ data: { courseId: course.id, userId: user.id, role } });
        return reply.status(201).send({
          userId: user.id,
          email: user.email,
          name: user.name,
          role: e.role,
          enrolledAt: iso(e.createdAt),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError("ALREADY_ENROLLED");
        throw err;
      }
    },
  );

  app.delete(
    "/api/courses/:id/enrollments/:userId",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["courses"],
        summary: "Remove someone from the roster (its staff); their submissions are kept",
        security: SECURED,
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const { count } = await app.prisma.enrollment.deleteMany({
        where: { courseId: course.id, userId: request.params.userId },
      });
      if (count === 0) throw new AppError("NOT_FOUND", "This user is not enrolled.");
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/courses/join",
    {
      preHandler: async (request, reply) => {
        if (request.user === null) await limitSignup(request, reply);
      },
      schema: {
        tags: ["courses"],
        summary:
          "Join a course by its code: a logged-in student sends only joinCode; a newcomer also sends email, password and name to register (and is logged in)",
        body: JoinBody,
        response: {
          200: JoinReply,
          201: JoinReply,
          ...errorResponses("VALIDATION", "FORBIDDEN", "JOIN_CODE_INVALID", "EMAIL_TAKEN", "RATE_LIMITED", "CSRF_INVALID"),
        },
      },
    },
    async (request, reply) => {
      const course = await app.prisma.course.findUnique({ where: { joinCode: normalizeJoinCode(request.body.joinCode) } });
      if (!course || course.archivedAt !== null) throw new AppError("JOIN_CODE_INVALID");
      const me = request.user;
      if (me !== null) {
        if (me.role !== "student") {
          throw new AppError("FORBIDDEN", "Join codes are for students; instructors are added by the course's staff.");
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
      const user = await createUser(app.prisma, { email, password, name, role: "student", enrollIn: course.id });
      const session = await createSession(app.prisma, user.id, app.config.sessionTtlHours, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(app.config, request, session.expiresAt));
      return reply.status(201).send({ courseId: course.id, userId: user.id, csrfToken: csrfTokenFor(session.csrfSecret) });
    },
  );

  app.get(
    "/api/courses/:id/assignments",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["assignments"],
        summary: "The course's assignments (its staff and students)",
        security: SECURED,
        params: IdParams,
        response: { 200: Type.Array(AssignmentSchema), ...errorResponses("UNAUTHENTICATED", "NOT_FOUND") },
      },
    },
    async (request) => {
      const { course } = await viewCourse(app.prisma, userOf(request), request.params.id);
      const rows = await app.prisma.assignment.findMany({
        where: { courseId: course.id },
        include: { exercise: { select: { title: true } } },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      });
      return rows.map(assignmentView);
    },
  );

  app.post(
    "/api/courses/:id/assignments",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["assignments"],
        summary: "Assign a published exercise with open and due dates and a late policy (its staff)",
        security: SECURED,
        params: IdParams,
        body: Type.Object({ exerciseId: Type.String({ minLength: 1, maxLength: 300 }), ...AssignmentFields }),
        response: {
          201: AssignmentSchema,
          ...errorResponses(
            "VALIDATION",
            "UNAUTHENTICATED",
            "FORBIDDEN",
            "NOT_FOUND",
            "ASSIGNMENT_EXISTS",
            "EXERCISE_NOT_PUBLISHED",
            "CSRF_INVALID",
          ),
        },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const b = request.body;
      const exercise = await app.prisma.exercise.findUnique({ where: { id: b.exerciseId } });
      if (!exercise) throw new AppError("NOT_FOUND", `No exercise ${b.exerciseId}.`);
      if (exercise.publishedVersionId === null) throw new AppError("EXERCISE_NOT_PUBLISHED");
      const settings = {
        opensAt: parseDate(b.opensAt) ?? null,
        dueAt: parseDate(b.dueAt) ?? null,
        latePolicy: b.latePolicy ?? "none",
        latePenaltyPercent: b.latePenaltyPercent ?? 0,
      };
      checkAssignmentSettings(settings);
      try {
        const created = await app.prisma.assignment.create({
          data: {
            courseId: course.id,
            exerciseId: exercise.id,
            title: b.title ?? null,
            position: b.position ?? (await app.prisma.assignment.count({ where: { courseId: course.id } })),
            ...settings,
          },
          include: { exercise: { select: { title: true } } },
        });
        return reply.status(201).send(assignmentView(created));
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError("ASSIGNMENT_EXISTS");
        throw err;
      }
    },
  );

  app.patch(
    "/api/courses/:id/assignments/:assignmentId",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["assignments"],
        summary: "Change an assignment's title, position, dates or late policy (its staff)",
        security: SECURED,
        params: AssignmentParams,
        body: Type.Object(AssignmentFields),
        response: {
          200: AssignmentSchema,
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID"),
        },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const current = await app.prisma.assignment.findFirst({
        where: { id: request.params.assignmentId, courseId: course.id },
      });
      if (!current) throw new AppError("NOT_FOUND", "No such assignment in this course.");
      const b = request.body;
      const settings = {
        opensAt: parseDate(b.opensAt) === undefined ? current.opensAt : (parseDate(b.opensAt) ?? null),
        dueAt: parseDate(b.dueAt) === undefined ? current.dueAt : (parseDate(b.dueAt) ?? null),
        latePolicy: b.latePolicy ?? current.latePolicy,
        latePenaltyPercent: b.latePenaltyPercent ?? (b.latePolicy && b.latePolicy !== "percent_per_day" ? 0 : current.latePenaltyPercent),
      };
      checkAssignmentSettings(settings);
      const updated = await app.prisma.assignment.update({
        where: { id: current.id },
        data: {
          ...settings,
          ...(b.title !== undefined ? { title: b.title } : {}),
          ...(b.position !== undefined ? { position: b.position } : {}),
        },
        include: { exercise: { select: { title: true } } },
      });
      return assignmentView(updated);
    },
  );

  app.delete(
    "/api/courses/:id/assignments/:assignmentId",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["assignments"],
        summary: "Remove an assignment (its staff); its submissions are kept, unlinked",
        security: SECURED,
        params: AssignmentParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const { count } = await app.prisma.assignment.deleteMany({
        where: { id: request.params.assignmentId, courseId: course.id },
      });
      if (count === 0) throw new AppError("NOT_FOUND", "No such assignment in this course.");
      return reply.status(204).send(null);
    },
  );
};
