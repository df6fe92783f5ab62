// One authorised call to an LMS service: a bearer token for the scopes it needs, a fresh
// token once when the platform answers 401 (it may have revoked the cached one), and any
// non-2xx answer turned into a ServiceError.
import type { TokenClient, TokenPlatform } from "./token-client.ts";
import { bodyExcerpt, fail, ok, request, retryableStatus, type Result } from "./result.ts";

export async function serviceCall(
  tokens: TokenClient,
  platform: TokenPlatform,
  scopes: readonly string[],
  url: string,
  init: { method: "GET" | "POST"; accept?: string; contentType?: string; body?: string },
): Promise<Result<Response>> {
  for (let attempt = 0; ; attempt++) {
    const token = await tokens.token(platform, scopes);
    if (!token.ok) return token;
    const headers: Record<string, string> = { authorization: `Bearer ${token.value}` };
    if (init.accept) headers.accept = init.accept;
    if (init.contentType) headers["content-type"] = init.contentType;
    const sent = await request(url, { method: init.method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    if (!sent.ok) return sent;
    const response = sent.value;
    if (response.status === 401 && attempt === 0) {
      tokens.invalidate(platform, scopes);
      await response.body?.cancel();
      continue;
    }
    if (!response.ok) {
      return fail("LTI_SERVICE_FAILED", `${init.method} ${url}: HTTP ${response.status} ${await bodyExcerpt(response)}`.trim(), retryableStatus(response.status));
    }
    return ok(response);
  }
}
