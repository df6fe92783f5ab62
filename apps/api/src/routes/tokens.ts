// Personal access tokens of the calling user: create (shown once), list, revoke. Rules of
// scopes and of tokens minted by tokens: auth/access-tokens.ts.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type, type Static } from "typebox";
import { AppError, TOKEN_NAME_MAX_LENGTH } from "@autograder/shared";
import { userOf } from "../auth/context.ts";
import { DEFAULT_SCOPES, TOKEN_SCOPES, createAccessToken, parseScopes, revokeTokenTree, type TokenScope } from "../auth/access-tokens.ts";
import { IdParams, NullableDateTime, DateTime, SECURED, errorResponses, iso } from "../http/responses.ts";

/** TOKEN_SCOPES as a schema (spelled out: TypeBox needs the literal tuple). */
const Scope = Type.Union([Type.Literal("read"), Type.Literal("write"), Type.Literal("tokens")]);
type ScopeMatches = Static<typeof Scope> extends TokenScope ? (TokenScope extends Static<typeof Scope> ? true : never) : never;
const scopeMatches: ScopeMatches = true;
void scopeMatches;
const CreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: TOKEN_NAME_MAX_LENGTH }),
  /** Days until the token stops working; without it the token lives until revoked. */
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  /** What the token may do; default read and write. `tokens` lets it create tokens. */
  scopes: Type.Optional(Type.Array(Scope, { minItems: 1, maxItems: TOKEN_SCOPES.length, uniqueItems: true })),
});
const Created = Type.Object({
  id: Type.String(),
  token: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Scope),
  expiresAt: NullableDateTime,
});
const TokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Scope),
  /** The token that created this one (it dies with it), or null. */
  parentId: Type.Union([Type.String(), Type.Null()]),
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
        summary:
          "Create a personal access token (shown only in this answer). From a token: needs its `tokens` scope; the new token gets no more scopes nor a later expiry, and dies with it",
        security: SECURED,
        body: CreateBody,
        response: { 201: Created, ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const { name, expiresInDays } = request.body;
      const me = userOf(request);
      const scopes: TokenScope[] = request.body.scopes ?? DEFAULT_SCOPES;
      const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * 86_400_000);
      const created = await createAccessToken(app.prisma, me.id, name.trim(), expiresAt, scopes, me.token ?? null);
      return reply.status(201).send({ ...created, scopes: [...new Set(scopes)], expiresAt: iso(created.expiresAt) });
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
        scopes: parseScopes(t.scopes),
        parentId: t.parentId,
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
        summary: "Revoke one of the calling user's tokens, and every token created from it",
        security: SECURED,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const count = await revokeTokenTree(app.prisma, userOf(request).id, request.params.id);
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
