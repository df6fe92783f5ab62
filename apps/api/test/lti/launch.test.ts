// LTI 1.3 launches driven by a simulated platform through our real routes: login initiation,
// the platform's OIDC endpoint over HTTP, the form_post launch; deep linking answered with a
// signed response; and every rejection the Security Framework asks for.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "@autograder/db";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test-support/database.ts";
import { ROLE, readAutoPostForm, startSimulatedPlatform, type LaunchSpec, type SimulatedPlatform } from "../../../../test-support/lti/simulated-platform.ts";
import { login, makeExercise, makeUser, type Browser } from "../support/accounts.ts";
import { launcher, sessionCookie, targetOf, type Launcher } from "../../../../test-support/lti/launches.ts";

const PUBLIC = "http://localhost:3000";
const LAUNCH_URL = `${PUBLIC}/lti/launch`;
const LTI = "https://purl.imsglobal.org/spec/lti/claim/";

let db: TestDatabase;
let prisma: PrismaClient;
let app: FastifyInstance;
let sim: SimulatedPlatform;
let admin: Browser;
let platformId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
  const config = loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: db.url, PUBLIC_URL: PUBLIC, LTI_KEY_SECRET: "ab".repeat(32) });
  // No refetch cooldown: the kid cases below each need a fresh fetch within milliseconds.
  app = await buildApp({ config, prisma, logger: false, lti: { platformKeys: { cooldownMs: 0 } } });
  await app.ready();
  sim = await startSimulatedPlatform();
  ({ startLogin, postLaunch, launch } = launcher(app, sim, LAUNCH_URL));
  await makeUser(prisma, "admin", "admin@lti.test");
  admin = await login(app, "admin@lti.test");
  const res = await app.inject({ method: "POST", url: "/api/lti/platforms", headers: admin.headers(), payload: sim.registration() });
  expect(res.statusCode).toBe(201);
  platformId = res.json().id;
  for (const id of ["lti/one", "lti/two", "lti/three"]) await makeExercise(prisma, id, { title: `Exercise ${id}` });
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
  await prisma?.$disconnect();
  await db?.drop();
});

const instructor = (sub = "teacher-1"): LaunchSpec["user"] => ({ sub, name: "Ada Teacher", email: `${sub}@school.test`, roles: [ROLE.instructor] });
const learner = (sub: string): LaunchSpec["user"] => ({ sub, name: `Student ${sub}`, email: `${sub}@school.test`, roles: [ROLE.learner, ROLE.institutionStudent] });

let startLogin: Launcher["startLogin"];
let postLaunch: Launcher["postLaunch"];
let launch: Launcher["launch"];

/** A launch whose id_token the test forges from the login's nonce. */
async function forgedLaunch(spec: LaunchSpec, forge: (claims: Record<string, unknown>) => void, signWith?: LaunchSpec["signWith"]) {
  const l = await startLogin(sim.prepare(spec));
  const claims = sim.claimsFor(spec, l.nonce);
  claims[`${LTI}target_link_uri`] = LAUNCH_URL;
  forge(claims);
  return postLaunch(await sim.sign(claims, signWith), l.state, l.stateCookie);
}

function expectRefused(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, text: RegExp) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/text\/html/);
  expect(res.body).toMatch(text);
  expect([res.headers["set-cookie"]].flat().some((c) => typeof c === "string" && c.startsWith("sid="))).toBe(false);
}

