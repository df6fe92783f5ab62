import type { RunResult } from "./types.ts";

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
  return {
    kind: "schedule",
    data: {
      threads: result.threads,
      steps: result.trace.map(({ thread, op, detail }) => ({ thread, op, detail })),
      seed: result.seed,
    },
  };
}
