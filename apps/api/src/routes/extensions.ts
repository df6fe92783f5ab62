// Per-student extensions of an assignment (its staff): list, grant or change, remove; and a
// student's work on one assignment, for staff reviewing it. Granting or removing an extension
// counts the student's stored late penalties again from their new due date.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { PrismaClient } from "@autograder/db";
import { AppError, SubmissionListItem } from "@autograder/shared";
import { userOf, type AuthUser } from "../auth/context.ts";
import { manageCourse, readableStudent } from "../access/policy.ts";
import { repriceSubmits } from "../courses/extensions.ts";
import { ExtensionBody, ExtensionSchema } from "../courses/schemas.ts";
import { submissionSummary } from "../grading/submission-view.ts";
import { SECURED, Uuid, errorResponses, iso } from "../http/responses.ts";

const AssignmentParams = Type.Object({ id: Uuid, assignmentId: Uuid });
const StudentParams = Type.Object({ id: Uuid, assignmentId: Uuid, userId: Uuid });
const HISTORY_LIMIT = 200;

const withPeople = {
  user: { select: { email: true, name: true } },
  createdBy: { select: { id: true, name: true } },
} as const;

function extensionView(e: {
  assignmentId: string;
  userId: string;
  dueAt: Date;
  reason: string | null;
  createdAt: Date;
  user: { email: string; name: string };
  createdBy: { id: string; name: string };
}) {
  return {
    assignmentId: e.assignmentId,
    userId: e.userId,
    email: e.user.email,
    name: e.user.name,
    dueAt: iso(e.dueAt),
    reason: e.reason,
    createdBy: e.createdBy,
    createdAt: iso(e.createdAt),
  };
}

/** The assignment and the course, if `user` is the course's staff (FORBIDDEN for its students, NOT_FOUND otherwise). */
async function managedAssignment(prisma: PrismaClient, user: AuthUser, courseId: string, assignmentId: string) {
  const course = await manageCourse(prisma, user, courseId);
  const assignment = await prisma.assignment.findFirst({ where: { id: assignmentId, courseId: course.id } });
  if (!assignment) throw new AppError("NOT_FOUND", "No such assignment in this course.");
  return { course, assignment };
}

export const extensionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/courses/:id/assignments/:assignmentId/extensions",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["assignments"],
        summary: "The assignment's per-student extensions (its staff)",
        security: SECURED,
        params: AssignmentParams,
        response: { 200: Type.Array(ExtensionSchema), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const { assignment } = await managedAssignment(app.prisma, userOf(request), request.params.id, request.params.assignmentId);
      const rows = await app.prisma.assignmentExtension.findMany({
        where: { assignmentId: assignment.id },
        include: withPeople,
        orderBy: { user: { email: "asc" } },
      });
      return rows.map(extensionView);
    },
  );

  app.put(
    "/api/courses/:id/assignments/:assignmentId/extensions/:userId",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["assignments"],
        summary: "Give an enrolled student a later due date for this assignment, or change it (its staff); their late penalties are counted again from it",
        security: SECURED,
        params: StudentParams,
        body: ExtensionBody,
        response: {
          200: ExtensionSchema,
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID"),
        },
      },
    },
    async (request) => {
      const me = userOf(request);
      const { course, assignment } = await managedAssignment(app.prisma, me, request.params.id, request.params.assignmentId);
      const student = await readableStudent(app.prisma, me, { course, access: "staff" }, request.params.userId);
      const dueAt = new Date(request.body.dueAt);
      if (assignment.dueAt === null) throw new AppError("VALIDATION", "This assignment has no due date to extend; give it one first.");
      if (dueAt.getTime() <= assignment.dueAt.getTime()) {
        throw new AppError("VALIDATION", `An extension must end after the assignment's due date (${assignment.dueAt.toISOString()}).`);
      }
      const reason = request.body.reason?.trim() || null;
      const saved = await app.prisma.assignmentExtension.upsert({
        where: { assignmentId_userId: { assignmentId: assignment.id, userId: student.id } },
        create: { assignmentId: assignment.id, userId: student.id, dueAt, reason, createdById: me.id },
        update: { dueAt, reason, createdById: me.id },
        include: withPeople,
      });
      await repriceSubmits(app.prisma, assignment.id, student.id);
      return extensionView(saved);
    },
  );

  app.delete(
    "/api/courses/:id/assignments/:assignmentId/extensions/:userId",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["assignments"],
        summary: "Remove a student's extension (its staff); the assignment's due date applies to them again",
        security: SECURED,
        params: StudentParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const { assignment } = await managedAssignment(app.prisma, userOf(request), request.params.id, request.params.assignmentId);
      const { count } = await app.prisma.assignmentExtension.deleteMany({ where: { assignmentId: assignment.id, userId: request.params.userId } });
      if (count === 0) throw new AppError("NOT_FOUND", "This student has no extension on this assignment.");
      await repriceSubmits(app.prisma, assignment.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/courses/:id/assignments/:assignmentId/students/:userId/submissions",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary: "One student's submits to this assignment and runs of its exercise, with their code, newest first (course staff)",
        security: SECURED,
        params: StudentParams,
        response: {
          200: Type.Array(SubmissionListItem),
          ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
        },
      },
    },
    async (request) => {
      const me = userOf(request);
      const { course, assignment } = await managedAssignment(app.prisma, me, request.params.id, request.params.assignmentId);
      const student = await readableStudent(app.prisma, me, { course, access: "staff" }, request.params.userId);
      const rows = await app.prisma.submission.findMany({
        where: {
          userId: student.id,
          OR: [{ assignmentId: assignment.id }, { kind: "run", assignmentId: null, exerciseId: assignment.exerciseId }],
        },
        orderBy: { createdAt: "desc" },
        take: HISTORY_LIMIT,
      });
      return rows.map((s) => ({ ...submissionSummary(s), code: s.code }));
    },
  );
};
