// The LTI 1.3 tool (docs/lti.md): registration (admin), the tool's public documents, OIDC login
// initiation, launch and deep linking. Pages the platform posts to take form bodies; only the
// scope of those routes parses application/x-www-form-urlencoded.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "@autograder/shared";
import { ensureRateLimit } from "../auth/limits.ts";
import { deepLinkingApiRoutes, deepLinkingReturnRoutes } from "./deep-linking.ts";
import { publicDocumentRoutes } from "./jwks.ts";
import { launchRoutes } from "./launch.ts";
import { loginRoutes } from "./login.ts";
import { DEFAULT_PLATFORM_KEY_OPTIONS, createPlatformKeys, type PlatformKeyOptions, type PlatformKeys } from "./platform-keys.ts";
import { registrationRoutes } from "./registration.ts";
import { createToolKeyStore, loadKeyEncryptionKey, type ToolKeyStore } from "./tool-keys.ts";
import { platformFrameOrigins } from "./urls.ts";

declare module "fastify" {
  interface FastifyInstance {
    lti: {
      /** The tool's signing keys (the encryption key is loaded on first use). */
      toolKeys(): ToolKeyStore;
      platformKeys: PlatformKeys;
      /** Call after a platform is added, changed or removed (frame-ancestors, key caches). */
      platformsChanged(): void;
    };
  }
}

export interface LtiOptions {
  platformKeys?: Partial<PlatformKeyOptions>;
  /** Default LTI_LAUNCHES_PER_MINUTE. */
  launchesPerMinute?: number;
}

const FORM_LIMIT = 256 * 1024;
const FRAME_ORIGINS_TTL_MS = 60_000;
/**
 * Login initiations and launches per address and minute: each login stores a state row, so an
 * anonymous flood is bounded; generous, since a whole class may launch at once behind one NAT.
 */
export const LTI_LAUNCHES_PER_MINUTE = 600;

function lazyToolKeys(app: FastifyInstance): () => ToolKeyStore {
  let store: Promise<ToolKeyStore> | undefined;
  const get = () =>
    (store ??= loadKeyEncryptionKey(app.config.ltiKeySecret, app.config.dataDir).then((key) => createToolKeyStore(app.prisma, key)));
  const facade: ToolKeyStore = {
    signingKey: async () => (await get()).signingKey(),
    publicJwks: async () => (await get()).publicJwks(),
    rotate: async () => (await get()).rotate(),
  };
  return () => facade;
}

export const ltiPlugin = fp(
  async (app: FastifyInstance, opts: LtiOptions) => {
    let frameOrigins: { at: number; value: Promise<string[]> } | undefined;
    const platformKeys = createPlatformKeys({ ...DEFAULT_PLATFORM_KEY_OPTIONS, ...opts.platformKeys });
    app.decorate("lti", {
      toolKeys: lazyToolKeys(app),
      platformKeys,
      platformsChanged: () => {
        frameOrigins = undefined;
      },
    });

    // The web app says frame-ancestors 'none'; the registered LMSs may frame it (launches open
    // it inside the course page).
    const allowedFrameOrigins = (): Promise<string[]> => {
      if (!frameOrigins || Date.now() - frameOrigins.at > FRAME_ORIGINS_TTL_MS) {
        const value = app.prisma.ltiPlatform
          .findMany({ select: { issuer: true, authLoginUrl: true, frameOrigins: true } })
          .then((platforms) => [...new Set(platforms.flatMap(platformFrameOrigins))]);
        frameOrigins = { at: Date.now(), value };
        value.catch(() => (frameOrigins = undefined));
      }
      return frameOrigins.value;
    };
    app.addHook("onSend", async (_request, reply, payload) => {
      const csp = reply.getHeader("content-security-policy");
      if (typeof csp !== "string" || !csp.includes("frame-ancestors 'none'")) return payload;
      const origins = await allowedFrameOrigins().catch(() => []);
      if (origins.length > 0) reply.header("content-security-policy", csp.replace("frame-ancestors 'none'", `frame-ancestors 'self' ${origins.join(" ")}`));
      return payload;
    });

    await app.register(registrationRoutes);
    await app.register(deepLinkingApiRoutes);
    await app.register(publicDocumentRoutes);
    await app.register(async (forms) => {
      await ensureRateLimit(forms);
      const check = forms.createRateLimit({ max: opts.launchesPerMinute ?? LTI_LAUNCHES_PER_MINUTE, timeWindow: 60_000, keyGenerator: (r) => `lti:${r.ip}` });
      forms.addHook("onRequest", async (request, reply) => {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) return;
        reply.header("retry-after", result.ttlInSeconds);
        throw new AppError("RATE_LIMITED", `Too many LTI launches from this address; try again in ${result.ttlInSeconds} s.`);
      });
      forms.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: FORM_LIMIT }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      await forms.register(loginRoutes);
      await forms.register(launchRoutes);
      await forms.register(deepLinkingReturnRoutes);
    });
  },
  { name: "autograder-lti", dependencies: ["autograder-auth"] },
);
