// Personal access tokens: shown once at creation, stored as SHA-256, revoked by their owner.
// A token carries scopes: `read` (GET requests), `write` (requests that change state) and
// `tokens` (mint further tokens). A token minted by a token is its child: its scopes are a
// subset of its parent's, it expires no later, and it dies with its parent (revocation,
// expiry). Changing one's password revokes every token.
import type { PrismaClient } from "@autograder/db";
import { AppError } from "@autograder/shared";
import type { AuthUser } from "./context.ts";
import { randomSecret, sha256 } from "./secrets.ts";

const TOKEN_PREFIX = "agt_";
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
/** A token, its parent and its grandparent at most: the chain checked on every request is short. */
export const MAX_TOKEN_DEPTH = 3;

export const TOKEN_SCOPES = ["read", "write", "tokens"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** What a token gets when its creator names no scopes (what tokens could always do). */
export const DEFAULT_SCOPES: TokenScope[] = ["read", "write"];

export interface TokenGrant {
  id: string;
  scopes: TokenScope[];
  expiresAt: Date | null;
  depth: number;
}

export interface NewAccessToken {
  id: string;
  token: string;
  prefix: string;
}

export function parseScopes(stored: string): TokenScope[] {
  return stored.split(/\s+/).filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s));
}

export async function createAccessToken(
  prisma: PrismaClient,
  userId: string,
  name: string,
  expiresAt: Date | null,
  scopes: TokenScope[] = DEFAULT_SCOPES,
  parent: TokenGrant | null = null,
): Promise<NewAccessToken & { expiresAt: Date | null }> {
  if (parent !== null) {
    if (!parent.scopes.includes("tokens")) throw new AppError("FORBIDDEN", "This token cannot create tokens: it lacks the `tokens` scope.");
    if (parent.depth + 1 >= MAX_TOKEN_DEPTH) throw new AppError("FORBIDDEN", `Tokens can be nested at most ${MAX_TOKEN_DEPTH} deep.`);
    const extra = scopes.filter((s) => !parent.scopes.includes(s));
    if (extra.length > 0) throw new AppError("FORBIDDEN", `A token cannot grant scopes it does not have: ${extra.join(", ")}.`);
    if (parent.expiresAt !== null && (expiresAt === null || expiresAt > parent.expiresAt)) expiresAt = parent.expiresAt;
  }
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await prisma.accessToken.create({
    data: { userId, name, prefix, tokenHash: sha256(token), expiresAt, scopes: [...new Set(scopes)].join(" "), parentId: parent?.id ?? null },
  });
  return { id: row.id, token, prefix, expiresAt };
}

interface TokenLink {
  revokedAt: Date | null;
  expiresAt: Date | null;
  parent?: TokenLink | null;
}

/** Nested include of the parent chain, MAX_TOKEN_DEPTH - 1 levels up. */
const PARENT_CHAIN = { parent: { include: { parent: true } } } as const;

function liveChain(link: TokenLink | null | undefined, now: number): boolean {
  for (let l = link; l; l = l.parent) {
    if (l.revokedAt !== null) return false;
    if (l.expiresAt !== null && l.expiresAt.getTime() <= now) return false;
  }
  return true;
}

/** The user of a live token (it and every ancestor neither revoked nor expired), or null. */
export async function resolveAccessToken(prisma: PrismaClient, token: string): Promise<AuthUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.accessToken.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true } }, ...PARENT_CHAIN },
  });
  const now = Date.now();
  if (!row || !liveChain(row, now)) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.accessToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const depth = row.parent ? (row.parent.parent ? 2 : 1) : 0;
  return { ...row.user, via: "token", token: { id: row.id, scopes: parseScopes(row.scopes), expiresAt: row.expiresAt, depth } };
}

/** Revokes a token and every token minted from it (recursively). Returns how many were live. */
export async function revokeTokenTree(prisma: PrismaClient, userId: string, tokenId: string): Promise<number> {
  return prisma.$executeRaw`
    WITH RECURSIVE tree AS (
      SELECT id FROM "AccessToken" WHERE id = ${tokenId}::uuid AND "userId" = ${userId}::uuid
      UNION ALL
      SELECT t.id FROM "AccessToken" t JOIN tree ON t."parentId" = tree.id
    )
    UPDATE "AccessToken" SET "revokedAt" = now() WHERE id IN (SELECT id FROM tree) AND "revokedAt" IS NULL`;
}

/** Revokes every token of a user (after a password change). */
export async function revokeAllTokens(prisma: PrismaClient, userId: string): Promise<void> {
  await prisma.accessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The scope a request needs: reading, or changing state. */
export function scopeFor(method: string): TokenScope {
  return method === "GET" || method === "HEAD" || method === "OPTIONS" ? "read" : "write";
}
