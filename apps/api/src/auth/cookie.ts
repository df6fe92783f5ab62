// Options of the session cookie: httpOnly, SameSite=Lax, Secure per configuration.
import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyRequest } from "fastify";
import type { Config } from "../config.ts";

export function sessionCookieOptions(
  config: Pick<Config, "cookieSecure">,
  request: Pick<FastifyRequest, "protocol">,
  expiresAt?: Date,
): CookieSerializeOptions {
  const secure = config.cookieSecure === "auto" ? request.protocol === "https" : config.cookieSecure === "true";
  return { path: "/", httpOnly: true, sameSite: "lax", secure, ...(expiresAt ? { expires: expiresAt } : {}) };
}
