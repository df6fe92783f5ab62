/** @autograder/threading-runtime: threads under a controlled scheduler that finds and replays races. */
export { explore, replay, runSchedule, scheduleAt, DEFAULT_SCHEDULES, type Program, type ExploreOptions, type ExploreResult } from "./scheduler/explore.ts";
export { Scheduler, type ThreadRecord, type Waiter } from "./scheduler/scheduler.ts";
export { formatSeed, parseSeed, type ScheduleSpec } from "./scheduler/seed.ts";
export { DEFAULT_LIMITS, type RunLimits, type RunResult, type TraceStep, type Verdict, type WaitEdge } from "./scheduler/types.ts";
export { toVisualization, type ScheduleVisualization } from "./scheduler/visualization.ts";
export * as threading from "./module/index.ts";
export { THREADING_DECLARATIONS } from "./declarations.ts";
export { threadingModule, buildRuntimeScript } from "./platform.ts";
