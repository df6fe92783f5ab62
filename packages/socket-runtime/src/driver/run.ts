/**
 * The `run` driver: runs one scenario of an exercise's workload on a fresh simulated network.
 *
 * The loop lets every host's code run until it is quiet (only microtask hops, no host API),
 * then takes the earliest event from the agenda (a delivery, a timer) and fires it. The run
 * ends when the scenario's function resolves (peers done: a server that serves for ever does
 * not hold it), when it throws or a background process raises (error), when nothing is
 * scheduled while the scenario still waits (deadlock), or when a budget is spent (timeout).
 */
import type { ScenarioReport } from "@autograder/shared";
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

async function settle(net: Network): Promise<boolean> {
  let idle = 0;
  let last = net.activity;
  for (let hops = 0; hops < BUSY_HOPS; hops++) {
    await null;
    if (net.activity !== last) {
      last = net.activity;
      idle = 0;
    } else if (++idle >= IDLE_HOPS) return true;
  }
  return false;
}

function scenarioOf(workload: unknown, name: string): Scenario {
  const scenarios = (workload as { scenarios?: unknown } | null)?.scenarios;
  if (typeof scenarios !== "object" || scenarios === null) throw new TypeError("the workload exports no `scenarios` object");
  const scenario = (scenarios as Record<string, unknown>)[name];
  if (typeof scenario !== "function") throw new TypeError(`the workload has no scenario "${name}" (it has: ${Object.keys(scenarios).join(", ")})`);
  return scenario as Scenario;
}

let running = false;

export async function runScenario(workload: unknown, scenarioName: string, params: unknown = {}, options: unknown = {}): Promise<ScenarioReport> {
  let config: NetworkConfig;
  let scenario: Scenario;
  try {
    config = normalizeOptions(options);
    scenario = scenarioOf(workload, scenarioName);
  } catch (error) {
    return { ok: false, verdict: "error", message: describeError(error), summary: "error: the scenario could not start" };
  }
  if (running) return { ok: false, verdict: "error", message: "another socket scenario is running in this isolate", summary: "error" };
  running = true;
  const net = new Network(config);
  setActiveNetwork(net);
  try {
    return buildReport(net, scenarioName, await drive(net, scenario, (params ?? {}) as Params));
  } finally {
    setActiveNetwork(null);
    running = false;
  }
}

async function drive(net: Network, scenario: Scenario, params: Params): Promise<Outcome> {
  const state: { done: boolean; value?: unknown; error?: unknown; threw: boolean } = { done: false, threw: false };
  try {
    Promise.resolve(scenario(new World(net), params)).then(
      (value) => Object.assign(state, { done: true, value }),
      (error: unknown) => Object.assign(state, { done: true, threw: true, error }),
    );
  } catch (error) {
    return { verdict: "error", message: describeError(error) };
  }
  const { maxTimeMs, maxEvents } = net.config;
  let fired = 0;
  let drainUntil = Number.POSITIVE_INFINITY;
  for (;;) {
    await settle(net);
    if (net.failure !== null) return { verdict: "error", message: `${net.failure.label} raised ${describeError(net.failure.error)}` };
    if (state.done && state.threw) return { verdict: "error", message: describeError(state.error) };
    if (state.done && drainUntil === Number.POSITIVE_INFINITY) drainUntil = net.now + DRAIN_MS;
    const next = net.agenda.peekTime();
    if (next === undefined || next > drainUntil) {
      if (state.done) return { verdict: "ok", message: "", value: state.value };
      return { verdict: "deadlock", message: stuckMessage(net) };
    }
    if (next > maxTimeMs || fired >= maxEvents) {
      if (state.done) return { verdict: "ok", message: "", value: state.value };
      const budget = next > maxTimeMs ? `${maxTimeMs / 1000} s of simulated time` : `${maxEvents} network events`;
      return { verdict: "timeout", message: `the scenario did not finish within ${budget}. ${waitingText(net)}` };
    }
    const event = net.agenda.pop();
    if (event === undefined) continue;
    net.now = event.time;
    fired++;
    event.fire();
    net.touch();
  }
}

function waitingText(net: Network): string {
  const waiting = net.waiting();
  const ended = net.processes.filter((p) => p.state === "returned").map((p) => `${p.label} returned`);
  const parts = [...waiting, ...ended];
  return parts.length === 0 ? "" : `${parts.join("; ")}.`;
}

function stuckMessage(net: Network): string {
  return `no host can make progress and the scenario is not finished (nothing is in flight). ${waitingText(net)}`.trim();
}
