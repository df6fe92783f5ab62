// JSON shapes of the course, roster and report routes as the web app reads them. The API's
// TypeBox schemas (apps/api/src/{auth,courses,reports}/schemas.ts) are the source of truth;
// apps/api/src/web-types.check.ts fails `tsc -b` when a type here and its schema differ.
// Exercise and submission shapes are in api-exercises.ts; grade reports in grading.ts.

import type { SubmissionStatus } from "./grading.ts";

export type UserRole = "admin" | "instructor" | "student";

/** GET /api/me */
export interface MeView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** How the caller authenticated: the browser's session cookie or a personal access token. */
  via: "session" | "token";
}

export type LatePolicyName = "none" | "percent_per_day" | "no_credit_after_due";

/** GET /api/courses (items) and GET /api/courses/:id */
export interface CourseInfo {
  id: string;
  title: string;
  gradePolicy: "best" | "last";
  owner: { id: string; name: string; email: string };
  /** Only the course's staff see the join code. */
  joinCode: string | null;
  access: "staff" | "student";
  createdAt: string;
  archivedAt: string | null;
}

/** GET /api/courses/:id/assignments (items) */
export interface AssignmentInfo {
  id: string;
  courseId: string;
  exerciseId: string;
  title: string;
  position: number;
  opensAt: string | null;
  dueAt: string | null;
  latePolicy: LatePolicyName;
  latePenaltyPercent: number;
  /** What the assignment is worth (the gradebook scales a percentage to these points). */
  points: number;
  /** The caller's own extension (students only), which replaces dueAt for them. */
  extendedDueAt: string | null;
  createdAt: string;
}

/** GET /api/courses/:id/assignments/:assignmentId/extensions (items) and PUT .../extensions/:userId */
export interface ExtensionView {
  assignmentId: string;
  userId: string;
  email: string;
  name: string;
  dueAt: string;
  reason: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
}

/** GET /api/courses/:id/enrollments (items) */
export interface RosterItem {
  userId: string;
  email: string;
  name: string;
  role: "instructor" | "student";
  enrolledAt: string;
}

/** POST /api/courses/join for a logged-in student (200). Routes in apps/api/src/routes/enrolment.ts. */
export interface JoinedView {
  courseId: string;
  userId: string;
}

/** POST /api/courses/:id/enrollments (202) and GET /api/courses/:id/invitations (items) */
export interface InvitationView {
  id: string;
  courseId: string;
  email: string;
  role: "instructor" | "student";
  createdAt: string;
}

/** GET /api/me/invitations (items): invitations sent to the caller's email. */
export interface MyInvitationView {
  id: string;
  course: { id: string; title: string };
  role: "instructor" | "student";
  /** The inviter's name. */
  invitedBy: string;
  createdAt: string;
}

/** POST /api/invitations/:id/accept */
export interface AcceptedInvitationView {
  courseId: string;
  role: "instructor" | "student";
}

/** GET /api/me/progress (items: one per course). Scores are 0-100. */
export interface CourseProgressView {
  course: { id: string; title: string; gradePolicy: "best" | "last" };
  assignments: {
    assignmentId: string;
    exerciseId: string;
    title: string;
    opensAt: string | null;
    dueAt: string | null;
    extendedDueAt: string | null;
    points: number;
    pointsEarned: number | null;
    latePolicy: LatePolicyName;
    score: number | null;
    bestScore: number | null;
    latePenaltyPercent: number;
    attempts: number;
    lastSubmission: { id: string; createdAt: string; status: SubmissionStatus; verdict: string | null } | null;
  }[];
  total: number;
}

/** GET /api/courses/:id/gradebook. Scores are 0-100 with the late penalty applied. */
export interface GradebookView {
  course: { id: string; title: string; gradePolicy: "best" | "last" };
  assignments: { id: string; title: string; exerciseId: string; dueAt: string | null; latePolicy: LatePolicyName; latePenaltyPercent: number; inLms: boolean; points: number }[];
  students: {
    userId: string;
    email: string;
    name: string;
    cells: { assignmentId: string; score: number | null; rawScore: number | null; points: number | null; extendedDueAt: string | null; latePenaltyPercent: number; attempts: number; submissionId: string | null; submittedAt: string | null; lmsSync: LmsSyncView | null }[];
    total: number;
    totalPoints: number;
  }[];
  /** The course is linked to an LMS course (LTI). */
  lmsLinked: boolean;
}

/** A gradebook cell's LMS grade passback (LTI AGS). */
export interface LmsSyncView {
  status: "pending" | "synced" | "failed";
  attempts: number;
  requestedAt: string;
  syncedAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
}

/** GET /api/courses/:id/lti/roster: LMS members as the last NRPS sync reported them. */
export interface LmsRosterView {
  rosterSyncedAt: string | null;
  rosterError: string | null;
  members: { sub: string; name: string | null; email: string | null; roles: string[]; status: string; userId: string | null; openedTool: boolean; lastLaunchAt: string | null }[];
}

/** GET /api/courses/:id/assignments/:assignmentId/analytics */
export interface AssignmentAnalyticsView {
  assignmentId: string;
  exerciseId: string;
  students: number;
  studentsSubmitted: number;
  studentsSolved: number;
  scoreDistribution: { from: number; to: number; count: number }[];
  passRateByTest: { name: string; hidden: boolean; runs: number; passed: number; passRate: number }[];
  hiddenTestsFailedMost: { name: string; failed: number; runs: number }[];
  medianAttempts: number | null;
  medianAttemptsToSolve: number | null;
  medianSecondsToSolve: number | null;
}

/** GET /api/courses/:id/students/:userId/timeline (one item, oldest first). */
export interface TimelineEntry {
  id: string;
  kind: "run" | "submit";
  exerciseId: string;
  assignmentId: string | null;
  status: "queued" | "running" | "graded" | "error";
  verdict: string | null;
  score: number | null;
  maxScore: number | null;
  latePenaltyPercent: number;
  finalScore: number | null;
  testsPassed: number;
  testsTotal: number;
  createdAt: string;
  gradedAt: string | null;
}

/** GET /api/users (items; admin). */
export interface UserListItemView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: string;
}

/** GET /api/courses/:id/latest-submissions (items): a student's latest submit per assignment. */
export interface LatestSubmissionView {
  userId: string;
  assignmentId: string;
  submissionId: string;
  submittedAt: string;
  status: "queued" | "running" | "graded" | "error";
  verdict: string | null;
  /** 0-100 after the late penalty; null until graded. */
  score: number | null;
  attempts: number;
}

/** A submission whose final score a regrade changed (scores are percentages; null: none). */
export interface GradeChange {
  submissionId: string;
  userId: string;
  userName: string;
  assignmentId: string | null;
  before: number | null;
  after: number | null;
}

/** How a finished regrade moved final scores (a missing score counts as 0); `changes` lists the ups and downs. */
export interface RegradeSummary {
  up: number;
  down: number;
  unchanged: number;
  changes: GradeChange[];
}
