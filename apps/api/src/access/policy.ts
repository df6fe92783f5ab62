// The one access policy of the API: who may see or change a course, whose work a caller may
// read, which submissions a regrade touches, and which exercise versions a caller may open,
// run or change. Every route asks here; nothing else decides access.
//
// - Admins: everything.
// - Course staff: the owner, and instructors enrolled as `instructor` (co-instructors). A
//   student account is never staff, whatever its enrolment says.
// - Staff see a submission only through a course they teach: it was made to one of the
//   course's assignments, or it is a run (no assignment) on an exercise the course assigns by
//   a student of that course — exactly what the course's timelines list. Sharing a course
//   with a student does not open the student's work in other courses.
// - Students: their own work, the courses they are enrolled in (read-only).
// - Exercises: everyone opens and runs published versions; an unpublished (latest) version
//   only its author, admins, and instructors for repository exercises.
// A thing the caller may not see answers NOT_FOUND (its existence is not revealed); a
// student of a course attempting a staff action gets FORBIDDEN.
import type { Course, Exercise, Prisma, PrismaClient } from "@autograder/db";
import { AppError } from "@autograder/shared";
import type { AuthUser } from "../auth/context.ts";

export type CourseAccess = "staff" | "student";

export interface CourseView {
  course: Course;
  access: CourseAccess;
}

const NOTHING: Prisma.CourseWhereInput = { id: { in: [] } };

/** Courses `user` teaches, as a Prisma filter (admins: every course). */
export function staffedCourses(user: AuthUser): Prisma.CourseWhereInput {
  if (user.role === "admin") return {};
  if (user.role !== "instructor") return NOTHING;
  return { OR: [{ ownerId: user.id }, { enrollments: { some: { userId: user.id, role: "instructor" } } }] };
}

/** Access to a course given the caller's enrolment in it (null: not enrolled). */
export function accessByEnrollment(user: AuthUser, course: Pick<Course, "ownerId">, enrollmentRole: "instructor" | "student" | null): CourseAccess | null {
  if (user.role === "admin" || course.ownerId === user.id) return "staff";
  if (enrollmentRole === null) return null;
  return enrollmentRole === "instructor" && user.role !== "student" ? "staff" : "student";
}

export async function courseAccess(prisma: PrismaClient, user: AuthUser, course: Course): Promise<CourseAccess | null> {
  if (user.role === "admin" || course.ownerId === user.id) return "staff";
  const enrollment = await prisma.enrollment.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: user.id } },
    select: { role: true },
  });
  return accessByEnrollment(user, course, enrollment?.role ?? null);
}

/** The course if the user may see it (staff or enrolled student); NOT_FOUND otherwise. */
export async function viewCourse(prisma: PrismaClient, user: AuthUser, courseId: string): Promise<CourseView> {
  const course = await prisma.course.findUnique({ where: { id: courseId } });
  const access = course ? await courseAccess(prisma, user, course) : null;
  if (!course || access === null) throw new AppError("NOT_FOUND", "No such course.");
  return { course, access };
}

/** The course if the user is its staff; FORBIDDEN for its students, NOT_FOUND for others. */
export async function manageCourse(prisma: PrismaClient, user: AuthUser, courseId: string): Promise<Course> {
  const { course, access } = await viewCourse(prisma, user, courseId);
  if (access !== "staff") throw new AppError("FORBIDDEN", "Only the course's instructors can do this.");
  return course;
}

/**
 * Whose data a caller may read in a course: staff read any enrolled student's,
 * a student only their own (another student's is NOT_FOUND).
 */
