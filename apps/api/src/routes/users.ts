// Accounts: who am I, admins creating, listing and resetting accounts, changing one's own password.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, PASSWORD_MAX_LENGTH, USER_SEARCH_MAX_LENGTH } from "@autograder/shared";
import { userOf } from "../auth/context.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { Email, MeSchema, Password, PersonName, RoleSchema } from "../auth/schemas.ts";
import { deleteUserSessions } from "../auth/sessions.ts";
import { revokeAllTokens } from "../auth/access-tokens.ts";
import { createUser } from "../auth/users.ts";
import { DateTime, IdParams, SECURED, errorResponses, iso } from "../http/responses.ts";

const CreateUserBody = Type.Object({ email: Email, password: Password, name: PersonName, role: RoleSchema });
const UserListItem = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  createdAt: DateTime,
});
const ListQuery = Type.Object({
  role: Type.Optional(RoleSchema),
  q: Type.Optional(Type.String({ maxLength: USER_SEARCH_MAX_LENGTH, description: "Part of the email or name, any case" })),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/me",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["auth"],
        summary: "The calling user and how they authenticated",
        security: SECURED,
        response: { 200: MeSchema, ...errorResponses("UNAUTHENTICATED") },
      },
    },
    async (request) => userOf(request),
  );

  app.post(
    "/api/me/password",
    {
      preHandler: app.requireUser,
      schema: {
        tags: ["auth"],
        summary: "Change one's password; ends every other session and revokes every access token",
        security: SECURED,
        body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }), newPassword: Password }),
        response: { 204: Type.Null(), ...errorResponses("UNAUTHENTICATED", "BAD_CREDENTIALS", "CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const me = userOf(request);
      const user = await app.prisma.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
      if (!(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
        throw new AppError("BAD_CREDENTIALS", "The current password is wrong.");
      }
      await app.prisma.user.update({
        where: { id: me.id },
        data: { passwordHash: await hashPassword(request.body.newPassword) },
      });
      await deleteUserSessions(app.prisma, me.id, request.session?.id);
      await revokeAllTokens(app.prisma, me.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/users",
    {
      preHandler: app.requireRole("admin"),
      schema: {
        tags: ["users"],
        summary: "Create an account (admin): instructors, admins or students",
        security: SECURED,
        body: CreateUserBody,
        response: {
          201: Type.Object({ id: Type.String() }),
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "EMAIL_TAKEN"),
        },
      },
    },
    async (request, reply) => {
      const created = await createUser(app.prisma, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/users",
    {
      preHandler: app.requireRole("admin"),
      schema: {
        tags: ["users"],
        summary: "List accounts (admin)",
        security: SECURED,
        querystring: ListQuery,
        response: { 200: Type.Array(UserListItem), ...errorResponses("UNAUTHENTICATED", "FORBIDDEN") },
      },
    },
    async (request) => {
      const { role, q, limit, offset } = request.query;
      // Prisma passes `contains` to LIKE as it is: % and _ must match themselves.
      const text = (q?.trim() ?? "").replace(/[\\%_]/g, "\\$&");
      const users = await app.prisma.user.findMany({
        where: {
          ...(role ? { role } : {}),
          ...(text
            ? { OR: [{ email: { contains: text, mode: "insensitive" } }, { name: { contains: text, mode: "insensitive" } }] }
            : {}),
        },
        orderBy: { email: "asc" },
        take: limit,
        skip: offset,
        select: { id: true, email: true, name: true, role: true, createdAt: true },
      });
      return users.map((u) => ({ ...u, createdAt: iso(u.createdAt) }));
    },
  );

  app.post(
    "/api/users/:id/password",
    {
      preHandler: app.requireRole("admin"),
      schema: {
        tags: ["users"],
        summary:
          "Set another account's password (admin): ends every session of that account and revokes its access tokens. Your own password: POST /api/me/password",
        security: SECURED,
        params: IdParams,
        body: Type.Object({ password: Password }),
        response: {
          204: Type.Null(),
          ...errorResponses("VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CSRF_INVALID"),
        },
      },
    },
    async (request, reply) => {
      const me = userOf(request);
      // Changing one's own password asks for the current one: a borrowed admin session must
      // not be enough to lock the admin out.
      if (request.params.id === me.id) {
        throw new AppError("VALIDATION", "Your own password is changed with the current one (POST /api/me/password), not reset here.");
      }
      const passwordHash = await hashPassword(request.body.password);
      const { count } = await app.prisma.user.updateMany({ where: { id: request.params.id }, data: { passwordHash } });
      if (count === 0) throw new AppError("NOT_FOUND", "No such account.");
      await deleteUserSessions(app.prisma, request.params.id);
      await revokeAllTokens(app.prisma, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
