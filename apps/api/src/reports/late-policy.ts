// The late policy lives in the submissions model (one score function for API and grader);
// re-exported here for the report modules. Pass the effective due date (an extension's when
// the student has one) as `rules.dueAt`.
export { daysLate, latePenaltyPercent, type LateRules } from "@autograder/submissions/score";
