import { MathMax, SafeMap } from "@autograder/shared/primordials";
import { Rng } from "./rng.ts";
import type { ScheduleSpec } from "./seed.ts";

/** A candidate for the next step: a thread parked at an operation of the module. */
export interface Candidate {
  readonly threadId: number;
  /** True when the thread is parked at `yieldThread()` (it asked to let others go first). */
  readonly yielding: boolean;
}

/** Chooses which ready thread runs the next step. Implementations must be deterministic. */
export interface Strategy {
  onThreadCreated(threadId: number): void;
  /** `ready` is sorted by thread id and never empty; returns an index into it. */
  pick(ready: readonly Candidate[], step: number): number;
}

/** Uniformly random choice among the ready threads. */
export class RandomStrategy implements Strategy {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  onThreadCreated(): void {}

  pick(ready: readonly Candidate[]): number {
    return this.rng.below(ready.length);
  }
}

/**
 * PCT (Burckhardt et al., "A randomized scheduler with probabilistic guarantees of finding
 * bugs"): threads get random distinct priorities, the highest-priority ready thread runs, and at
 * depth-1 random steps within the horizon the running thread drops below every initial
 * priority. A thread that yields drops below everyone else, so spin-with-yield loops still move.
 */
export class PctStrategy implements Strategy {
  private readonly rng: Rng;
  private readonly priorities = new SafeMap<number, number>();
  private readonly changePoints = new SafeMap<number, number>();
  private lowest = 0;

  constructor(depth: number, horizon: number, seed: number) {
    this.rng = new Rng(seed);
    for (let i = 1; i < depth; i++) {
      this.changePoints.set(1 + this.rng.below(MathMax(1, horizon)), depth - i);
    }
  }

  onThreadCreated(threadId: number): void {
    this.priorities.set(threadId, 1000 + this.rng.float());
  }

  pick(ready: readonly Candidate[], step: number): number {
    for (let i = 0; i < ready.length; i++) {
      const candidate = ready[i] as Candidate;
      if (candidate.yielding) this.priorities.set(candidate.threadId, --this.lowest - 1000);
    }
    let best = this.highest(ready);
    const drop = this.changePoints.get(step);
    if (drop !== undefined) {
      const chosen = ready[best];
      if (chosen !== undefined) this.priorities.set(chosen.threadId, drop);
      best = this.highest(ready);
    }
    return best;
  }

  private highest(ready: readonly Candidate[]): number {
    let best = 0;
    let bestPriority = -Infinity;
    for (let index = 0; index < ready.length; index++) {
      const priority = this.priorities.get((ready[index] as Candidate).threadId) ?? 0;
      if (priority > bestPriority) {
        best = index;
        bestPriority = priority;
      }
    }
    return best;
  }
}

export function strategyFor(spec: ScheduleSpec): Strategy {
  return spec.kind === "random" ? new RandomStrategy(spec.seed) : new PctStrategy(spec.depth, spec.horizon, spec.seed);
}
