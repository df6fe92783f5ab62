// Schemas of courses, rosters and assignments as the API shows them.
import { Type } from "typebox";
import { TITLE_MAX_LENGTH } from "@autograder/shared";
import { DateTime, NullableDateTime, NullableInputDateTime } from "../http/responses.ts";

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
  createdAt: DateTime,
});

export const AssignmentFields = {
  title: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH }), Type.Null()])),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  opensAt: Type.Optional(NullableInputDateTime),
  dueAt: Type.Optional(NullableInputDateTime),
  latePolicy: Type.Optional(LatePolicySchema),
  latePenaltyPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
};
