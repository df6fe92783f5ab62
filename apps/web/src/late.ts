// The sentence that explains a late penalty next to a score. The API stores the penalty it
// applied (latePenaltyPercent, fixed when the submission was made); the assignment's rules
// and the submission time say why.
import type { AssignmentInfo } from "./api-types.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export type LateRules = Pick<AssignmentInfo, "dueAt" | "latePolicy" | "latePenaltyPercent">;

export function latePolicyText(a: Pick<AssignmentInfo, "latePolicy" | "latePenaltyPercent">): string {
  if (a.latePolicy === "percent_per_day") return `${a.latePenaltyPercent}% off per day late`;
  if (a.latePolicy === "no_credit_after_due") return "no credit after the due date";
  return "late work accepted";
}

/** Started days past the due date, as the API counts them (apps/api/src/reports/late-policy.ts). */
export function daysLate(dueAt: string | null, submittedAt: string): number {
  if (dueAt === null) return 0;
  const late = Date.parse(submittedAt) - Date.parse(dueAt);
  return Number.isFinite(late) && late > 0 ? Math.ceil(late / DAY_MS) : 0;
}

/**
 * "-40%: 2 days late, 20% a day", "No credit: submitted after the due date", or null when no
 * penalty applied. Without the rules (or when they changed since) only the percentage is known.
 */
export function latePenaltyText(penaltyPercent: number, submittedAt: string | null, rules: LateRules | null): string | null {
  if (!(penaltyPercent > 0)) return null;
  const fallback = `-${penaltyPercent}%: late penalty`;
  if (rules === null || submittedAt === null) return fallback;
  const days = daysLate(rules.dueAt, submittedAt);
  if (days === 0) return fallback;
  if (rules.latePolicy === "no_credit_after_due") return "No credit: submitted after the due date";
  if (rules.latePolicy === "percent_per_day" && rules.latePenaltyPercent > 0) {
    return `-${penaltyPercent}%: ${days} day${days === 1 ? "" : "s"} late, ${rules.latePenaltyPercent}% a day`;
  }
  return fallback;
}
