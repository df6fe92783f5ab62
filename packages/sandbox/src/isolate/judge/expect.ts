// `expect(actual)`: assertions whose failures carry expected, actual and a diff.
import { inspect } from "../inspect.ts";
import { lineDiff, firstDifference } from "./diff.ts";
import { deepEqual } from "./equal.ts";

export class AssertionFailure extends Error {
  override name = "AssertionFailure";
  constructor(
    message: string,
    readonly expected?: string,
    readonly actual?: string,
    readonly diff?: string,
  ) {
    super(message);
  }
}

// Bounded whatever the student returned (a 15 MB string must not be rendered whole, let alone several times).
const show = (v: unknown): string => inspect(v, { maxItems: 20, maxString: 200 });
const showFull = (v: unknown): string => inspect(v, { multiline: true, maxItems: 1000, maxString: 2000 });

function mismatch(what: string, expected: unknown, actual: unknown): AssertionFailure {
  const e = showFull(expected);
  const a = showFull(actual);
  const where = firstDifference(expected, actual, deepEqual, show);
  const message = `${what}: expected ${show(expected)}, received ${show(actual)}${where ? ` (${where})` : ""}`;
  return new AssertionFailure(message, e, a, e === a ? undefined : lineDiff(e, a));
}

export interface Matchers {
  toEqual(expected: unknown): void;
  toBe(expected: unknown): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toBeLessThanOrEqual(limit: number): void;
  toBeGreaterThanOrEqual(limit: number): void;
  toBeCloseTo(expected: number, digits?: number): void;
  toContain(item: unknown): void;
  toHaveLength(length: number): void;
  toMatch(pattern: RegExp | string): void;
  /** For a promise: resolves when it rejects, with the error. */
  rejects(): Promise<Error>;
}

export function expect(actual: unknown, label = "value"): Matchers {
  const fail = (message: string): never => {
    throw new AssertionFailure(`${label}: ${message}`, undefined, show(actual));
  };
  return {
    toEqual(expected) {
      if (!deepEqual(expected, actual)) throw mismatch(label, expected, actual);
    },
    toBe(expected) {
      if (!Object.is(expected, actual)) throw mismatch(label, expected, actual);
    },
    toBeTruthy() {
      if (!actual) fail(`expected a truthy value, received ${show(actual)}`);
    },
    toBeFalsy() {
      if (actual) fail(`expected a falsy value, received ${show(actual)}`);
    },
    toBeLessThanOrEqual(limit) {
      if (!(typeof actual === "number" && actual <= limit)) fail(`expected at most ${limit}, received ${show(actual)}`);
    },
    toBeGreaterThanOrEqual(limit) {
      if (!(typeof actual === "number" && actual >= limit)) fail(`expected at least ${limit}, received ${show(actual)}`);
    },
    toBeCloseTo(expected, digits = 2) {
      if (!(typeof actual === "number" && Math.abs(actual - expected) < 10 ** -digits / 2)) fail(`expected about ${expected}, received ${show(actual)}`);
    },
    toContain(item) {
      const has = typeof actual === "string" ? actual.includes(String(item)) : Array.isArray(actual) && actual.some((x) => deepEqual(x, item));
      if (!has) fail(`expected it to contain ${show(item)}, received ${show(actual)}`);
    },
    toHaveLength(length) {
      const n = (actual as { length?: unknown } | null)?.length;
      if (n !== length) fail(`expected length ${length}, received ${show(n)}`);
    },
    toMatch(pattern) {
      const ok = typeof actual === "string" && (typeof pattern === "string" ? actual.includes(pattern) : pattern.test(actual));
      if (!ok) fail(`expected it to match ${String(pattern)}, received ${show(actual)}`);
    },
    async rejects() {
      try {
        await (actual as Promise<unknown>);
      } catch (error) {
        return error as Error;
      }
      return fail("expected the promise to reject, but it resolved");
    },
  };
}

export function fail(message: string): never {
  throw new AssertionFailure(message);
}
