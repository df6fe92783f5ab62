import { ArrayPrototypeIndexOf, ArrayPrototypeJoin, MathFloor, NumberIsFinite, NumberMaxSafeInteger, ObjectPrototypeHasOwnProperty, StringCtor, TypeErrorCtor } from "@autograder/shared/primordials";

/** What a scenario run can tune about the network (plain data from the judge's `options`). */

export const SPLIT_MODES = ["none", "bytes", "merge", "random"] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

export interface NetworkOptions {
  /** Seed of every random choice (splits, loss, duplication, reordering). Same seed, same trace. */
  readonly seed?: string | number;
  /**
   * How TCP cuts the byte stream into segments: "none" one segment per send (up to `mss`),
   * "bytes" one byte per segment, "merge" sends made at the same simulated instant travel in
   * one segment, "random" seeded random cuts and merges.
   */
  readonly split?: SplitMode;
  /** Largest TCP segment, bytes (default 1460). */
  readonly mss?: number;
  /** One-way latency, simulated ms (default 1). */
  readonly latencyMs?: number;
  /** Most bytes one `send()` accepts (default: whatever fits the receive window). */
  readonly maxSend?: number;
  /** TCP receive window per connection, bytes (default 65536). */
  readonly recvBuffer?: number;
  /** UDP: probability that a datagram is lost, duplicated, delayed past the next ones. */
  readonly loss?: number;
  readonly dup?: number;
  readonly reorder?: number;
  /** Budgets: simulated time and delivered events before the verdict `timeout`. */
  readonly maxTimeMs?: number;
  readonly maxEvents?: number;
}

export interface NetworkConfig {
  readonly seed: string;
  readonly split: SplitMode;
  readonly mss: number;
  readonly latencyMs: number;
  readonly maxSend: number;
  readonly recvBuffer: number;
  readonly loss: number;
  readonly dup: number;
  readonly reorder: number;
  readonly maxTimeMs: number;
  readonly maxEvents: number;
}

export const DEFAULT_CONFIG: NetworkConfig = {
  seed: "1",
  split: "none",
  mss: 1460,
  latencyMs: 1,
  maxSend: NumberMaxSafeInteger,
  recvBuffer: 65536,
  loss: 0,
  dup: 0,
  reorder: 0,
  maxTimeMs: 600_000,
  maxEvents: 200_000,
};

function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !NumberIsFinite(value) || value <= 0) throw new TypeErrorCtor(`network option ${name} must be a positive number`);
  return value;
}

function probability(value: unknown, name: string): number {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw new TypeErrorCtor(`network option ${name} must be a probability in [0, 1]`);
  return value;
}

function ownOf(object: object, key: string): unknown {
  return ObjectPrototypeHasOwnProperty(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** Validates the judge's options (any plain object) into a full configuration. */
export function normalizeOptions(raw: unknown): NetworkConfig {
  // Own properties only: a key the student adds to Object.prototype must not pick the split mode.
  const given = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const o: Record<string, unknown> = {
    seed: ownOf(given, "seed"),
    split: ownOf(given, "split"),
    mss: ownOf(given, "mss"),
    latencyMs: ownOf(given, "latencyMs"),
    maxSend: ownOf(given, "maxSend"),
    recvBuffer: ownOf(given, "recvBuffer"),
    loss: ownOf(given, "loss"),
    dup: ownOf(given, "dup"),
    reorder: ownOf(given, "reorder"),
    maxTimeMs: ownOf(given, "maxTimeMs"),
    maxEvents: ownOf(given, "maxEvents"),
  };
  const seed = o.seed === undefined ? DEFAULT_CONFIG.seed : o.seed;
  if (typeof seed !== "string" && typeof seed !== "number") throw new TypeErrorCtor("network option seed must be a string or a number");
  const split = o.split === undefined ? DEFAULT_CONFIG.split : o.split;
  if (ArrayPrototypeIndexOf(SPLIT_MODES, split) < 0) throw new TypeErrorCtor(`network option split must be one of ${ArrayPrototypeJoin(SPLIT_MODES, ", ")}`);
  return {
    seed: StringCtor(seed),
    split: split as SplitMode,
    mss: MathFloor(positive(o.mss, "mss", DEFAULT_CONFIG.mss)),
    latencyMs: positive(o.latencyMs, "latencyMs", DEFAULT_CONFIG.latencyMs),
    maxSend: MathFloor(positive(o.maxSend, "maxSend", DEFAULT_CONFIG.maxSend)),
    recvBuffer: MathFloor(positive(o.recvBuffer, "recvBuffer", DEFAULT_CONFIG.recvBuffer)),
    loss: probability(o.loss, "loss"),
    dup: probability(o.dup, "dup"),
    reorder: probability(o.reorder, "reorder"),
    maxTimeMs: positive(o.maxTimeMs, "maxTimeMs", DEFAULT_CONFIG.maxTimeMs),
    maxEvents: MathFloor(positive(o.maxEvents, "maxEvents", DEFAULT_CONFIG.maxEvents)),
  };
}
