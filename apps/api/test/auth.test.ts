// Sessions, CSRF, access tokens, login errors and timing, password change.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { sessionCookieOptions } from "../src/auth/cookie.ts";
import { PASSWORD, bearer, cookieFrom, createToken, login, makeUser, type TestUser } from "./support/accounts.ts";

let t: TestApp;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUser(t.prisma, "admin", "admin@school.test");
  alice = await makeUser(t.prisma, "instructor", "alice@school.test");
  bob = await makeUser(t.prisma, "student", "bob@school.test");
});
afterAll(() => t.close());

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("login and the session cookie", () => {
  it("sets an httpOnly, SameSite=Lax cookie whose token is stored only as its SHA-256", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "Alice@School.test", password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ id: alice.id, email: alice.email, name: "alice", role: "instructor" });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/^sid=[\w-]{40,};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http, COOKIE_SECURE=auto
    const token = cookieFrom(res.headers["set-cookie"]).slice("sid=".length);
    const sessions = await t.prisma.session.findMany({ where: { userId: alice.id } });
    expect(sessions.map((s) => s.tokenHash)).toContain(sha256(token));
    expect(sessions.some((s) => s.tokenHash === token)).toBe(false);
    const session = sessions.find((s) => s.tokenHash === sha256(token))!;
    const ttlHours = (session.expiresAt.getTime() - session.createdAt.getTime()) / 3_600_000;
    expect(ttlHours).toBeCloseTo(t.config.sessionTtlHours, 1);
  });

  it("follows COOKIE_SECURE=true/false regardless of the protocol", () => {
    expect(sessionCookieOptions({ cookieSecure: "true" }, { protocol: "http" }).secure).toBe(true);
    expect(sessionCookieOptions({ cookieSecure: "false" }, { protocol: "https" }).secure).toBe(false);
    expect(sessionCookieOptions({ cookieSecure: "auto" }, { protocol: "https" }).secure).toBe(true);
  });

  it("GET /api/me answers who is logged in, and 401 without a session", async () => {
    const b = await login(t.app, bob.email);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: b.headers(false) });
    expect(me.json()).toEqual({ id: bob.id, email: bob.email, name: "bob", role: "student", via: "session" });
    const anon = await t.app.inject({ method: "GET", url: "/api/me" });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe("UNAUTHENTICATED");
    const forged = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: "sid=forged-token" } });
    expect(forged.statusCode).toBe(401);
  });

  it("logout ends the session and clears the cookie", async () => {
    const b = await login(t.app, bob.email);
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: b.headers() });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/^sid=;.*Expires=Thu, 01 Jan 1970/);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: b.headers(false) });
    expect(me.statusCode).toBe(401);
  });

  it("an expired session no longer authenticates and is removed", async () => {
    const b = await login(t.app, bob.email);
    const hash = sha256(b.cookie.slice("sid=".length));
    await t.prisma.session.update({ where: { tokenHash: hash }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: b.headers(false) });
    expect(me.statusCode).toBe(401);
    expect(await t.prisma.session.count({ where: { tokenHash: hash } })).toBe(0);
  });

  it("logging in again replaces the session the browser had", async () => {
    const first = await login(t.app, alice.email);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: first.cookie },
      payload: { email: alice.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(cookieFrom(res.headers["set-cookie"])).not.toBe(first.cookie);
    const old = await t.app.inject({ method: "GET", url: "/api/me", headers: first.headers(false) });
    expect(old.statusCode).toBe(401);
  });
});

