// Browser sessions: the cookie carries a random token, the database only its SHA-256.
import type { PrismaClient } from "@autograder/db";
import type { AuthUser } from "./context.ts";
import { randomSecret, sha256 } from "./secrets.ts";

export const SESSION_COOKIE = "sid";

/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface NewSession {
  token: string;
  csrfSecret: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  id: string;
  csrfSecret: string;
  user: AuthUser;
}

export async function createSession(
  prisma: PrismaClient,
  userId: string,
  ttlHours: number,
  meta: { ip?: string; userAgent?: string },
): Promise<NewSession> {
  const token = randomSecret();
  const csrfSecret = randomSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3600 * 1000);
  await prisma.session.create({
    data: {
      tokenHash: sha256(token),
      userId,
      csrfSecret,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      expiresAt,
    },
  });
  return { token, csrfSecret, expiresAt };
}

/** The live session for a cookie token, or null when unknown or expired. */
export async function resolveSession(prisma: PrismaClient, token: string): Promise<ResolvedSession | null> {
  const session = await prisma.session.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return { id: session.id, csrfSecret: session.csrfSecret, user: { ...session.user, via: "session" } };
}

export async function deleteSessionByToken(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: sha256(token) } });
}

/** Ends every session of a user except, optionally, one (after a password change). */
export async function deleteUserSessions(prisma: PrismaClient, userId: string, exceptId?: string): Promise<void> {
  await prisma.session.deleteMany({ where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) } });
}
