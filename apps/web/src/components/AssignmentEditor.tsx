// Staff: the form that creates or edits an assignment (exercise picker, title, open and due
// dates in the browser's time zone, late policy, points). The exercise cannot change once
// assigned (its submissions belong to it): editing shows it read-only.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { ExerciseSummary } from "@autograder/shared";
import type { AssignmentInfo } from "../api-types.ts";
import { ASSIGNMENT_POINTS_MAX, ASSIGNMENT_TITLE_MAX, LATE_PENALTY_PERCENT_MAX } from "@autograder/shared/course-limits";
import { errorMessage } from "../api.ts";
import { ASSIGNMENT_LABELS, assignmentBody, type AssignmentBody, type AssignmentForm, filterExercises, formOf, NO_FILTER, pickerOptions, type PickerFilter, timeZoneLabel } from "../assignments.ts";

export function ExercisePicker({ exercises, value, onChange, taken }: { exercises: ExerciseSummary[]; value: string; onChange(id: string): void; taken: ReadonlySet<string> }) {
  const [filter, setFilter] = useState<PickerFilter>(NO_FILTER);
  const options = useMemo(() => pickerOptions(exercises), [exercises]);
  const shown = filterExercises(exercises, filter);
  const set = (patch: Partial<PickerFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const id = useId();
  return (
    <fieldset className="picker">
      <legend>Exercise</legend>
      <div className="picker-filters">
        <div className="field">
          <label htmlFor={`${id}-query`}>Search</label>
          <input id={`${id}-query`} type="search" value={filter.query} maxLength={100} onChange={(e) => set({ query: e.target.value })} placeholder="title, id or tag" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-family`}>Family</label>
          <select id={`${id}-family`} value={filter.family} onChange={(e) => set({ family: e.target.value })}>
            <option value="">Any family</option>
            {options.families.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-difficulty`}>Difficulty</label>
          <select id={`${id}-difficulty`} value={filter.difficulty} onChange={(e) => set({ difficulty: e.target.value })}>
            <option value="">Any difficulty</option>
            {options.difficulties.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select id={`${id}-tag`} value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {options.tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted small" role="status" aria-live="polite" id={`${id}-count`}>
        {shown.length} of {exercises.length} exercises
      </p>
      <div className="picker-list" role="radiogroup" aria-label="Exercises" aria-describedby={`${id}-count`}>
        {shown.length === 0 ? <p className="muted">No exercise matches these filters.</p> : null}
        {shown.map((e) => {
          const disabled = taken.has(e.id) || e.published === false;
          return (
            <label key={e.id} className={`picker-item${value === e.id ? " selected" : ""}`}>
              <input type="radio" name={`${id}-exercise`} value={e.id} checked={value === e.id} disabled={disabled} onChange={() => onChange(e.id)} />
              <span>
                <strong>{e.title}</strong> <code className="small">{e.id}</code>{" "}
                <span className="tag">{e.family}</span> <span className={`tag diff-${e.difficulty}`}>{e.difficulty}</span>
                {e.tags.map((t) => (
                  <span key={t} className="tag subtle">
                    {t}
                  </span>
                ))}
                {taken.has(e.id) ? <span className="muted small"> (already assigned)</span> : e.published === false ? <span className="muted small"> (not published)</span> : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function AssignmentEditor({
  assignment,
  exercises,
  taken,
  save,
  onDone,
  onCancel,
}: {
  /** null: a new assignment. */
  assignment: AssignmentInfo | null;
  exercises: ExerciseSummary[];
  /** Exercises the course assigns already (one assignment per exercise). */
  taken: ReadonlySet<string>;
  save(body: AssignmentBody): Promise<AssignmentInfo>;
  onDone(saved: AssignmentInfo): void;
  onCancel(): void;
}) {
  const creating = assignment === null;
  const [form, setForm] = useState<AssignmentForm>(() => formOf(assignment));
  const [error, setError] = useState<{ text: string; field: keyof AssignmentForm | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const zone = useMemo(() => timeZoneLabel(), []);
  useEffect(() => heading.current?.focus(), []);
  const set = (patch: Partial<AssignmentForm>) => setForm((f) => ({ ...f, ...patch }));
  const invalid = (field: keyof AssignmentForm) => (error?.field === field ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = assignmentBody(form, creating);
    if ("error" in checked) {
      setError({ text: checked.error, field: checked.field });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await save(checked.body));
    } catch (err) {
      setError({ text: errorMessage(err, ASSIGNMENT_LABELS), field: null });
    } finally {
      setBusy(false);
    }
  };

  const exercise = exercises.find((x) => x.id === form.exerciseId);
  return (
    <form className="assignment-editor card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {creating ? "New assignment" : `Edit ${assignment.title}`}
      </h3>
      {creating ? (
        <div id={`${id}-exerciseId`} tabIndex={-1}>
          <ExercisePicker exercises={exercises} value={form.exerciseId} onChange={(exerciseId) => set({ exerciseId })} taken={taken} />
        </div>
      ) : (
        <p>
          Exercise: <strong>{exercise?.title ?? assignment.exerciseId}</strong> <code className="small">{assignment.exerciseId}</code>
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-title-input`}>
          Title <span className="muted small">(optional: the exercise's title otherwise)</span>
        </label>
        <input id={`${id}-title-input`} value={form.title} maxLength={ASSIGNMENT_TITLE_MAX} onChange={(e) => set({ title: e.target.value })} placeholder={exercise?.title ?? ""} />
      </div>
      <p className="muted small" id={`${id}-zone`}>
        Dates are in your time zone ({zone}); students see them in theirs.
      </p>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-opensAt`}>Opens</label>
          <input id={`${id}-opensAt`} type="datetime-local" value={form.opensAt} onChange={(e) => set({ opensAt: e.target.value })} aria-describedby={`${id}-zone`} {...invalid("opensAt")} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-dueAt`}>Due</label>
          <input id={`${id}-dueAt`} type="datetime-local" value={form.dueAt} onChange={(e) => set({ dueAt: e.target.value })} aria-describedby={`${id}-zone`} {...invalid("dueAt")} />
        </div>
      </div>
      <fieldset>
        <legend>Late policy</legend>
        <label className="inline">
          <input type="radio" name={`${id}-late`} checked={form.latePolicy === "none"} onChange={() => set({ latePolicy: "none" })} /> Late work accepted without penalty
        </label>
        <label className="inline">
          <input type="radio" name={`${id}-late`} checked={form.latePolicy === "percent_per_day"} onChange={() => set({ latePolicy: "percent_per_day" })} /> A percentage off per started day late
        </label>
        {form.latePolicy === "percent_per_day" ? (
          <div className="field inline indent">
            <label htmlFor={`${id}-latePenaltyPercent`}>Penalty per day (%)</label>
            <input
              id={`${id}-latePenaltyPercent`}
              type="number"
              min={1}
              max={LATE_PENALTY_PERCENT_MAX}
              step={1}
              value={form.latePenaltyPercent}
              onChange={(e) => set({ latePenaltyPercent: e.target.value })}
              {...invalid("latePenaltyPercent")}
            />
          </div>
        ) : null}
        <label className="inline">
          <input type="radio" name={`${id}-late`} checked={form.latePolicy === "no_credit_after_due"} onChange={() => set({ latePolicy: "no_credit_after_due" })} /> No credit after the due date
        </label>
      </fieldset>
      <div className="field inline">
        <label htmlFor={`${id}-points`}>Points</label>
        <input id={`${id}-points`} type="number" min={0} max={ASSIGNMENT_POINTS_MAX} step="any" value={form.points} onChange={(e) => set({ points: e.target.value })} {...invalid("points")} />
      </div>
      {error ? (
        <div className="error-box" role="alert" id={`${id}-error`}>
          {error.text}
        </div>
      ) : null}
      <p className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : creating ? "Create assignment" : "Save changes"}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </p>
    </form>
  );
}
