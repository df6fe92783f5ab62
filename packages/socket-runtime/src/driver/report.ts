/** Turns a finished run into the plain-data ScenarioReport the judge receives. */
import type { ScenarioReport } from "@autograder/shared";
import {
  ArrayIsArray,
  describeThrown,
  isUint8Array,
  MathRound,
  nullObject,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  SafeArray,
  safeString,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  TypedArrayPrototypeGetLength,
} from "@autograder/shared/primordials";
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

/** "SocketError: [Errno 111] Connection refused (ECONNREFUSED)"; never runs more than a getter or two of a student's error. */
export function describeError(error: unknown): string {
  const text = describeThrown(error);
  if (typeof error !== "object" || error === null) return text;
  let code: unknown;
  try {
    code = ObjectPrototypeHasOwnProperty(error, "code") ? (error as { code?: unknown }).code : undefined;
  } catch {
    code = undefined;
  }
  // A plain Error shows as its message alone, as before.
  const shown = StringPrototypeStartsWith(text, "Error: ") ? StringPrototypeSlice(text, 7) : text;
  return `${shown}${typeof code === "string" && !StringPrototypeIncludes(shown, code) ? ` (${code})` : ""}`;
}

/** A copy of `value` that crosses isolates: plain objects, arrays, primitives; bytes as number arrays. */
export function toPlain(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (isUint8Array(value)) {
    const out = new SafeArray<number>();
    const n = TypedArrayPrototypeGetLength(value);
    for (let i = 0; i < n; i++) out.push(value[i] as number);
    return out;
  }
  if (ArrayIsArray(value)) {
    const out = new SafeArray<unknown>();
    for (let i = 0; i < value.length; i++) out.push(toPlain(value[i], depth + 1));
    return out;
  }
  if (typeof value === "object") {
    const out: Record<string, unknown> = nullObject({});
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      out[k] = toPlain((value as Record<string, unknown>)[k], depth + 1);
    }
    return out;
  }
  return safeString(value);
}

export function buildReport(net: Network, scenario: string, outcome: Outcome): ScenarioReport {
  const trace = net.trace;
  const config = net.config;
  const simulatedMs = MathRound(net.now * 1000) / 1000;
  const stats = nullObject({ segments: trace.segments, datagrams: trace.datagrams, bytes: trace.bytes, simulatedMs, hosts: net.hosts.length });
  const visualization: NetworkVisualization = nullObject({
    hosts: net.hosts.map((h) => nullObject({ ip: h.ip, name: h.name, broadcast: h.broadcast })),
    events: trace.shown(SHOWN_EVENTS),
    notes: net.notes.slice(0, 200),
    seed: config.seed,
    split: config.split,
  });
  const word = outcome.verdict === "ok" ? "ok" : outcome.verdict === "error" ? "failed" : outcome.verdict;
  const summary = `${scenario}: ${word} (${stats.hosts} hosts, ${stats.segments} TCP segments, ${stats.datagrams} UDP datagrams, ${stats.bytes} bytes, ${simulatedMs} ms simulated)`;
  // No prototype: the driver's promise is resolved with it (see run.ts).
  return nullObject({
    ok: outcome.verdict === "ok",
    verdict: outcome.verdict,
    message: outcome.message,
    seed: config.seed,
    summary,
    visualization: nullObject({ kind: "network" as const, data: visualization }),
    result: toPlain(outcome.value),
    stats,
    network: nullObject({ split: config.split, loss: config.loss, dup: config.dup, reorder: config.reorder }),
  });
}
