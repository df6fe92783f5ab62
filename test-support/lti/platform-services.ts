// A simulated LMS's service side for the LTI tests, on a real listening port: the OAuth 2
// token endpoint (client credentials with our JWT assertion, checked against the tool's
// JWKS), AGS line items and scores, and NRPS memberships in two pages. It checks what a
// strict platform checks (media types, bearer token, scope, Score fields and timestamps) and
// can be told to fail. The launch side (keys, OIDC, id_token) is simulated-platform.ts.
import { randomBytes } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
export const SCOPES = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  resultReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;
const MEDIA = {
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
  memberships: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
} as const;
const ACTIVITY = ["Initialized", "Started", "InProgress", "Submitted", "Completed"];
const GRADING = ["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"];

export interface RecordedScore {
  lineItemId: string;
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  comment?: string;
  timestamp: string;
  activityProgress: string;
  gradingProgress: string;
}

export interface LineItemRecord {
  id: string;
  label: string;
  scoreMaximum: number;
  resourceLinkId?: string;
  resourceId?: string;
}

export interface NrpsMemberRecord {
  user_id: string;
  roles: string[];
  status?: string;
  name?: string;
  email?: string;
}

export interface PlatformServicesOptions {
  clientId: string;
  /** The tool's published keys (the tool key store's publicJwks). */
  toolJwks: () => Promise<JSONWebKeySet>;
  /** Scopes this platform grants (default: all of SCOPES). */
  grantable?: string[];
  /** Token lifetime in seconds (default 3600). */
  tokenLifetime?: number;
}

export interface PlatformServices {
  url: string;
  tokenUrl: string;
  lineItemsUrl: string;
  membershipsUrl: string;
  /** Creates a line item and returns its URL. */
  addLineItem(item: Omit<LineItemRecord, "id">): string;
  lineItems: LineItemRecord[];
  scores: RecordedScore[];
  /** Every score POST that reached the endpoint, failed or not. */
  scoreAttempts: number;
  tokenRequests: number;
  /** Why token requests were refused, in order. */
  tokenRejections: string[];
  /** The next `times` score POSTs answer `status` (then normal again); Infinity for "always". */
  failScores(times: number, status: number): void;
  /** NRPS members, served in two pages (the first half, then the rest). */
  members: NrpsMemberRecord[];
  /** Overrides the first page's `rel="next"` URL (a hostile or broken platform). */
  nextPageUrl: string | null;
  close(): Promise<void>;
}

function wantsScope(request: FastifyRequest, tokens: Map<string, { scopes: string[]; expiresAt: number }>, scope: string): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "");
  if (!match) return "missing bearer token";
  const grant = tokens.get(match[1]!);
  if (!grant || grant.expiresAt < Date.now()) return "unknown or expired token";
  if (!grant.scopes.includes(scope)) return `token lacks ${scope}`;
  return null;
}

