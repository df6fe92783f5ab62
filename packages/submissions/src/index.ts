// The submissions model: the state machine (status.ts), the score (score.ts) and regrade runs
// (regrade.ts). Apps write Submission.status and scores only through these functions.
export * from "./status.ts";
export * from "./score.ts";
export * from "./regrade.ts";
