import { explore, replay, type ExploreOptions, type Program } from "../scheduler/explore.ts";
import type { Verdict } from "../scheduler/types.ts";
import { toVisualization, type ScheduleVisualization } from "../scheduler/visualization.ts";

/** Plain data a driver call returns to the judge (it crosses isolates by copy). */
export interface ScenarioReport {
  readonly ok: boolean;
  readonly explored: number;
  readonly totalSteps: number;
  readonly verdict: Verdict;
  readonly message: string;
  readonly seed?: string;
  readonly visualization?: ScheduleVisualization;
}

function report(ok: boolean, explored: number, totalSteps: number, failure: Awaited<ReturnType<typeof replay>> | undefined): ScenarioReport {
  if (failure === undefined) return { ok, explored, totalSteps, verdict: "ok", message: "" };
  return {
    ok,
    explored,
    totalSteps,
    verdict: failure.verdict,
    message: failure.message,
    seed: failure.seed,
    visualization: toVisualization(failure),
  };
}

/** Explores a scenario's schedules; the first failing one comes back with its seed and trace. */
export async function exploreScenario(program: Program, options: ExploreOptions = {}): Promise<ScenarioReport> {
  const result = await explore(program, options);
  return report(result.ok, result.explored, result.totalSteps, result.failure);
}

/** Replays one seed of a scenario (ok or not, the trace comes back). */
export async function replayScenario(program: Program, seed: string, maxSteps?: number): Promise<ScenarioReport> {
  const result = await replay(program, seed, maxSteps === undefined ? {} : { maxSteps });
  const base = report(result.verdict === "ok", 1, result.steps, result);
  return { ...base, seed: result.seed, visualization: toVisualization(result) };
}
