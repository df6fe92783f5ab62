// Staff: write exercises in the repository's format. Every file in a Monaco tab, save (a new
// version), validate (the grader's checks), publish (refused with the reason when not valid),
// export and import a zip, regrade. Also the small validate/publish panel of the exercise page.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { ExerciseDetail, ExerciseSummary } from "@autograder/shared";
import { EXERCISE_FILE_PATH_MAX_LENGTH, EXERCISE_ID_MAX_LENGTH } from "@autograder/shared/limits";
import { api, ApiError, errorMessage, exercisePath } from "../api.ts";
import {
  addMutant,
  fileOrder,
  idProblem,
  JUDGE_DECLARATION,
  languageOf,
  removeMutant,
  reportChecks,
  sameFiles,
  templateFiles,
  testNames,
  validationProgressText,
  validationText,
  type ExerciseFiles,
  type ValidationCheck,
  type ValidationResult,
} from "../authoring.ts";
import { Card, ErrorBox, Spinner } from "../components/common.tsx";
import { Regrade } from "../components/Regrade.tsx";
import { QualityOf } from "../components/QualityTable.tsx";
import { validateAndFollow } from "../validation.ts";
import { EditorKeysHint, MOD, ShortcutList, TAB_FOCUS_KEYS, usePageShortcut } from "../components/Keyboard.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { exerciseUrl, Link, useRouter } from "../router.tsx";

const CodeEditor = lazy(() => import("../editor/CodeEditor.tsx"));

export const authoringUrl = (id: string) => `/authoring/${encodeURIComponent(id)}`;

