// The launch (LTI Core §5, Security Framework §5.1.1.3): the platform form_posts id_token and
// state to our redirect URI. Checked in order: the state (known, unused, unexpired) and that
// this browser started it (cookie); the signature against the platform's JWKS; iss, aud, exp,
// iat (with CLOCK_SKEW_S); then the LTI claims (claims.ts). A launch that passes links the
// account, maps the course, signs the user in and opens the assignment or the exercise picker.
import { errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type, type Static } from "typebox";
import type { LtiPlatform } from "@autograder/db";
import { randomSecret, sha256 } from "../auth/secrets.ts";
import { SESSION_COOKIE, createSession } from "../auth/sessions.ts";
import { sessionCookieOptions } from "../auth/cookie.ts";
import { LtiLaunchError, courseRoleOf, readLaunchClaims, type LaunchClaims } from "./claims.ts";
import { frameCookieOptions } from "./cookies.ts";
import { afterLaunch } from "./hooks.ts";
import { errorPage, launchedPage } from "./html.ts";
import { enrol, linkUser, mapContext, mapResourceLink } from "./provisioning.ts";
import { consumeLaunchState, cookieMatches, relaunchUrl, stateCookieName } from "./state.ts";
import { platformFrameOrigins } from "./urls.ts";

/** Clock difference tolerated between the platform and us. */
export const CLOCK_SKEW_S = 60;
/** An id_token older than this is refused even if its exp is later (it can only come from a replay). */
const MAX_TOKEN_AGE_S = 10 * 60;
export const DEEP_LINK_TTL_MS = 60 * 60 * 1000;
const TICKET_TTL_MS = 2 * 60 * 1000;
/** Reasons that concern what a genuine user may do (403), not the token's authenticity (401). */
const REFUSED_AFTER_VERIFYING = new Set(["roles", "context", "no_course", "no_assignment", "custom.assignment_id"]);

