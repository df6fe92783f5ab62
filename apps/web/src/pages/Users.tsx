// Admin: create accounts (instructors, admins, students), find them by role or text, and set a
// forgotten password (the account is logged out everywhere).
import type { UserListItemView, UserRole } from "@autograder/shared";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PERSON_NAME_MAX_LENGTH, USER_SEARCH_MAX_LENGTH } from "@autograder/shared/limits";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { Card, ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { OutcomeBox, SelectField, TextField, type Outcome } from "../components/Forms.tsx";
import { ROLE_NAMES, staffApi } from "../course-admin.ts";
import { EMAIL_RULES, formProblems, NAME_RULES, PASSWORD_RULES } from "../forms.ts";
import { useDocumentTitle, useResource } from "../hooks.ts";

const LABELS = { email: "email address", q: "search text" };
const ROLE_OPTIONS: readonly { value: UserRole; label: string }[] = [
  { value: "instructor", label: "Instructor" },
  { value: "admin", label: "Admin" },
  { value: "student", label: "Student" },
];
const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. Give it to the person yourself: no email is sent.`;

function CreateAccount({ onCreated }: { onCreated(): void }) {
  const empty = { name: "", email: "", password: "" };
  const [values, setValues] = useState(empty);
  const [role, setRole] = useState<UserRole>("instructor");
  const [problems, setProblems] = useState<Partial<Record<keyof typeof empty, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const found = formProblems(values, { name: NAME_RULES, email: EMAIL_RULES, password: PASSWORD_RULES });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await staffApi.createUser({ name: values.name.trim(), email: values.email.trim(), password: values.password, role });
      setOutcome({ ok: true, text: `Created the ${ROLE_NAMES[role].toLowerCase()} account of ${values.name.trim()} (${values.email.trim()}). They log in with this email and the password you chose.` });
      setValues(empty);
      onCreated();
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err, LABELS) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Create an account" id="create-account">
      <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="create-account-title">
        <TextField label="Name" name="name" value={values.name} onChange={set("name")} maxLength={PERSON_NAME_MAX_LENGTH} autoComplete="off" error={problems.name} />
        <TextField label="Email" name="email" type="email" value={values.email} onChange={set("email")} maxLength={EMAIL_MAX_LENGTH} autoComplete="off" error={problems.email} />
        <TextField label="Password" name="password" type="password" value={values.password} onChange={set("password")} minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" hint={PASSWORD_HINT} error={problems.password} />
        <SelectField label="Role" value={role} onChange={setRole} options={ROLE_OPTIONS} />
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Creating…" : "Create account"}
          </button>
        </div>
      </form>
      <OutcomeBox outcome={outcome} />
    </Card>
  );
}

function ResetPassword({ user, onDone }: { user: UserListItemView; onDone(outcome: Outcome): void }) {
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found = formProblems({ password }, { password: { ...PASSWORD_RULES, label: "new password" } });
    setProblem(found.password);
    if (found.password) return;
    setBusy(true);
    try {
      await staffApi.resetPassword(user.id, password);
      onDone({ ok: true, text: `The password of ${user.name} (${user.email}) is set. They were logged out everywhere and their access tokens revoked; give them the new password.` });
    } catch (err) {
      setError(errorMessage(err, { password: "new password" }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`Reset the password of ${user.name}`} id="reset-password">
      <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="reset-password-title">
        <p className="muted">
          {user.email} gets a new password now: every session of this account ends and its access tokens stop working.
        </p>
        <TextField label="New password" name="new-password" type="password" value={password} onChange={setPassword} minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" hint={PASSWORD_HINT} error={problem} autoFocus />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Setting…" : "Set password"}
          </button>
          <button type="button" onClick={() => onDone(null)} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
      {error ? (
        <div className="error-box" role="alert">
          {error}
        </div>
      ) : null}
    </Card>
  );
}

export function UsersPage() {
  useDocumentTitle("Users");
  const { me } = useAuth();
  const [filter, setFilter] = useState<{ role: UserRole | ""; q: string }>({ role: "", q: "" });
  const [draft, setDraft] = useState(filter);
  const users = useResource(() => staffApi.listUsers(filter), [filter.role, filter.q]);
  const [resetting, setResetting] = useState<UserListItemView | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  return (
    <div className="page">
      <h1>Users</h1>
      <div className="grid-2">
        <div>
          <Card title="Accounts" id="accounts">
            <form className="form-row" role="search" aria-label="Find accounts" onSubmit={search}>
              <TextField label="Name or email contains" name="q" type="search" value={draft.q} onChange={(q) => setDraft((d) => ({ ...d, q }))} maxLength={USER_SEARCH_MAX_LENGTH} />
              <SelectField
                label="Role"
                value={draft.role}
                onChange={(role) => {
                  setDraft((d) => ({ ...d, role }));
                  setFilter((f) => ({ ...f, role }));
                }}
                options={[{ value: "", label: "Any role" }, ...ROLE_OPTIONS] as const}
              />
              <button type="submit">Search</button>
            </form>
            <OutcomeBox outcome={outcome} />
            {users.loading ? <Spinner label="Loading accounts" /> : null}
            {users.error ? <ErrorBox error={users.error} title="Could not load the accounts" /> : null}
            {users.data && users.data.length === 0 ? <p className="muted">No account matches.</p> : null}
            {users.data && users.data.length > 0 ? (
              <div className="table-scroll">
                <table className="table">
                  <caption className="sr-only">Accounts</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Role</th>
                      <th scope="col">Created</th>
                      <th scope="col">Password</th>
                    </tr>
                  </thead>
                  <tbody>
                    {users.data.map((u) => (
                      <tr key={u.id}>
                        <th scope="row">{u.name}</th>
                        <td>{u.email}</td>
                        <td>{ROLE_NAMES[u.role]}</td>
                        <td>{formatDate(u.createdAt)}</td>
                        <td>
                          {u.id === me?.id ? (
                            <span className="muted">you</span>
                          ) : (
                            <button
                              type="button"
                              aria-label={`Reset the password of ${u.name}`}
                              onClick={() => {
                                setOutcome(null);
                                setResetting(u);
                              }}
                            >
                              Reset
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {users.data && users.data.length >= 200 ? <p className="muted small">The first 200 accounts are shown; search to narrow them down.</p> : null}
          </Card>
        </div>
        <div>
          {resetting ? (
            <ResetPassword
              key={resetting.id}
              user={resetting}
              onDone={(result) => {
                setResetting(null);
                setOutcome(result);
              }}
            />
          ) : null}
          <CreateAccount onCreated={() => users.reload()} />
        </div>
      </div>
    </div>
  );
}
