/**
 * The `run` driver: runs one scenario of an exercise's workload on a fresh simulated network.
 *
 * The loop lets every host's code run until it is quiet (only microtask hops, no host API),
 * then takes the earliest event from the agenda (a delivery, a timer) and fires it. The run
 * ends when the scenario's function resolves (peers done: a server that serves for ever does
 * not hold it), when it throws or a background process raises (error), when nothing is
 * scheduled while the scenario still waits (deadlock), or when a budget is spent (timeout).
 *
 * It runs in the student's isolate: the scenario's outcome lives in this function's closure
 * (observed through the original `then` of a promise of our own), the loop awaits only `null`,
 * and every built-in is a primordial captured at load.
 */
import type { ScenarioReport } from "@autograder/shared";
import { nullObject, NumberPositiveInfinity, ObjectKeys, ObjectPrototypeHasOwnProperty, PromiseCtor, PromisePrototypeThen, StringCtor, TypeErrorCtor, ownData } from "@autograder/shared/primordials";
import { setActiveNetwork } from "../net/active.ts";
import { normalizeOptions, type NetworkConfig } from "../net/config.ts";
import { Network } from "../net/network.ts";
import { buildReport, describeError, type Outcome } from "./report.ts";
import { World } from "./world.ts";

export type Params = Record<string, unknown>;
/** A scenario of workload.ts: drives simulated peers against the student's code; throws to fail. */
export type Scenario = (net: World, params: Params) => unknown;

/** Microtask hops with no network call before the hosts count as quiet. */
const IDLE_HOPS = 100;
/** Hops after which a host that keeps calling the network is interrupted by the next event. */
const BUSY_HOPS = 20_000;
/** After the scenario resolves, events within this much simulated time still run (FINs, last replies). */
const DRAIN_MS = 20;

function own(object: unknown, key: string): unknown {
  if ((typeof object !== "object" && typeof object !== "function") || object === null || !ObjectPrototypeHasOwnProperty(object, key)) return undefined;
  return (object as Record<string, unknown>)[key];
}

function scenarioOf(workload: unknown, name: string): Scenario {
  const scenarios = own(workload, "scenarios");
  if (typeof scenarios !== "object" || scenarios === null) throw new TypeErrorCtor("the workload exports no `scenarios` object");
  const scenario = own(scenarios, name);
  if (typeof scenario !== "function") throw new TypeErrorCtor(`the workload has no scenario "${name}" (it has: ${ObjectKeys(scenarios).join(", ")})`);
  return scenario as Scenario;
}


let running = false;

function failedToStart(message: string, summary: string): ScenarioReport {
  return nullObject({ ok: false, verdict: "error" as const, message, summary });
}

export function runScenario(workload: unknown, scenarioName: unknown, params: unknown = {}, options: unknown = {}): Promise<ScenarioReport> {
  const name = StringCtor(scenarioName);
  let config: NetworkConfig;
  let scenario: Scenario;
  try {
    config = normalizeOptions(options);
    scenario = scenarioOf(workload, name);
  } catch (error) {
    return resolvedReport(failedToStart(describeError(error), "error: the scenario could not start"));
  }
  if (running) return resolvedReport(failedToStart("another socket scenario is running in this isolate", "error"));
  running = true;
  const net = new Network(config);
  setActiveNetwork(net);
  return new PromiseCtor<ScenarioReport>((resolve, reject) => {
    const end = (outcome: Outcome): void => {
      setActiveNetwork(null);
      running = false;
      try {
        resolve(buildReport(net, name, outcome));
      } catch (error) {
        reject(error);
      }
    };
    PromisePrototypeThen(drive(net, scenario, ownData(params ?? {}) as Params), end as (value: unknown) => void, (error: unknown) => {
      setActiveNetwork(null);
      running = false;
      reject(error);
    });
  });
}

function resolvedReport(report: ScenarioReport): Promise<ScenarioReport> {
  return new PromiseCtor<ScenarioReport>((resolve) => resolve(report));
}

async function drive(net: Network, scenario: Scenario, params: Params): Promise<Outcome> {
  // The outcome of the scenario's function: closure variables, set only by our own callbacks.
  let done = false;
  let threw = false;
  let value: unknown;
  let error: unknown;
  try {
    const result = scenario(new World(net), params);
    PromisePrototypeThen(
      new PromiseCtor<unknown>((resolve) => resolve(result)),
      (v: unknown) => {
        done = true;
        value = v;
      },
      (e: unknown) => {
        done = true;
        threw = true;
        error = e;
      },
    );
  } catch (thrown) {
    return outcome("error", describeError(thrown));
  }
  const config = net.config;
  const maxTimeMs = config.maxTimeMs;
  const maxEvents = config.maxEvents;
  let fired = 0;
  let drainUntil = NumberPositiveInfinity;
  for (;;) {
    // Settle: let the hosts' code run until it stops calling the network (only `await null`).
    let idle = 0;
    let last = net.activity;
    for (let hops = 0; hops < BUSY_HOPS; hops++) {
      await null;
      if (net.activity !== last) {
        last = net.activity;
        idle = 0;
      } else if (++idle >= IDLE_HOPS) break;
    }
    const failure = net.failure;
    if (failure !== null) return outcome("error", `${failure.label} raised ${describeError(failure.error)}`);
    if (done && threw) return outcome("error", describeError(error));
    if (done && drainUntil === NumberPositiveInfinity) drainUntil = net.now + DRAIN_MS;
    const next = net.agenda.peekTime();
    if (next === undefined || next > drainUntil) {
      if (done) return outcome("ok", "", value);
      return outcome("deadlock", stuckMessage(net));
    }
    if (next > maxTimeMs || fired >= maxEvents) {
      if (done) return outcome("ok", "", value);
      const budget = next > maxTimeMs ? `${maxTimeMs / 1000} s of simulated time` : `${maxEvents} network events`;
      return outcome("timeout", `the scenario did not finish within ${budget}. ${waitingText(net)}`);
    }
    const event = net.agenda.pop();
    if (event === undefined) continue;
    net.now = event.time;
    fired++;
    event.fire();
    net.touch();
  }
}

/** An outcome with no prototype: the async function's promise is resolved with it. */
function outcome(verdict: Outcome["verdict"], message: string, value?: unknown): Outcome {
  return nullObject({ verdict, message, value });
}

function waitingText(net: Network): string {
  const parts = net.waiting();
  const processes = net.processes;
  for (let i = 0; i < processes.length; i++) {
    const p = processes[i] as (typeof processes)[number];
    if (p.state === "returned") parts.push(`${p.label} returned`);
  }
  return parts.length === 0 ? "" : `${parts.join("; ")}.`;
}

function stuckMessage(net: Network): string {
  const text = waitingText(net);
  return text === "" ? "no host can make progress and the scenario is not finished (nothing is in flight)." : `no host can make progress and the scenario is not finished (nothing is in flight). ${text}`;
}
