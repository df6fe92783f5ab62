// The LTI 1.3 id_token claims we read, by their exact URIs (LTI Core 1.3 §5, Deep Linking 2.0
// §4.4, AGS 2.0 §3.1, NRPS 2.0 §3.6.1), and the checks of a launch's claims once its signature,
// iss, aud, exp and iat passed jose. A failed check is an LtiLaunchError naming the claim.
import type { JWTPayload } from "jose";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  agsEndpoint: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
} as const;

export const DL_CLAIM = {
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  data: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  msg: "https://purl.imsglobal.org/spec/lti-dl/claim/msg",
} as const;

export const LTI_VERSION = "1.3.0";
export type MessageType = "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";

/** Why a launch was refused; `claim` names what failed (for the log and the error page). */
export class LtiLaunchError extends Error {
  override name = "LtiLaunchError";
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DeepLinkingSettings {
  returnUrl: string;
  acceptTypes: string[];
  acceptMultiple: boolean;
  acceptLineItem: boolean;
  data: string | undefined;
}

export interface LaunchClaims {
  messageType: MessageType;
  sub: string;
  deploymentId: string;
  roles: string[];
  name: string | undefined;
  email: string | undefined;
  context: { id: string; title: string | undefined } | undefined;
  resourceLinkId: string | undefined;
  custom: Record<string, string>;
  deepLinking: DeepLinkingSettings | undefined;
  /** AGS endpoint claim. */
  ags: { scopes: string[]; lineItems: string | undefined; lineItem: string | undefined } | undefined;
  /** NRPS context_memberships_url. */
  membershipsUrl: string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 4096): string | undefined => (typeof v === "string" && v.length > 0 && v.length <= max ? v : undefined);

function required<T>(value: T | undefined, reason: string, message: string): T {
  if (value === undefined) throw new LtiLaunchError(reason, message);
  return value;
}

function httpsOrHttpUrl(v: unknown): string | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === "https:" || u.protocol === "http:" ? s : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The LTI claims of a verified id_token. `clientId` is ours at this platform, `nonce` the one
 * stored with the state, `deployments` the deployment ids registered for the platform.
 */
export function readLaunchClaims(payload: JWTPayload, opts: { clientId: string; nonce: string; deployments: ReadonlySet<string> }): LaunchClaims {
  // aud was checked by jose to contain clientId; with several audiences azp must name us.
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== opts.clientId) {
    throw new LtiLaunchError("azp", "The token has several audiences and its azp is not this tool's client id.");
  }
  if (payload.azp !== undefined && payload.azp !== opts.clientId) {
    throw new LtiLaunchError("azp", "The token's azp is not this tool's client id.");
  }
  if (payload.nonce !== opts.nonce) throw new LtiLaunchError("nonce", "The token's nonce is not the one this login issued.");
  const sub = required(str(payload.sub, 255), "sub", "The token has no sub (an anonymous launch cannot be linked to an account).");
  const version = payload[CLAIM.version];
  if (version !== LTI_VERSION) throw new LtiLaunchError("version", `The LTI version is ${JSON.stringify(version)}, not "${LTI_VERSION}".`);
  const messageType = payload[CLAIM.messageType];
  if (messageType !== "LtiResourceLinkRequest" && messageType !== "LtiDeepLinkingRequest") {
    throw new LtiLaunchError("message_type", `Unsupported message type ${JSON.stringify(messageType)}.`);
  }
  const deploymentId = required(str(payload[CLAIM.deploymentId], 255), "deployment_id", "The token has no deployment_id.");
  if (!opts.deployments.has(deploymentId)) {
    throw new LtiLaunchError("deployment_id", `The deployment ${JSON.stringify(deploymentId)} is not registered for this platform.`);
  }
  const rawRoles = payload[CLAIM.roles];
  if (!Array.isArray(rawRoles) || !rawRoles.every((r) => typeof r === "string")) {
    throw new LtiLaunchError("roles_claim", "The token's roles claim is missing or not an array of strings.");
  }
  const rawContext = payload[CLAIM.context];
  const context = isRecord(rawContext)
    ? { id: required(str(rawContext.id, 255), "context", "The context claim has no id."), title: str(rawContext.title, 500) ?? str(rawContext.label, 500) }
    : undefined;
  const rawCustom = payload[CLAIM.custom];
  const custom: Record<string, string> = {};
  if (isRecord(rawCustom)) for (const [k, v] of Object.entries(rawCustom)) if (typeof v === "string") custom[k] = v;

