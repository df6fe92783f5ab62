// The roster as staff read it: LMS members, the account each is linked to, and whether they
// ever launched the tool.
import type { LtiContext, PrismaClient } from "@autograder/db";

export interface LmsRosterMember {
  sub: string;
  name: string | null;
  email: string | null;
  roles: string[];
  status: string;
  userId: string | null;
  openedTool: boolean;
  lastLaunchAt: string | null;
}

export async function lmsRoster(
  prisma: PrismaClient,
  context: Pick<LtiContext, "id" | "platformId" | "rosterSyncedAt" | "rosterError">,
): Promise<{ rosterSyncedAt: Date | null; rosterError: string | null; members: LmsRosterMember[] }> {
  const members = await prisma.ltiMember.findMany({ where: { ltiContextId: context.id }, orderBy: [{ name: "asc" }, { sub: "asc" }] });
  const links = await prisma.ltiUserLink.findMany({ where: { platformId: context.platformId, sub: { in: members.map((m) => m.sub) } } });
  const launched = new Map(links.map((l) => [l.sub, l]));
  return {
    rosterSyncedAt: context.rosterSyncedAt,
    rosterError: context.rosterError,
    members: members.map((m) => {
      const link = launched.get(m.sub);
      return {
        sub: m.sub,
        name: m.name,
        email: m.email,
        roles: m.roles.split(" ").filter((r) => r !== ""),
        status: m.status,
        userId: link?.userId ?? m.userId,
        // A link exists only after a launch; lastLaunchAt is its latest.
        openedTool: link !== undefined,
        lastLaunchAt: link?.lastLaunchAt?.toISOString() ?? null,
      };
    }),
  };
}
