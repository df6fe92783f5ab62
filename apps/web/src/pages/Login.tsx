import { useState, type FormEvent } from "react";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@autograder/shared/limits";
import { errorMessage } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { useDocumentTitle } from "../hooks.ts";
import { Link, useRouter } from "../router.tsx";

export function LoginPage() {
  useDocumentTitle("Log in");
  const { login } = useAuth();
  const { navigate, search } = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
      const next = new URLSearchParams(search).get("next");
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="auth-page">
      <form className="card auth-form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Log in</h1>
        {error ? (
          <div className="error-box" role="alert">
            {error}
          </div>
        ) : null}
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required maxLength={EMAIL_MAX_LENGTH} value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required maxLength={PASSWORD_MAX_LENGTH} value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
        <p className="muted">
          New student? <Link to="/join">Join a course with its code</Link>
        </p>
      </form>
    </div>
  );
}