const LaunchBody = Type.Object({
  id_token: Type.Optional(Type.String({ maxLength: 200_000 })),
  state: Type.Optional(Type.String({ maxLength: 200 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** In-app path of an exercise page (apps/web's exerciseUrl). */
export function exercisePath(exerciseId: string, assignmentId: string): string {
  return `/exercises/${encodeURIComponent(exerciseId)}?assignment=${encodeURIComponent(assignmentId)}`;
}

export function frameAncestorsFor(platform: LtiPlatform): string {
  return ["'self'", ...platformFrameOrigins(platform)].join(" ");
}

async function verifyIdToken(app: FastifyInstance, platform: LtiPlatform, idToken: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, app.lti.platformKeys.forUrl(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256"],
      clockTolerance: CLOCK_SKEW_S,
      maxTokenAge: MAX_TOKEN_AGE_S,
      requiredClaims: ["exp", "iat", "nonce", "sub"],
    });
    return payload;
  } catch (err) {
    if (err instanceof joseErrors.JWKSNoMatchingKey) throw new LtiLaunchError("kid", "The token is signed with a key the platform does not publish.");
    if (err instanceof joseErrors.JWSSignatureVerificationFailed) throw new LtiLaunchError("signature", "The token's signature is not valid.");
    if (err instanceof joseErrors.JWTExpired) {
      throw err.claim === "exp"
        ? new LtiLaunchError("exp", "The token has expired.")
        : new LtiLaunchError(err.claim, `The token's ${err.claim} is too far in the past.`);
    }
    if (err instanceof joseErrors.JWTClaimValidationFailed) throw new LtiLaunchError(err.claim, `The token's ${err.claim} claim is not valid: ${err.reason}.`);
    if (err instanceof joseErrors.JOSEError) throw new LtiLaunchError("token", `The token could not be verified (${err.code}).`);
    throw err;
  }
}

export async function launchRoutes(app: FastifyInstance) {
  async function launch(request: FastifyRequest, reply: FastifyReply) {
    const body = (request.body ?? {}) as Static<typeof LaunchBody>;
    if (body.error !== undefined) {
      // Anyone can post here: the page shows an OAuth error code, never posted free text.
      request.log.warn({ error: body.error, description: body.error_description }, "the LMS answered the login with an error");
      const code = /^[a-z_]{1,50}$/.test(body.error) ? body.error : "invalid_request";
      return errorPage(reply, 400, "The LMS refused the launch", `The LMS answered: ${code}. Log in to the LMS and open the link again.`);
    }
    if (!body.id_token || !body.state) return errorPage(reply, 400, "Launch refused", "The launch lacks id_token or state.");
    const cookieName = stateCookieName(body.state);
    // Browser binding: only the browser that started this login may finish it.
    if (!cookieMatches(request.cookies[cookieName], body.state)) {
      request.log.warn({ reason: "state_cookie" }, "LTI launch refused");
      // No cookie at all: most likely blocked in the frame; a new window starts the login again.
      const relaunch = request.cookies[cookieName] === undefined ? await relaunchUrl(app.prisma, app.config.publicUrl, body.state) : null;
      return errorPage(
        reply,
        401,
        "Launch refused",
        "This launch was not started in this browser, or the browser blocked the tool's cookie inside the LMS page. Open the link again from the LMS, or open the tool in a new window.",
        "*",
        relaunch ? { href: relaunch, text: "Open in a new window" } : undefined,
      );
    }
    reply.clearCookie(cookieName, frameCookieOptions(app.config, request, { path: "/lti/" }));
    const state = await consumeLaunchState(app.prisma, body.state);
    if (!state) return errorPage(reply, 401, "Launch refused", "This launch has expired or was already used. Open the link again from the LMS.");
    const platform = await app.prisma.ltiPlatform.findUnique({ where: { id: state.platformId }, include: { deployments: true } });
    if (!platform) return errorPage(reply, 401, "Launch refused", "The LMS is no longer registered.");
    const frameAncestors = frameAncestorsFor(platform);

    let claims: LaunchClaims;
    try {
      const payload = await verifyIdToken(app, platform, body.id_token);
      claims = readLaunchClaims(payload, {
        clientId: platform.clientId,
        nonce: state.nonce,
        deployments: new Set(platform.deployments.map((d) => d.deploymentId)),
      });
      const courseRole = courseRoleOf(claims.roles);
      if (courseRole === null) throw new LtiLaunchError("roles", "Your LMS role in this course is neither instructor nor learner.");
      if (claims.messageType === "LtiDeepLinkingRequest" && courseRole !== "instructor") {
        throw new LtiLaunchError("roles", "Only instructors can add exercises from the LMS.");
      }
      return await complete(request, reply, platform, claims, courseRole, frameAncestors);
    } catch (err) {
      if (!(err instanceof LtiLaunchError)) throw err;
      request.log.warn({ reason: err.reason, platformId: platform.id }, "LTI launch refused");
      const status = REFUSED_AFTER_VERIFYING.has(err.reason) ? 403 : 401;
      return errorPage(reply, status, "Launch refused", err.message, frameAncestors);
    }
  }

  async function complete(
    request: FastifyRequest,
    reply: FastifyReply,
    platform: LtiPlatform,
    claims: LaunchClaims,
    courseRole: "instructor" | "student",
    frameAncestors: string,
  ) {
    const user = await linkUser(app.prisma, platform, claims, courseRole);
    const { course, ltiContext } = await mapContext(app.prisma, platform, claims, user, courseRole);
    await enrol(app.prisma, course, user.id, courseRole);

    let target: string;
    if (claims.messageType === "LtiDeepLinkingRequest") {
      const settings = claims.deepLinking!;
      const session = await app.prisma.ltiDeepLinkSession.create({
        data: {
          platformId: platform.id,
          deploymentId: claims.deploymentId,
          userId: user.id,
          courseId: course.id,
          returnUrl: settings.returnUrl,
          data: settings.data ?? null,
          acceptMultiple: settings.acceptMultiple,
          acceptLineItem: settings.acceptLineItem,
          expiresAt: new Date(Date.now() + DEEP_LINK_TTL_MS),
        },
      });
      target = `/lti/deep-link/${session.id}`;
    } else {
      const assignment = await mapResourceLink(app.prisma, ltiContext, claims);
      if (assignment) target = exercisePath(assignment.exerciseId, assignment.id);
      else if (courseRole === "instructor") target = `/courses/${course.id}`;
      else throw new LtiLaunchError("no_assignment", "This LMS link is not connected to an assignment yet; ask your instructor.");
    }

    try {
      await afterLaunch({ app, platformId: platform.id, userId: user.id, courseId: course.id, ltiContextId: ltiContext.id, courseRole, messageType: claims.messageType });
    } catch (err) {
      request.log.error({ err }, "afterLaunch failed (the launch goes on)");
    }

    const session = await createSession(app.prisma, user.id, app.config.sessionTtlHours, {
      ip: request.ip,
      ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
    });
    reply.setCookie(SESSION_COOKIE, session.token, frameCookieOptions(app.config, request, { path: "/", expires: session.expiresAt }));
    const ticket = randomSecret();
    await app.prisma.ltiLaunchTicket.create({
      data: { tokenHash: sha256(ticket), userId: user.id, path: target, expiresAt: new Date(Date.now() + TICKET_TTL_MS) },
    });
    return launchedPage(reply, target, `/lti/ticket/${ticket}`, frameAncestors);
  }

  app.post("/lti/launch", { config: { csrf: false }, schema: { hide: true, body: LaunchBody } }, launch);

  // "Open in a new window": a top-level page where our cookie is first-party. Single use.
  app.get<{ Params: { ticket: string } }>(
    "/lti/ticket/:ticket",
    { schema: { hide: true, params: Type.Object({ ticket: Type.String({ minLength: 20, maxLength: 100 }) }) } },
    async (request, reply) => {
      const tokenHash = sha256(request.params.ticket);
      const now = new Date();
      const { count } = await app.prisma.ltiLaunchTicket.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      const ticket = count === 1 ? await app.prisma.ltiLaunchTicket.findUnique({ where: { tokenHash } }) : null;
      if (!ticket) return errorPage(reply, 401, "Link expired", "This link was already used or has expired. Open the tool again from the LMS.");
      const session = await createSession(app.prisma, ticket.userId, app.config.sessionTtlHours, { ip: request.ip });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(app.config, request, session.expiresAt));
      return reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer").redirect(ticket.path, 303);
    },
  );
}
