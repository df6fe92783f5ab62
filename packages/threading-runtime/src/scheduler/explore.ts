import { MathMax, nullObject, ObjectPrototypeHasOwnProperty } from "@autograder/shared/primordials";
import { setActiveScheduler } from "./active.ts";
import { mixSeed } from "./rng.ts";
import { Scheduler } from "./scheduler.ts";
import { parseSeed, type ScheduleSpec } from "./seed.ts";
import { DEFAULT_LIMITS, type RunLimits, type RunResult, type Verdict } from "./types.ts";

/** A program: the body of the main thread. It must build its shared state afresh on every call. */
export type Program = () => unknown;

export interface ExploreOptions {
  /** Schedules to try (default 200). */
  readonly schedules?: number;
  /** Steps per schedule before "timeout" (default 2000). */
  readonly maxSteps?: number;
  /** Simulated milliseconds per schedule before "timeout". */
  readonly maxTime?: number;
  /** Seeds are derived from this number; the same base gives the same schedules. */
  readonly baseSeed?: number;
}

export interface ExploreResult {
  readonly ok: boolean;
  /** Schedules run (up to and including the first failing one). */
  readonly explored: number;
  readonly totalSteps: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  /** The first failing schedule, replayable with `replay(program, failure.seed)`. */
  readonly failure?: RunResult;
}

export const DEFAULT_SCHEDULES = 200;

/** Runs `program` once under the schedule a seed names. Same seed, same trace. */
export async function runSchedule(program: Program, spec: ScheduleSpec, limits: RunLimits = DEFAULT_LIMITS): Promise<RunResult> {
  const scheduler = new Scheduler(spec, limits);
  setActiveScheduler(scheduler);
  try {
    return await scheduler.run(program);
  } finally {
    setActiveScheduler(null);
  }
}

/** A number the object has as its own property (never one inherited from a patched prototype). */
export function ownNumber(object: object, key: string): number | undefined {
  if (!ObjectPrototypeHasOwnProperty(object, key)) return undefined;
  const value = (object as Record<string, unknown>)[key];
  return typeof value === "number" ? value : undefined;
}

export function replay(program: Program, seed: string, limits: Partial<RunLimits> = {}): Promise<RunResult> {
  return runSchedule(program, parseSeed(seed), { maxSteps: ownNumber(limits, "maxSteps") ?? DEFAULT_LIMITS.maxSteps, maxTime: ownNumber(limits, "maxTime") ?? DEFAULT_LIMITS.maxTime });
}

/**
 * The i-th schedule of an exploration: every fourth one is uniformly random, the others PCT of
 * depth 1 to 3 whose horizon is the longest run seen so far.
 */
export function scheduleAt(index: number, baseSeed: number, horizon: number): ScheduleSpec {
  const seed = mixSeed(baseSeed, index);
  const depth = index % 4;
  if (depth === 0) return { kind: "random", seed };
  return { kind: "pct", depth, horizon: MathMax(1, horizon), seed };
}

/** Tries many schedules and stops at the first one that is not "ok". */
export async function explore(program: Program, options: ExploreOptions = {}): Promise<ExploreResult> {
  // Own properties only: a key the student adds to Object.prototype must not change the budget.
  const schedules = ownNumber(options, "schedules") ?? DEFAULT_SCHEDULES;
  const limits: RunLimits = {
    maxSteps: ownNumber(options, "maxSteps") ?? DEFAULT_LIMITS.maxSteps,
    maxTime: ownNumber(options, "maxTime") ?? DEFAULT_LIMITS.maxTime,
  };
  const baseSeed = ownNumber(options, "baseSeed") ?? 1;
  const verdicts: Record<Verdict, number> = nullObject({ ok: 0, error: 0, deadlock: 0, timeout: 0 });
  let horizon = 1;
  let totalSteps = 0;
  for (let i = 0; i < schedules; i++) {
    const result = await runSchedule(program, scheduleAt(i, baseSeed, horizon), limits);
    verdicts[result.verdict]++;
    totalSteps += result.steps;
    horizon = MathMax(horizon, result.steps);
    if (result.verdict !== "ok") {
      return nullObject({ ok: false, explored: i + 1, totalSteps, verdicts, failure: result });
    }
    // No step offered a choice: every other schedule would be this same run.
    if (i === 0 && result.choices === 0) return nullObject({ ok: true, explored: 1, totalSteps, verdicts });
  }
  return nullObject({ ok: true, explored: schedules, totalSteps, verdicts });
}