describe("login initiation", () => {
  it("redirects to the platform's auth URL with the OIDC parameters, by GET and by POST", async () => {
    for (const method of ["GET", "POST"] as const) {
      const l = await startLogin(sim.prepare({ user: instructor() }), method);
      expect(l.location.origin + l.location.pathname).toBe(sim.authUrl);
      const q = Object.fromEntries(l.location.searchParams);
      expect(q).toMatchObject({ scope: "openid", response_type: "id_token", response_mode: "form_post", prompt: "none", client_id: sim.clientId, redirect_uri: LAUNCH_URL });
      expect(q.lti_message_hint).toMatch(/^msg-/);
      expect(q.state!.length).toBeGreaterThanOrEqual(40);
      expect(q.nonce!.length).toBeGreaterThanOrEqual(40);
      // The state is stored hashed only.
      expect(await prisma.ltiLaunchState.count({ where: { stateHash: q.state! } })).toBe(0);
      expect(l.stateCookie).toBe(`${l.stateCookie.split("=")[0]}=${q.state}`);
    }
  });

  it("refuses an unregistered issuer, an unknown client id and a target outside the tool", async () => {
    const params = sim.loginParams("x", LAUNCH_URL);
    for (const query of [
      { ...params, iss: "https://other-lms.example" },
      { ...params, client_id: "someone-else" },
      { ...params, target_link_uri: "https://evil.example/lti/launch" },
      { ...params, login_hint: "" },
    ]) {
      const res = await app.inject({ method: "GET", url: "/lti/login", query });
      expect(res.statusCode).toBe(400);
      expect(res.headers.location).toBeUndefined();
    }
  });
});

