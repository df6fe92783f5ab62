// Public documents an LMS fetches: the tool's JWKS (our signatures on deep-linking responses and
// service client assertions) and Canvas's developer key JSON.
import type { FastifyInstance } from "fastify";
import { canvasConfig } from "./urls.ts";

export async function publicDocumentRoutes(app: FastifyInstance) {
  app.get("/lti/jwks", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("cache-control", "public, max-age=300").header("access-control-allow-origin", "*").send(await app.lti.toolKeys().publicJwks()),
  );
  app.get("/lti/canvas.json", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("cache-control", "no-cache").header("access-control-allow-origin", "*").send(canvasConfig(app.config.publicUrl, "Autograder")),
  );
}
