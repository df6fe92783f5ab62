// The login dialog shown over the current page when the session is lost: no navigation, the
// page (and the editor's draft, kept in this browser) stays underneath. A modal <dialog> makes
// the page inert; Tab also wraps inside it. Escape closes it (the header's "Log in" reopens it).
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@autograder/shared/limits";
import { errorMessage } from "../api.ts";
import { useAuth } from "../auth.tsx";

const FOCUSABLE = "input, button, select, textarea, a[href], [tabindex]:not([tabindex='-1'])";

/** Keeps Tab and Shift+Tab inside `root` (the browser's own modal dialog lets focus reach its toolbar). */
export function trapTab(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== "Tab") return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute("disabled"));
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** In the DOM only while open: a closed dialog's fields would still match "the Email field". */
export function SessionDialog() {
  const { sessionLost, loginDialogOpen } = useAuth();
  return sessionLost && loginDialogOpen ? <LoginDialog /> : null;
}

function LoginDialog() {
  const { me, setLoginDialogOpen, login } = useAuth();
  const ref = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState(me?.email ?? "");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // The email is filled in: the password is what is asked for.
    passwordRef.current?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="card session-dialog"
      aria-labelledby="session-title"
      aria-describedby="session-why"
      onKeyDown={trapTab}
      // Escape (the dialog's cancel) only hides it: the page and the draft stay as they are.
      onClose={() => setLoginDialogOpen(false)}
    >
      <form method="dialog" className="auth-form" onSubmit={submit}>
        <h2 id="session-title">Log in again</h2>
        <p id="session-why" className="muted">
          Your session has ended (you logged out in another tab, or it expired). Your code is kept in this browser and is saved to your account once you log in.
        </p>
        {error ? (
          <div className="error-box" role="alert">
            {error}
          </div>
        ) : null}
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required maxLength={EMAIL_MAX_LENGTH} value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required maxLength={PASSWORD_MAX_LENGTH} value={password} onChange={(e) => setPassword(e.target.value)} ref={passwordRef} />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Logging in…" : "Log in"}
          </button>
          <button type="button" className="ghost" onClick={() => setLoginDialogOpen(false)}>
            Not now
          </button>
        </div>
      </form>
    </dialog>
  );
}
