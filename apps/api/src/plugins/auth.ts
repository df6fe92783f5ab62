// Who is calling: fills `request.user` from a Bearer access token or the session cookie,
// enforces CSRF on cookie-authenticated requests that change state, and provides the
// `requireUser` / `requireRole` preHandlers (contract in auth/context.ts).
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "@autograder/shared";
import type { Role } from "../auth/context.ts";
import { resolveAccessToken, scopeFor } from "../auth/access-tokens.ts";
import { prepareLogin } from "../auth/login.ts";
import { isValidCsrfToken } from "../auth/secrets.ts";
import { SESSION_COOKIE, resolveSession } from "../auth/sessions.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The session behind `request.user` when it came from the cookie. */
    session: { id: string; csrfSecret: string } | null;
  }
  interface FastifyContextConfig {
    /** false: cookie requests to this route need no CSRF token (login only). */
    csrf?: boolean;
  }
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-csrf-token";

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

async function identify(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) {
    request.user = await resolveAccessToken(app.prisma, bearer);
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || token === "") return;
  const session = await resolveSession(app.prisma, token);
  if (session === null) return;
  request.user = session.user;
  request.session = { id: session.id, csrfSecret: session.csrfSecret };
}

/** A token request needs the scope of its method: `read` for GET, `write` to change state. */
function checkScope(request: FastifyRequest): void {
  const grant = request.user?.token;
  if (grant === undefined) return;
  const needed = scopeFor(request.method);
  if (!grant.scopes.includes(needed)) throw new AppError("FORBIDDEN", `This token lacks the \`${needed}\` scope.`);
}

function checkCsrf(request: FastifyRequest): void {
  if (request.session === null || !STATE_CHANGING.has(request.method)) return;
  if (request.routeOptions.config.csrf === false) return;
  const header = request.headers[CSRF_HEADER];
  const presented = Array.isArray(header) ? header[0] : header;
  if (!isValidCsrfToken(request.session.csrfSecret, presented)) throw new AppError("CSRF_INVALID");
}

export const authPlugin = fp(
  async (app: FastifyInstance) => {
    if (!app.hasRequestDecorator("cookies")) await app.register(cookie);
    app.decorateRequest("user", null);
    app.decorateRequest("session", null);

    app.addHook("onRequest", async (request) => {
      await identify(app, request);
      checkCsrf(request);
      checkScope(request);
    });

    const requireUser = async (request: FastifyRequest, _reply: FastifyReply) => {
      if (request.user === null) throw new AppError("UNAUTHENTICATED");
    };
    app.decorate("requireUser", requireUser);
    app.decorate("requireRole", (...roles: Role[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
      if (request.user === null) throw new AppError("UNAUTHENTICATED");
      if (!roles.includes(request.user.role)) throw new AppError("FORBIDDEN");
    });

    await prepareLogin();
  },
  { name: "autograder-auth", dependencies: [] },
);
