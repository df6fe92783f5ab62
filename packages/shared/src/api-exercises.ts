// Request and response shapes of the exercise and submission routes: TypeBox schemas the API
// validates with, and the static types the web app uses. One definition for both sides.
import { Type, type Static } from "typebox";
import { VERDICTS, type Verdict } from "./grading.ts";
import { EXERCISE_ID_MAX_LENGTH, EXERCISE_ID_MIN_LENGTH, MAX_CODE_BYTES } from "./limits.ts";

export const ExerciseIdParams = Type.Object({ id: Type.String({ minLength: EXERCISE_ID_MIN_LENGTH, maxLength: EXERCISE_ID_MAX_LENGTH, pattern: "^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)+$" }) });

export const ExerciseSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  family: Type.String(),
  difficulty: Type.String(),
  tags: Type.Array(Type.String()),
  /** Whether a published version exists (only published exercises can be assigned). */
  published: Type.Optional(Type.Boolean()),
});
export type ExerciseSummary = Static<typeof ExerciseSummary>;

export const ExerciseDetail = Type.Object({
  ...ExerciseSummary.properties,
  versionId: Type.String(),
  statement: Type.String({ description: "README.md, markdown" }),
  starter: Type.String(),
  exports: Type.Array(Type.String()),
  tests: Type.Array(Type.Object({ name: Type.String(), hidden: Type.Boolean(), weight: Type.Number() })),
  declarations: Type.Record(Type.String(), Type.String(), { description: "module name -> d.ts text of the platform modules this exercise may import" }),
});
export type ExerciseDetail = Static<typeof ExerciseDetail>;

export const CodeBody = Type.Object({ code: Type.String({ maxLength: MAX_CODE_BYTES }) });
export const SubmitBody = Type.Object({ code: Type.String({ maxLength: MAX_CODE_BYTES }), assignmentId: Type.Optional(Type.String({ format: "uuid" })) });
export const Created = Type.Object({ id: Type.String() });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TestResultView = Type.Object({
  name: Type.String(),
  hidden: Type.Boolean(),
  passed: Type.Boolean(),
  points: Type.Number(),
  maxPoints: Type.Number(),
  message: Type.String(),
  durationMs: Type.Number(),
  verdict: Type.Optional(Type.String()),
  details: Type.Optional(Type.Unknown()),
});

export const SubmissionView = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  userId: Type.String(),
  assignmentId: Nullable(Type.String()),
  kind: Type.Union([Type.Literal("run"), Type.Literal("submit")]),
  status: Type.Union([Type.Literal("queued"), Type.Literal("running"), Type.Literal("graded"), Type.Literal("error")]),
  verdict: Type.Unsafe<Verdict | null>({ anyOf: [{ type: "string", enum: [...VERDICTS] }, { type: "null" }] }),
  score: Nullable(Type.Number()),
  maxScore: Nullable(Type.Number()),
  latePenaltyPercent: Type.Number(),
  finalScore: Nullable(Type.Number()),
  createdAt: Type.String({ format: "date-time" }),
  gradedAt: Nullable(Type.String({ format: "date-time" })),
  /** Present once graded (or failed): the grader's report. */
  report: Nullable(
    Type.Object({
      exerciseId: Type.String(),
      status: Type.String(),
      score: Type.Number(),
      maxScore: Type.Number(),
      /** Set when grading failed on our side (status `error`): a code of the error catalog. */
      code: Type.Optional(Type.String()),
      message: Type.Optional(Type.String()),
      compileError: Type.Optional(Type.Object({ message: Type.String(), line: Type.Number(), column: Type.Number() })),
      stdout: Type.String(),
      durationMs: Type.Number(),
      tests: Type.Array(TestResultView),
    }),
  ),
});
export type SubmissionView = Static<typeof SubmissionView>;

export const SubmissionListItem = Type.Object({
  ...Type.Omit(SubmissionView, ["report"]).properties,
  code: Type.String(),
});
export type SubmissionListItem = Static<typeof SubmissionListItem>;
