// Login is rate-limited per account (10 per 15 minutes) and per address (100 per minute).
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { LOGIN_LIMITS } from "../src/auth/limits.ts";
import { authPlugin } from "../src/plugins/auth.ts";
import { errorsPlugin } from "../src/plugins/errors.ts";
import { authRoutes } from "../src/routes/auth.ts";
import { PASSWORD, makeUser } from "./support/accounts.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makeUser(t.prisma, "student", "target@school.test");
  await makeUser(t.prisma, "student", "bystander@school.test");
});
afterAll(() => t.close());

const attempt = (email: string, password: string, ip = "10.0.0.1") =>
  t.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress: ip, payload: { email, password } });

describe("login rate limits", () => {
  it("per account: after the limit even the right password is refused, from any address", async () => {
    const { max } = LOGIN_LIMITS.perAccount;
    for (let i = 0; i < max; i++) {
      const res = await attempt("target@school.test", "wrong-password", `10.1.0.${i}`);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await attempt("TARGET@school.test", PASSWORD, "10.2.0.1");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.headers["set-cookie"]).toBeUndefined();
    // Another account from the same address is unaffected.
    expect((await attempt("bystander@school.test", PASSWORD, "10.2.0.1")).statusCode).toBe(200);
  });

  it("per address: many accounts from one address are refused after the limit; other addresses are not", async () => {
    // Each attempt costs a scrypt, so this runs the same plugins with a per-address limit of 5
    // instead of the production 100 (same database, same code path).
    const max = 5;
    const small: FastifyInstance = Fastify({ logger: false, trustProxy: true });
    small.decorate("prisma", t.prisma);
    small.decorate("config", t.config);
    await small.register(errorsPlugin);
    await small.register(authPlugin);
    await small.register(authRoutes, { loginLimits: { ...LOGIN_LIMITS, perAddress: { max, windowMs: 60_000 } } });
    await small.ready();
    const attempt = (email: string, password: string, ip: string) =>
      small.inject({ method: "POST", url: "/api/auth/login", remoteAddress: ip, payload: { email, password } });
    const ip = "10.9.9.9";
    const results = await Promise.all(
      Array.from({ length: max }, (_, i) => attempt(`guess-${i}@school.test`, "whatever-password", ip)),
    );
    expect(results.every((r) => r.statusCode === 401)).toBe(true);
    const blocked = await attempt("bystander@school.test", PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    expect((await attempt("bystander@school.test", PASSWORD, "10.9.9.10")).statusCode).toBe(200);
    await small.close();
  });

  it("the production per-address limit is generous enough for a classroom behind one NAT", () => {
    expect(LOGIN_LIMITS.perAddress.max).toBeGreaterThanOrEqual(100);
    expect(LOGIN_LIMITS.perAccount.max).toBeLessThanOrEqual(10);
  });
});
