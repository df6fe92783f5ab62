import type { ReactNode } from "react";
import { errorMessage } from "../api.ts";

export function Spinner({ label = "Loading" }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}…
    </p>
  );
}

export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  return (
    <div className="error-box" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {errorMessage(error)}
    </div>
  );
}

export function Card({ title, children, actions, id }: { title?: ReactNode; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <section className="card" aria-labelledby={title && id ? `${id}-title` : undefined}>
      {title || actions ? (
        <div className="card-head">
          {title ? <h2 id={id ? `${id}-title` : undefined}>{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** "in 3 days", "2 hours ago". */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return "";
  const diff = t - now;
  const abs = Math.abs(diff);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  const fmt = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [ms, unit] of units) if (abs >= ms) return fmt.format(Math.round(diff / ms), unit);
  return fmt.format(Math.round(diff / 1000), "second");
}

export function percent(score: number | null | undefined, max: number | null | undefined): string {
  if (score === null || score === undefined || !max) return "—";
  return `${Math.round((score / max) * 100)}%`;
}

export function ScoreBar({ score, max, label }: { score: number | null | undefined; max: number | null | undefined; label: string }) {
  const value = score && max ? Math.max(0, Math.min(1, score / max)) : 0;
  return (
    <div className="scorebar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)}>
      <div className="scorebar-fill" style={{ width: `${value * 100}%` }} />
    </div>
  );
}
