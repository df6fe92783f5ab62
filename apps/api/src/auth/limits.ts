// Rate limits on credential guessing: login per address (plus the per account+address delays
// of login-throttle.ts), and sign-ups through a join code per address. Counters live in
// @fastify/rate-limit's in-process store. The address is the real client's: `request.ip`,
// which honours X-Forwarded-For only from the proxies TRUST_PROXY lists.
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "@autograder/shared";
import { normalizeEmail } from "./login.ts";
import type { LoginThrottle } from "./login-throttle.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

export const LOGIN_LIMITS = {
  /** From one address: generous, since a whole classroom can sit behind one NAT. */
  perAddress: { max: 100, windowMs: 60 * 1000 },
} satisfies Record<string, Limit>;

export const SIGNUP_LIMIT: Limit = { max: 30, windowMs: 60 * 1000 };

type Check = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Registers the rate-limit plugin in this (encapsulated) context unless it already is. */
export async function ensureRateLimit(app: FastifyInstance): Promise<void> {
  if (!app.hasDecorator("createRateLimit")) await app.register(rateLimit, { global: false });
}

function limiter(app: FastifyInstance, limit: Limit, key: (request: FastifyRequest) => string): Check {
  // `cache` (LRU size of the counters) is read by the store at runtime but missing from the
  // CreateRateLimitOptions type; large enough that a flood of names cannot evict real counters.
  const options = { max: limit.max, timeWindow: limit.windowMs, keyGenerator: key, cache: 50_000 };
  const check = app.createRateLimit(options);
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header("retry-after", result.ttlInSeconds);
    throw new AppError("RATE_LIMITED", `Too many attempts; try again in ${result.ttlInSeconds} s.`);
  };
}

function bodyEmail(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === "string" ? normalizeEmail(body.email) : "";
}

/** The email a login request is for (normalised), for the account+address throttle. */
export function loginAccount(request: FastifyRequest): string {
  return bodyEmail(request);
}

/** preHandler for the login route (runs after validation, so the body's email is known). */
export function loginLimiter(app: FastifyInstance, limits = LOGIN_LIMITS, throttle: LoginThrottle): Check {
  const byAddress = limiter(app, limits.perAddress, (r) => `login-ip:${r.ip}`);
  return async (request, reply) => {
    await byAddress(request, reply);
    const waitMs = throttle.begin(loginAccount(request), request.ip);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      reply.header("retry-after", seconds);
      throw new AppError("RATE_LIMITED", `Too many failed logins from here; try again in ${seconds} s.`);
    }
  };
}

/** preHandler for routes that create accounts or try join codes without being logged in. */
export function signupLimiter(app: FastifyInstance, limit = SIGNUP_LIMIT): Check {
  return limiter(app, limit, (r) => `signup-ip:${r.ip}`);
}
