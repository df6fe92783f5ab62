// Form pieces of the staff pages: a labelled input with its hint and error, a message line,
// and a button that asks before doing something that cannot be undone.
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value">;

export function TextField({ label, value, onChange, error, hint, ...input }: { label: string; value: string; onChange(value: string): void; error?: string | undefined; hint?: string } & InputProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} />
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function SelectField<T extends string>({ label, value, onChange, options }: { label: string; value: T; onChange(value: NoInfer<T>): void; options: readonly { value: NoInfer<T>; label: string }[] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type Outcome = { ok: boolean; text: string } | null;

/** The result of the last action: a status for success, an alert for a failure. */
export function OutcomeBox({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <div className={outcome.ok ? "info-box" : "error-box"} role={outcome.ok ? "status" : "alert"}>
      {outcome.text}
    </div>
  );
}

/**
 * A button that first asks `question` in place, with a confirming and a cancelling button;
 * focus moves to the question's buttons and back to the button on cancel.
 */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, onConfirm, className, disabled }: { label: ReactNode; ariaLabel?: string; question: string; confirmLabel: string; onConfirm(): Promise<void> | void; className?: string; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button ref={openerRef} type="button" className={className} aria-label={ariaLabel} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const cancel = () => {
    setAsking(false);
    requestAnimationFrame(() => openerRef.current?.focus());
  };
  return (
    <span className="confirm" role="group" aria-labelledby={`${id}-q`} onKeyDown={(e) => e.key === "Escape" && !busy && cancel()}>
      <span id={`${id}-q`}>{question}</span>{" "}
      <button
        ref={confirmRef}
        type="button"
        className="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {busy ? "Working…" : confirmLabel}
      </button>{" "}
      <button type="button" onClick={cancel} disabled={busy}>
        Cancel
      </button>
    </span>
  );
}
