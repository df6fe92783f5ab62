// Who may see or change a course. Admins: every course. Instructors: courses they own or
// are enrolled in as instructor. Students: courses they are enrolled in, read-only.
// A course the caller may not see at all is NOT_FOUND (its existence is not revealed).
import type { Course, PrismaClient } from "@autograder/db";
import { AppError } from "@autograder/shared";
import type { AuthUser } from "../auth/context.ts";

export type CourseAccess = "staff" | "student";

export interface CourseView {
  course: Course;
  access: CourseAccess;
}

export async function accessTo(prisma: PrismaClient, user: AuthUser, course: Course): Promise<CourseAccess | null> {
  if (user.role === "admin" || course.ownerId === user.id) return "staff";
  const enrollment = await prisma.enrollment.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: user.id } },
    select: { role: true },
  });
  if (!enrollment) return null;
  return enrollment.role === "instructor" && user.role !== "student" ? "staff" : "student";
}

/** The course if the user may see it (staff or enrolled student); NOT_FOUND otherwise. */
export async function viewCourse(prisma: PrismaClient, user: AuthUser, courseId: string): Promise<CourseView> {
  const course = await prisma.course.findUnique({ where: { id: courseId } });
  const access = course ? await accessTo(prisma, user, course) : null;
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
