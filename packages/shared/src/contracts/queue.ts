// Payloads of the grading queues (pg-boss jobs) and of the submission-events NOTIFY channel.
import { Type, type Static } from "typebox";

export const GradingJob = Type.Object({ submissionId: Type.String({ format: "uuid" }) });
export type GradingJob = Static<typeof GradingJob>;

export const ValidationJob = Type.Object({ versionId: Type.String({ format: "uuid" }) });
export type ValidationJob = Static<typeof ValidationJob>;

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
