// Login, logout and the CSRF token of the current session.
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, PASSWORD_MAX_LENGTH } from "@autograder/shared";
import { sessionCookieOptions } from "../auth/cookie.ts";
import { LOGIN_LIMITS, ensureRateLimit, loginAccount, loginLimiter } from "../auth/limits.ts";
import { LOGIN_THROTTLE, LoginThrottle, type ThrottleSettings } from "../auth/login-throttle.ts";
import { checkCredentials } from "../auth/login.ts";
import { csrfTokenFor } from "../auth/secrets.ts";
import { Email, UserSchema } from "../auth/schemas.ts";
import { SESSION_COOKIE, createSession, deleteSessionByToken } from "../auth/sessions.ts";
import { errorResponses } from "../http/responses.ts";

const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) });
const LoginReply = Type.Object({ user: UserSchema, csrfToken: Type.String() });

export interface AuthRoutesOptions {
  /** Login rate limits; the defaults suit production (tests may lower them). */
  loginLimits?: typeof LOGIN_LIMITS;
  /** Delays per account and address after failed logins (tests may shorten them). */
  loginThrottle?: ThrottleSettings;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  await ensureRateLimit(app);
  const throttle = new LoginThrottle(options.loginThrottle ?? LOGIN_THROTTLE);
  const limitLogin = loginLimiter(app, options.loginLimits ?? LOGIN_LIMITS, throttle);

  app.post(
    "/api/auth/login",
    {
      // No session yet to hold a CSRF secret; SameSite=Lax keeps other sites from posting here with cookies.
      config: { csrf: false },
      preHandler: limitLogin,
      schema: {
        tags: ["auth"],
        summary: "Log in: sets the httpOnly session cookie and returns the CSRF token for it",
        body: LoginBody,
        response: { 200: LoginReply, ...errorResponses("VALIDATION", "BAD_CREDENTIALS", "RATE_LIMITED") },
      },
    },
    async (request, reply) => {
      const userId = await checkCredentials(app.prisma, request.body);
      if (userId === null) {
        throttle.failed(loginAccount(request), request.ip);
        throw new AppError("BAD_CREDENTIALS");
      }
      throttle.succeeded(loginAccount(request), request.ip);
      const user = await app.prisma.user.findUniqueOrThrow({
        where: { id: userId },
        select: { id: true, email: true, name: true, role: true },
      });
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSessionByToken(app.prisma, previous);
      const session = await createSession(app.prisma, user.id, app.config.sessionTtlHours, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(app.config, request, session.expiresAt));
      return { user, csrfToken: csrfTokenFor(session.csrfSecret) };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Log out: ends the session of the cookie and clears it (needs x-csrf-token)",
        response: { 204: Type.Null(), ...errorResponses("CSRF_INVALID") },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSessionByToken(app.prisma, token);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app.config, request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/csrf",
    {
      schema: {
        tags: ["auth"],
        summary: "The CSRF token of the current session, to send as x-csrf-token on state-changing requests",
        response: { 200: Type.Object({ csrfToken: Type.String() }), ...errorResponses("UNAUTHENTICATED") },
      },
    },
    async (request) => {
      if (request.session === null) throw new AppError("UNAUTHENTICATED", "Log in first: CSRF tokens belong to a session.");
      return { csrfToken: csrfTokenFor(request.session.csrfSecret) };
    },
  );
};
