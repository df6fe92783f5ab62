// On an empty database, creates the first admin account.
import type { PrismaClient } from "@autograder/db";
import { generatePassword, hashPassword } from "./password.ts";

export type FirstAdminResult =
  | { created: false }
  | { created: true; email: string; generatedPassword: string | undefined };

export async function ensureFirstAdmin(
  prisma: PrismaClient,
  email: string | undefined,
  password: string | undefined,
): Promise<FirstAdminResult> {
  if ((await prisma.user.count()) > 0) return { created: false };
  const adminEmail = email ?? "admin@localhost";
  const generated = password === undefined ? generatePassword() : undefined;
  await prisma.user.create({
    data: {
      email: adminEmail.toLowerCase(),
      name: "Administrator",
      role: "admin",
      passwordHash: await hashPassword(password ?? generated!),
    },
  });
  return { created: true, email: adminEmail, generatedPassword: generated };
}
