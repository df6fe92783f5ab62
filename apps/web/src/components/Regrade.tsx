// Staff: regrade every submission of an exercise against its published version, with a
// progress bar polled every second until the regrade finishes.
import { useEffect, useId, useRef, useState } from "react";
import { api, errorMessage, exercisePath } from "../api.ts";
import { regradePercent, regradeText, type RegradeProgress } from "../authoring.ts";

export const REGRADE_POLL_MS = 1000;

export function Regrade({ exerciseId, label }: { exerciseId: string; label?: string }) {
  const [progress, setProgress] = useState<RegradeProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);
  const progressId = useId();

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const poll = (id: string) => {
    timer.current = setTimeout(() => {
      api.get<RegradeProgress>(`/api/regrades/${encodeURIComponent(id)}`).then(
        (p) => {
          if (!live.current) return;
          setProgress(p);
          if (!p.finished) poll(id);
        },
        (e: unknown) => {
          if (!live.current) return;
          setError(errorMessage(e));
        },
      );
    }, REGRADE_POLL_MS);
  };

  const start = async () => {
    clearTimeout(timer.current);
    setError(null);
    setStarting(true);
    try {
      const p = await api.post<RegradeProgress>(`${exercisePath(exerciseId)}/regrade`);
      if (!live.current) return;
      setProgress(p);
      if (!p.finished) poll(p.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  const running = starting || (progress !== null && !progress.finished);
  const pct = progress ? regradePercent(progress) : 0;
  const name = label ?? exerciseId;
  return (
    <div className="regrade">
      <button type="button" onClick={() => void start()} disabled={running} aria-describedby={progress ? progressId : undefined}>
        {running ? "Regrading…" : "Regrade"}
        <span className="sr-only"> every submission of {name}</span>
      </button>
      {progress ? (
        <div className="regrade-progress" id={progressId}>
          <progress max={100} value={pct} aria-label={`Regrade progress of ${name}`}>
            {pct}%
          </progress>
          <span role="status" aria-live="polite" className={progress.finished ? (progress.failed > 0 ? "bad" : "ok") : "muted"}>
            {regradeText(progress)}
          </span>
        </div>
      ) : null}
      {error ? (
        <span className="bad" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
