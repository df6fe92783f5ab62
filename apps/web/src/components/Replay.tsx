// "Replay this seed": on a failed threading test, rerun exactly that interleaving (the test's
// schedule seed) against the current code, and show the result with the thread timeline open
// on the failing step.
import { createContext, useCallback, useContext, useEffect, useRef } from "react";
import type { GradeReport, TestReport } from "@autograder/shared";
import { errorMessage } from "../api.ts";
import { followCustomRun, startReplay } from "../custom-runs.ts";
import type { LiveResult } from "./ResultsPanel.tsx";

export type ReplayHandler = (test: TestReport) => void;
/** Set by the exercise page for threading exercises; the results' tests offer the action when it is. */
export const ReplayContext = createContext<ReplayHandler | null>(null);

/** The schedule seed a failed visible test carries ("r-123", "p3k40-7"), if any. */
export function replaySeedOf(test: TestReport): string | undefined {
  const seed = test.details?.seed;
  return !test.passed && !test.hidden && typeof seed === "string" && test.details?.visualization?.kind === "schedule" ? seed : undefined;
}

export function ReplayButton({ test }: { test: TestReport }) {
  const onReplay = useContext(ReplayContext);
  const seed = replaySeedOf(test);
  if (onReplay === null || seed === undefined) return null;
  return (
    <button type="button" className="replay-button" onClick={() => onReplay(test)} title="Run this test again on exactly this interleaving, with your current code">
      ↻ Replay this seed ({seed})
    </button>
  );
}

/**
 * The page's handler: queues the replay, shows it as the current result when done. `show` gets
 * `first` on the click; later updates carry the same `replayOf` object, so the page can drop
 * them once something else (a Run) replaced the result.
 */
export function useReplay(exerciseId: string, getCode: () => string, show: (result: LiveResult, first: boolean) => void): ReplayHandler {
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  return useCallback(
    (test: TestReport) => {
      const seed = replaySeedOf(test);
      if (seed === undefined) return;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const replayOf = { test: test.name, seed };
      const base = { kind: "run" as const, score: null, maxScore: null, replayOf };
      show({ ...base, status: "queued", report: null }, true);
      void (async () => {
        try {
          const id = await startReplay(exerciseId, { code: getCode(), test: test.name, seed });
          const view = await followCustomRun(id, (status) => show({ ...base, status: status === "running" ? "running" : "queued", report: null }, false), controller.signal);
          if (controller.signal.aborted) return;
          if (view.status === "error" || !view.report) show({ ...base, status: "error", report: null, error: view.message ?? "The replay could not run; try again." }, false);
          else show({ ...base, status: "graded", report: view.report as GradeReport, score: view.report.score, maxScore: view.report.maxScore }, false);
        } catch (error) {
          if (!controller.signal.aborted) show({ ...base, status: "error", report: null, error: errorMessage(error) }, false);
        }
      })();
    },
    [exerciseId, getCode, show],
  );
}
