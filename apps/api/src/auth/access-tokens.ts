// Personal access tokens: shown once at creation, stored as SHA-256, revoked by their owner.
import type { PrismaClient } from "@autograder/db";
import type { AuthUser } from "./context.ts";
import { randomSecret, sha256 } from "./secrets.ts";

const TOKEN_PREFIX = "agt_";
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface NewAccessToken {
  id: string;
  token: string;
  prefix: string;
}

export async function createAccessToken(
  prisma: PrismaClient,
  userId: string,
  name: string,
  expiresAt: Date | null,
): Promise<NewAccessToken> {
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await prisma.accessToken.create({
    data: { userId, name, prefix, tokenHash: sha256(token), expiresAt },
  });
  return { id: row.id, token, prefix };
}

/** The user of a live (not revoked, not expired) token, or null. */
export async function resolveAccessToken(prisma: PrismaClient, token: string): Promise<AuthUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.accessToken.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!row || row.revokedAt !== null) return null;
  const now = Date.now();
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.accessToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { ...row.user, via: "token" };
}
