// Called once per successful launch after the account, course and links are stored: refreshes
// the course's roster from the LMS (NRPS) when it is older than ROSTER_REFRESH_MS. A failure is
// logged and never refuses the launch.
import type { FastifyInstance } from "fastify";

export interface LaunchContext {
  app: FastifyInstance;
  platformId: string;
  userId: string;
  courseId: string;
  ltiContextId: string;
  courseRole: "instructor" | "student";
  messageType: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
}

/** A whole class launching within minutes asks the LMS for the roster once, not once each. */
export const ROSTER_REFRESH_MS = 10 * 60_000;

export async function afterLaunch(ctx: LaunchContext): Promise<void> {
  const context = await ctx.app.prisma.ltiContext.findUnique({ where: { id: ctx.ltiContextId }, select: { membershipsUrl: true, rosterSyncedAt: true } });
  if (!context?.membershipsUrl) return;
  if (context.rosterSyncedAt !== null && Date.now() - context.rosterSyncedAt.getTime() < ROSTER_REFRESH_MS) return;
  await ctx.app.ltiServices.requestRosterSync(ctx.ltiContextId);
}
