import type { ScenarioReport } from "@autograder/shared";
import { runScenario, type Params, type World } from "../src/index.ts";
import type { WireEvent } from "../src/net/trace.ts";

/** Runs one scenario function on a fresh network. */
export function run(fn: (net: World, params: Params) => unknown, options: Record<string, unknown> = {}, params: Params = {}): Promise<ScenarioReport> {
  return runScenario({ scenarios: { test: fn } }, "test", params, options);
}

export function events(report: ScenarioReport): WireEvent[] {
  return (report.visualization?.data as { events: WireEvent[] }).events;
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** The error code a promise rejects with (or "resolved"). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

export function codeOfSync(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
