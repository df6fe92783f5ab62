// Creating accounts (by an admin, or a student registering through a join code).
import type { PrismaClient } from "@autograder/db";
import { AppError } from "@autograder/shared";
import type { Role } from "./context.ts";
import { normalizeEmail } from "./login.ts";
import { hashPassword } from "./password.ts";

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: Role;
  /** Enrol the new user as a student of this course in the same write. */
  enrollIn?: string;
}

/** Prisma's error for a unique constraint (P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** Creates the user; EMAIL_TAKEN when the (case-folded) email exists. */
export async function createUser(prisma: PrismaClient, user: NewUser): Promise<{ id: string }> {
  const email = normalizeEmail(user.email);
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("EMAIL_TAKEN");
  const passwordHash = await hashPassword(user.password);
  try {
    return await prisma.user.create({
      data: {
        email,
        name: user.name.trim(),
        role: user.role,
        passwordHash,
        ...(user.enrollIn ? { enrollments: { create: { courseId: user.enrollIn, role: "student" } } } : {}),
      },
      select: { id: true },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("EMAIL_TAKEN");
    throw err;
  }
}
