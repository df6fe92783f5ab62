// A simulated LMS for the LTI tests: its own RSA keys and a JWKS on a real listening port, an
// OIDC authorization endpoint that answers our login redirect with the auto-post form carrying
// an id_token, a deep-linking return endpoint, a course page that frames the tool (browser
// tests), helpers to forge tokens for the rejection cases, and verification of the tool's
// deep-linking response against the tool's JWKS. AGS and NRPS live in platform-services.ts.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type CryptoKey, type JSONWebKeySet, type JWK, type JWTPayload } from "jose";

export const ROLE = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  teachingAssistant: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  institutionStudent: "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
} as const;

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomBytes(8).toString("hex");
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

export interface LaunchUser {
  sub: string;
  name?: string;
  email?: string;
  roles: string[];
}

/** What the platform puts in the id_token of one launch. */
export interface LaunchSpec {
  user: LaunchUser;
  messageType?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  context?: { id: string; title?: string } | null;
  resourceLink?: { id: string; title?: string };
  custom?: Record<string, string>;
  /** Deep-linking data echoed back by the tool. */
  deepLinkingData?: string;
  /** deep_linking_settings.accept_lineitem (absent unless set). */
  acceptLineItem?: boolean;
  /** Change the claims before signing (rejection cases). */
  tamper?: (claims: Record<string, unknown>) => void;
  /** Sign with: the published key (default), a key not in the JWKS (unknown kid), or a rogue key under the published kid (bad signature). */
  signWith?: "published" | "unpublished" | "rogue-with-published-kid";
}

export interface AuthorizeResult {
  action: string;
  idToken: string;
  state: string;
  /** The id_token's claims as signed. */
  claims: Record<string, unknown>;
}