describe("launch", () => {
  let courseId: string;

  it("an instructor's first launch creates the course, the account and stores the service URLs", async () => {
    const { res } = await launch({ user: instructor(), context: { id: "ctx-algo", title: "Algorithms 101" } });
    expect(res.statusCode, res.body).toBe(200);
    const ctx = await prisma.ltiContext.findUniqueOrThrow({ where: { platformId_contextId: { platformId, contextId: "ctx-algo" } }, include: { course: true } });
    courseId = ctx.courseId;
    expect(ctx.course.title).toBe("Algorithms 101");
    expect(ctx.membershipsUrl).toBe(`${sim.issuer}/contexts/ctx-algo/memberships`);
    expect(ctx.lineItemsUrl).toBe(`${sim.issuer}/contexts/ctx-algo/lineitems`);
    expect(ctx.agsScopes).toContain("https://purl.imsglobal.org/spec/lti-ags/scope/score");
    expect(targetOf(res.body)).toBe(`/courses/${courseId}`);
    const link = await prisma.ltiUserLink.findUniqueOrThrow({ where: { platformId_sub: { platformId, sub: "teacher-1" } }, include: { user: true } });
    expect(link.user).toMatchObject({ role: "instructor", name: "Ada Teacher", email: "teacher-1@school.test" });
    expect(ctx.course.ownerId).toBe(link.userId);
    // The launch signed the user in: the cookie opens the API; it has no usable password.
    const me = await app.inject({ method: "GET", url: "/api/me", headers: { cookie: sessionCookie(res) } });
    expect(me.json()).toMatchObject({ id: link.userId, role: "instructor" });
    const pw = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "teacher-1@school.test", password: "!lti-launch-only" } });
    expect(pw.statusCode).toBe(401);
    // The page is framed by the LMS only.
    expect(res.headers["content-security-policy"]).toMatch(new RegExp(`frame-ancestors 'self' ${sim.issuer}(;|$)`));
  });

  it("a second launch of the same instructor reuses the account and the course", async () => {
    const { res } = await launch({ user: instructor(), context: { id: "ctx-algo", title: "Algorithms 101" } });
    expect(res.statusCode).toBe(200);
    expect(await prisma.ltiUserLink.count({ where: { sub: "teacher-1" } })).toBe(1);
    expect(await prisma.ltiContext.count({ where: { contextId: "ctx-algo" } })).toBe(1);
  });

  it("a teaching assistant becomes an instructor of the course, never its owner", async () => {
    const { res } = await launch({ user: { sub: "ta-1", roles: [ROLE.teachingAssistant] }, context: { id: "ctx-algo" } });
    expect(res.statusCode, res.body).toBe(200);
    const link = await prisma.ltiUserLink.findUniqueOrThrow({ where: { platformId_sub: { platformId, sub: "ta-1" } } });
    const enrolment = await prisma.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId: link.userId } } });
    expect(enrolment.role).toBe("instructor");
  });

  it("a learner in a context no instructor opened gets a clear error page", async () => {
    const { res } = await launch({ user: learner("lonely"), context: { id: "ctx-empty" }, resourceLink: { id: "rl-x" } });
    expectRefused(res, 403, /instructor must open the tool/);
    expect(await prisma.ltiContext.count({ where: { contextId: "ctx-empty" } })).toBe(0);
  });

  it("a learner whose LMS email belongs to an existing account gets a new account, never that one", async () => {
    await makeUser(prisma, "admin", "boss@school.test");
    const { res } = await launch({ user: { sub: "impostor", email: "boss@school.test", roles: [ROLE.learner] }, context: { id: "ctx-algo" } });
    expect(res.statusCode).toBe(403); // no assignment behind this link yet; the account exists anyway
    const link = await prisma.ltiUserLink.findUniqueOrThrow({ where: { platformId_sub: { platformId, sub: "impostor" } }, include: { user: true } });
    expect(link.user.email).toMatch(/@lti\.invalid$/);
    expect(link.user.role).toBe("student");
  });

  describe("deep linking and resource links", () => {
    let assignmentIds: string[] = [];

    it("an instructor deep-links three exercises: assignments with due dates and a signed response", async () => {
      const { res } = await launch({ user: instructor(), messageType: "LtiDeepLinkingRequest", context: { id: "ctx-algo" }, deepLinkingData: "opaque-data-42" });
      expect(res.statusCode, res.body).toBe(200);
      const target = targetOf(res.body);
      expect(target).toMatch(/^\/lti\/deep-link\/[0-9a-f-]{36}$/);
      const sessionId = target.split("/").pop()!;
      const headers = { cookie: sessionCookie(res) };
      const csrf = (await app.inject({ method: "GET", url: "/api/auth/csrf", headers })).json().csrfToken as string;
      const info = await app.inject({ method: "GET", url: `/api/lti/deep-links/${sessionId}`, headers });
      expect(info.json()).toMatchObject({ courseId, courseTitle: "Algorithms 101", acceptMultiple: true });
      const due = ["2026-12-10T23:59:00.000Z", "2026-12-17T23:59:00.000Z", null];
      const pick = await app.inject({
        method: "POST",
        url: `/api/lti/deep-links/${sessionId}`,
        headers: { ...headers, "x-csrf-token": csrf },
        payload: {
          items: [
            { exerciseId: "lti/one", dueAt: due[0], latePolicy: "percent_per_day", latePenaltyPercent: 10 },
            { exerciseId: "lti/two", dueAt: due[1], title: "Second one" },
            { exerciseId: "lti/three" },
          ],
        },
      });
      expect(pick.statusCode, pick.body).toBe(200);
      assignmentIds = pick.json().assignmentIds;
      const assignments = await prisma.assignment.findMany({ where: { id: { in: assignmentIds } } });
      expect(assignments).toHaveLength(3);
      expect(assignments.every((a) => a.courseId === courseId)).toBe(true);
      const byExercise = Object.fromEntries(assignments.map((a) => [a.exerciseId, a]));
      expect(byExercise["lti/one"]).toMatchObject({ latePolicy: "percent_per_day", latePenaltyPercent: 10 });
      expect(byExercise["lti/one"]!.dueAt?.toISOString()).toBe(due[0]);
      expect(byExercise["lti/two"]!.dueAt?.toISOString()).toBe(due[1]);
      expect(byExercise["lti/three"]!.dueAt).toBeNull();

      const ret = await app.inject({ method: "GET", url: pick.json().returnUrl, headers });
      expect(ret.statusCode, ret.body).toBe(200);
      expect(ret.headers["content-security-policy"]).toContain(`form-action ${sim.issuer}`);
      const form = readAutoPostForm(ret.body);
      expect(form.action).toBe(sim.deepLinkReturnUrl);
      const jwks = (await app.inject({ method: "GET", url: "/lti/jwks" })).json();
      const payload = await sim.verifyDeepLinkingResponse(form.fields.JWT!, jwks);
      expect(payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe("opaque-data-42");
      const items = payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Array<Record<string, unknown>>;
      expect(items).toHaveLength(3);
      expect(items[0]).toEqual({
        type: "ltiResourceLink",
        title: "Exercise lti/one",
        url: LAUNCH_URL,
        custom: { assignment_id: byExercise["lti/one"]!.id },
        lineItem: { label: "Exercise lti/one", scoreMaximum: 100, resourceId: byExercise["lti/one"]!.id, tag: "autograder" },
        submission: { endDateTime: due[0] },
      });
      expect(items[1]!.title).toBe("Second one");
      expect(items[2]!.submission).toBeUndefined();
      // The response is posted once.
      expect((await app.inject({ method: "GET", url: pick.json().returnUrl, headers })).statusCode).toBe(410);
      expect((await app.inject({ method: "GET", url: `/api/lti/deep-links/${sessionId}`, headers })).statusCode).toBe(404);
    });

    it("a platform that accepts no line items and one item gets no lineItem and one exercise", async () => {
      const { res } = await launch({ user: instructor(), messageType: "LtiDeepLinkingRequest", context: { id: "ctx-algo" }, acceptLineItem: false, tamper: (c) => {
        (c["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] as Record<string, unknown>).accept_multiple = false;
      } });
      const sessionId = targetOf(res.body).split("/").pop()!;
      const headers = { cookie: sessionCookie(res) };
      const csrf = (await app.inject({ method: "GET", url: "/api/auth/csrf", headers })).json().csrfToken as string;
      const url = `/api/lti/deep-links/${sessionId}`;
      const two = await app.inject({ method: "POST", url, headers: { ...headers, "x-csrf-token": csrf }, payload: { items: [{ exerciseId: "lti/one" }, { exerciseId: "lti/two" }] } });
      expect(two.statusCode).toBe(400);
      const one = await app.inject({ method: "POST", url, headers: { ...headers, "x-csrf-token": csrf }, payload: { items: [{ exerciseId: "lti/three" }] } });
      expect(one.statusCode, one.body).toBe(200);
      const form = readAutoPostForm((await app.inject({ method: "GET", url: one.json().returnUrl, headers })).body);
      const payload = await sim.verifyDeepLinkingResponse(form.fields.JWT!, (await app.inject({ method: "GET", url: "/lti/jwks" })).json());
      const items = payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Array<Record<string, unknown>>;
      expect(items).toHaveLength(1);
      expect(items[0]).not.toHaveProperty("lineItem");
      expect(payload).not.toHaveProperty(["https://purl.imsglobal.org/spec/lti-dl/claim/data"]);
    });

    it("a student's resource-link launch opens the assignment's exercise page and records the line item", async () => {
      const spec: LaunchSpec = { user: learner("stu-1"), context: { id: "ctx-algo" }, resourceLink: { id: "rl-one" }, custom: { assignment_id: assignmentIds[0]! } };
      const { res } = await launch(spec);
      expect(res.statusCode, res.body).toBe(200);
      expect(targetOf(res.body)).toBe(`/exercises/lti%2Fone?assignment=${assignmentIds[0]}`);
      const link = await prisma.ltiUserLink.findUniqueOrThrow({ where: { platformId_sub: { platformId, sub: "stu-1" } }, include: { user: true } });
      expect(link.user.role).toBe("student");
      expect(await prisma.enrollment.findUnique({ where: { courseId_userId: { courseId, userId: link.userId } } })).toMatchObject({ role: "student" });
      const rl = await prisma.ltiResourceLink.findFirstOrThrow({ where: { resourceLinkId: "rl-one" } });
      expect(rl).toMatchObject({ assignmentId: assignmentIds[0], lineItemUrl: `${sim.issuer}/contexts/ctx-algo/lineitems/rl-one` });
      // The session is the student's; a second launch of the link without the custom parameter still maps.
      const again = await launch({ ...spec, custom: {} });
      expect(targetOf(again.res.body)).toBe(`/exercises/lti%2Fone?assignment=${assignmentIds[0]}`);
    });

    it("a custom assignment_id of another course is refused", async () => {
      const owner = await makeUser(prisma, "instructor", "elsewhere@school.test");
      await makeExercise(prisma, "lti/other");
      const other = await prisma.course.create({ data: { title: "Other", joinCode: "OTHER999", ownerId: owner.id } });
      const foreign = await prisma.assignment.create({ data: { courseId: other.id, exerciseId: "lti/other" } });
      const { res } = await launch({ user: learner("stu-2"), context: { id: "ctx-algo" }, resourceLink: { id: "rl-evil" }, custom: { assignment_id: foreign.id } });
      expectRefused(res, 403, /does not belong/);
    });

    it("a student sending a deep-linking request is refused", async () => {
      const { res } = await launch({ user: learner("stu-3"), messageType: "LtiDeepLinkingRequest", context: { id: "ctx-algo" } });
      expectRefused(res, 403, /Only instructors/);
      expect(await prisma.ltiDeepLinkSession.count({ where: { user: { ltiLinks: { some: { sub: "stu-3" } } } } })).toBe(0);
    });

    it("another user cannot answer an instructor's deep-linking request", async () => {
      const dl = await launch({ user: instructor(), messageType: "LtiDeepLinkingRequest", context: { id: "ctx-algo" } });
      const sessionId = targetOf(dl.res.body).split("/").pop()!;
      const stu = await launch({ user: learner("stu-1"), context: { id: "ctx-algo" }, resourceLink: { id: "rl-one" } });
      const headers = { cookie: sessionCookie(stu.res) };
      const csrf = (await app.inject({ method: "GET", url: "/api/auth/csrf", headers })).json().csrfToken as string;
      const res = await app.inject({ method: "POST", url: `/api/lti/deep-links/${sessionId}`, headers: { ...headers, "x-csrf-token": csrf }, payload: { items: [{ exerciseId: "lti/one" }] } });
      expect(res.statusCode).toBe(404);
    });
  });
});

describe("rejected launches", () => {
  const spec: LaunchSpec = { user: instructor(), context: { id: "ctx-algo" } };

  it("a bad signature (a rogue key under the platform's kid)", async () => {
    expectRefused((await launch({ ...spec, signWith: "rogue-with-published-kid" })).res, 401, /signature/);
  });

  it("an unknown kid: the JWKS is fetched again, then the launch is refused", async () => {
    const before = sim.jwksFetches;
    expectRefused((await launch({ ...spec, signWith: "unpublished" })).res, 401, /key the platform does not publish/);
    expect(sim.jwksFetches).toBeGreaterThan(before);
  });

  it("a key rotated at the platform: the JWKS is fetched again and the launch succeeds", async () => {
    expect((await launch(spec)).res.statusCode).toBe(200); // the old key is cached
    await sim.rotateKey();
    const before = sim.jwksFetches;
    const { res } = await launch(spec);
    expect(res.statusCode, res.body).toBe(200);
    expect(sim.jwksFetches).toBe(before + 1);
  });

  it("an expired token, beyond the clock skew (within it: accepted)", async () => {
    const now = Math.floor(Date.now() / 1000);
    expectRefused(await forgedLaunch(spec, (c) => Object.assign(c, { iat: now - 400, exp: now - 120 })), 401, /expired/);
    expect((await forgedLaunch(spec, (c) => Object.assign(c, { iat: now - 400, exp: now - 20 }))).statusCode).toBe(200);
  });

  it("an iat in the future beyond the skew, and a token too old to be fresh", async () => {
    const now = Math.floor(Date.now() / 1000);
    expectRefused(await forgedLaunch(spec, (c) => Object.assign(c, { iat: now + 300, exp: now + 600 })), 401, /iat/);
    expectRefused(await forgedLaunch(spec, (c) => Object.assign(c, { iat: now - 3600, exp: now + 600 })), 401, /iat/);
  });

  it("a replayed state, and a replayed id_token (its nonce) under a fresh state", async () => {
    const first = await launch(spec);
    expect(first.res.statusCode).toBe(200);
    expectRefused(await postLaunch(first.auth.idToken, first.auth.state, first.login.stateCookie), 401, /expired or was already used/);
    const fresh = await startLogin(sim.prepare(spec));
    expectRefused(await postLaunch(first.auth.idToken, fresh.state, fresh.stateCookie), 401, /nonce/);
  });

  it("a state from another browser (no cookie, or another login's cookie)", async () => {
    const hint = sim.prepare(spec);
    const l = await startLogin(hint);
    const auth = await sim.authorize(l.location.toString());
    const noCookie = await postLaunch(auth.idToken, auth.state, undefined);
    expectRefused(noCookie, 401, /not started in this browser/);
    // The cookie may have been blocked in the frame: the page offers the login again in a new window.
    const relaunch = /href="([^"]*\/lti\/login\?[^"]*)"/.exec(noCookie.body)?.[1]?.replace(/&#38;/g, "&");
    expect(relaunch).toBeDefined();
    const again = new URL(relaunch!);
    expect(Object.fromEntries(again.searchParams)).toEqual(sim.loginParams(hint, LAUNCH_URL));
    const other = await startLogin(sim.prepare(spec));
    expectRefused(await postLaunch(auth.idToken, auth.state, other.stateCookie), 401, /not started in this browser/);
    // A forged cookie of the right name with another value.
    expectRefused(await postLaunch(auth.idToken, auth.state, `${l.stateCookie.split("=")[0]}=${other.state}`), 401, /not started in this browser/);
    // The genuine browser can still finish it.
    expect((await postLaunch(auth.idToken, auth.state, l.stateCookie)).statusCode).toBe(200);
  });

  it("a wrong audience; several audiences without our client id as azp", async () => {
    expectRefused(await forgedLaunch(spec, (c) => (c.aud = "another-tool")), 401, /aud/);
    expectRefused(await forgedLaunch(spec, (c) => ((c.aud = [sim.clientId, "another-tool"]), delete c.azp)), 401, /azp/);
    expectRefused(await forgedLaunch(spec, (c) => (c.azp = "another-tool")), 401, /azp/);
    expect((await forgedLaunch(spec, (c) => (c.aud = [sim.clientId, "another-tool"]))).statusCode).toBe(200);
  });

  it("a wrong issuer", async () => {
    expectRefused(await forgedLaunch(spec, (c) => (c.iss = "https://other-lms.example")), 401, /iss/);
  });

  it("an unknown deployment", async () => {
    expectRefused(await forgedLaunch(spec, (c) => (c[`${LTI}deployment_id`] = "deployment-9")), 401, /deployment/);
  });

  it("missing claims: sub, roles, resource_link, deep_linking_settings, message type", async () => {
    expectRefused(await forgedLaunch(spec, (c) => delete c.sub), 401, /sub/);
    expectRefused(await forgedLaunch(spec, (c) => delete c[`${LTI}roles`]), 401, /roles/);
    expectRefused(await forgedLaunch(spec, (c) => delete c[`${LTI}resource_link`]), 401, /resource_link/);
    expectRefused(
      await forgedLaunch({ ...spec, messageType: "LtiDeepLinkingRequest" }, (c) => delete c["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"]),
      401,
      /deep_linking_settings/,
    );
    expectRefused(await forgedLaunch(spec, (c) => (c[`${LTI}message_type`] = "LtiSubmissionReviewRequest")), 401, /message type/);
  });

  it("a wrong LTI version", async () => {
    expectRefused(await forgedLaunch(spec, (c) => (c[`${LTI}version`] = "1.1.0")), 401, /version/);
  });

  it("a token signed with another algorithm (HS256 under the client id) is refused", async () => {
    const { SignJWT } = await import("jose");
    const l = await startLogin(sim.prepare(spec));
    const claims = sim.claimsFor(spec, l.nonce);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(sim.issuer)
      .setAudience(sim.clientId)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(sim.clientId.padEnd(32, "x")));
    expectRefused(await postLaunch(token, l.state, l.stateCookie), 401, /could not be verified|not valid/);
  });

  it("an error answer from the platform (prompt=none could not be honoured) shows it", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/lti/launch",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "error=login_required&error_description=Log+in+to+the+LMS",
    });
    expectRefused(res, 400, /The LMS answered: login_required\./);
    expect(res.body).not.toContain("Log in to the LMS<");
    // Free text posted by anyone is never shown.
    const spoof = await app.inject({
      method: "POST",
      url: "/lti/launch",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ error: "Your account is locked, call +1 555", error_description: "x" }).toString(),
    });
    expectRefused(spoof, 400, /The LMS answered: invalid_request\./);
    expect(spoof.body).not.toContain("locked");
  });
});

