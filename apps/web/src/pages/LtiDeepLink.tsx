// The exercise picker opened by an LMS deep-linking request: the instructor picks exercises
// (with a due date and late policy each); we create the assignments and hand the browser to
// the server page that posts the signed answer back to the LMS.
import { useState } from "react";
import type { ExerciseSummary } from "@autograder/shared";
import { api } from "../api.ts";
import { ErrorBox, Spinner } from "../components/common.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { pickItems, type DeepLinkView, type LatePolicy, type Pick } from "../lti.ts";

export function LtiDeepLinkPage({ id }: { id: string }) {
  useDocumentTitle("Add exercises");
  const request = useResource(() => api.get<DeepLinkView>(`/api/lti/deep-links/${encodeURIComponent(id)}`), [id]);
  const exercises = useResource(() => api.get<ExerciseSummary[]>("/api/exercises"), []);
  const [picked, setPicked] = useState<Record<string, Pick>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (request.error) return <ErrorBox error={request.error} />;
  if (!request.data || !exercises.data) return <Spinner />;
  const multiple = request.data.acceptMultiple;
  const toggle = (exerciseId: string, on: boolean) => {
    const next = multiple ? { ...picked } : {};
    if (on) next[exerciseId] = { dueAt: "", latePolicy: "none", latePenaltyPercent: 0 };
    else delete next[exerciseId];
    setPicked(next);
  };
  const update = (exerciseId: string, change: Partial<Pick>) => setPicked({ ...picked, [exerciseId]: { ...picked[exerciseId]!, ...change } });
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ returnUrl: string }>(`/api/lti/deep-links/${encodeURIComponent(id)}`, { items: pickItems(picked) });
      window.location.assign(res.returnUrl);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const count = Object.keys(picked).length;
  return (
    <div className="page stack">
      <h1>Add exercises to {request.data.courseTitle}</h1>
      <p className="muted">Each exercise becomes an assignment here and a graded link in the LMS.</p>
      {error ? <ErrorBox error={error} /> : null}
      <table className="table">
        <thead>
          <tr>
            <th>Exercise</th>
            <th>Due</th>
            <th>Late policy</th>
          </tr>
        </thead>
        <tbody>
          {exercises.data.map((e) => {
            const p = picked[e.id];
            return (
              <tr key={e.id} className={p ? "selected" : undefined}>
                <td>
                  <label>
                    <input type={multiple ? "checkbox" : "radio"} name="exercise" checked={p !== undefined} onChange={(ev) => toggle(e.id, ev.target.checked)} /> {e.title}{" "}
                    <span className="muted">({e.family})</span>
                  </label>
                </td>
                <td>
                  {p ? <input type="datetime-local" aria-label={`Due date of ${e.title}`} value={p.dueAt} onChange={(ev) => update(e.id, { dueAt: ev.target.value })} /> : null}
                </td>
                <td>
                  {p && p.dueAt ? (
                    <>
                      <select aria-label={`Late policy of ${e.title}`} value={p.latePolicy} onChange={(ev) => update(e.id, { latePolicy: ev.target.value as LatePolicy })}>
                        <option value="none">Accept late, no penalty</option>
                        <option value="percent_per_day">Percent off per day late</option>
                        <option value="no_credit_after_due">No credit after due</option>
                      </select>
                      {p.latePolicy === "percent_per_day" ? (
                        <input
                          type="number"
                          min={1}
                          max={100}
                          aria-label={`Percent per day of ${e.title}`}
                          value={p.latePenaltyPercent || ""}
                          onChange={(ev) => update(e.id, { latePenaltyPercent: Number(ev.target.value) })}
                        />
                      ) : null}
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <button type="button" disabled={busy || count === 0} onClick={() => void submit()}>
          Add {count} exercise{count === 1 ? "" : "s"} to the LMS
        </button>
      </div>
    </div>
  );
}
