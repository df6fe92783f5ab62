// Personal access tokens of the calling user: create (shown once), list, revoke.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError } from "@autograder/shared";
import { userOf } from "../auth/context.ts";
import { createAccessToken } from "../auth/access-tokens.ts";
import { IdParams, NullableDateTime, DateTime, SECURED, errorResponses, iso } from "../http/responses.ts";

const CreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  /** Days until the token stops working; without it the token lives until revoked. */
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});
const Created = Type.Object({ id: Type.String(), token: Type.String(), prefix: Type.String(), expiresAt: NullableDateTime });
const TokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: DateTime,
  lastUsedAt: NullableDateTime,
  expiresAt: NullableDateTime,
  revokedAt: NullableDateTime,
});

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/api/tokens",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["tokens"],
        summary: "Create a personal access token (the token is shown only in this answer)",
        security: SECURED,
        body: CreateBody,
        response: { 201: Created, ...errorResponses("VALIDATION", "UNAUTHENTICATED", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const { name, expiresInDays } = request.body;
      const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * 86_400_000);
      const created = await createAccessToken(app.prisma, userOf(request).id, name.trim(), expiresAt);
      return reply.status(201).send({ ...created, expiresAt: iso(expiresAt) });
    },
  );

  app.get(
    "/api/tokens",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["tokens"],
        summary: "The calling user's access tokens (never the secrets)",
        security: SECURED,
        response: { 200: Type.Array(TokenInfo), ...errorResponses("UNAUTHENTICATED") },
      },
    },
    async (request) => {
      const rows = await app.prisma.accessToken.findMany({
        where: { userId: userOf(request).id },
        orderBy: { createdAt: "desc" },
      });
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        createdAt: iso(t.createdAt),
        lastUsedAt: iso(t.lastUsedAt),
        expiresAt: iso(t.expiresAt),
        revokedAt: iso(t.revokedAt),
      }));
    },
  );

  app.delete(
    "/api/tokens/:id",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["tokens"],
        summary: "Revoke one of the calling user's tokens",
        security: SECURED,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const { count } = await app.prisma.accessToken.updateMany({
        where: { id: request.params.id, userId: userOf(request).id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count === 0) {
        const exists = await app.prisma.accessToken.findFirst({
          where: { id: request.params.id, userId: userOf(request).id },
          select: { id: true },
        });
        if (!exists) throw new AppError("NOT_FOUND", "No such token of yours.");
      }
      return reply.status(204).send(null);
    },
  );
};
