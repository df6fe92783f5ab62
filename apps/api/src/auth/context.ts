// The contract every route relies on: who is calling. The auth plugin (plugins/auth.ts) fills
// `request.user` from the session cookie or a Bearer token, enforces CSRF on cookie requests
// that change state, and provides the preHandlers below.
import type { preHandlerHookHandler } from "fastify";
import type { TokenGrant } from "./access-tokens.ts";

export type Role = "admin" | "instructor" | "student";

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** How this request authenticated: CSRF applies to "session" only. */
  via: "session" | "token";
  /** The access token behind a "token" request: what it may do. */
  token?: TokenGrant;
}

declare module "fastify" {
  interface FastifyRequest {
    user: AuthUser | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 UNAUTHENTICATED without a user. */
    requireUser: preHandlerHookHandler;
    /** preHandler: 401 without a user, 403 FORBIDDEN unless the user has one of `roles`. */
    requireRole(...roles: Role[]): preHandlerHookHandler;
  }
}

/** The authenticated user of a request that passed `requireUser`. */
export function userOf(request: { user: AuthUser | null }): AuthUser {
  if (request.user === null) throw new Error("userOf() used on a route without requireUser");
  return request.user;
}
