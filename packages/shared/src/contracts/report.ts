// The grader's report (GradeReport, made in the sandbox) and what of it is stored in JSON
// columns: Submission.report and TestResult.details.
import { Type, type Static } from "typebox";
import { ERRORS, type ErrorCode } from "../errors.ts";
import { VERDICTS, type GradeReport as GradeReportType, type TestDetails as TestDetailsType, type TestReport as TestReportType } from "../grading.ts";

export const Verdict = Type.Enum(VERDICTS);

const CompileError = Type.Object({ message: Type.String(), line: Type.Number(), column: Type.Number() });

export const TestDetails = Type.Object({
  input: Type.Optional(Type.Unknown()),
  expected: Type.Optional(Type.Unknown()),
  actual: Type.Optional(Type.Unknown()),
  diff: Type.Optional(Type.String()),
  visualization: Type.Optional(Type.Object({ kind: Type.Union([Type.Literal("sorting"), Type.Literal("network"), Type.Literal("schedule")]), data: Type.Unknown() })),
  /** The judge passes scenario seeds on as text (a network or threading scenario's seed). */
  seed: Type.Optional(Type.Union([Type.Number(), Type.String()])),
});

export const TestReport = Type.Object({
  name: Type.String(),
  hidden: Type.Boolean(),
  passed: Type.Boolean(),
  points: Type.Number(),
  maxPoints: Type.Number(),
  message: Type.String(),
  durationMs: Type.Number(),
  verdict: Type.Optional(Verdict),
  details: Type.Optional(TestDetails),
});

export const GradeReport = Type.Object({
  exerciseId: Type.String(),
  status: Verdict,
  score: Type.Number(),
  maxScore: Type.Number(),
  durationMs: Type.Number(),
  tests: Type.Array(TestReport),
  stdout: Type.String(),
  compileError: Type.Optional(CompileError),
  message: Type.Optional(Type.String()),
});

/** Submission.report of a graded submission: the run-wide parts of the GradeReport. */
export const StoredGradedReport = Type.Object({
  message: Type.Union([Type.String(), Type.Null()]),
  compileError: Type.Union([CompileError, Type.Null()]),
  durationMs: Type.Number(),
});

/** Submission.report of a submission that failed on our side: a code of the error catalog. */
export const StoredFailure = Type.Object({
  code: Type.Enum(Object.keys(ERRORS) as ErrorCode[]),
  message: Type.String(),
});

export const StoredReport = Type.Union([StoredGradedReport, StoredFailure]);
export type StoredReport = Static<typeof StoredReport>;

/** TestResult.details of a visible test: its TestDetails plus the test's verdict. */
export const StoredTestDetails = Type.Object({ ...TestDetails.properties, verdict: Type.Optional(Verdict) });
export type StoredTestDetails = Static<typeof StoredTestDetails>;

// The interfaces in grading.ts (documented, used everywhere) and these schemas must agree;
// compilation fails when one changes without the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [Same<Static<typeof GradeReport>, GradeReportType>, Same<Static<typeof TestReport>, TestReportType>, Same<Static<typeof TestDetails>, TestDetailsType>] = [true, true, true];
void agree;
