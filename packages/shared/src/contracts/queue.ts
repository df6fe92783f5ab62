// Payloads of the grading queues (pg-boss jobs) and of the submission-events NOTIFY channel.
import { Type, type Static } from "typebox";

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
