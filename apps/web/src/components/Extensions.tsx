// Staff: one assignment's per-student extensions: the list, grant or change one (a later due
// date for one student, with an optional reason), remove one.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { ExtensionView, RosterItem } from "@autograder/shared";
import type { AssignmentInfo } from "../api-types.ts";
import { EXTENSION_REASON_MAX } from "@autograder/shared/course-limits";
import { errorMessage } from "../api.ts";
import { ASSIGNMENT_LABELS, assignmentsApi, fromLocalInput, timeZoneLabel, toLocalInput } from "../assignments.ts";
import { formatDate, Spinner } from "./common.tsx";
import { useResource } from "../hooks.ts";

export function ExtensionsPanel({ courseId, assignment, roster, onClose }: { courseId: string; assignment: AssignmentInfo; roster: RosterItem[]; onClose(): void }) {
  const list = useResource(() => assignmentsApi.extensions(courseId, assignment.id), [courseId, assignment.id]);
  const students = useMemo(() => roster.filter((r) => r.role === "student"), [roster]);
  const [userId, setUserId] = useState("");
  const [dueAt, setDueAt] = useState(() => toLocalInput(assignment.dueAt ? new Date(Date.parse(assignment.dueAt) + 2 * 86_400_000).toISOString() : null));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const grant = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const iso = fromLocalInput(dueAt);
    if (!userId) return setError("Choose a student.");
    if (iso === null) return setError("The new due date is not a valid date and time.");
    setBusy(true);
    try {
      const saved = await assignmentsApi.grant(courseId, assignment.id, userId, { dueAt: iso, reason: reason.trim() || null });
      list.set([...(list.data ?? []).filter((x) => x.userId !== saved.userId), saved].sort((a, b) => a.email.localeCompare(b.email)));
      setDone(`${saved.name} is now due ${formatDate(saved.dueAt)}.`);
      setReason("");
    } catch (err) {
      setError(errorMessage(err, ASSIGNMENT_LABELS));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (x: ExtensionView) => {
    setError(null);
    setDone(null);
    try {
      await assignmentsApi.revoke(courseId, assignment.id, x.userId);
      list.set((list.data ?? []).filter((y) => y.userId !== x.userId));
      setDone(`${x.name}'s extension was removed; the assignment's due date applies again.`);
      heading.current?.focus();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="card extensions" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Extensions: {assignment.title}
        </h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted small">
        Due {formatDate(assignment.dueAt)} for everyone else. An extension replaces the due date for one student: late penalties count from it, for work already submitted too.
      </p>
      {list.loading && !list.data ? <Spinner label="Loading the extensions" /> : null}
      {list.error ? (
        <div className="error-box" role="alert">
          {errorMessage(list.error)}
        </div>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <table className="table compact">
          <caption className="sr-only">Extensions of {assignment.title}</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Due</th>
              <th scope="col">Reason</th>
              <th scope="col">Granted by</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((x) => (
              <tr key={x.userId}>
                <td>
                  {x.name} <span className="muted small">{x.email}</span>
                </td>
                <td>{formatDate(x.dueAt)}</td>
                <td>{x.reason ?? "—"}</td>
                <td>{x.createdBy.name}</td>
                <td>
                  <button type="button" className="link" onClick={() => void remove(x)} aria-label={`Remove ${x.name}'s extension`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : list.data ? (
        <p className="muted">No extensions.</p>
      ) : null}
      {assignment.dueAt === null ? (
        <p className="muted">This assignment has no due date, so there is nothing to extend.</p>
      ) : (
        <form className="inline-form" onSubmit={grant} aria-label={`Grant an extension on ${assignment.title}`}>
          <div className="field">
            <label htmlFor={`${id}-student`}>Student</label>
            <select id={`${id}-student`} value={userId} onChange={(e) => setUserId(e.target.value)} required>
              <option value="">Choose a student</option>
              {students.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name} ({s.email})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>
              New due date <span className="muted small">({timeZoneLabel()})</span>
            </label>
            <input id={`${id}-due`} type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              Reason <span className="muted small">(optional, staff only)</span>
            </label>
            <input id={`${id}-reason`} value={reason} maxLength={EXTENSION_REASON_MAX} onChange={(e) => setReason(e.target.value)} />
          </div>
          <p className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Granting…" : "Grant extension"}
            </button>
          </p>
        </form>
      )}
      {error ? (
        <div className="error-box" role="alert">
          {error}
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="muted">
        {done}
      </p>
    </section>
  );
}