export async function startPlatformServices(options: PlatformServicesOptions): Promise<PlatformServices> {
  const app: FastifyInstance = Fastify({ logger: false });
  const tokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  const usedJti = new Set<string>();
  const lastTimestamp = new Map<string, number>();
  let failing = { times: 0, status: 500 };
  const grantable = options.grantable ?? Object.values(SCOPES);

  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addContentTypeParser(/^application\/vnd\.ims\.[a-z0-9.-]+\+json$/, { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  const state: PlatformServices = {
    url: "",
    tokenUrl: "",
    lineItemsUrl: "",
    membershipsUrl: "",
    lineItems: [],
    scores: [],
    scoreAttempts: 0,
    tokenRequests: 0,
    tokenRejections: [],
    members: [],
    nextPageUrl: null,
    addLineItem(item) {
      const id = `${state.url}/lineitems/${state.lineItems.length + 1}`;
      state.lineItems.push({ id, ...item });
      return id;
    },
    failScores(times, status) {
      failing = { times, status };
    },
    close: () => app.close(),
  };

  const refuse = (reply: FastifyReply, why: string) => {
    state.tokenRejections.push(why);
    return reply.status(400).send({ error: "invalid_client", error_description: why });
  };

  app.post("/token", async (request, reply) => {
    state.tokenRequests++;
    const body = (request.body ?? {}) as Record<string, string>;
    if (body.grant_type !== "client_credentials") return refuse(reply, "grant_type");
    if (body.client_assertion_type !== CLIENT_ASSERTION_TYPE) return refuse(reply, "client_assertion_type");
    if (!body.client_assertion) return refuse(reply, "no client_assertion");
    try {
      const { payload, protectedHeader } = await jwtVerify(body.client_assertion, createLocalJWKSet(await options.toolJwks()), {
        issuer: options.clientId,
        subject: options.clientId,
        audience: state.tokenUrl,
        algorithms: ["RS256"],
        requiredClaims: ["jti", "iat", "exp"],
        maxTokenAge: "10 minutes",
      });
      if (!protectedHeader.kid) return refuse(reply, "no kid");
      if (usedJti.has(payload.jti!)) return refuse(reply, "jti reused");
      usedJti.add(payload.jti!);
    } catch (error) {
      return refuse(reply, `assertion: ${(error as Error).message}`);
    }
    const requested = (body.scope ?? "").split(" ").filter(Boolean);
    const scopes = requested.filter((s) => grantable.includes(s));
    if (scopes.length === 0) return reply.status(400).send({ error: "invalid_scope" });
    const token = randomBytes(16).toString("hex");
    const lifetime = options.tokenLifetime ?? 3600;
    tokens.set(token, { scopes, expiresAt: Date.now() + lifetime * 1000 });
    return { access_token: token, token_type: "Bearer", expires_in: lifetime, scope: scopes.join(" ") };
  });

  app.get("/lineitems", async (request, reply) => {
    const denied = wantsScope(request, tokens, SCOPES.lineItem) && wantsScope(request, tokens, SCOPES.lineItemReadonly);
    if (denied) return reply.status(401).send({ error: denied });
    if (request.headers.accept !== MEDIA.lineItemContainer) return reply.status(406).send({ error: "accept" });
    const linkId = (request.query as Record<string, string | undefined>).resource_link_id;
    return reply.type(MEDIA.lineItemContainer).send(state.lineItems.filter((i) => linkId === undefined || i.resourceLinkId === linkId));
  });

  app.post("/lineitems", async (request, reply) => {
    const denied = wantsScope(request, tokens, SCOPES.lineItem);
    if (denied) return reply.status(denied.startsWith("token lacks") ? 403 : 401).send({ error: denied });
    if (request.headers["content-type"] !== MEDIA.lineItem) return reply.status(415).send({ error: "content-type" });
    const item = request.body as Partial<LineItemRecord>;
    if (typeof item.label !== "string" || item.label === "" || typeof item.scoreMaximum !== "number" || item.scoreMaximum <= 0) {
      return reply.status(400).send({ error: "label and scoreMaximum are required" });
    }
    const id = state.addLineItem({ label: item.label, scoreMaximum: item.scoreMaximum, resourceLinkId: item.resourceLinkId, resourceId: item.resourceId });
    return reply.status(201).type(MEDIA.lineItem).send(state.lineItems.find((i) => i.id === id));
  });

  app.post("/lineitems/:n/scores", async (request, reply) => {
    state.scoreAttempts++;
    const denied = wantsScope(request, tokens, SCOPES.score);
    if (denied) return reply.status(denied.startsWith("token lacks") ? 403 : 401).send({ error: denied });
    if (request.headers["content-type"] !== MEDIA.score) return reply.status(415).send({ error: "content-type" });
    if (failing.times > 0) {
      failing.times--;
      return reply.status(failing.status).header("retry-after", "1").send({ error: `told to fail with ${failing.status}` });
    }
    const lineItemId = `${state.url}/lineitems/${(request.params as { n: string }).n}`;
    if (!state.lineItems.some((i) => i.id === lineItemId)) return reply.status(404).send({ error: "no such line item" });
    const s = request.body as Partial<RecordedScore>;
    const problems = [
      typeof s.userId === "string" && s.userId !== "" ? null : "userId",
      typeof s.scoreGiven === "number" && s.scoreGiven >= 0 ? null : "scoreGiven",
      typeof s.scoreMaximum === "number" && s.scoreMaximum > 0 ? null : "scoreMaximum",
      typeof s.timestamp === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$/.test(s.timestamp) ? null : "timestamp",
      ACTIVITY.includes(s.activityProgress ?? "") ? null : "activityProgress",
      GRADING.includes(s.gradingProgress ?? "") ? null : "gradingProgress",
    ].filter((p) => p !== null);
    if (problems.length > 0) return reply.status(400).send({ error: `invalid ${problems.join(", ")}` });
    const key = `${lineItemId}\n${s.userId}`;
    const at = Date.parse(s.timestamp!);
    if ((lastTimestamp.get(key) ?? -Infinity) >= at) return reply.status(409).send({ error: "timestamp not after the previous score's" });
    lastTimestamp.set(key, at);
    state.scores.push({ ...(s as RecordedScore), lineItemId });
    return reply.status(204).send();
  });

  app.get("/memberships", async (request, reply) => {
    const denied = wantsScope(request, tokens, SCOPES.memberships);
    if (denied) return reply.status(401).send({ error: denied });
    if (request.headers.accept !== MEDIA.memberships) return reply.status(406).send({ error: "accept" });
    const page = (request.query as Record<string, string | undefined>).page === "2" ? 2 : 1;
    const half = Math.ceil(state.members.length / 2);
    const members = page === 1 ? state.members.slice(0, half) : state.members.slice(half);
    if (page === 1) reply.header("link", `<${state.nextPageUrl ?? `${state.membershipsUrl}?page=2`}>; rel="next"`);
    return reply.type(MEDIA.memberships).send({ id: state.membershipsUrl, context: { id: "ctx", title: "Course" }, members });
  });

  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  state.url = address;
  state.tokenUrl = `${address}/token`;
  state.lineItemsUrl = `${address}/lineitems`;
  state.membershipsUrl = `${address}/memberships`;
  return state;
}
