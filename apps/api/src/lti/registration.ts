// Admin registration of LMS platforms (issuer, client id, endpoints, deployment ids), the
// tool's URLs and Canvas JSON to paste into the LMS, and tool key rotation.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type, type Static } from "typebox";
import type { LtiDeployment, LtiPlatform } from "@autograder/db";
import { AppError } from "@autograder/shared";
import { isUniqueViolation } from "../auth/users.ts";
import { DateTime, IdParams, SECURED, errorResponses, iso } from "../http/responses.ts";
import { canvasConfig, toolUrls } from "./urls.ts";

const HttpUrl = Type.String({ minLength: 8, maxLength: 2000, pattern: "^https?://[^\\s]+$" });
const PlatformFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  issuer: HttpUrl,
  clientId: Type.String({ minLength: 1, maxLength: 500 }),
  authLoginUrl: HttpUrl,
  accessTokenUrl: HttpUrl,
  jwksUrl: HttpUrl,
  deploymentIds: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 100 }),
  frameOrigins: Type.Array(Type.String({ maxLength: 500, pattern: "^https?://[^/\\s]+$" }), { maxItems: 20 }),
};
const CreatePlatform = Type.Object(
  { ...PlatformFields, frameOrigins: Type.Optional(PlatformFields.frameOrigins) },
  { additionalProperties: false },
);
const UpdatePlatform = Type.Partial(Type.Object(PlatformFields), { additionalProperties: false });
const PlatformView = Type.Object({
  id: Type.String(),
  ...PlatformFields,
  createdAt: DateTime,
  updatedAt: DateTime,
});
const ToolView = Type.Object({
  urls: Type.Object({
    loginUrl: Type.String(),
    launchUrl: Type.String(),
    jwksUrl: Type.String(),
    deepLinkingUrl: Type.String(),
    canvasConfigUrl: Type.String(),
    domain: Type.String(),
  }),
  keys: Type.Array(Type.Object({ kid: Type.String(), createdAt: DateTime, retiredAt: Type.Union([DateTime, Type.Null()]) })),
  canvas: Type.Unknown(),
});

function view(p: LtiPlatform & { deployments: LtiDeployment[] }) {
  return {
    id: p.id,
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    authLoginUrl: p.authLoginUrl,
    accessTokenUrl: p.accessTokenUrl,
    jwksUrl: p.jwksUrl,
    deploymentIds: p.deployments.map((d) => d.deploymentId).sort(),
    frameOrigins: p.frameOrigins.split(" ").filter(Boolean),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

const conflict = (err: unknown): never => {
  if (isUniqueViolation(err)) throw new AppError("CONFLICT", "A platform with this issuer and client id is already registered.");
  throw err;
};

export const registrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = app.requireRole("admin");
  const adminSchema = { tags: ["lti"], security: SECURED };
  const include = { deployments: true } as const;

  app.get(
    "/api/lti/platforms",
    { preHandler: admin, schema: { ...adminSchema, summary: "Registered LMS platforms (admin)", response: { 200: Type.Array(PlatformView), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN") } } },
    async () => (await app.prisma.ltiPlatform.findMany({ include, orderBy: { createdAt: "asc" } })).map(view),
  );

  app.post(
    "/api/lti/platforms",
    {
      preHandler: admin,
      schema: {
        ...adminSchema,
        summary: "Register an LMS platform with its deployment ids (admin)",
        body: CreatePlatform,
        response: { 201: PlatformView, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "VALIDATION", "CONFLICT", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const { deploymentIds, frameOrigins, ...fields } = request.body;
      const origins = (frameOrigins ?? []).join(" ");
      const created = await app.prisma.ltiPlatform
        .create({
          data: { ...fields, frameOrigins: origins, deployments: { create: [...new Set(deploymentIds)].map((deploymentId) => ({ deploymentId })) } },
          include,
        })
        .catch(conflict);
      app.lti.platformsChanged();
      return reply.status(201).send(view(created));
    },
  );

  app.get(
    "/api/lti/platforms/:id",
    {
      preHandler: admin,
      schema: { ...adminSchema, summary: "One registered platform (admin)", params: IdParams, response: { 200: PlatformView, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND") } },
    },
    async (request) => {
      const p = await app.prisma.ltiPlatform.findUnique({ where: { id: request.params.id }, include });
      if (!p) throw new AppError("NOT_FOUND", "No such platform.");
      return view(p);
    },
  );

  app.patch(
    "/api/lti/platforms/:id",
    {
      preHandler: admin,
      schema: {
        ...adminSchema,
        summary: "Change a platform; deploymentIds, when given, replace the list (admin)",
        params: IdParams,
        body: UpdatePlatform,
        response: { 200: PlatformView, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT", "CSRF_INVALID") },
      },
    },
    async (request) => {
      const { deploymentIds, frameOrigins, ...rest }: Static<typeof UpdatePlatform> = request.body;
      const fields = { ...rest, ...(frameOrigins !== undefined ? { frameOrigins: frameOrigins.join(" ") } : {}) };
      const before = await app.prisma.ltiPlatform.findUnique({ where: { id: request.params.id } });
      if (!before) throw new AppError("NOT_FOUND", "No such platform.");
      const updated = await app.prisma
        .$transaction(async (tx) => {
          if (deploymentIds !== undefined) {
            await tx.ltiDeployment.deleteMany({ where: { platformId: before.id, deploymentId: { notIn: deploymentIds } } });
            await tx.ltiDeployment.createMany({ data: deploymentIds.map((deploymentId) => ({ platformId: before.id, deploymentId })), skipDuplicates: true });
          }
          return tx.ltiPlatform.update({ where: { id: before.id }, data: fields, include });
        })
        .catch(conflict);
      app.lti.platformKeys.forget(before.jwksUrl);
      app.lti.platformsChanged();
      return view(updated);
    },
  );

  app.delete(
    "/api/lti/platforms/:id",
    {
      preHandler: admin,
      schema: {
        ...adminSchema,
        summary: "Remove a platform: its launches stop; courses and accounts stay (admin)",
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const deleted = await app.prisma.ltiPlatform.deleteMany({ where: { id: request.params.id } });
      if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such platform.");
      app.lti.platformsChanged();
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/lti/tool",
    {
      preHandler: admin,
      schema: { ...adminSchema, summary: "The URLs to paste into an LMS, the tool keys and Canvas's JSON (admin)", response: { 200: ToolView, ...errorResponses("UNAUTHENTICATED", "FORBIDDEN") } },
    },
    async () => {
      await app.lti.toolKeys().signingKey();
      const keys = await app.prisma.ltiToolKey.findMany({ orderBy: { createdAt: "desc" }, select: { kid: true, createdAt: true, retiredAt: true } });
      return {
        urls: toolUrls(app.config.publicUrl),
        keys: keys.map((k) => ({ kid: k.kid, createdAt: iso(k.createdAt), retiredAt: iso(k.retiredAt) })),
        canvas: canvasConfig(app.config.publicUrl, "Autograder"),
      };
    },
  );

  app.post(
    "/api/lti/keys/rotate",
    {
      preHandler: admin,
      schema: {
        ...adminSchema,
        summary: "Make a new tool key the signing key; the old one stays published for an hour (admin)",
        response: { 200: Type.Object({ kid: Type.String() }), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "CSRF_INVALID") },
      },
    },
    async () => ({ kid: await app.lti.toolKeys().rotate() }),
  );
};
