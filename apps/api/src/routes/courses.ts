// Courses, their rosters and assignments (joining and invitations: routes/enrolment.ts).
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Course, Prisma } from "@autograder/db";
import { AppError, EXERCISE_ID_MAX_LENGTH, TITLE_MAX_LENGTH } from "@autograder/shared";
import { userOf } from "../auth/context.ts";
import { isUniqueViolation } from "../auth/users.ts";
import { type CourseAccess, accessByEnrollment, manageCourse, viewCourse } from "../access/policy.ts";
import { assignmentView, checkAssignmentSettings, parseDate } from "../courses/assignments.ts";
import { generateJoinCode } from "../courses/join-code.ts";
import {
  AssignmentFields,
  AssignmentSchema,
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

export const courseRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
          title: Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH }),
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
      return courses.map((c) => courseView(c, accessByEnrollment(me, c, c.enrollments[0]?.role ?? null) ?? "student"));
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
          title: Type.Optional(Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH })),
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
      const me = userOf(request);
      const { course, access } = await viewCourse(app.prisma, me, request.params.id);
      const rows = await app.prisma.assignment.findMany({
        where: { courseId: course.id },
        include: { exercise: { select: { title: true } }, ...(access === "student" ? { extensions: { where: { userId: me.id }, select: { dueAt: true } } } : {}) },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      });
      return rows.map((a) => assignmentView(a, ("extensions" in a ? a.extensions[0]?.dueAt : undefined) ?? null));
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
        body: Type.Object({ exerciseId: Type.String({ minLength: 1, maxLength: EXERCISE_ID_MAX_LENGTH }), ...AssignmentFields }),
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
            ...(b.points !== undefined ? { points: b.points } : {}),
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
        summary: "Change an assignment's title, position, dates, late policy or points (its staff)",
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
          ...(b.points !== undefined ? { points: b.points } : {}),
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
