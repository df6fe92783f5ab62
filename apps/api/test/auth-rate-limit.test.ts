// Login protection: growing delays per account and address (no account-wide lock anyone could
// trigger), a per-address limit, and both keyed on the real client: X-Forwarded-* count only
// from a proxy TRUST_PROXY lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { LOGIN_LIMITS, SIGNUP_LIMIT } from "../src/auth/limits.ts";
import { LOGIN_THROTTLE, LoginThrottle } from "../src/auth/login-throttle.ts";
import { PASSWORD, makeUser } from "./support/accounts.ts";

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ TRUST_PROXY: "127.0.0.1,10.200.0.0/16" });
  for (const app of [t, proxied]) {
    await makeUser(app.prisma, "student", "target@school.test");
    await makeUser(app.prisma, "student", "bystander@school.test");
  }
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const attempt = (app: TestApp, email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress: ip, headers, payload: { email, password } });
const spoofed = () => ({ "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` });

describe("login protection", () => {
  it("slows the guessing address down, never the account's owner elsewhere", async () => {
    for (let i = 0; i <= LOGIN_THROTTLE.free; i++) {
      expect((await attempt(t, "target@school.test", "wrong-password", "10.1.0.1", spoofed())).statusCode).toBe(401);
    }
    // Forged X-Forwarded-For headers do not make the attacker someone else.
    const slowed = await attempt(t, "TARGET@school.test", "wrong-password", "10.1.0.1", spoofed());
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.code).toBe("RATE_LIMITED");
    expect(Number(slowed.headers["retry-after"])).toBeGreaterThan(0);
    // The attacker keeps going (20 attempts in all, far past any per-account budget)...
    for (let i = 0; i < 13; i++) expect((await attempt(t, "target@school.test", "wrong-password", "10.1.0.1")).statusCode).toBe(429);
    // ...and the real user, from their own address, logs in at once: no account-wide lock.
    const owner = await attempt(t, "target@school.test", PASSWORD, "10.2.0.1");
    expect(owner.statusCode).toBe(200);
    expect((await attempt(t, "bystander@school.test", PASSWORD, "10.1.0.1")).statusCode).toBe(200);
  });

  it("delays grow, are capped, and reset on success or after quiet", () => {
    let now = 0;
    const throttle = new LoginThrottle({ ...LOGIN_THROTTLE, free: 2, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000, maxEntries: 3 }, () => now);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const wait = throttle.begin("a@x", "1.1.1.1");
      expect(wait).toBe(0);
      // While an attempt past the free budget is being checked, a parallel one waits.
      if (i > 0) expect(throttle.begin("a@x", "1.1.1.1")).toBeGreaterThan(0);
      throttle.failed("a@x", "1.1.1.1");
      now += 1;
      waits.push(throttle.begin("a@x", "1.1.1.1"));
      now += waits.at(-1)!;
    }
    // Two free failures, then 1 s, 2 s, 4 s, 8 s, 8 s (the cap).
    expect(waits.map((w) => Math.round(w / 1000))).toEqual([0, 1, 2, 4, 8, 8, 8, 8]);
    expect(throttle.begin("a@x", "2.2.2.2")).toBe(0); // another address: its own budget
    throttle.succeeded("a@x", "1.1.1.1");
    expect(throttle.begin("a@x", "1.1.1.1")).toBe(0);
    now += 120_000;
    for (let i = 0; i < 3; i++) expect(throttle.begin("b@x", "1.1.1.1")).toBe(0);
    // Bounded memory: the oldest pairs are forgotten.
    for (const ip of ["3.3.3.3", "4.4.4.4", "5.5.5.5", "6.6.6.6"]) throttle.begin("c@x", ip);
    for (let i = 0; i < 2; i++) expect(throttle.begin("b@x", "1.1.1.1")).toBe(0);
  });

  it("keys the sign-up limit on the real client, not a forged X-Forwarded-For", async () => {
    const join = (app: TestApp, ip: string, headers: Record<string, string>) =>
      app.app.inject({ method: "POST", url: "/api/courses/join", remoteAddress: ip, headers, payload: { joinCode: "NOPE-NOPE" } });
    for (let i = 0; i < SIGNUP_LIMIT.max; i++) expect((await join(t, "10.5.0.1", spoofed())).statusCode).toBe(404);
    expect((await join(t, "10.5.0.1", spoofed())).statusCode).toBe(429);
    // Behind a trusted proxy, each forwarded client has its own budget...
    for (let i = 0; i < SIGNUP_LIMIT.max; i++) expect((await join(proxied, "10.200.1.1", { "x-forwarded-for": "198.51.100.7" })).statusCode).toBe(404);
    expect((await join(proxied, "10.200.1.1", { "x-forwarded-for": "198.51.100.7" })).statusCode).toBe(429);
    expect((await join(proxied, "10.200.1.1", { "x-forwarded-for": "198.51.100.8" })).statusCode).toBe(404);
    // ...but a client that is not a listed proxy cannot forward for someone else.
    for (let i = 0; i < SIGNUP_LIMIT.max; i++) await join(proxied, "192.0.2.9", spoofed());
    expect((await join(proxied, "192.0.2.9", spoofed())).statusCode).toBe(429);
  });

  it("sets Secure from X-Forwarded-Proto only behind a trusted proxy", async () => {
    const direct = await attempt(t, "bystander@school.test", PASSWORD, "10.3.0.1", { "x-forwarded-proto": "https" });
    expect(direct.statusCode).toBe(200);
    expect(String(direct.headers["set-cookie"])).not.toMatch(/Secure/);
    const viaProxy = await attempt(proxied, "bystander@school.test", PASSWORD, "127.0.0.1", { "x-forwarded-proto": "https" });
    expect(String(viaProxy.headers["set-cookie"])).toMatch(/; Secure/);
  });

  it("the per-address limit is generous enough for a classroom behind one NAT", () => {
    expect(LOGIN_LIMITS.perAddress.max).toBeGreaterThanOrEqual(100);
  });
});