describe("limits", () => {
  it("login initiations per address are rate limited (each stores a state)", async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: db.url, PUBLIC_URL: PUBLIC, LTI_KEY_SECRET: "ab".repeat(32) });
    const limited = await buildApp({ config, prisma, logger: false, lti: { launchesPerMinute: 3 } });
    try {
      const query = sim.loginParams(sim.prepare({ user: instructor() }), LAUNCH_URL);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.inject({ method: "GET", url: "/lti/login", query })).statusCode);
      expect(codes).toEqual([302, 302, 302, 429, 429]);
      // Another address is not limited by the first one's flood.
      expect((await limited.inject({ method: "GET", url: "/lti/login", query, remoteAddress: "10.9.8.7" })).statusCode).toBe(302);
    } finally {
      await limited.close();
    }
  });
});

describe("cookies and the new-window fallback", () => {
  it("over https the state and session cookies are SameSite=None; Secure; Partitioned", async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: db.url, PUBLIC_URL: PUBLIC, LTI_KEY_SECRET: "ab".repeat(32), COOKIE_SECURE: "true" });
    const secure = await buildApp({ config, prisma, logger: false });
    try {
      const res = await secure.inject({ method: "GET", url: "/lti/login", query: sim.loginParams(sim.prepare({ user: instructor() }), LAUNCH_URL) });
      const cookie = [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("lti_state_"))!;
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=None/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Partitioned/);
      expect(cookie).toMatch(/; Path=\/lti\//);
    } finally {
      await secure.close();
    }
  });

  it("the launch page offers a one-time link that opens the launch in a new window", async () => {
    const { res } = await launch({ user: instructor(), context: { id: "ctx-algo" } });
    const ticketUrl = /href="(\/lti\/ticket\/[^"]+)"/.exec(res.body)?.[1];
    expect(ticketUrl).toBeDefined();
    const open = await app.inject({ method: "GET", url: ticketUrl! });
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toBe(targetOf(res.body));
    // A first-party cookie for the top-level window, with the normal login's SameSite=Lax.
    const cookie = [open.headers["set-cookie"]].flat().find((c) => c?.startsWith("sid="))!;
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await app.inject({ method: "GET", url: "/api/me", headers: { cookie: cookie.split(";")[0]! } });
    expect(me.json().email).toBe("teacher-1@school.test");
    // Single use; an invented ticket is refused the same way.
    expect((await app.inject({ method: "GET", url: ticketUrl! })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/lti/ticket/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })).statusCode).toBe(401);
  });
});
