/** Turns a finished run into the plain-data ScenarioReport the judge receives. */
import type { ScenarioReport } from "@autograder/shared";
import type { Network } from "../net/network.ts";
import type { WireEvent } from "../net/trace.ts";

export interface Outcome {
  readonly verdict: "ok" | "error" | "deadlock" | "timeout";
  readonly message: string;
  readonly value?: unknown;
}

export interface NetworkVisualization {
  readonly hosts: { ip: string; name: string; broadcast: string }[];
  readonly events: WireEvent[];
  readonly notes: { t: number; text: string }[];
  readonly seed: string;
  readonly split: string;
}

/** Events kept in a report's picture (the first and last halves of longer runs). */
const SHOWN_EVENTS = 400;
const MAX_DEPTH = 8;

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const name = error.name === "Error" ? "" : `${error.name}: `;
    return `${name}${error.message}${typeof code === "string" && !error.message.includes(code) ? ` (${code})` : ""}`;
  }
  return String(error);
}

/** A copy of `value` that crosses isolates: plain objects, arrays, primitives; bytes as number arrays. */
export function toPlain(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Uint8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map((v) => toPlain(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v, depth + 1);
    return out;
  }
  return String(value);
}

export function buildReport(net: Network, scenario: string, outcome: Outcome): ScenarioReport {
  const { trace, config } = net;
  const simulatedMs = Math.round(net.now * 1000) / 1000;
  const stats = { segments: trace.segments, datagrams: trace.datagrams, bytes: trace.bytes, simulatedMs, hosts: net.hosts.length };
  const visualization: NetworkVisualization = {
    hosts: net.hosts.map((h) => ({ ip: h.ip, name: h.name, broadcast: h.broadcast })),
    events: trace.shown(SHOWN_EVENTS),
    notes: net.notes.slice(0, 200),
    seed: config.seed,
    split: config.split,
  };
  const word = outcome.verdict === "ok" ? "ok" : outcome.verdict === "error" ? "failed" : outcome.verdict;
  const summary = `${scenario}: ${word} (${stats.hosts} hosts, ${stats.segments} TCP segments, ${stats.datagrams} UDP datagrams, ${stats.bytes} bytes, ${simulatedMs} ms simulated)`;
  return {
    ok: outcome.verdict === "ok",
    verdict: outcome.verdict,
    message: outcome.message,
    seed: config.seed,
    summary,
    visualization: { kind: "network", data: visualization },
    result: toPlain(outcome.value),
    stats,
    network: { split: config.split, loss: config.loss, dup: config.dup, reorder: config.reorder },
  };
}
