// Which graded submission counts for a student by the course's grade policy (best or last).
// What one submission counts for (late penalty included) is the submissions model's.
import type { GradePolicy } from "@autograder/db";
import type { Counted } from "@autograder/submissions/score";

export { countSubmission, round2, type Counted, type GradedFacts } from "@autograder/submissions/score";

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
