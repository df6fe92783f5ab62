// OAuth 2 client-credentials grant with a signed JWT client assertion (1EdTech Security
// Framework 1.0, section 4.1): the token that AGS and NRPS calls carry. Tokens are cached per
// platform and scope set until shortly before they expire.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { Type } from "typebox";
import { Value } from "typebox/value";
import type { SigningKey } from "../tool-keys.ts";
import { bodyExcerpt, fail, ok, request, retryableStatus, type Result } from "./result.ts";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/** A cached token is dropped this long before the platform says it expires. */
const EXPIRY_MARGIN_MS = 60_000;
const ASSERTION_LIFETIME_S = 300;

export interface TokenPlatform {
  id: string;
  clientId: string;
  accessTokenUrl: string;
}

export interface TokenClient {
  /** A bearer token for `scopes` (sorted and deduplicated for the cache key). */
  token(platform: TokenPlatform, scopes: readonly string[]): Promise<Result<string>>;
  /** Forgets a cached token (after the platform rejected it with 401). */
  invalidate(platform: TokenPlatform, scopes: readonly string[]): void;
}

const TokenResponse = Type.Object({
  access_token: Type.String({ minLength: 1 }),
  token_type: Type.String(),
  expires_in: Type.Optional(Type.Number({ minimum: 0 })),
});

export function createTokenClient(signingKey: () => Promise<SigningKey>, now: () => number = Date.now): TokenClient {
  const cache = new Map<string, { token: string; expiresAt: number }>();
  const keyOf = (platform: TokenPlatform, scopes: readonly string[]) =>
    `${platform.id}\n${platform.accessTokenUrl}\n${[...new Set(scopes)].sort().join(" ")}`;

  async function assertion(platform: TokenPlatform): Promise<string> {
    const { kid, privateKey } = await signingKey();
    const iat = Math.floor(now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.accessTokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_S)
      .setJti(randomUUID())
      .sign(privateKey);
  }

  return {
    async token(platform, scopes) {
      const key = keyOf(platform, scopes);
      const cached = cache.get(key);
      if (cached && cached.expiresAt > now()) return ok(cached.token);
      const body = new URLSearchParams({
        grant_type: "client_credentials",
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: await assertion(platform),
        scope: [...new Set(scopes)].sort().join(" "),
      });
      const sent = await request(platform.accessTokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
      });
      if (!sent.ok) return sent;
      const response = sent.value;
      if (!response.ok) {
        return fail("LTI_TOKEN_FAILED", `HTTP ${response.status} from ${platform.accessTokenUrl}: ${await bodyExcerpt(response)}`, retryableStatus(response.status));
      }
      const json: unknown = await response.json().catch(() => null);
      if (!Value.Check(TokenResponse, json) || json.token_type.toLowerCase() !== "bearer") {
        return fail("LTI_TOKEN_FAILED", `The token response of ${platform.accessTokenUrl} is not a bearer token.`, false);
      }
      const lifetimeMs = (json.expires_in ?? 3600) * 1000;
      cache.set(key, { token: json.access_token, expiresAt: now() + Math.max(0, lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2)) });
      return ok(json.access_token);
    },
    invalidate(platform, scopes) {
      cache.delete(keyOf(platform, scopes));
    },
  };
}
