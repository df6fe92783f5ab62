// The percentage an assignment's late policy takes off a submission made at a given time.
import type { LatePolicy } from "@autograder/db";

export interface LateRules {
  dueAt: Date | null;
  latePolicy: LatePolicy;
  latePenaltyPercent: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Started days past the due date (0 when on time or without a due date). */
export function daysLate(rules: Pick<LateRules, "dueAt">, submittedAt: Date): number {
  if (rules.dueAt === null) return 0;
  const late = submittedAt.getTime() - rules.dueAt.getTime();
  return late <= 0 ? 0 : Math.ceil(late / DAY_MS);
}

/** 0..100: none -> 0; percent_per_day -> percent x started days late (capped); no credit -> 100 when late. */
export function latePenaltyPercent(rules: LateRules, submittedAt: Date): number {
  const days = daysLate(rules, submittedAt);
  if (days === 0) return 0;
  switch (rules.latePolicy) {
    case "none":
      return 0;
    case "percent_per_day":
      return Math.min(100, days * rules.latePenaltyPercent);
    case "no_credit_after_due":
      return 100;
  }
}
