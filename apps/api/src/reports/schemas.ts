// Schemas of the report routes' answers.
import { Type } from "typebox";
import { GradePolicySchema, LatePolicySchema } from "../courses/schemas.ts";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const SubmissionStatusSchema = Type.Union([Type.Literal("queued"), Type.Literal("running"), Type.Literal("graded"), Type.Literal("error")]);
const CourseRef = Type.Object({ id: Type.String(), title: Type.String(), gradePolicy: GradePolicySchema });

export const GradebookSchema = Type.Object({
  course: CourseRef,
  assignments: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      exerciseId: Type.String(),
      dueAt: Nullable(Type.String({ format: "date-time" })),
      latePolicy: LatePolicySchema,
      latePenaltyPercent: Type.Number(),
      inLms: Type.Boolean(),
      points: Type.Number(),
    }),
  ),
  lmsLinked: Type.Boolean(),
  students: Type.Array(
    Type.Object({
      userId: Type.String(),
      email: Type.String(),
      name: Type.String(),
      cells: Type.Array(
        Type.Object({
          assignmentId: Type.String(),
          score: Nullable(Type.Number()),
          rawScore: Nullable(Type.Number()),
          points: Nullable(Type.Number()),
          extendedDueAt: Nullable(Type.String({ format: "date-time" })),
          latePenaltyPercent: Type.Number(),
          attempts: Type.Integer(),
          submissionId: Nullable(Type.String()),
          submittedAt: Nullable(Type.String({ format: "date-time" })),
          lmsSync: Nullable(
            Type.Object({
              status: Type.Union([Type.Literal("pending"), Type.Literal("synced"), Type.Literal("failed")]),
              attempts: Type.Integer(),
              requestedAt: Type.String({ format: "date-time" }),
              syncedAt: Nullable(Type.String({ format: "date-time" })),
              lastError: Nullable(Type.String()),
              lastErrorCode: Nullable(Type.String()),
            }),
          ),
        }),
      ),
      total: Type.Number(),
      totalPoints: Type.Number(),
    }),
  ),
});

export const CourseProgressSchema = Type.Object({
  course: CourseRef,
  assignments: Type.Array(
    Type.Object({
      assignmentId: Type.String(),
      exerciseId: Type.String(),
      title: Type.String(),
      opensAt: Nullable(Type.String({ format: "date-time" })),
      dueAt: Nullable(Type.String({ format: "date-time" })),
      extendedDueAt: Nullable(Type.String({ format: "date-time" })),
      points: Type.Number(),
      pointsEarned: Nullable(Type.Number()),
      latePolicy: LatePolicySchema,
      score: Nullable(Type.Number()),
      bestScore: Nullable(Type.Number()),
      latePenaltyPercent: Type.Number(),
      attempts: Type.Integer(),
      lastSubmission: Nullable(
        Type.Object({
          id: Type.String(),
          createdAt: Type.String({ format: "date-time" }),
          status: SubmissionStatusSchema,
          verdict: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  total: Type.Number(),
});

export const TimelineSchema = Type.Array(
  Type.Object({
    id: Type.String(),
    kind: Type.Union([Type.Literal("run"), Type.Literal("submit")]),
    exerciseId: Type.String(),
    assignmentId: Nullable(Type.String()),
    status: SubmissionStatusSchema,
    verdict: Nullable(Type.String()),
    score: Nullable(Type.Number()),
    maxScore: Nullable(Type.Number()),
    latePenaltyPercent: Type.Number(),
    finalScore: Nullable(Type.Number()),
    testsPassed: Type.Integer(),
    testsTotal: Type.Integer(),
    createdAt: Type.String({ format: "date-time" }),
    gradedAt: Nullable(Type.String({ format: "date-time" })),
  }),
);

export const AnalyticsSchema = Type.Object({
  assignmentId: Type.String(),
  exerciseId: Type.String(),
  students: Type.Integer(),
  studentsSubmitted: Type.Integer(),
  studentsSolved: Type.Integer(),
  scoreDistribution: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), count: Type.Integer() })),
  passRateByTest: Type.Array(
    Type.Object({
      name: Type.String(),
      hidden: Type.Boolean(),
      runs: Type.Integer(),
      passed: Type.Integer(),
      passRate: Type.Number(),
    }),
  ),
  hiddenTestsFailedMost: Type.Array(Type.Object({ name: Type.String(), failed: Type.Integer(), runs: Type.Integer() })),
  medianAttempts: Nullable(Type.Number()),
  medianAttemptsToSolve: Nullable(Type.Number()),
  medianSecondsToSolve: Nullable(Type.Number()),
});

export const LatestSubmissionsSchema = Type.Array(
  Type.Object({
    userId: Type.String(),
    assignmentId: Type.String(),
    submissionId: Type.String(),
    submittedAt: Type.String({ format: "date-time" }),
    status: SubmissionStatusSchema,
    verdict: Nullable(Type.String()),
    score: Nullable(Type.Number()),
    attempts: Type.Integer(),
  }),
);
