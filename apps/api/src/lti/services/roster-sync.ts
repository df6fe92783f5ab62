// The roster job: every member of an LMS context (NRPS), stored as LtiMember rows and linked
// to accounts here by the platform's user id (LtiUserLink, made at launch).
import type { PrismaClient } from "@autograder/db";
import { fetchMembers, type NrpsMember } from "./nrps.ts";
import { fail } from "./result.ts";
import type { TokenClient } from "./token-client.ts";
import type { JobAttempt } from "./score-sync.ts";

export type RosterSyncOutcome = { status: "synced"; members: number; linked: number } | { status: "failed" | "retrying" | "gone"; error?: string };

const STATUSES = new Set(["Active", "Inactive", "Deleted"]);

export async function syncRoster(
  prisma: PrismaClient,
  tokens: TokenClient,
  ltiContextId: string,
  attempt: JobAttempt,
  now: () => Date = () => new Date(),
): Promise<RosterSyncOutcome> {
  const context = await prisma.ltiContext.findUnique({ where: { id: ltiContextId }, include: { platform: true } });
  if (context === null) return { status: "gone" };
  const fetched =
    context.membershipsUrl === null
      ? fail("LTI_SCOPE_MISSING", "The launches of this course carried no Names and Role Provisioning service.", false)
      : await fetchMembers(tokens, context.platform, context.membershipsUrl);
  if (!fetched.ok) {
    const last = !fetched.error.retryable || attempt.retryCount >= attempt.retryLimit;
    await prisma.ltiContext.update({ where: { id: context.id }, data: { rosterError: fetched.error.message } });
    return { status: last ? "failed" : "retrying", error: fetched.error.message };
  }
  // One row per user id (a platform listing a member twice: the last entry wins).
  const members = [...new Map(fetched.value.members.map((m) => [m.user_id, m])).values()];
  const links = await prisma.ltiUserLink.findMany({
    where: { platformId: context.platformId, sub: { in: members.map((m) => m.user_id) } },
    select: { sub: true, userId: true },
  });
  const userOf = new Map(links.map((l) => [l.sub, l.userId]));
  const syncedAt = now();
  await prisma.$transaction([
    prisma.ltiMember.deleteMany({ where: { ltiContextId, sub: { notIn: members.map((m) => m.user_id) } } }),
    ...members.map((m) => {
      const data = memberData(m, userOf.get(m.user_id) ?? null, syncedAt);
      return prisma.ltiMember.upsert({ where: { ltiContextId_sub: { ltiContextId, sub: m.user_id } }, create: { ltiContextId, sub: m.user_id, ...data }, update: data });
    }),
    prisma.ltiContext.update({ where: { id: context.id }, data: { rosterSyncedAt: syncedAt, rosterError: null } }),
  ]);
  return { status: "synced", members: members.length, linked: links.length };
}

function memberData(m: NrpsMember, userId: string | null, syncedAt: Date) {
  return {
    name: m.name ?? null,
    email: m.email ?? null,
    roles: m.roles.join(" "),
    status: m.status !== undefined && STATUSES.has(m.status) ? m.status : "Active",
    userId,
    syncedAt,
  };
}
