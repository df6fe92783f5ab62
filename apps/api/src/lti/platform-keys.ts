// The platforms' public keys: one jose remote JWKS per JWKS URL, cached (cacheMaxAge) and
// refetched when a token names a kid the cached set lacks (after cooldownMs since the last
// fetch, so a stream of forged kids cannot make us hammer the platform).
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";

export interface PlatformKeyOptions {
  /** Minimum time between two fetches triggered by unknown kids. */
  cooldownMs: number;
  /** A fetched set is trusted this long before it is refetched anyway. */
  cacheMaxAgeMs: number;
  /** One fetch of a JWKS may take this long. */
  timeoutMs: number;
}

export const DEFAULT_PLATFORM_KEY_OPTIONS: PlatformKeyOptions = { cooldownMs: 10_000, cacheMaxAgeMs: 10 * 60_000, timeoutMs: 5_000 };

export interface PlatformKeys {
  forUrl(jwksUrl: string): JWTVerifyGetKey;
  /** Drops the cached set of a URL (after an admin changes a platform). */
  forget(jwksUrl: string): void;
}

export function createPlatformKeys(options: PlatformKeyOptions = DEFAULT_PLATFORM_KEY_OPTIONS): PlatformKeys {
  const sets = new Map<string, JWTVerifyGetKey>();
  return {
    forUrl(jwksUrl) {
      let set = sets.get(jwksUrl);
      if (!set) {
        set = createRemoteJWKSet(new URL(jwksUrl), {
          cooldownDuration: options.cooldownMs,
          cacheMaxAge: options.cacheMaxAgeMs,
          timeoutDuration: options.timeoutMs,
        });
        sets.set(jwksUrl, set);
      }
      return set;
    },
    forget(jwksUrl) {
      sets.delete(jwksUrl);
    },
  };
}
