// Schemas of courses, rosters and assignments as the API shows them.
import { Type } from "typebox";
import { ASSIGNMENT_POINTS_MAX, ASSIGNMENT_TITLE_MAX, EXTENSION_REASON_MAX, LATE_PENALTY_PERCENT_MAX } from "@autograder/shared";
import { DateTime, InputDateTime, NullableDateTime, NullableInputDateTime } from "../http/responses.ts";

export const GradePolicySchema = Type.Union([Type.Literal("best"), Type.Literal("last")]);
export const LatePolicySchema = Type.Union([
  Type.Literal("none"),
  Type.Literal("percent_per_day"),
  Type.Literal("no_credit_after_due"),
]);
export const CourseRoleSchema = Type.Union([Type.Literal("instructor"), Type.Literal("student")]);
export const AccessSchema = Type.Union([Type.Literal("staff"), Type.Literal("student")]);

export const CourseSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  gradePolicy: GradePolicySchema,
  owner: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
  /** Only the course's staff see the join code; null for students. */
  joinCode: Type.Union([Type.String(), Type.Null()]),
  access: AccessSchema,
  createdAt: DateTime,
  archivedAt: NullableDateTime,
});

export const RosterEntrySchema = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: CourseRoleSchema,
  enrolledAt: DateTime,
});

export const AssignmentSchema = Type.Object({
  id: Type.String(),
  courseId: Type.String(),
  exerciseId: Type.String(),
  title: Type.String(),
  position: Type.Integer(),
  opensAt: NullableDateTime,
  dueAt: NullableDateTime,
  latePolicy: LatePolicySchema,
  latePenaltyPercent: Type.Integer(),
  /** What the assignment is worth: the gradebook scales a percentage to these points. */
  points: Type.Number(),
  /** The caller's own extension (students only; null for staff and without one). */
  extendedDueAt: NullableDateTime,
  createdAt: DateTime,
});

export const ExtensionSchema = Type.Object({
  assignmentId: Type.String(),
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  dueAt: DateTime,
  reason: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: DateTime,
});

export const ExtensionBody = Type.Object({
  dueAt: InputDateTime,
  reason: Type.Optional(Type.Union([Type.String({ maxLength: EXTENSION_REASON_MAX }), Type.Null()])),
});

export const AssignmentFields = {
  title: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: ASSIGNMENT_TITLE_MAX }), Type.Null()])),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  opensAt: Type.Optional(NullableInputDateTime),
  dueAt: Type.Optional(NullableInputDateTime),
  latePolicy: Type.Optional(LatePolicySchema),
  latePenaltyPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: LATE_PENALTY_PERCENT_MAX })),
  points: Type.Optional(Type.Number({ minimum: 0, maximum: ASSIGNMENT_POINTS_MAX })),
};
