// The data of TestDetails.visualization, by kind, as the web app draws it. The producers are
// the sandbox's judge (sorting), packages/threading-runtime (schedule) and
// packages/socket-runtime (network); their shapes are restated here so the web app can
// check what it receives without importing the runtimes.

/** A write's fourth item, when present, is the input position the value came from (boxed tracking). */
export type SortingOperation = readonly ["read", number] | readonly ["write", number, unknown] | readonly ["write", number, unknown, number];

export interface SortingVisualizationData {
  initial: unknown[];
  operations: SortingOperation[];
}

export interface ScheduleStep {
  thread: string;
  op: string;
  detail: string;
}

export interface ScheduleVisualizationData {
  threads: string[];
  steps: ScheduleStep[];
  seed: string | number;
}

export interface NetworkHost {
  ip: string;
  name: string;
  broadcast?: string;
}

/** One segment or datagram on the wire; `from`/`to` are "ip:port" ("" for a gap marker). */
export interface WireEventView {
  t: number;
  from: string;
  to: string;
  proto: "tcp" | "udp";
  flags: string;
  length: number;
  hex: string;
  text: string;
  note: string;
}

export interface NetworkVisualizationData {
  hosts: NetworkHost[];
  events: WireEventView[];
  notes?: { t: number; text: string }[];
  seed?: string | number;
  split?: string;
}