export async function readableStudent(
  prisma: PrismaClient,
  user: AuthUser,
  view: CourseView,
  studentId: string,
): Promise<{ id: string; email: string; name: string }> {
  if (view.access === "student" && studentId !== user.id) throw new AppError("NOT_FOUND", "No such student in this course.");
  const enrollment = await prisma.enrollment.findUnique({
    where: { courseId_userId: { courseId: view.course.id, userId: studentId } },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!enrollment || enrollment.role !== "student") throw new AppError("NOT_FOUND", "No such student in this course.");
  return enrollment.user;
}

interface SubmissionRef {
  userId: string;
  exerciseId: string;
  assignmentId: string | null;
  kind: "run" | "submit";
}

/** Whether `user` may read this submission (its owner, an admin, or staff of its course). */
export async function canSeeSubmission(prisma: PrismaClient, user: AuthUser, s: SubmissionRef): Promise<boolean> {
  if (s.userId === user.id || user.role === "admin") return true;
  if (user.role !== "instructor") return false;
  const through: Prisma.CourseWhereInput[] = [];
  if (s.assignmentId !== null) through.push({ assignments: { some: { id: s.assignmentId } } });
  else if (s.kind === "run") {
    through.push({ assignments: { some: { exerciseId: s.exerciseId } }, enrollments: { some: { userId: s.userId, role: "student" } } });
  }
  if (through.length === 0) return false;
  const course = await prisma.course.findFirst({ where: { AND: [staffedCourses(user), { OR: through }] }, select: { id: true } });
  return course !== null;
}

/**
 * Whether a caller who may read this submission also sees its hidden tests' details (inputs,
 * expected values, pictures): the course's staff and admins reviewing someone else's work.
 * The author of a submission never does, so a student never sees hidden test data.
 */
export function seesHiddenTests(user: AuthUser, s: Pick<SubmissionRef, "userId">): boolean {
  return s.userId !== user.id && (user.role === "admin" || user.role === "instructor");
}

/** The graded submits of an exercise a regrade by `user` covers: those made to assignments of courses they teach. */
export function regradableSubmits(user: AuthUser, exerciseId: string): Prisma.SubmissionWhereInput {
  const scope: Prisma.SubmissionWhereInput = user.role === "admin" ? {} : { assignment: { course: staffedCourses(user) } };
  return { exerciseId, kind: "submit", ...scope };
}

/** Whether `user` may open and run the exercise's latest (possibly unpublished) version. */
export function canPreview(user: AuthUser, exercise: Pick<Exercise, "source" | "authorId">): boolean {
  if (user.role === "admin") return true;
  if (user.role !== "instructor") return false;
  return exercise.source === "filesystem" || exercise.authorId === user.id;
}

/** The version `user` works on: the latest for those who may preview it, else the published one. */
export function workingVersionId(
  user: AuthUser,
  exercise: Pick<Exercise, "source" | "authorId" | "latestVersionId" | "publishedVersionId">,
): string | null {
  return canPreview(user, exercise) ? (exercise.latestVersionId ?? exercise.publishedVersionId) : exercise.publishedVersionId;
}

/** The exercise, if `user` may change it: its author or an admin, and never a repository one. */
export async function editableExercise(prisma: PrismaClient, user: AuthUser, id: string): Promise<Exercise> {
  const exercise = await prisma.exercise.findUnique({ where: { id } });
  if (exercise === null) throw new AppError("NOT_FOUND", `No exercise ${id}.`);
  if (exercise.source === "filesystem") {
    throw new AppError("CONFLICT", "Exercises from the repository change through their folder in exercises/; import a copy under a new id to edit it here.");
  }
  if (exercise.authorId !== user.id && user.role !== "admin") throw new AppError("FORBIDDEN", "Only the exercise's author or an admin can change it.");
  return exercise;
}

/**
 * For reading an exercise's files (solution, tests, mutants) or validating it: any instructor
 * for repository exercises, the author or an admin for authored ones.
 */
export async function readableExercise(prisma: PrismaClient, user: AuthUser, id: string) {
  const exercise = await prisma.exercise.findUnique({ where: { id }, include: { latestVersion: true } });
  if (exercise === null || exercise.latestVersion === null) throw new AppError("NOT_FOUND", `No exercise ${id}.`);
  if (!canPreview(user, exercise)) throw new AppError("FORBIDDEN", "Only the exercise's author or an admin can read its files.");
  return { exercise, version: exercise.latestVersion };
}

export const isStaff = (user: AuthUser): boolean => user.role === "admin" || user.role === "instructor";
