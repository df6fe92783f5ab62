// Extension point of the launch, called once per successful launch after the account, course
// and links are stored. The lead wires the NRPS roster refresh here; a failure is logged and
// never refuses the launch.
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

export async function afterLaunch(_ctx: LaunchContext): Promise<void> {
  // Roster refresh (NRPS) is wired here by the lead.
}
