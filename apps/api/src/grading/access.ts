// Who may see whose work: the owner, an admin, or an instructor who owns a course the owner
// is enrolled in.
import type { PrismaClient } from "@autograder/db";
import type { AuthUser } from "../auth/context.ts";

export async function canSeeWorkOf(prisma: PrismaClient, viewer: AuthUser, ownerId: string): Promise<boolean> {
  if (viewer.id === ownerId || viewer.role === "admin") return true;
  if (viewer.role !== "instructor") return false;
  const shared = await prisma.enrollment.findFirst({ where: { userId: ownerId, course: { ownerId: viewer.id } }, select: { courseId: true } });
  return shared !== null;
}

export const isStaff = (user: AuthUser): boolean => user.role === "admin" || user.role === "instructor";
