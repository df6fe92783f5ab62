import type { MisuseCode } from "./misuse.ts";

/** One line of a trace: which thread did what, in order. */
export interface TraceStep {
  /** Scheduling step number (1-based) when the thread was picked; notes share their step's number. */
  readonly step: number;
  readonly thread: string;
  readonly op: string;
  detail: string;
  /** Simulated time in milliseconds when it happened. */
  readonly time: number;
}

export type Verdict = "ok" | "error" | "deadlock" | "timeout";

/** Who waits for what when the run ended in a deadlock. */
export interface WaitEdge {
  readonly thread: string;
  readonly waitsFor: string;
}

/** A misuse of the module by the student's code (it fails the run with verdict "error"). */
export interface Misuse {
  readonly code: MisuseCode;
  /** The thread that misused the module ("" when outside any thread). */
  readonly thread: string;
  readonly message: string;
  /** What to change, in one sentence. */
  readonly fix: string;
}

/** Outcome of running a program under one schedule. */
export interface RunResult {
  readonly verdict: Verdict;
  readonly seed: string;
  readonly steps: number;
  /** Steps at which more than one thread was ready to run. */
  readonly choices: number;
  readonly time: number;
  readonly threads: readonly string[];
  readonly trace: readonly TraceStep[];
  /** Human-readable reason when verdict is not "ok". */
  readonly message: string;
  readonly waits: readonly WaitEdge[];
  /** The thread whose uncaught error ended the run (verdict "error"). */
  readonly failedThread?: string;
  /** Set when the run failed because the student's code misused the module. */
  readonly misuse?: Misuse;
}

/** Budget for one run. */
export interface RunLimits {
  /** Scheduling steps before the run ends as a "timeout" (livelock, busy-waiting). */
  readonly maxSteps: number;
  /** Simulated milliseconds before the run ends as a "timeout". */
  readonly maxTime: number;
}

export const DEFAULT_LIMITS: RunLimits = { maxSteps: 2000, maxTime: 3_600_000 };
