import { ObjectPrototypeHasOwnProperty } from "@autograder/shared/primordials";

/** Options of the waiting operations (acquire, put, get), as in Python's `block`/`timeout`. */
export interface WaitOptions {
  /** false: do not wait (default true). */
  block?: boolean;
  /** Give up after this many simulated milliseconds. */
  timeoutMs?: number;
}

/** `object[key]` if it is an own property (never one inherited from a patched prototype). */
export function own(object: unknown, key: string): unknown {
  if (typeof object !== "object" || object === null || !ObjectPrototypeHasOwnProperty(object, key)) return undefined;
  return (object as Record<string, unknown>)[key];
}

/** The waiting options as plain values, read once. */
export function waitOptions(options: unknown): { block: boolean; timeoutMs: number | undefined } {
  const timeoutMs = own(options, "timeoutMs");
  return { block: own(options, "block") !== false, timeoutMs: typeof timeoutMs === "number" ? timeoutMs : undefined };
}
