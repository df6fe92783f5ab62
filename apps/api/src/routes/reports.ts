// Grade reports: gradebook (JSON and CSV), student progress and timeline, per-exercise
// analytics, and the CSV of all submissions of a course.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError } from "@autograder/shared";
import { userOf } from "../auth/context.ts";
import { manageCourse, readableStudent, viewCourse } from "../access/policy.ts";
import { IdParams, SECURED, Uuid, errorResponses } from "../http/responses.ts";
import { exerciseAnalytics } from "../reports/analytics.ts";
import { loadAssignments } from "../reports/course-data.ts";
import { buildGradebook, gradebookCsv } from "../reports/gradebook.ts";
import { courseProgress } from "../reports/progress.ts";
import { latestSubmissions } from "../reports/latest.ts";
import { AnalyticsSchema, CourseProgressSchema, GradebookSchema, LatestSubmissionsSchema, TimelineSchema } from "../reports/schemas.ts";
import { submissionsCsv } from "../reports/submissions-export.ts";
import { studentTimeline } from "../reports/timeline.ts";

const StudentParams = Type.Object({ id: Uuid, userId: Uuid });
const AssignmentParams = Type.Object({ id: Uuid, assignmentId: Uuid });
const CSV_TYPE = "text/csv; charset=utf-8";

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^A-Za-z0-9._-]+/g, "-")}"`;
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/courses/:id/gradebook",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary:
          "The gradebook (course staff): a row per student, a score (0-100, late penalty applied) per assignment by the course's best/last policy; ?format=csv for CSV",
        security: SECURED,
        params: IdParams,
        querystring: Type.Object({ format: Type.Union([Type.Literal("json"), Type.Literal("csv")], { default: "json" }) }),
        response: {
          200: {
            description: "JSON by default; CSV (email, name, one column per assignment, total) with ?format=csv",
            content: { "application/json": { schema: GradebookSchema }, "text/csv": { schema: Type.String() } },
          },
          ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
        },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const book = await buildGradebook(app.prisma, course);
      if (request.query.format === "csv") {
        return reply
          .type(CSV_TYPE)
          .header("content-disposition", attachment(`gradebook-${course.title}.csv`))
          .send(gradebookCsv(book));
      }
      return reply.type("application/json").send(book);
    },
  );

  app.get(
    "/api/courses/:id/submissions/export",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary: "CSV of every run and submit made to the course's assignments (course staff)",
        security: SECURED,
        params: IdParams,
        response: {
          200: { description: "CSV, one row per submission", content: { "text/csv": { schema: Type.String() } } },
          ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
        },
      },
    },
    async (request, reply) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      return reply
        .type(CSV_TYPE)
        .header("content-disposition", attachment(`submissions-${course.title}.csv`))
        .send(await submissionsCsv(app.prisma, course.id));
    },
  );

  app.get(
    "/api/me/progress",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary: "The caller's progress over each course they are enrolled in as a student",
        security: SECURED,
        response: { 200: Type.Array(CourseProgressSchema), ...errorResponses("UNAUTHENTICATED") },
      },
    },
    async (request) => {
      const me = userOf(request);
      const enrollments = await app.prisma.enrollment.findMany({
        where: { userId: me.id, role: "student" },
        include: { course: true },
        orderBy: { createdAt: "asc" },
      });
      const out = [];
      for (const e of enrollments) out.push(await courseProgress(app.prisma, e.course, me.id));
      return out;
    },
  );

  app.get(
    "/api/courses/:id/students/:userId/progress",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary: "One student's progress in a course (course staff, or the student themself)",
        security: SECURED,
        params: StudentParams,
        response: { 200: CourseProgressSchema, ...errorResponses("UNAUTHENTICATED", "NOT_FOUND") },
      },
    },
    async (request) => {
      const me = userOf(request);
      const view = await viewCourse(app.prisma, me, request.params.id);
      const student = await readableStudent(app.prisma, me, view, request.params.userId);
      return courseProgress(app.prisma, view.course, student.id);
    },
  );

  app.get(
    "/api/courses/:id/students/:userId/timeline",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary: "One student's runs and submits on the course's exercises, oldest first (course staff, or the student themself)",
        security: SECURED,
        params: StudentParams,
        response: { 200: TimelineSchema, ...errorResponses("UNAUTHENTICATED", "NOT_FOUND") },
      },
    },
    async (request) => {
      const me = userOf(request);
      const view = await viewCourse(app.prisma, me, request.params.id);
      const student = await readableStudent(app.prisma, me, view, request.params.userId);
      return studentTimeline(app.prisma, view.course.id, student.id);
    },
  );

  app.get(
    "/api/courses/:id/assignments/:assignmentId/analytics",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary:
          "Per-exercise analytics of an assignment (course staff): score distribution, pass rate per test, hidden tests failed most, median attempts and time to solve",
        security: SECURED,
        params: AssignmentParams,
        response: { 200: AnalyticsSchema, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      const assignment = (await loadAssignments(app.prisma, course.id)).find((a) => a.id === request.params.assignmentId);
      if (!assignment) throw new AppError("NOT_FOUND", "No such assignment in this course.");
      return exerciseAnalytics(app.prisma, course, assignment);
    },
  );

  app.get(
    "/api/courses/:id/latest-submissions",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["reports"],
        summary:
          "Each enrolled student's latest submit per assignment (course staff): its state, verdict and score (0-100, late penalty applied), and how many submits they made",
        security: SECURED,
        params: IdParams,
        response: { 200: LatestSubmissionsSchema, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") },
      },
    },
    async (request) => {
      const course = await manageCourse(app.prisma, userOf(request), request.params.id);
      return latestSubmissions(app.prisma, course.id);
    },
  );
};
