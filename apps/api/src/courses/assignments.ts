// Rules of an assignment's dates and late policy, and its public shape.
import type { Assignment, LatePolicy } from "@autograder/db";
import { AppError } from "@autograder/shared";
import { iso } from "../http/responses.ts";

export interface AssignmentSettings {
  opensAt: Date | null;
  dueAt: Date | null;
  latePolicy: LatePolicy;
  latePenaltyPercent: number;
}

/** VALIDATION unless the dates and the late policy make sense together. */
export function checkAssignmentSettings(s: AssignmentSettings): void {
  if (s.opensAt && s.dueAt && s.dueAt.getTime() <= s.opensAt.getTime()) {
    throw new AppError("VALIDATION", "dueAt must be after opensAt.");
  }
  if (s.latePolicy !== "none" && s.dueAt === null) {
    throw new AppError("VALIDATION", `A late policy of ${s.latePolicy} needs a dueAt.`);
  }
  if (s.latePolicy === "percent_per_day" && s.latePenaltyPercent <= 0) {
    throw new AppError("VALIDATION", "percent_per_day needs latePenaltyPercent between 1 and 100.");
  }
  if (s.latePolicy !== "percent_per_day" && s.latePenaltyPercent !== 0) {
    throw new AppError("VALIDATION", "latePenaltyPercent applies only to the percent_per_day late policy.");
  }
}

export function parseDate(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : new Date(value);
}

/** `extendedDueAt`: the caller's own extension (students), else null. */
export function assignmentView(a: Assignment & { exercise: { title: string } }, extendedDueAt: Date | null = null) {
  return {
    id: a.id,
    courseId: a.courseId,
    exerciseId: a.exerciseId,
    title: a.title ?? a.exercise.title,
    position: a.position,
    opensAt: iso(a.opensAt),
    dueAt: iso(a.dueAt),
    latePolicy: a.latePolicy,
    latePenaltyPercent: a.latePenaltyPercent,
    points: a.points,
    extendedDueAt: iso(extendedDueAt),
    createdAt: iso(a.createdAt),
  };
}
