// Failures of the LMS services as values: a catalog code, a readable sentence, and whether
// trying again later may help (network errors, 5xx, 429) or not (4xx, missing scope or link).
import { ERRORS, type ErrorCode } from "@autograder/shared";

export interface ServiceError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail(code: ErrorCode, detail: string | null, retryable: boolean): { ok: false; error: ServiceError } {
  return { ok: false, error: { code, message: detail ? `${ERRORS[code].message} ${detail}` : ERRORS[code].message, retryable } };
}

/** 408, 429 and 5xx may pass on a later try; other statuses will not. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The start of an error body, single-line, for a readable last error (LMS bodies can be HTML pages). */
export async function bodyExcerpt(response: Response): Promise<string> {
  const text = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

/** fetch() with a deadline; a network failure or timeout becomes an unreachable error. */
export async function request(url: string, init: RequestInit, timeoutMs = 15_000): Promise<Result<Response>> {
  try {
    return ok(await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(timeoutMs) }));
  } catch (error) {
    const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return fail("LTI_SERVICE_UNREACHABLE", `${new URL(url).host}: ${why}`, true);
  }
}
