// OIDC login state and nonce (Security Framework §5.1.1.2): one row per login initiation,
// keyed by the SHA-256 of the state, used at most once, within STATE_TTL_MS. The browser that
// started the login holds the state in a cookie (the "browser binding") named after its hash,
// so several launches in one browser (several frames on a page) do not overwrite each other.
import { timingSafeEqual } from "node:crypto";
import type { LtiLaunchState, PrismaClient } from "@autograder/db";
import { randomSecret, sha256 } from "../auth/secrets.ts";

export const STATE_TTL_MS = 10 * 60 * 1000;

export function stateCookieName(state: string): string {
  return `lti_state_${sha256(state).slice(0, 16)}`;
}

export async function createLaunchState(
  prisma: PrismaClient,
  platformId: string,
  targetLinkUri: string,
  loginParams: Record<string, string>,
): Promise<{ state: string; nonce: string }> {
  const state = randomSecret();
  const nonce = randomSecret();
  await prisma.ltiLaunchState.create({
    data: { stateHash: sha256(state), nonce, platformId, targetLinkUri, loginParams, expiresAt: new Date(Date.now() + STATE_TTL_MS) },
  });
  // Old rows are of no use; clearing them here keeps the table small without a timer.
  await prisma.ltiLaunchState.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - STATE_TTL_MS) } } });
  return { state, nonce };
}

export function cookieMatches(cookieValue: string | undefined, state: string): boolean {
  if (cookieValue === undefined) return false;
  const a = Buffer.from(cookieValue);
  const b = Buffer.from(state);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The login initiation URL of an unused, unexpired state, to open in a new window: there our
 * cookies are first-party, so a browser that blocks them in the LMS's frame can still launch.
 */
export async function relaunchUrl(prisma: PrismaClient, publicUrl: string, state: string): Promise<string | null> {
  const row = await prisma.ltiLaunchState.findUnique({ where: { stateHash: sha256(state) } });
  if (!row || row.usedAt !== null || row.expiresAt.getTime() <= Date.now() || typeof row.loginParams !== "object" || row.loginParams === null) return null;
  const url = new URL(`${publicUrl}/lti/login`);
  for (const [k, v] of Object.entries(row.loginParams)) if (typeof v === "string") url.searchParams.set(k, v);
  return url.toString();
}

/** Marks the state used and returns it; null when unknown, already used or expired. */
export async function consumeLaunchState(prisma: PrismaClient, state: string): Promise<LtiLaunchState | null> {
  const stateHash = sha256(state);
  const now = new Date();
  const { count } = await prisma.ltiLaunchState.updateMany({ where: { stateHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) return null;
  return prisma.ltiLaunchState.findUnique({ where: { stateHash } });
}
