import { nullObject, ObjectKeys, ObjectPrototypeHasOwnProperty, StringCtor, TypeErrorCtor, ownData } from "@autograder/shared/primordials";
import { explore, ownNumber, replay, type ExploreOptions, type Program } from "../scheduler/explore.ts";
import type { MisuseCode } from "../scheduler/misuse.ts";
import type { RunResult, Verdict } from "../scheduler/types.ts";
import { toVisualization, type ScheduleVisualization } from "../scheduler/visualization.ts";

/**
 * Plain data a driver call returns to the judge (it crosses isolates by copy). Built with no
 * prototype: the promise the driver returns is resolved with it, and a `then` the student
 * adds to Object.prototype must not be able to replace it.
 */
export interface ScenarioReport {
  readonly ok: boolean;
  readonly explored: number;
  readonly totalSteps: number;
  readonly verdict: Verdict;
  readonly message: string;
  readonly seed?: string;
  readonly visualization?: ScheduleVisualization;
  /** "misuse" when the student's code misused the threading module (see `code`, `fix`). */
  readonly kind?: "misuse";
  readonly code?: MisuseCode;
  readonly fix?: string;
}

function report(ok: boolean, explored: number, totalSteps: number, failure: RunResult | undefined): ScenarioReport {
  if (failure === undefined) return nullObject({ ok, explored, totalSteps, verdict: "ok" as Verdict, message: "" });
  const out: Record<string, unknown> = nullObject({
    ok,
    explored,
    totalSteps,
    verdict: failure.verdict,
    message: failure.message,
    seed: failure.seed,
    visualization: toVisualization(failure),
  });
  const misuse = failure.misuse;
  if (misuse !== undefined) {
    out.kind = "misuse";
    out.code = misuse.code;
    out.fix = misuse.fix;
  }
  return out as unknown as ScenarioReport;
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
  const out = nullObject({ ...base, seed: result.seed, visualization: toVisualization(result) });
  return out;
}


function own(object: unknown, key: string): unknown {
  if (typeof object !== "object" || object === null || !ObjectPrototypeHasOwnProperty(object, key)) return undefined;
  return (object as Record<string, unknown>)[key];
}

function programOf(workload: unknown, scenario: unknown, params: unknown): Program {
  const scenarios = own(workload, "scenarios");
  const make = own(scenarios, StringCtor(scenario));
  if (typeof make !== "function") throw new TypeErrorCtor(`the workload has no scenario ${StringCtor(scenario)}`);
  const program: unknown = make(ownData(params));
  if (typeof program !== "function") throw new TypeErrorCtor(`the scenario ${StringCtor(scenario)} did not return a program`);
  return program as Program;
}

/** The drivers the judge calls through the sandbox: `drive("explore" | "replay", scenario, params, options)`. */
export const drivers = nullObject({
  explore(workload: unknown, scenario: unknown, params: unknown, options: unknown): Promise<ScenarioReport> {
    const o = typeof options === "object" && options !== null ? options : {};
    const picked: ExploreOptions = {
      schedules: ownNumber(o, "schedules"),
      maxSteps: ownNumber(o, "maxSteps"),
      maxTime: ownNumber(o, "maxTime"),
      baseSeed: ownNumber(o, "baseSeed"),
    };
    const clean: Record<string, number> = nullObject({});
    const keys = ObjectKeys(picked) as Array<keyof ExploreOptions>;
    for (let i = 0; i < keys.length; i++) {
      const v = picked[keys[i] as keyof ExploreOptions];
      if (v !== undefined) clean[keys[i] as string] = v;
    }
    return exploreScenario(programOf(workload, scenario, params), clean);
  },
  replay(workload: unknown, scenario: unknown, params: unknown, options: unknown): Promise<ScenarioReport> {
    const seed = own(options, "seed");
    return replayScenario(programOf(workload, scenario, params), StringCtor(seed), ownNumber(typeof options === "object" && options !== null ? options : {}, "maxSteps"));
  },
});
