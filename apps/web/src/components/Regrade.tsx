// Staff: regrade every submission of an exercise against its published version. A
// confirmation first ("N submissions will be regraded"), then the run's progress polled every
// second (the regrade is a queue job: it goes on when this page is closed), then a summary of
// the grades that moved.
import { useEffect, useId, useRef, useState } from "react";
import { api, errorMessage, exercisePath } from "../api.ts";
import { confirmRegradeText, regradePercent, regradeSummaryText, regradeText, type RegradeProgress } from "../authoring.ts";

export const REGRADE_POLL_MS = 1000;

const score = (n: number | null): string => (n === null ? "—" : String(Math.round(n * 100) / 100));

export function Regrade({ exerciseId, label }: { exerciseId: string; label?: string }) {
  const [progress, setProgress] = useState<RegradeProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const progressId = useId();
  const dialogId = useId();

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    if (confirming !== null) confirmButton.current?.focus();
  }, [confirming]);

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

  /** Asks how many submissions a regrade would take, for the confirmation. */
  const ask = async () => {
    setError(null);
    setBusy(true);
    try {
      const { count } = await api.get<{ count: number }>(`${exercisePath(exerciseId)}/regrade`);
      if (live.current) setConfirming(count);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    setConfirming(null);
    clearTimeout(timer.current);
    setBusy(true);
    try {
      const p = await api.post<RegradeProgress>(`${exercisePath(exerciseId)}/regrade`);
      if (!live.current) return;
      setProgress(p);
      if (!p.finished) poll(p.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const running = busy || (progress !== null && !progress.finished);
  const pct = progress ? regradePercent(progress) : 0;
  const name = label ?? exerciseId;
  const summary = progress?.finished ? progress.summary : null;
  return (
    <div className="regrade">
      <button type="button" onClick={() => void ask()} disabled={running || confirming !== null} aria-describedby={progress ? progressId : undefined}>
        {running && progress !== null ? "Regrading…" : "Regrade"}
        <span className="sr-only"> every submission of {name}</span>
      </button>
      {confirming !== null ? (
        <div className="regrade-confirm" role="dialog" aria-modal="false" aria-labelledby={dialogId}>
          <p id={dialogId}>{confirmRegradeText(confirming)}</p>
          <div className="regrade-confirm-buttons">
            {confirming > 0 ? (
              <button type="button" ref={confirmButton} onClick={() => void start()}>
                Regrade {confirming} submission{confirming === 1 ? "" : "s"}
              </button>
            ) : null}
            <button type="button" onClick={() => setConfirming(null)} ref={confirming > 0 ? undefined : confirmButton}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {progress ? (
        <div className="regrade-progress" id={progressId}>
          <progress max={100} value={pct} aria-label={`Regrade progress of ${name}`}>
            {pct}%
          </progress>
          <span role="status" aria-live="polite" className={progress.finished ? (progress.failed > 0 ? "bad" : "ok") : "muted"}>
            {regradeText(progress)}
          </span>
          {summary ? (
            <div className="regrade-summary">
              <span>Grades: {regradeSummaryText(summary)}.</span>
              {summary.changes.length > 0 ? (
                <table>
                  <caption className="sr-only">Changed grades after the regrade of {name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Student</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.changes.map((c) => (
                      <tr key={c.submissionId}>
                        <td>{c.userName}</td>
                        <td>{score(c.before)}</td>
                        <td className={(c.after ?? 0) > (c.before ?? 0) ? "ok" : "bad"}>{score(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          ) : null}
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
