import { useState, type FormEvent } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PERSON_NAME_MAX_LENGTH } from "@autograder/shared/limits";
import { errorMessage } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { EMAIL_MAX_LENGTH, JOIN_CODE_MAX_LENGTH } from "../enrolment.ts";
import { useDocumentTitle } from "../hooks.ts";
import { Link, useRouter } from "../router.tsx";

export function JoinPage() {
  useDocumentTitle("Join a course");
  const { join } = useAuth();
  const { navigate, search } = useRouter();
  const [form, setForm] = useState({ joinCode: new URLSearchParams(search).get("code") ?? "", name: "", email: "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await join({ ...form, joinCode: form.joinCode.trim() });
      navigate("/", { replace: true });
    } catch (err) {
      setError(errorMessage(err, { joinCode: "join code" }));
      setBusy(false);
    }
  };
  return (
    <div className="auth-page">
      <form className="card auth-form" onSubmit={submit} aria-labelledby="join-title">
        <h1 id="join-title">Join a course</h1>
        <p className="muted">Your instructor gives you the course's join code. This creates your student account (already have one? Log in and use Join a course on your dashboard).</p>
        {error ? (
          <div className="error-box" role="alert">
            {error}
          </div>
        ) : null}
        <label>
          Join code
          <input name="joinCode" required maxLength={JOIN_CODE_MAX_LENGTH} value={form.joinCode} onChange={set("joinCode")} autoComplete="off" spellCheck={false} />
        </label>
        <label>
          Your name
          <input name="name" required maxLength={PERSON_NAME_MAX_LENGTH} value={form.name} onChange={set("name")} autoComplete="name" />
        </label>
        <label>
          Email
          <input type="email" name="email" required maxLength={EMAIL_MAX_LENGTH} value={form.email} onChange={set("email")} autoComplete="email" />
        </label>
        <label>
          Password
          <input type="password" name="password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} value={form.password} onChange={set("password")} autoComplete="new-password" aria-describedby="pw-help" />
        </label>
        <p id="pw-help" className="muted small">
          At least {PASSWORD_MIN_LENGTH} characters (at most {PASSWORD_MAX_LENGTH}); a long passphrase is best.
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Joining…" : "Join"}
        </button>
        <p className="muted">
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </form>
    </div>
  );
}
