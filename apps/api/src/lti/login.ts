// OIDC third-party login initiation (Security Framework §5.1.1.1, LTI Core §4.1): the platform
// sends iss, login_hint, target_link_uri (and lti_message_hint, client_id, lti_deployment_id) by
// GET or POST; we find the platform, store a state and nonce, bind the state to this browser
// with a cookie and send the browser to the platform's authorization endpoint.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type, type Static } from "typebox";
import { frameCookieOptions } from "./cookies.ts";
import { errorPage } from "./html.ts";
import { STATE_TTL_MS, createLaunchState, stateCookieName } from "./state.ts";
import { toolUrls } from "./urls.ts";

const LoginParams = Type.Object({
  iss: Type.Optional(Type.String({ maxLength: 2000 })),
  login_hint: Type.Optional(Type.String({ maxLength: 4000 })),
  target_link_uri: Type.Optional(Type.String({ maxLength: 4000 })),
  lti_message_hint: Type.Optional(Type.String({ maxLength: 8000 })),
  client_id: Type.Optional(Type.String({ maxLength: 1000 })),
  lti_deployment_id: Type.Optional(Type.String({ maxLength: 1000 })),
});
type LoginParams = Static<typeof LoginParams>;

export async function loginRoutes(app: FastifyInstance) {
  const urls = toolUrls(app.config.publicUrl);

  async function initiate(request: FastifyRequest, reply: FastifyReply, params: LoginParams) {
    const { iss, login_hint: loginHint, target_link_uri: targetLinkUri } = params;
    if (!iss || !loginHint || !targetLinkUri) {
      return errorPage(reply, 400, "LTI login refused", "The login request lacks iss, login_hint or target_link_uri.");
    }
    // The platform may only send the browser back into this tool.
    if (targetLinkUri !== app.config.publicUrl && !targetLinkUri.startsWith(`${app.config.publicUrl}/`)) {
      return errorPage(reply, 400, "LTI login refused", "target_link_uri is not a URL of this tool.");
    }
    const candidates = await app.prisma.ltiPlatform.findMany({
      where: { issuer: iss, ...(params.client_id ? { clientId: params.client_id } : {}) },
      include: { deployments: { select: { deploymentId: true } } },
    });
    // Without client_id, one issuer may have several registrations: the deployment id decides.
    const deploymentId = params.lti_deployment_id;
    const matching =
      candidates.length > 1 && deploymentId ? candidates.filter((p) => p.deployments.some((d) => d.deploymentId === deploymentId)) : candidates;
    const platform = matching.length === 1 ? matching[0] : undefined;
    if (!platform) {
      request.log.warn({ iss, clientId: params.client_id, found: matching.length }, "LTI login from an unregistered or ambiguous platform");
      return errorPage(reply, 400, "LTI login refused", "This LMS is not registered with the autograder (issuer and client id); ask the administrator to register it.");
    }
    const loginParams = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"));
    const { state, nonce } = await createLaunchState(app.prisma, platform.id, targetLinkUri, loginParams);
    reply.setCookie(stateCookieName(state), state, frameCookieOptions(app.config, request, { path: "/lti/", maxAgeSeconds: STATE_TTL_MS / 1000 }));
    const auth = new URL(platform.authLoginUrl);
    const query: Record<string, string> = {
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: platform.clientId,
      redirect_uri: urls.launchUrl,
      login_hint: loginHint,
      state,
      nonce,
    };
    if (params.lti_message_hint !== undefined) query.lti_message_hint = params.lti_message_hint;
    for (const [k, v] of Object.entries(query)) auth.searchParams.set(k, v);
    return reply.header("cache-control", "no-store").redirect(auth.toString(), 302);
  }

  const config = { csrf: false };
  app.get("/lti/login", { config, schema: { hide: true, querystring: LoginParams } }, (request, reply) =>
    initiate(request, reply, request.query as LoginParams),
  );
  app.post("/lti/login", { config, schema: { hide: true, body: LoginParams } }, (request, reply) =>
    initiate(request, reply, (request.body ?? {}) as LoginParams),
  );
}