describe("login failures", () => {
  it("a wrong password and an unknown email give the same error in similar time", async () => {
    // An account of its own: six failures slow its next login (login protection), which must
    // not reach the other tests' logins.
    const victim = await makeUser(t.prisma, "student", "timing@school.test");
    const wrong: number[] = [];
    const unknown: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < 6; i++) {
      for (const [email, times] of [
        [victim.email, wrong],
        [`nobody-${i}@school.test`, unknown],
      ] as const) {
        const started = performance.now();
        const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password: "not-the-password" } });
        times.push(performance.now() - started);
        expect(res.statusCode).toBe(401);
        expect(res.headers["set-cookie"]).toBeUndefined();
        bodies.add(res.body);
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ error: { code: "BAD_CREDENTIALS", message: "The email or password is wrong." } })]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(wrong);
    // Without the dummy hash an unknown email answers ~50x faster; the wide band only keeps a
    // loaded machine from failing the test.
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms vs wrong ${median(wrong).toFixed(1)} ms`).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(4);
  });

  it("validates the body", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "not-an-email", password: "x" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION");
  });
});

describe("CSRF on cookie requests", () => {
  it("GET /api/auth/csrf gives the session's token; it needs a session", async () => {
    const b = await login(t.app, alice.email);
    const res = await t.app.inject({ method: "GET", url: "/api/auth/csrf", headers: b.headers(false) });
    expect(res.json()).toEqual({ csrfToken: b.csrf });
    const anon = await t.app.inject({ method: "GET", url: "/api/auth/csrf" });
    expect(anon.statusCode).toBe(401);
  });

  it("refuses state-changing cookie requests without, or with a wrong, x-csrf-token", async () => {
    const a = await login(t.app, alice.email);
    const other = await login(t.app, admin.email);
    const cases: Array<[string, Record<string, string>]> = [
      ["missing", { cookie: a.cookie }],
      ["wrong", { cookie: a.cookie, "x-csrf-token": "x".repeat(43) }],
      ["another session's", { cookie: a.cookie, "x-csrf-token": other.csrf }],
      ["empty", { cookie: a.cookie, "x-csrf-token": "" }],
    ];
    for (const [label, headers] of cases) {
      for (const [method, url, payload] of [
        ["POST", "/api/courses", { title: "Nope" }],
        ["PATCH", "/api/courses/00000000-0000-4000-8000-000000000000", { title: "Nope" }],
        ["DELETE", "/api/tokens/00000000-0000-4000-8000-000000000000", undefined],
        ["POST", "/api/auth/logout", undefined],
      ] as const) {
        const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
        expect(res.statusCode, `${label} ${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe("CSRF_INVALID");
      }
    }
    expect(await t.prisma.course.count({ where: { title: "Nope" } })).toBe(0);
    const ok = await t.app.inject({ method: "POST", url: "/api/courses", headers: a.headers(), payload: { title: "Yes" } });
    expect(ok.statusCode).toBe(201);
  });

  it("reads (GET) need no CSRF token", async () => {
    const a = await login(t.app, alice.email);
    const res = await t.app.inject({ method: "GET", url: "/api/courses", headers: a.headers(false) });
    expect(res.statusCode).toBe(200);
  });
});

describe("personal access tokens", () => {
  it("are shown once, stored hashed, work without CSRF, and stop working when revoked", async () => {
    const a = await login(t.app, alice.email);
    const created = await t.app.inject({ method: "POST", url: "/api/tokens", headers: a.headers(), payload: { name: "LMS sync" } });
    expect(created.statusCode).toBe(201);
    const { id, token, prefix } = created.json();
    expect(token).toMatch(/^agt_[\w-]{40,}$/);
    expect(token.startsWith(prefix)).toBe(true);
    const row = await t.prisma.accessToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(sha256(token));

    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) });
    expect(me.json()).toMatchObject({ id: alice.id, via: "token" });
    const post = await t.app.inject({ method: "POST", url: "/api/courses", headers: bearer(token), payload: { title: "By script" } });
    expect(post.statusCode).toBe(201);

    const list = await t.app.inject({ method: "GET", url: "/api/tokens", headers: bearer(token) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.json()).toEqual([
      expect.objectContaining({ id, name: "LMS sync", prefix, revokedAt: null, lastUsedAt: expect.any(String) }),
    ]);

    const revoke = await t.app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: bearer(token) });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    const listed = await t.app.inject({ method: "GET", url: "/api/tokens", headers: a.headers(false) });
    expect(listed.json()[0].revokedAt).toEqual(expect.any(String));
  });

  it("a bearer token wins over a cookie and needs no CSRF even with the cookie present", async () => {
    const a = await login(t.app, alice.email);
    const { token } = await createToken(t.app, a);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/courses",
      headers: { cookie: a.cookie, ...bearer(token) },
      payload: { title: "Both" },
    });
    expect(res.statusCode).toBe(201);
  });

  it("cannot be listed or revoked by another user", async () => {
    const a = await login(t.app, alice.email);
    const { id, token } = await createToken(t.app, a);
    const b = await login(t.app, bob.email);
    const list = await t.app.inject({ method: "GET", url: "/api/tokens", headers: b.headers(false) });
    expect(list.json().map((x: { id: string }) => x.id)).not.toContain(id);
    const revoke = await t.app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: b.headers() });
    expect(revoke.statusCode).toBe(404);
    const still = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) });
    expect(still.statusCode).toBe(200);
  });

  it("expire when asked to, and unknown or malformed tokens authenticate nobody", async () => {
    const a = await login(t.app, alice.email);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: a.headers(),
      payload: { name: "short", expiresInDays: 1 },
    });
    const { id, token } = created.json();
    await t.prisma.accessToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) })).statusCode).toBe(401);
    for (const value of ["agt_unknown", "garbage", ""]) {
      const res = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(value) });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe("password change", () => {
  it("needs the current password and ends the user's other sessions", async () => {
    const user = await makeUser(t.prisma, "student", "carol@school.test");
    const one = await login(t.app, user.email);
    const two = await login(t.app, user.email);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/me/password",
      headers: one.headers(),
      payload: { currentPassword: "nope-nope-nope", newPassword: "a-new-long-password" },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/me/password",
      headers: one.headers(),
      payload: { currentPassword: PASSWORD, newPassword: "a-new-long-password" },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: one.headers(false) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: two.headers(false) })).statusCode).toBe(401);
    await login(t.app, user.email, "a-new-long-password");
  });
});
