import { ErrorCtor, JSONStringify, NumberCtor, RegExpPrototypeExec } from "@autograder/shared/primordials";

/**
 * A schedule seed names a strategy and its parameters, so that it replays exactly:
 *   "r-<n>"            random schedule driven by PRNG seed n
 *   "p<d>k<k>-<n>"     PCT schedule of depth d (d-1 priority change points in the first k steps)
 */
export type ScheduleSpec =
  | { kind: "random"; seed: number }
  | { kind: "pct"; depth: number; horizon: number; seed: number };

export function formatSeed(spec: ScheduleSpec): string {
  return spec.kind === "random" ? `r-${spec.seed}` : `p${spec.depth}k${spec.horizon}-${spec.seed}`;
}

export function parseSeed(text: string): ScheduleSpec {
  const random = RegExpPrototypeExec(/^r-(\d+)$/, text);
  if (random?.[1] !== undefined) return { kind: "random", seed: NumberCtor(random[1]) >>> 0 };
  const pct = RegExpPrototypeExec(/^p(\d+)k(\d+)-(\d+)$/, text);
  if (pct?.[1] !== undefined && pct[2] !== undefined && pct[3] !== undefined) {
    return { kind: "pct", depth: NumberCtor(pct[1]), horizon: NumberCtor(pct[2]), seed: NumberCtor(pct[3]) >>> 0 };
  }
  throw new ErrorCtor(`not a schedule seed: ${JSONStringify(text)} (expected "r-<n>" or "p<d>k<k>-<n>")`);
}
