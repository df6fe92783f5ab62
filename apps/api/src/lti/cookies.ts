// Cookies set while the tool runs inside an LMS iframe (docs/lti.md, "Cookies and the iframe").
// Over https they are SameSite=None; Secure; Partitioned: sent on the platform's cross-site
// form_post and inside the LMS's frame, and (CHIPS) kept in a jar keyed by the LMS's site, so a
// session made in the frame never rides along to our site opened elsewhere. Over plain http (a
// developer's machine, the tests) browsers refuse SameSite=None, so they are Lax: launches work
// only when the LMS and the tool are the same site (localhost ports).
import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyRequest } from "fastify";
import type { Config } from "../config.ts";

export function isSecureRequest(config: Pick<Config, "cookieSecure">, request: Pick<FastifyRequest, "protocol">): boolean {
  return config.cookieSecure === "auto" ? request.protocol === "https" : config.cookieSecure === "true";
}

export function frameCookieOptions(
  config: Pick<Config, "cookieSecure">,
  request: Pick<FastifyRequest, "protocol">,
  opts: { path: string; expires?: Date; maxAgeSeconds?: number },
): CookieSerializeOptions {
  const secure = isSecureRequest(config, request);
  return {
    path: opts.path,
    httpOnly: true,
    ...(secure ? { sameSite: "none", secure: true, partitioned: true } : { sameSite: "lax", secure: false }),
    ...(opts.expires ? { expires: opts.expires } : {}),
    ...(opts.maxAgeSeconds !== undefined ? { maxAge: opts.maxAgeSeconds } : {}),
  };
}
