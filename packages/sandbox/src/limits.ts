// Wall-clock deadlines around isolate calls, and the meaning of isolated-vm's errors.
import type { Verdict } from "@autograder/shared";

export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
}

/** Resolves like `promise`, or rejects with DeadlineExceeded after `ms` (then `onExpire` runs). */
export function withDeadline<T>(promise: Promise<T>, ms: number, onExpire: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpire();
      reject(new DeadlineExceeded(`did not finish within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** How an isolate call ended with an error, in facts the student's code cannot forge. */
export interface CallEnd {
  error: unknown;
  /** Wall time of the call, measured by the host. */
  elapsedMs: number;
  /** The `timeout` given to isolated-vm. */
  timeoutMs: number;
  isolateDisposed: boolean;
  /** The host disposed the isolate itself (a wall-clock deadline). */
  disposedByHost: boolean;
}

/**
 * Which limit ended a call, if any. Never from the error's text: a student can throw an Error
 * whose message reads "memory limit" or "Script execution timed out.". isolated-vm disposes an
 * isolate on its own only when it runs out of memory; its timeout ends a call that lasted the
 * whole `timeout` (a student error thrown earlier cannot have).
 */
export function limitOf(end: CallEnd): Extract<Verdict, "timeout" | "memory_limit"> | undefined {
  if (end.error instanceof DeadlineExceeded) return "timeout";
  if (end.isolateDisposed) return end.disposedByHost ? "timeout" : "memory_limit";
  if (end.elapsedMs >= end.timeoutMs - 1) return "timeout";
  return undefined;
}

/** A time in ms as isolated-vm accepts it: an integer from 1 to 2^31-1 (fractions and NaN clamped). */
export function clampMs(ms: number): number {
  if (!(ms >= 1)) return 1;
  return Math.min(2 ** 31 - 1, Math.ceil(ms));
}