function Checks({ checks }: { checks: ValidationCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <ul className="tests checks" aria-label="Validation checks">
      {checks.map((c, i) => (
        <li key={i} className={`test ${c.ok ? "pass" : "fail"}`}>
          <div className="check-line">
            <span className="test-icon" aria-hidden="true">
              {c.ok ? "✓" : "✗"}
            </span>
            <span className="sr-only">{c.ok ? "Passed:" : "Failed:"}</span>
            <strong>{c.what}</strong>
            {c.detail ? <span className="muted check-detail">{c.detail}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The exercise page's staff tab: validate and publish the latest version, link to the editor. */
export function AuthoringPanel({ exerciseId }: { exerciseId: string }) {
  const [busy, setBusy] = useState<"validate" | "publish" | null>(null);
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [progress, setProgress] = useState<ValidationResult | null>(null);
  const run = async (what: "validate" | "publish") => {
    setBusy(what);
    setMessage(null);
    try {
      if (what === "validate") {
        const r = await validateAndFollow(exerciseId, setProgress);
        setResult(r);
        setMessage(r.validation === "pending" ? { ok: false, text: "The grader has not finished yet; validate again in a moment." } : { ok: true, text: "Validation finished." });
      } else {
        await api.post(`${exercisePath(exerciseId)}/publish`);
        setMessage({ ok: true, text: "Published: students now get this version." });
      }
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="authoring">
      <p className="muted">
        Validation grades the reference solution and every mutant with the exercise's tests. Only a valid version can be published.{" "}
        <Link to={authoringUrl(exerciseId)}>Edit the exercise's files</Link>
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void run("validate")} disabled={busy !== null}>
          {busy === "validate" ? "Validating…" : "Validate"}
        </button>
        <button type="button" className="primary" onClick={() => void run("publish")} disabled={busy !== null}>
          {busy === "publish" ? "Publishing…" : "Publish"}
        </button>
      </div>
      {busy === "validate" && progress ? (
        <div className="busy-box" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> {validationProgressText(progress)}
        </div>
      ) : null}
      {message ? (
        <div className={message.ok ? "info-box" : "error-box"} role="alert" data-testid="authoring-message">
          {message.text}
        </div>
      ) : null}
      {result ? (
        <div>
          <p className={result.validation === "valid" ? "ok" : "bad"}>{validationText(result.validation)}</p>
          <Checks checks={reportChecks(result.report)} />
          <QualityOf exerciseId={exerciseId} report={result.report} />
        </div>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// /authoring: the exercises staff can edit, a new exercise from a template, import a zip.

export function AuthoringHomePage() {
  useDocumentTitle("Authoring");
  const { navigate } = useRouter();
  const exercises = useResource(() => api.get<ExerciseSummary[]>("/api/exercises"), []);
  const [newId, setNewId] = useState("");
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const problem = newId ? idProblem(newId) : null;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const p = idProblem(newId);
    if (p) {
      setCreateError(p);
      return;
    }
    setCreating(true);
    setCreateError(null);
    try {
      const r = await api.post<{ id: string }>("/api/exercises", { id: newId, files: templateFiles(newId) });
      navigate(authoringUrl(r.id));
    } catch (error) {
      setCreateError(errorMessage(error));
      setCreating(false);
    }
  };

  return (
    <div className="page">
      <h1>Exercise authoring</h1>
      <div className="grid-2">
        <div>
          <Card title="New exercise" id="new-exercise">
            <form onSubmit={(e) => void create(e)} className="stack" noValidate>
              <label>
                Exercise id
                <input
                  value={newId}
                  maxLength={EXERCISE_ID_MAX_LENGTH}
                  onChange={(e) => setNewId(e.target.value.trim())}
                  placeholder="sorting/my-exercise"
                  aria-describedby="new-id-help"
                  aria-invalid={problem !== null}
                  autoComplete="off"
                  spellCheck={false}
                />
              </label>
              <p id="new-id-help" className={problem ? "bad small" : "muted small"}>
                {problem ?? "family/name: the family (sorting, sockets or threading) comes first. The new exercise starts from a small, valid template."}
              </p>
              <div>
                <button type="submit" className="primary" disabled={creating || newId === ""}>
                  {creating ? "Creating…" : "Create exercise"}
                </button>
              </div>
              {createError ? (
                <div className="error-box" role="alert">
                  {createError}
                </div>
              ) : null}
            </form>
          </Card>
          <ImportCard onImported={(id) => navigate(authoringUrl(id))} />
        </div>
        <div>
          <h2 className="section-title">Exercises</h2>
          {exercises.loading ? <Spinner label="Loading exercises" /> : null}
          {exercises.error ? <ErrorBox error={exercises.error} title="Could not load exercises" /> : null}
          {exercises.data ? (
            <ul className="plain-list">
              {exercises.data.map((e) => (
                <li key={e.id}>
                  <Link to={authoringUrl(e.id)}>{e.title}</Link> <code className="small">{e.id}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function ImportCard({ onImported, defaultId = "" }: { onImported(id: string): void; defaultId?: string }) {
  const [id, setId] = useState(defaultId);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = idProblem(id);
    if (p || !file) {
      setError(p ?? "Choose a zip file.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.postRaw<{ id: string }>(`/api/exercises/import?id=${encodeURIComponent(id)}`, file, "application/zip");
      onImported(r.id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Import a zip" id="import-exercise">
      <form onSubmit={(e) => void submit(e)} className="stack" noValidate>
        <label>
          Id of the imported exercise
          <input value={id} maxLength={EXERCISE_ID_MAX_LENGTH} onChange={(e) => setId(e.target.value.trim())} placeholder="sorting/imported-exercise" autoComplete="off" spellCheck={false} />
        </label>
        <label>
          Zip of an exercise folder (as Export downloads it)
          <input type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <div>
          <button type="submit" disabled={busy || !file || id === ""}>
            {busy ? "Importing…" : "Import"}
          </button>
        </div>
        {error ? (
          <div className="error-box" role="alert">
            {error}
          </div>
        ) : null}
      </form>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// /authoring/:id: the editor.

interface Loaded {
  versionId: string;
  validation: string;
  files: ExerciseFiles;
  declarations: Record<string, string>;
}

async function loadFiles(id: string): Promise<Loaded> {
  const [files, detail] = await Promise.all([
    api.get<{ versionId: string; validation: string; files: ExerciseFiles }>(`${exercisePath(id)}/files`),
    api.get<ExerciseDetail>(exercisePath(id)).catch(() => null),
  ]);
  return { ...files, declarations: detail?.declarations ?? {} };
}

export function AuthoringPage({ id }: { id: string }) {
  useDocumentTitle(`Edit ${id}`);
  const data = useResource(() => loadFiles(id), [id]);
  if (data.loading && !data.data) return <Spinner label="Loading the exercise's files" />;
  if (data.error || !data.data) return <ErrorBox error={data.error ?? "Not found"} title="Could not open this exercise" />;
  return <Editor key={id} id={id} loaded={data.data} />;
}

type Busy = "save" | "validate" | "publish" | null;
type Notice = { kind: "ok" | "error"; text: string } | { kind: "conflict"; text: string } | { kind: "refused"; text: string };

function Editor({ id, loaded }: { id: string; loaded: Loaded }) {
  const { navigate } = useRouter();
  const [files, setFiles] = useState<ExerciseFiles>(loaded.files);
  const [saved, setSaved] = useState<ExerciseFiles>(loaded.files);
  const [versionId, setVersionId] = useState(loaded.versionId);
  const [validation, setValidation] = useState(loaded.validation);
  const [checks, setChecks] = useState<{ versionId: string; validation: string; list: ValidationCheck[]; report: unknown } | null>(null);
  const [validating, setValidating] = useState<ValidationResult | null>(null);
  const [active, setActive] = useState("solution.ts");
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [adding, setAdding] = useState(false);
  const filesRef = useRef(files);
  filesRef.current = files;

  const order = useMemo(() => fileOrder(files), [files]);
  const dirty = !sameFiles(files, saved);
  const declarations = useMemo(() => ({ ...loaded.declarations, judge: JUDGE_DECLARATION }), [loaded.declarations]);
  const current = files[active] === undefined ? (order[0] ?? "") : active;
  const modelBase = `authoring/${id.replace(/[^\w-]/g, "_")}`;

  const onChange = useCallback((file: string, value: string) => {
    setFiles((f) => (f[file] === value ? f : { ...f, [file]: value }));
  }, []);

  /** Saves when there are changes; false when the save failed (the notice says why). */
  const save = async (): Promise<boolean> => {
    const toSave = filesRef.current;
    if (sameFiles(toSave, saved)) return true;
    setBusy("save");
    try {
      const r = await api.put<{ versionId: string; isNew: boolean }>(`${exercisePath(id)}/files`, { files: toSave });
      setSaved(toSave);
      setVersionId(r.versionId);
      if (r.isNew) setValidation("pending");
      setNotice({ kind: "ok", text: r.isNew ? "Saved as a new version; the grader validates it in the background." : "Saved (no change from the latest version)." });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT") setNotice({ kind: "conflict", text: error.message });
      else setNotice({ kind: "error", text: errorMessage(error) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const validate = async () => {
    if (!(await save())) return;
    setBusy("validate");
    setNotice(null);
    try {
      setValidating(null);
      const r = await validateAndFollow(id, setValidating);
      setVersionId(r.versionId);
      setValidation(r.validation);
      setChecks({ versionId: r.versionId, validation: r.validation, list: reportChecks(r.report), report: r.report });
      if (r.validation === "pending") setNotice({ kind: "error", text: "The grader has not finished yet; validate again in a moment." });
    } catch (error) {
      setNotice({ kind: "error", text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (!(await save())) return;
    setBusy("publish");
    setNotice(null);
    try {
      const r = await api.post<{ versionId: string }>(`${exercisePath(id)}/publish`);
      setNotice({ kind: "ok", text: `Published: students now get this version (${r.versionId.slice(0, 8)}).` });
    } catch (error) {
      if (error instanceof ApiError && error.code === "NOT_PUBLISHABLE") setNotice({ kind: "refused", text: error.message });
      else if (error instanceof ApiError && error.code === "CONFLICT") setNotice({ kind: "conflict", text: error.message });
      else setNotice({ kind: "error", text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const idle = busy === null;
  usePageShortcut("s", false, () => {
    if (idle) void save();
  });

  // Leaving with unsaved changes asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  const removeCurrentMutant = () => {
    const name = current.slice("mutants/".length);
    setFiles((f) => removeMutant(f, name));
    setActive("exercise.yaml");
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next: string | undefined;
    const i = order.indexOf(current);
    if (e.key in keys) next = order[(i + (keys[e.key] as number) + order.length) % order.length];
    else if (e.key === "Home") next = order[0];
    else if (e.key === "End") next = order[order.length - 1];
    if (!next) return;
    e.preventDefault();
    setActive(next);
    document.getElementById(tabId(next))?.focus();
  };

  const working = busy !== null;
  // Checks of an earlier version stay visible while fixing it, marked as such.
  const checksStale = checks !== null && (dirty || checks.versionId !== versionId);
  return (
    <div className="page authoring-page">
      <p>
        <Link to="/authoring">← Authoring</Link>
      </p>
      <div className="authoring-head">
        <h1>
          Edit <code>{id}</code>
        </h1>
        <p className="tags">
          <span className={`tag ${validation === "valid" ? "ok" : validation === "invalid" ? "bad" : "warn"}`} data-testid="validation-state">
            {validation === "valid" ? "valid" : validation === "invalid" ? "not valid" : "not validated"}
          </span>
          <span className="muted small">version {versionId.slice(0, 8)}</span> <Link to={exerciseUrl(id)}>Open as a student</Link>
        </p>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Exercise actions">
        <button type="button" onClick={() => void save()} disabled={working || !dirty} title={`Save a new version (${MOD}+S)`} aria-keyshortcuts={MOD === "Cmd" ? "Meta+S" : "Control+S"}>
          {busy === "save" ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={() => void validate()} disabled={working}>
          {busy === "validate" ? "Validating…" : dirty ? "Save & validate" : "Validate"}
        </button>
        <button type="button" className="primary" onClick={() => void publish()} disabled={working}>
          {busy === "publish" ? "Publishing…" : "Publish"}
        </button>
        <a className="button" href={`${exercisePath(id)}/archive`} download={`${id.replaceAll("/", "-")}.zip`}>
          Export zip
        </a>
        <span className="save-state muted" role="status" aria-live="polite">
          {dirty ? "Unsaved changes" : "All changes saved"}
        </span>
      </div>

      {busy === "validate" ? (
        <div className="busy-box" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />{" "}
          {validating?.total ? validationProgressText(validating) : "Validating: the grader runs the reference solution, the starter and every mutant against the tests…"}
        </div>
      ) : null}
      {notice?.kind === "refused" ? (
        <div className="refusal" role="alert" data-testid="publish-refusal">
          <h2>Publishing was refused</h2>
          <p>{notice.text}</p>
        </div>
      ) : notice?.kind === "conflict" ? (
        <ConflictBox message={notice.text} id={id} files={files} onCopied={(copy) => navigate(authoringUrl(copy))} />
      ) : notice ? (
        <div className={notice.kind === "ok" ? "info-box" : "error-box"} role={notice.kind === "ok" ? "status" : "alert"} data-testid="authoring-message">
          {notice.text}
        </div>
      ) : null}
      {checks !== null ? (
        <section className={`card${checksStale ? " stale" : ""}`} aria-labelledby="checks-title">
          <h2 id="checks-title" className={checks.validation === "valid" ? "ok" : "bad"}>
            {checksStale ? `Earlier version — ${validationText(checks.validation)}` : validationText(checks.validation)}
          </h2>
          <Checks checks={checks.list} />
          {checksStale ? null : <QualityOf exerciseId={id} report={checks.report} />}
        </section>
      ) : null}

      <div className="file-tabs-row">
        <div role="tablist" aria-label="Exercise files" className="tabs file-tabs">
          {order.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              id={tabId(f)}
              aria-selected={f === current}
              aria-controls="file-panel"
              tabIndex={f === current ? 0 : -1}
              onClick={() => setActive(f)}
              onKeyDown={onTabKey}
            >
              {f}
              {files[f] !== saved[f] ? <span aria-label=" (changed)"> •</span> : null}
            </button>
          ))}
        </div>
        <div className="file-actions">
          <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding} disabled={working}>
            + Mutant
          </button>
          {current.startsWith("mutants/") ? (
            <button type="button" onClick={removeCurrentMutant} disabled={working}>
              Remove {current}
            </button>
          ) : null}
        </div>
      </div>
      {adding ? (
        <AddMutantForm
          files={files}
          onAdd={(next, file) => {
            setFiles(next);
            setActive(file);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <div role="tabpanel" id="file-panel" aria-labelledby={tabId(current)} className="editor-frame authoring-editor">
        <Suspense fallback={<Spinner label="Loading the editor" />}>
          {current ? (
            <CodeEditor
              key={current}
              path={`${modelBase}/${current}`}
              language={languageOf(current)}
              value={files[current] ?? ""}
              onChange={(v) => onChange(current, v)}
              declarations={declarations}
              ariaLabel={`${current} of ${id}. Press ${TAB_FOCUS_KEYS} to toggle Tab moving focus.`}
              onSave={() => {
                if (idle) void save();
              }}
            />
          ) : null}
        </Suspense>
      </div>
      <EditorKeysHint id="authoring-editor-help" />
      <ShortcutList shortcuts={[{ keys: `${MOD}+S`, what: "save a new version" }]} />
      <Card title="Regrade" id="regrade">
        <p className="muted">After publishing a fix to the tests, grade every submission of this exercise again against the published version.</p>
        <Regrade exerciseId={id} />
      </Card>
    </div>
  );
}

const tabId = (file: string) => `file-tab-${file.replace(/[^\w-]/g, "_")}`;

function AddMutantForm({ files, onAdd, onCancel }: { files: ExerciseFiles; onAdd(files: ExerciseFiles, file: string): void; onCancel(): void }) {
  const names = useMemo(() => testNames(files["tests.ts"] ?? ""), [files]);
  const [name, setName] = useState("");
  const [catches, setCatches] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = name.endsWith(".ts") ? name : `${name}.ts`;
    try {
      onAdd(addMutant(files, file, catches), `mutants/${file}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card inline-form" onSubmit={submit} aria-label="Add a mutant">
      <p className="muted small">A mutant is a known-wrong solution: it starts as a copy of solution.ts, and exercise.yaml lists the tests it must fail (at least one of them hidden).</p>
      <label>
        File name
        <input value={name} maxLength={EXERCISE_FILE_PATH_MAX_LENGTH - "mutants/".length} onChange={(e) => setName(e.target.value.trim())} placeholder="off-by-one.ts" autoComplete="off" spellCheck={false} />
      </label>
      <fieldset className="catches">
        <legend>Tests it must fail</legend>
        {names.length === 0 ? <p className="muted small">No tests found in tests.ts: edit the mutant's entry in exercise.yaml afterwards.</p> : null}
        {names.map((n) => (
          <label key={n} className="inline">
            <input type="checkbox" checked={catches.includes(n)} onChange={(e) => setCatches((c) => (e.target.checked ? [...c, n] : c.filter((x) => x !== n)))} />
            {n}
          </label>
        ))}
      </fieldset>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={name === ""}>
          Add mutant
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error ? (
        <div className="error-box" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}

/** A repository exercise cannot be changed here: say why and offer a copy under a new id. */
function ConflictBox({ message, id, files, onCopied }: { message: string; id: string; files: ExerciseFiles; onCopied(id: string): void }) {
  const [copyId, setCopyId] = useState(`${id}-copy`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = idProblem(copyId);
  const copy = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ id: string }>("/api/exercises", { id: copyId, files });
      onCopied(r.id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="error-box conflict" role="alert" data-testid="authoring-conflict">
      <p>{message}</p>
      <form onSubmit={(e) => void copy(e)} className="inline-copy">
        <label className="inline">
          New id
          <input value={copyId} maxLength={EXERCISE_ID_MAX_LENGTH} onChange={(e) => setCopyId(e.target.value.trim())} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Importing…" : "Import a copy"}
        </button>
      </form>
      {error ? <p>{error}</p> : null}
    </div>
  );
}