  let resourceLinkId: string | undefined;
  let deepLinking: DeepLinkingSettings | undefined;
  if (messageType === "LtiResourceLinkRequest") {
    const link = payload[CLAIM.resourceLink];
    resourceLinkId = required(isRecord(link) ? str(link.id, 255) : undefined, "resource_link", "A resource link launch needs the resource_link claim with an id.");
    if (str(payload[CLAIM.targetLinkUri]) === undefined) throw new LtiLaunchError("target_link_uri", "The token has no target_link_uri.");
  } else {
    const s = payload[CLAIM.deepLinkingSettings];
    if (!isRecord(s)) throw new LtiLaunchError("deep_linking_settings", "A deep linking request needs the deep_linking_settings claim.");
    const returnUrl = required(httpsOrHttpUrl(s.deep_link_return_url), "deep_linking_settings", "deep_linking_settings has no valid deep_link_return_url.");
    const acceptTypes = Array.isArray(s.accept_types) ? s.accept_types.filter((t): t is string => typeof t === "string") : [];
    if (!acceptTypes.includes("ltiResourceLink")) {
      throw new LtiLaunchError("deep_linking_settings", "The platform does not accept ltiResourceLink content items, the only kind this tool returns.");
    }
    deepLinking = { returnUrl, acceptTypes, acceptMultiple: s.accept_multiple !== false, acceptLineItem: s.accept_lineitem !== false, data: typeof s.data === "string" ? s.data : undefined };
  }

  const rawAgs = payload[CLAIM.agsEndpoint];
  const ags = isRecord(rawAgs)
    ? {
        scopes: Array.isArray(rawAgs.scope) ? rawAgs.scope.filter((t): t is string => typeof t === "string") : [],
        lineItems: httpsOrHttpUrl(rawAgs.lineitems),
        lineItem: httpsOrHttpUrl(rawAgs.lineitem),
      }
    : undefined;
  const rawNrps = payload[CLAIM.nrps];
  const membershipsUrl = isRecord(rawNrps) ? httpsOrHttpUrl(rawNrps.context_memberships_url) : undefined;

  return {
    messageType,
    sub,
    deploymentId,
    roles: rawRoles,
    name: str(payload.name, 200) ?? ([str(payload.given_name, 100), str(payload.family_name, 100)].filter(Boolean).join(" ") || undefined),
    email: str(payload.email, 254),
    context,
    resourceLinkId,
    custom,
    deepLinking,
    ags,
    membershipsUrl,
  };
}

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const STAFF_ROLES = new Set([
  `${MEMBERSHIP}#Instructor`,
  `${MEMBERSHIP}#Administrator`,
  `${MEMBERSHIP}/Instructor#TeachingAssistant`,
  // Simple names of context roles, which LTI 1.3 tools may recognise (Core §A.2.2).
  "Instructor",
  "Administrator",
]);
const LEARNER_ROLES = new Set([`${MEMBERSHIP}#Learner`, "Learner"]);

/** The course role a launch's context roles give: staff roles win over Learner; null: neither. */
export function courseRoleOf(roles: readonly string[]): "instructor" | "student" | null {
  if (roles.some((r) => STAFF_ROLES.has(r) || r.startsWith(`${MEMBERSHIP}/Instructor#`) || r.startsWith(`${MEMBERSHIP}/Administrator#`))) return "instructor";
  if (roles.some((r) => LEARNER_ROLES.has(r) || r.startsWith(`${MEMBERSHIP}/Learner#`))) return "student";
  return null;
}
