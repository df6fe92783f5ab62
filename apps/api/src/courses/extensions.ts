// Per-student extensions and assignment points: the student's effective due date (an
// extension wins over the assignment's), the late penalty counted from it, and a percentage
// scaled to what the assignment is worth. Pure functions, plus the two queries that feed them.
import type { PrismaClient } from "@autograder/db";
import { type LateRules, latePenaltyPercent } from "../reports/late-policy.ts";

/** The due date that applies to one student: their extension's, else the assignment's. */
export function effectiveDueAt(assignmentDueAt: Date | null, extensionDueAt: Date | null | undefined): Date | null {
  return extensionDueAt ?? assignmentDueAt;
}

/** The assignment's late rules with the student's effective due date. */
export function rulesFor<R extends LateRules>(rules: R, extensionDueAt: Date | null | undefined): R {
  return extensionDueAt ? { ...rules, dueAt: effectiveDueAt(rules.dueAt, extensionDueAt) } : rules;
}

/** Percentage removed from a submission made at `submittedAt` under the student's rules. */
export function studentPenalty(rules: LateRules, extensionDueAt: Date | null | undefined, submittedAt: Date): number {
  return latePenaltyPercent(rulesFor(rules, extensionDueAt), submittedAt);
}

/** A 0..100 percentage as points of an assignment worth `points` (two decimals). */
export function toPoints(percent: number | null, points: number): number | null {
  return percent === null ? null : Math.round(percent * points) / 100;
}

/**
 * A student's total in percent, each assignment weighted by its points (an ungraded one
 * counts 0). With every assignment at the same points this is the plain mean.
 */
export function weightedTotal(cells: Array<{ percent: number | null; points: number }>): number {
  const max = cells.reduce((sum, c) => sum + c.points, 0);
  if (max <= 0) return 0;
  const earned = cells.reduce((sum, c) => sum + ((c.percent ?? 0) * c.points) / 100, 0);
  return Math.round((10_000 * earned) / max) / 100;
}

/** The stored score after a penalty, as the grader computes it (grade-submission.ts). */
export function finalScoreAfter(score: number | null, penaltyPercent: number): number | null {
  return score === null ? null : Math.max(0, score * (1 - penaltyPercent / 100));
}

/** Extensions of the given assignments, keyed `${userId}:${assignmentId}`. */
export async function loadExtensionDates(prisma: PrismaClient, assignmentIds: string[], userIds?: string[]): Promise<Map<string, Date>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await prisma.assignmentExtension.findMany({
    where: { assignmentId: { in: assignmentIds }, ...(userIds ? { userId: { in: userIds } } : {}) },
    select: { assignmentId: true, userId: true, dueAt: true },
  });
  return new Map(rows.map((r) => [`${r.userId}:${r.assignmentId}`, r.dueAt]));
}

/**
 * Re-applies the late policy to a student's submits on an assignment after their extension
 * changed: the penalty stored on each submit (fixed when it was made) is counted again from
 * the new effective due date, and a graded one's finalScore follows. Returns how many changed.
 */
export async function repriceSubmits(prisma: PrismaClient, assignmentId: string, userId: string): Promise<number> {
  const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  const extension = await prisma.assignmentExtension.findUnique({ where: { assignmentId_userId: { assignmentId, userId } } });
  const submits = await prisma.submission.findMany({
    where: { assignmentId, userId, kind: "submit" },
    select: { id: true, createdAt: true, score: true, status: true, latePenaltyPercent: true },
  });
  let changed = 0;
  for (const s of submits) {
    const penalty = studentPenalty(assignment, extension?.dueAt, s.createdAt);
    if (penalty === s.latePenaltyPercent) continue;
    await prisma.submission.update({
      where: { id: s.id },
      data: { latePenaltyPercent: penalty, ...(s.status === "graded" ? { finalScore: finalScoreAfter(s.score, penalty) } : {}) },
    });
    changed++;
  }
  return changed;
}
