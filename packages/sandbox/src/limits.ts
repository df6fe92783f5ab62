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

/** Which limit an error from an isolate call means, if any. */
export function limitOf(error: unknown, isolateDisposed: boolean): Extract<Verdict, "timeout" | "memory_limit"> | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DeadlineExceeded || /timed out/i.test(message)) return "timeout";
  if (/memory limit/i.test(message) || (isolateDisposed && /disposed/i.test(message))) return "memory_limit";
  return undefined;
}
