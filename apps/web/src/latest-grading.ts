// Opening an exercise (or reloading the page) shows the latest run or submission: its result
// if graded, or the grading still in progress, followed live until it ends.
import { useCallback, useEffect, useRef, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { GradeReport, SubmissionListItem, SubmissionView } from "@autograder/shared";
import { api, ApiError, errorMessage, exercisePath } from "./api.ts";
import { useAuth } from "./auth.tsx";
import type { LiveResult } from "./components/ResultsPanel.tsx";
import { followSubmission, type Follower } from "./submissions.ts";

export function resultOf(s: SubmissionView): LiveResult {
  return {
    kind: s.kind,
    status: s.status,
    report: s.report as GradeReport | null,
    score: s.score,
    maxScore: s.maxScore,
    finalScore: s.finalScore,
    verdict: s.verdict,
    latePenaltyPercent: s.latePenaltyPercent,
    submittedAt: s.createdAt,
  };
}

/**
 * Follows submission `id` into `setResult` (live status, then the graded view). A lost session
 * (401) is not the grading's error: the status stays as it was and `onLost` is told.
 */
export function follow(id: string, kind: "run" | "submit", setResult: Dispatch<SetStateAction<LiveResult | null>>, onGraded: () => void, onLost?: () => void): Follower {
  return followSubmission(
    id,
    (status) => setResult((r) => (r ? { ...r, status } : r)),
    (s) => {
      setResult(resultOf(s));
      onGraded();
    },
    (error) => {
      if (onLost && error instanceof ApiError && error.status === 401) return onLost();
      setResult((r) => ({ ...(r ?? { kind, report: null, score: null, maxScore: null }), status: "error", error: errorMessage(error) }));
    },
  );
}

/**
 * On mount: the newest run or submission of this exercise. Nothing happens if the student
 * started something meanwhile (`follower` set or a result shown). Returns `followLive`, which
 * follows a grading and, if the session is lost meanwhile, follows it again after the login.
 */
export function useLatestGrading(
  exerciseId: string,
  result: RefObject<LiveResult | null>,
  setResult: Dispatch<SetStateAction<LiveResult | null>>,
  follower: RefObject<Follower | null>,
  onGraded: () => void,
): (id: string, kind: "run" | "submit") => Follower {
  const { sessionLost } = useAuth();
  const waiting = useRef<{ id: string; kind: "run" | "submit" } | null>(null);
  const followLive = useCallback(
    (id: string, kind: "run" | "submit"): Follower => {
      waiting.current = null;
      return follow(id, kind, setResult, onGraded, () => (waiting.current = { id, kind }));
    },
    [setResult, onGraded],
  );
  useEffect(() => {
    const w = waiting.current;
    if (sessionLost || w === null) return;
    follower.current?.stop();
    follower.current = followLive(w.id, w.kind);
  }, [sessionLost, followLive, follower]);

  useEffect(() => {
    let live = true;
    const idle = () => live && follower.current === null && result.current === null;
    void (async () => {
      try {
        const list = await api.get<SubmissionListItem[]>(`${exercisePath(exerciseId)}/submissions`);
        const latest = list[0];
        if (!latest || !idle()) return;
        if (latest.status === "queued" || latest.status === "running") {
          setResult({ kind: latest.kind, status: latest.status, report: null, score: null, maxScore: null, submittedAt: latest.createdAt });
          follower.current = followLive(latest.id, latest.kind);
          return;
        }
        const view = await api.get<SubmissionView>(`/api/submissions/${encodeURIComponent(latest.id)}`);
        if (idle()) setResult(resultOf(view));
      } catch {
        // Only a convenience: the page works without the last result.
      }
    })();
    return () => {
      live = false;
    };
    // Once per exercise: the refs and setters are stable.
  }, [exerciseId]);
  return followLive;
}
