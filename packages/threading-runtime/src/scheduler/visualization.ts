import type { RunResult, TraceStep } from "./types.ts";

/** What a failing TestReport carries in details.visualization for the schedule viewer. */
export interface ScheduleVisualization {
  readonly kind: "schedule";
  readonly data: {
    readonly threads: readonly string[];
    readonly steps: ReadonlyArray<{ readonly thread: string; readonly op: string; readonly detail: string }>;
    readonly seed: string;
  };
}

export function toVisualization(result: RunResult): ScheduleVisualization {
  const trace = result.trace as TraceStep[];
  return {
    kind: "schedule",
    data: {
      threads: result.threads,
      steps: trace.map((s) => ({ thread: s.thread, op: s.op, detail: s.detail })),
      seed: result.seed,
    },
  };
}
