// Random secrets, their stored hashes, and the CSRF token derived from a session's secret.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random string carrying `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** What the database stores instead of a bearer secret (session cookie or access token). */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** The CSRF token of a session: an HMAC of a fixed label under the session's secret. */
export function csrfTokenFor(csrfSecret: string): string {
  return createHmac("sha256", csrfSecret).update("autograder-csrf-v1").digest("base64url");
}

/** Constant-time check of a presented CSRF token against the session's secret. */
export function isValidCsrfToken(csrfSecret: string, presented: string | undefined): boolean {
  if (presented === undefined || presented.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(csrfSecret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
