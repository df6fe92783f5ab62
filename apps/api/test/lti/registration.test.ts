// Registration of platforms by an admin (validation, conflicts, deployment lists), the tool's
// published documents (JWKS, Canvas JSON, the URLs to paste) and key rotation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test-support/app.ts";
import { login, makeUser, type Browser } from "../support/accounts.ts";

const PUBLIC = "https://grader.example.edu";
let t: TestApp;
let admin: Browser;

const body = (over: Record<string, unknown> = {}) => ({
  name: "Canvas",
  issuer: "https://canvas.instructure.com",
  clientId: "10000000000001",
  authLoginUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect",
  accessTokenUrl: "https://sso.canvaslms.com/login/oauth2/token",
  jwksUrl: "https://sso.canvaslms.com/api/lti/security/jwks",
  deploymentIds: ["1:abc"],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: PUBLIC, LTI_KEY_SECRET: "ef".repeat(32) });
  await makeUser(t.prisma, "admin", "admin@reg.test");
  admin = await login(t.app, "admin@reg.test");
});
afterAll(() => t.close());

describe("platform registration", () => {
  let id: string;

  it("creates, reads, changes and deletes a platform with its deployment ids", async () => {
    const created = await t.app.inject({ method: "POST", url: "/api/lti/platforms", headers: admin.headers(), payload: body({ frameOrigins: ["https://school.instructure.com"] }) });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ deploymentIds: ["1:abc"], frameOrigins: ["https://school.instructure.com"] });
    const patched = await t.app.inject({ method: "PATCH", url: `/api/lti/platforms/${id}`, headers: admin.headers(), payload: { deploymentIds: ["2:def", "3:ghi"], name: "Canvas (school)" } });
    expect(patched.json()).toMatchObject({ name: "Canvas (school)", deploymentIds: ["2:def", "3:ghi"], issuer: "https://canvas.instructure.com" });
    const listed = await t.app.inject({ method: "GET", url: "/api/lti/platforms", headers: admin.headers() });
    expect(listed.json()).toHaveLength(1);
  });

  it("refuses a second registration of the same issuer and client id, unknown fields and non-URLs", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/lti/platforms", headers: admin.headers(), payload: body() })).statusCode).toBe(409);
    const other = await t.app.inject({ method: "POST", url: "/api/lti/platforms", headers: admin.headers(), payload: body({ clientId: "other", deploymentIds: [] }) });
    expect(other.statusCode).toBe(201);
    expect((await t.app.inject({ method: "PATCH", url: `/api/lti/platforms/${other.json().id}`, headers: admin.headers(), payload: { clientId: "10000000000001" } })).statusCode).toBe(409);
    for (const bad of [body({ jwksUrl: "javascript:alert(1)" }), body({ clientId: "x", extra: 1 }), body({ clientId: "y", frameOrigins: ["https://a.test/path"] }), body({ clientId: "" })]) {
      const res = await t.app.inject({ method: "POST", url: "/api/lti/platforms", headers: admin.headers(), payload: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it("deletes a platform; a second delete is NOT_FOUND", async () => {
    expect((await t.app.inject({ method: "DELETE", url: `/api/lti/platforms/${id}`, headers: admin.headers() })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "DELETE", url: `/api/lti/platforms/${id}`, headers: admin.headers() })).statusCode).toBe(404);
  });
});

describe("tool documents and keys", () => {
  it("lists every URL to paste, under PUBLIC_URL, and Canvas's JSON", async () => {
    const tool = (await t.app.inject({ method: "GET", url: "/api/lti/tool", headers: admin.headers() })).json();
    expect(tool.urls).toEqual({
      loginUrl: `${PUBLIC}/lti/login`,
      launchUrl: `${PUBLIC}/lti/launch`,
      jwksUrl: `${PUBLIC}/lti/jwks`,
      deepLinkingUrl: `${PUBLIC}/lti/launch`,
      canvasConfigUrl: `${PUBLIC}/lti/canvas.json`,
      domain: "grader.example.edu",
    });
    const canvas = (await t.app.inject({ method: "GET", url: "/lti/canvas.json" })).json();
    expect(canvas).toEqual(tool.canvas);
    expect(canvas).toMatchObject({ oidc_initiation_url: `${PUBLIC}/lti/login`, target_link_uri: `${PUBLIC}/lti/launch`, public_jwk_url: `${PUBLIC}/lti/jwks` });
    const placements = canvas.extensions[0].settings.placements as Array<{ placement: string; message_type: string }>;
    expect(placements.find((p) => p.placement === "assignment_selection")?.message_type).toBe("LtiDeepLinkingRequest");
  });

  it("publishes public keys only; a rotation adds a new signing key and keeps the old one published", async () => {
    const before = (await t.app.inject({ method: "GET", url: "/lti/jwks" })).json() as { keys: Array<Record<string, string>> };
    expect(before.keys).toHaveLength(1);
    expect(before.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(before.keys[0]).not.toHaveProperty("d");
    const rotated = await t.app.inject({ method: "POST", url: "/api/lti/keys/rotate", headers: admin.headers() });
    expect(rotated.statusCode).toBe(200);
    const after = (await t.app.inject({ method: "GET", url: "/lti/jwks" })).json() as { keys: Array<{ kid: string }> };
    expect(after.keys.map((k) => k.kid)).toEqual([rotated.json().kid, before.keys[0]!.kid]);
    const tool = (await t.app.inject({ method: "GET", url: "/api/lti/tool", headers: admin.headers() })).json();
    expect(tool.keys[0]).toMatchObject({ kid: rotated.json().kid, retiredAt: null });
    expect(tool.keys[1].retiredAt).not.toBeNull();
  });
});
