// The size of the student's code against the API's limit (MAX_CODE_BYTES, counted in UTF-8
// bytes), shown under the editor so the limit is known before a Run is refused.
import { MAX_CODE_BYTES } from "@autograder/shared/limits";

const encoder = new TextEncoder();
/** From this share of the limit on, the size is shown as a warning. */
export const NEAR_LIMIT = 0.9;

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export function formatKB(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  const kb = bytes / 1024;
  return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
}

export interface CodeSize {
  /** "12.3 KB of 64 KB" */
  text: string;
  level: "ok" | "near" | "over";
  /** Set when over the limit: why Run and Submit are disabled. */
  message: string | null;
}

export function codeSize(bytes: number, limit = MAX_CODE_BYTES): CodeSize {
  const text = `${formatKB(bytes)} of ${formatKB(limit)}`;
  if (bytes > limit) {
    return { text, level: "over", message: `Your code is ${formatKB(bytes)}, over the ${formatKB(limit)} limit: shorten it by ${formatKB(bytes - limit)} to run or submit it.` };
  }
  return { text, level: bytes >= limit * NEAR_LIMIT ? "near" : "ok", message: null };
}
