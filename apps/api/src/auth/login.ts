// Checks an email and password. Unknown emails cost one scrypt too (against a dummy hash),
// so both failures take about the same time and give the same answer.
import type { PrismaClient } from "@autograder/db";
import { hashPassword, verifyPassword } from "./password.ts";

let dummyHash: Promise<string> | undefined;

function dummy(): Promise<string> {
  dummyHash ??= hashPassword("not-a-password-of-anyone");
  return dummyHash;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface Credentials {
  email: string;
  password: string;
}

/** The id of the user these credentials belong to, or null (wrong password or unknown email). */
export async function checkCredentials(prisma: PrismaClient, { email, password }: Credentials): Promise<string | null> {
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true },
  });
  if (!user) {
    await verifyPassword(password, await dummy());
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user.id : null;
}

/** Warms the dummy hash so the first unknown-email login is not slower than later ones. */
export function prepareLogin(): Promise<unknown> {
  return dummy();
}
