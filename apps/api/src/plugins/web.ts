// Serves the web app (apps/web/dist) at `/`: hashed assets with a year-long immutable cache,
// index.html (never cached) for every other non-API GET so client-side routes load, and a
// 404 in the API's error format for unknown /api paths. Brotli/gzip copies written by the
// web build are sent to browsers that accept them.
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { AppError } from "@autograder/shared";
import { REPO_ROOT } from "../config.ts";

export const WEB_DIST = path.join(REPO_ROOT, "apps/web/dist");

/** Everything the page loads comes from this server (Monaco, its workers, fonts). */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const IMMUTABLE = "public, max-age=31536000, immutable";

function sendIndex(reply: FastifyReply) {
  return reply
    .header("cache-control", "no-cache")
    .header("content-security-policy", WEB_CSP)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin")
    .sendFile("index.html", WEB_DIST);
}

export async function webPlugin(app: FastifyInstance, opts: { distDir?: string } = {}) {
  const dist = opts.distDir ?? WEB_DIST;
  if (!existsSync(path.join(dist, "index.html"))) {
    app.log.warn(`The web app is not built (${dist} has no index.html): run npm run build:web`);
    app.get("/", async (_request, reply) =>
      reply.type("text/plain; charset=utf-8").send("The web app is not built yet: run `npm run build:web`, then restart. The API is at /api (docs at /api/docs)."),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: "/",
    // One route per built file (the folder is fixed once built); the SPA fallback below
    // takes every other path.
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      const rel = path.relative(dist, filePath);
      if (rel.startsWith(`assets${path.sep}`)) res.setHeader("cache-control", IMMUTABLE);
      else res.setHeader("cache-control", "no-cache");
      res.setHeader("x-content-type-options", "nosniff");
    },
  });
  app.get("/", { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    if (pathname === "/api" || pathname.startsWith("/api/")) {
      const e = new AppError("ROUTE_NOT_FOUND", `No route GET ${pathname}.`);
      return reply.status(404).send(e.toBody());
    }
    // A missing hashed asset is a real 404 (a stale page asking for an old build).
    if (pathname.startsWith("/assets/")) {
      const e = new AppError("NOT_FOUND", `No such file ${pathname}.`);
      return reply.status(404).header("cache-control", "no-cache").send(e.toBody());
    }
    return sendIndex(reply);
  });
}