export interface SimulatedPlatform {
  issuer: string;
  clientId: string;
  deploymentId: string;
  authUrl: string;
  jwksUrl: string;
  tokenUrl: string;
  deepLinkReturnUrl: string;
  /** JWKS fetches so far (refetch on unknown kid is observable). */
  jwksFetches: number;
  /** Deep-linking response JWTs posted to deepLinkReturnUrl (browser flow). */
  receivedDeepLinks: string[];
  /** The body of POST /api/lti/platforms registering this platform. */
  registration(name?: string): Record<string, unknown>;
  /** Queue a launch; returns the login_hint the login initiation must carry. */
  prepare(spec: LaunchSpec): string;
  /** Query of the login initiation for a prepared launch. */
  loginParams(loginHint: string, toolLaunchUrl: string): Record<string, string>;
  /** Follows our redirect to the auth endpoint over HTTP and reads the auto-post form. */
  authorize(location: string): Promise<AuthorizeResult>;
  /** The id_token claims of a spec for a nonce (for forging). */
  claimsFor(spec: LaunchSpec, nonce: string, audience?: string | string[]): Record<string, unknown>;
  /** Signs claims with a key choice, as the auth endpoint does. */
  sign(claims: Record<string, unknown>, signWith?: LaunchSpec["signWith"], header?: { iat?: number; exp?: number }): Promise<string>;
  /** Publishes a new key and drops the old one from the JWKS. */
  rotateKey(): Promise<void>;
  /** Verifies a deep-linking response JWT against the tool's JWKS (a URL, or the document). */
  verifyDeepLinkingResponse(jwt: string, toolJwks: string | JSONWebKeySet): Promise<JWTPayload>;
  /** A course page of the LMS framing the tool's login initiation for a prepared launch. */
  coursePageUrl(loginHint: string, toolBase: string): string;
  close(): Promise<void>;
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formFields(html: string): { action: string; fields: Record<string, string> } {
  const unescape = (s: string) => s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&");
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form in ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[unescape(m[1]!)] = unescape(m[2]!);
  return { action: unescape(action), fields };
}

/** The auto-post form of a page (ours or the platform's): its action and hidden fields. */
export const readAutoPostForm = formFields;

export async function startSimulatedPlatform(opts: { clientId?: string; deploymentId?: string } = {}): Promise<SimulatedPlatform> {
  let current = await newKey();
  let previous: SigningKey[] = [];
  const unpublished = await newKey();
  const rogue = await newKey();
  const pending = new Map<string, LaunchSpec>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  const platform: SimulatedPlatform = {
    issuer: base,
    clientId: opts.clientId ?? `client-${randomBytes(4).toString("hex")}`,
    deploymentId: opts.deploymentId ?? "deployment-1",
    authUrl: `${base}/auth`,
    jwksUrl: `${base}/jwks`,
    tokenUrl: `${base}/token`,
    deepLinkReturnUrl: `${base}/deep-link-return`,
    jwksFetches: 0,
    receivedDeepLinks: [],
    registration(name = "Simulated LMS") {
      return {
        name,
        issuer: platform.issuer,
        clientId: platform.clientId,
        authLoginUrl: platform.authUrl,
        accessTokenUrl: platform.tokenUrl,
        jwksUrl: platform.jwksUrl,
        deploymentIds: [platform.deploymentId],
      };
    },
    prepare(spec) {
      const hint = randomUUID();
      pending.set(hint, spec);
      return hint;
    },
    loginParams(loginHint, toolLaunchUrl) {
      return {
        iss: platform.issuer,
        login_hint: loginHint,
        target_link_uri: toolLaunchUrl,
        lti_message_hint: `msg-${loginHint}`,
        client_id: platform.clientId,
        lti_deployment_id: platform.deploymentId,
      };
    },
    async authorize(location) {
      const res = await fetch(location);
      const html = await res.text();
      if (res.status !== 200) throw new Error(`auth endpoint: ${res.status} ${html}`);
      const { action, fields } = formFields(html);
      return { action, idToken: fields.id_token!, state: fields.state!, claims: JSON.parse(Buffer.from(fields.id_token!.split(".")[1]!, "base64url").toString()) };
    },
    claimsFor(spec, nonce, audience) {
      const messageType = spec.messageType ?? "LtiResourceLinkRequest";
      const claims: Record<string, unknown> = {
        sub: spec.user.sub,
        nonce,
        azp: platform.clientId,
        [`${LTI}message_type`]: messageType,
        [`${LTI}version`]: "1.3.0",
        [`${LTI}deployment_id`]: platform.deploymentId,
        [`${LTI}target_link_uri`]: "",
        [`${LTI}roles`]: spec.user.roles,
        "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
          scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
          lineitems: `${base}/contexts/${spec.context?.id ?? "none"}/lineitems`,
          ...(spec.resourceLink ? { lineitem: `${base}/contexts/${spec.context?.id ?? "none"}/lineitems/${spec.resourceLink.id}` } : {}),
        },
        "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
          context_memberships_url: `${base}/contexts/${spec.context?.id ?? "none"}/memberships`,
          service_versions: ["2.0"],
        },
      };
      if (audience !== undefined) claims.aud = audience;
      if (spec.user.name) claims.name = spec.user.name;
      if (spec.user.email) claims.email = spec.user.email;
      if (spec.context !== null) {
        const ctx = spec.context ?? { id: "course-1", title: "Algorithms 101" };
        claims[`${LTI}context`] = { id: ctx.id, title: ctx.title, label: ctx.title, type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"] };
      }
      if (spec.custom) claims[`${LTI}custom`] = spec.custom;
      if (messageType === "LtiResourceLinkRequest") {
        claims[`${LTI}resource_link`] = spec.resourceLink ?? { id: "link-1", title: "Exercise" };
      } else {
        claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
          deep_link_return_url: platform.deepLinkReturnUrl,
          accept_types: ["ltiResourceLink"],
          accept_presentation_document_targets: ["iframe", "window"],
          accept_multiple: true,
          auto_create: true,
          ...(spec.deepLinkingData !== undefined ? { data: spec.deepLinkingData } : {}),
          ...(spec.acceptLineItem !== undefined ? { accept_lineitem: spec.acceptLineItem } : {}),
        };
      }
      return claims;
    },
    async sign(claims, signWith = "published", times = {}) {
      const key = signWith === "unpublished" ? unpublished : current;
      const signer = signWith === "rogue-with-published-kid" ? rogue.privateKey : key.privateKey;
      const now = Math.floor(Date.now() / 1000);
      const { aud, iat, exp, ...rest } = claims;
      return new SignJWT(rest)
        .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
        .setIssuer(typeof claims.iss === "string" ? claims.iss : platform.issuer)
        .setAudience((aud as string | string[] | undefined) ?? platform.clientId)
        .setIssuedAt(typeof iat === "number" ? iat : (times.iat ?? now))
        .setExpirationTime(typeof exp === "number" ? exp : (times.exp ?? now + 300))
        .sign(signer);
    },
    async rotateKey() {
      previous = [];
      current = await newKey();
    },
    async verifyDeepLinkingResponse(jwt, toolJwks) {
      const keys = typeof toolJwks === "string" ? createRemoteJWKSet(new URL(toolJwks)) : createLocalJWKSet(toolJwks);
      const { payload, protectedHeader } = await jwtVerify(jwt, keys, { issuer: platform.clientId, audience: platform.issuer, algorithms: ["RS256"], requiredClaims: ["iat", "exp", "nonce"] });
      if (!protectedHeader.kid) throw new Error("deep-linking response without kid");
      if (payload[`${LTI}message_type`] !== "LtiDeepLinkingResponse") throw new Error("wrong message type");
      if (payload[`${LTI}version`] !== "1.3.0") throw new Error("wrong version");
      if (payload[`${LTI}deployment_id`] !== platform.deploymentId) throw new Error("wrong deployment id");
      return payload;
    },
    coursePageUrl(loginHint, toolBase) {
      return `${base}/course?hint=${encodeURIComponent(loginHint)}&tool=${encodeURIComponent(toolBase)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  async function body(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString();
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    if (url.pathname === "/jwks") {
      platform.jwksFetches++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [current.publicJwk, ...previous.map((k) => k.publicJwk)] }));
      return;
    }
    if (url.pathname === "/auth") {
      const q = url.searchParams;
      const problems: string[] = [];
      const expect = { scope: "openid", response_type: "id_token", response_mode: "form_post", prompt: "none", client_id: platform.clientId };
      for (const [k, v] of Object.entries(expect)) if (q.get(k) !== v) problems.push(`${k}=${q.get(k)}`);
      for (const k of ["redirect_uri", "login_hint", "state", "nonce"]) if (!q.get(k)) problems.push(`no ${k}`);
      const hint = q.get("login_hint") ?? "";
      const spec = pending.get(hint);
      if (!spec) problems.push("unknown login_hint");
      if (q.get("lti_message_hint") !== `msg-${hint}`) problems.push("lti_message_hint not echoed");
      if (problems.length > 0 || !spec) {
        res.statusCode = 400;
        res.end(`invalid authorization request: ${problems.join(", ")}`);
        return;
      }
      const claims = platform.claimsFor(spec, q.get("nonce")!);
      claims[`${LTI}target_link_uri`] = q.get("redirect_uri");
      spec.tamper?.(claims);
      const idToken = await platform.sign(claims, spec.signWith);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><html><body><form id="f" method="post" action="${escape(q.get("redirect_uri")!)}">` +
          `<input type="hidden" name="id_token" value="${escape(idToken)}">` +
          `<input type="hidden" name="state" value="${escape(q.get("state")!)}">` +
          `</form><script>document.getElementById("f").submit()</script></body></html>`,
      );
      return;
    }
    if (url.pathname === "/deep-link-return" && req.method === "POST") {
      const jwt = new URLSearchParams(await body(req)).get("JWT");
      if (jwt) platform.receivedDeepLinks.push(jwt);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><p id="received">Deep link received</p>`);
      return;
    }
    if (url.pathname === "/course") {
      const hint = url.searchParams.get("hint") ?? "";
      const tool = url.searchParams.get("tool") ?? "";
      const login = new URL(`${tool}/lti/login`);
      for (const [k, v] of Object.entries(platform.loginParams(hint, `${tool}/lti/launch`))) login.searchParams.set(k, v);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html><body><h1>Simulated LMS course</h1><iframe id="tool" style="width:1200px;height:700px" src="${escape(login.toString())}"></iframe></body></html>`);
      return;
    }
    res.statusCode = 404;
    res.end("not found");
  }

  return platform;
}
