// Payloads of the grading queues (pg-boss jobs) and of the submission-events NOTIFY channel.
import { Type, type Static } from "typebox";
import { CustomRunResult } from "../custom-run.ts";
import { GradeReport } from "./report.ts";

export const GradingJob = Type.Object({ submissionId: Type.String({ format: "uuid" }) });
export type GradingJob = Static<typeof GradingJob>;

export const ValidationJob = Type.Object({ versionId: Type.String({ format: "uuid" }) });
export type ValidationJob = Static<typeof ValidationJob>;

/** A regrade run to carry out: reset and queue its submissions (packages/submissions regrade.ts). */
export const RegradeJob = Type.Object({ runId: Type.String({ format: "uuid" }) });
export type RegradeJob = Static<typeof RegradeJob>;

export const SubmissionEvent = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  status: Type.Union([Type.Literal("queued"), Type.Literal("running"), Type.Literal("graded"), Type.Literal("error")]),
});
export type SubmissionEvent = Static<typeof SubmissionEvent>;

/** LTI grade passback: send one student's counted score on one assignment to the LMS. */
export const LtiScoreSyncJob = Type.Object({ assignmentId: Type.String({ format: "uuid" }), userId: Type.String({ format: "uuid" }) });
export type LtiScoreSyncJob = Static<typeof LtiScoreSyncJob>;

/** LTI roster: fetch a context's members from the LMS (NRPS). */
export const LtiRosterSyncJob = Type.Object({ ltiContextId: Type.String({ format: "uuid" }) });
export type LtiRosterSyncJob = Static<typeof LtiRosterSyncJob>;
/**
 * A custom run (one export on typed arguments) or a replay (one visible test on one schedule
 * seed): not a submission, no grade; request and result live in the pg-boss job only.
 */
export const CustomRunJob = Type.Union([
  Type.Object({
    kind: Type.Literal("call"),
    userId: Type.String({ format: "uuid" }),
    exerciseVersionId: Type.String({ format: "uuid" }),
    code: Type.String({ maxLength: 65_536 }),
    exportName: Type.String({ maxLength: 100 }),
    args: Type.String({ maxLength: 16_384 }),
  }),
  Type.Object({
    kind: Type.Literal("replay"),
    userId: Type.String({ format: "uuid" }),
    exerciseVersionId: Type.String({ format: "uuid" }),
    code: Type.String({ maxLength: 65_536 }),
    test: Type.String({ maxLength: 300 }),
    seed: Type.String({ maxLength: 40 }),
  }),
]);
export type CustomRunJob = Static<typeof CustomRunJob>;

/** What the grader stores as a custom-run job's output. */
export const CustomRunOutput = Type.Union([
  Type.Object({ kind: Type.Literal("call"), result: CustomRunResult }),
  Type.Object({ kind: Type.Literal("replay"), report: GradeReport }),
]);
export type CustomRunOutput = Static<typeof CustomRunOutput>;
