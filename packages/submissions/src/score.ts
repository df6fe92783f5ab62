// The score of a submission, computed here and nowhere else: the late penalty an assignment's
// policy takes off a submission made at a given time, the final score (points after the
// penalty) the grader stores, and the percentage a graded submission counts for. Pure: no
// database, so the web app may import it too (`@autograder/submissions/score`).

export type LatePolicy = "none" | "percent_per_day" | "no_credit_after_due";

export interface LateRules {
  /**
   * The effective due date for this student: the assignment's, or a per-student extension's.
   * The caller decides which; this module never looks either up.
   */
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

/** Points after the late penalty (never below 0): what Submission.finalScore holds. */
export function finalScore(score: number, penaltyPercent: number): number {
  return Math.max(0, score * (1 - penaltyPercent / 100));
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

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

/**
 * A graded submission's counted score. The stored finalScore (penalty fixed at submission
 * time) wins when set; a row without one (graded before finalScore existed) gets the penalty
 * from `rules`. Null when the submission has no score (not graded, or an error).
 */
export function countSubmission(s: GradedFacts, rules: LateRules): Counted | null {
  if (s.score === null || s.maxScore === null || s.maxScore <= 0) return null;
  const rawPercent = (100 * s.score) / s.maxScore;
  const penalty = s.finalScore !== null ? s.latePenaltyPercent : latePenaltyPercent(rules, s.createdAt);
  const points = s.finalScore ?? finalScore(s.score, penalty);
  return {
    submissionId: s.id,
    submittedAt: s.createdAt,
    rawPercent: round2(rawPercent),
    latePenaltyPercent: round2(penalty),
    percent: round2(Math.max(0, Math.min(100, (100 * points) / s.maxScore))),
  };
}
