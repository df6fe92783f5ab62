// What a graded submission counts for (a percentage after the late penalty), and which one
// counts for a student by the course's grade policy (best or last).
import type { GradePolicy } from "@autograder/db";
import { type LateRules, latePenaltyPercent } from "./late-policy.ts";

export interface GradedFacts {
  id: string;
  createdAt: Date;
  score: number | null;
  maxScore: number | null;
  finalScore: number | null;
  latePenaltyPercent: number;
}

export interface Counted {
  submissionId: string;
  submittedAt: Date;
  /** 0..100 before the late penalty. */
  rawPercent: number;
  /** Percentage points of the raw score removed by the late policy. */
  latePenaltyPercent: number;
  /** 0..100 after the late penalty: what the gradebook shows. */
  percent: number;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * A graded submission's counted score. The grader's finalScore (points, penalty applied at
 * grading) wins when set; otherwise the penalty is computed here from the assignment's rules.
 * Null when the submission has no score (not graded, or an error).
 */
export function countSubmission(s: GradedFacts, rules: LateRules): Counted | null {
  if (s.score === null || s.maxScore === null || s.maxScore <= 0) return null;
  const rawPercent = (100 * s.score) / s.maxScore;
  let penalty: number;
  let percent: number;
  if (s.finalScore !== null) {
    penalty = s.latePenaltyPercent;
    percent = (100 * s.finalScore) / s.maxScore;
  } else {
    penalty = latePenaltyPercent(rules, s.createdAt);
    percent = rawPercent * (1 - penalty / 100);
  }
  return {
    submissionId: s.id,
    submittedAt: s.createdAt,
    rawPercent: round2(rawPercent),
    latePenaltyPercent: round2(penalty),
    percent: round2(Math.max(0, Math.min(100, percent))),
  };
}

/** The counted result under the grade policy: the highest, or the most recent graded one. */
export function pickCounted(all: Counted[], policy: GradePolicy): Counted | null {
  let chosen: Counted | null = null;
  for (const c of all) {
    if (chosen === null) chosen = c;
    else if (policy === "best" ? c.percent > chosen.percent : c.submittedAt.getTime() > chosen.submittedAt.getTime()) {
      chosen = c;
    }
  }
  return chosen;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
