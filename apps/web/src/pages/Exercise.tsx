// The exercise page: statement, editor with drafts, Run and Submit with live results,
// submission history with diffs, and (for staff) validate and publish.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AssignmentInfo, CourseInfo, ExerciseDetail, SubmissionListItem } from "@autograder/shared";
import { api, errorMessage, exercisePath } from "../api.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { Markdown } from "../components/Markdown.tsx";
import { ResultsPanel, VERDICT_TEXT, type LiveResult } from "../components/ResultsPanel.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { useRouter } from "../router.tsx";
import type { Follower } from "../submissions.ts";
import { dueLabel } from "./Dashboard.tsx";
import { AuthoringPanel } from "./Authoring.tsx";
import { codeSize, utf8Bytes } from "../code-size.ts";
import { latePenaltyText, latePolicyText, type LateRules } from "../late.ts";
import { CustomRunPanel } from "../components/CustomRun.tsx";
import { ReplayContext, useReplay } from "../components/Replay.tsx";
import { SAVE_TEXT, useDraft } from "../draft.ts";
import { useLatestGrading } from "../latest-grading.ts";
import { PaneSwitch, usePaneSwitch } from "../components/PaneSwitch.tsx";
import { EditorKeysHint, MOD, ShortcutList, TAB_FOCUS_KEYS, usePageShortcut } from "../components/Keyboard.tsx";

const CodeEditor = lazy(() => import("../editor/CodeEditor.tsx"));
const DiffEditor = lazy(() => import("../editor/DiffEditor.tsx"));

export function ExercisePage({ id }: { id: string }) {
  const { search } = useRouter();
  const assignmentId = new URLSearchParams(search).get("assignment") ?? undefined;
  const { me } = useAuth();
  const exercise = useResource(() => api.get<ExerciseDetail>(exercisePath(id)), [id]);
  useDocumentTitle(exercise.data?.title ?? "Exercise");
  if (exercise.loading) return <Spinner label="Loading the exercise" />;
  if (exercise.error || !exercise.data) return <ErrorBox error={exercise.error ?? "Not found"} title="Could not open this exercise" />;
  return <Workspace key={id} exercise={exercise.data} assignmentId={assignmentId} staff={isStaff(me)} />;
}

function useAssignment(assignmentId: string | undefined): { course: CourseInfo; assignment: AssignmentInfo } | null {
  return (
    useResource(async () => {
      if (!assignmentId) return null;
      const courses = await api.get<CourseInfo[]>("/api/courses");
      for (const c of courses) {
        const list = await api.get<AssignmentInfo[]>(`/api/courses/${encodeURIComponent(c.id)}/assignments`);
        const a = list.find((x) => x.id === assignmentId);
        if (a) return { course: c, assignment: a };
      }
      return null;
    }, [assignmentId]).data ?? null
  );
}

function Workspace({ exercise, assignmentId, staff }: { exercise: ExerciseDetail; assignmentId: string | undefined; staff: boolean }) {
  const base = exercisePath(exercise.id);
  const found = useAssignment(assignmentId);
  // The student's own due date (an extension wins) is the one penalties count from.
  const lateRules: LateRules | null = found ? { ...found.assignment, dueAt: found.assignment.extendedDueAt ?? found.assignment.dueAt } : null;
  const { code, codeRef, bytes, save, loadError: draftError, onChange, replace, saveNow } = useDraft(exercise.id, exercise.starter);
  const [result, setResult] = useState<LiveResult | null>(null);
  const [tab, setTab] = useState<"statement" | "history" | "authoring">("statement");
  const [historyTick, setHistoryTick] = useState(0);
  const [pane, setPane] = usePaneSwitch();
  const follower = useRef<Follower | null>(null);
  const editorApi = useRef<{ revealLine(line: number, column?: number): void } | null>(null);

  useEffect(() => () => follower.current?.stop(), []);
  const resultRef = useRef<LiveResult | null>(null);
  resultRef.current = result;
  const onGraded = useCallback(() => setHistoryTick((t) => t + 1), []);
  const followLive = useLatestGrading(exercise.id, resultRef, setResult, follower, onGraded);

  const start = useCallback(
    async (kind: "run" | "submit") => {
      if (codeSize(utf8Bytes(codeRef.current)).level === "over") return;
      follower.current?.stop();
      void saveNow();
      setResult({ kind, status: "queued", report: null, score: null, maxScore: null });
      try {
        const body = kind === "submit" ? { code: codeRef.current, ...(assignmentId ? { assignmentId } : {}) } : { code: codeRef.current };
        const { id } = await api.post<{ id: string }>(`${base}/${kind === "run" ? "runs" : "submissions"}`, body);
        follower.current = followLive(id, kind);
      } catch (error) {
        setResult({ kind, status: "error", report: null, score: null, maxScore: null, error: errorMessage(error) });
      }
    },
    [assignmentId, base, saveNow, followLive, codeRef],
  );

  const pending = result !== null && (result.status === "queued" || result.status === "running");
  const size = codeSize(bytes);
  const tooLarge = size.level === "over";
  // The keyboard shortcuts do what the buttons do, only when the buttons are enabled.
  const canStart = code !== null && !pending && !tooLarge;
  const trigger = (kind: "run" | "submit") => {
    if (canStart) void start(kind);
  };
  usePageShortcut("Enter", false, () => trigger("run"));
  usePageShortcut("Enter", true, () => trigger("submit"));

  const reset = () => {
    if (!window.confirm("Replace your code with the starter code? Your current code stays in the submission history only if you ran or submitted it.")) return;
    replace(exercise.starter);
  };

  const compileError = result?.report?.compileError;
  const declarations = useMemo(() => exercise.declarations ?? {}, [exercise.declarations]);
  const getCode = useCallback(() => codeRef.current, []);
  const showReplay = useCallback((r: LiveResult, first: boolean) => {
    if (first) follower.current?.stop();
    setResult((prev) => (first || prev?.replayOf === r.replayOf ? r : prev));
  }, []);
  const replay = useReplay(exercise.id, getCode, showReplay);

  return (
    <div className={`workspace show-${pane}`}>
      <PaneSwitch pane={pane} onChange={setPane} />
      <section className="pane statement-pane" aria-label="Exercise">
        <header className="exercise-head">
          <h1>{exercise.title}</h1>
          <p className="tags">
            <span className="tag">{exercise.family}</span> <span className={`tag diff-${exercise.difficulty}`}>{exercise.difficulty}</span>
            {exercise.tags.map((t) => (
              <span key={t} className="tag subtle">
                {t}
              </span>
            ))}
          </p>
          {found ? <AssignmentLine found={found} /> : null}
        </header>
        <div role="tablist" aria-label="Exercise views" className="tabs">
          <TabButton id="statement" current={tab} onSelect={setTab}>
            Statement
          </TabButton>
          <TabButton id="history" current={tab} onSelect={setTab}>
            History
          </TabButton>
          {staff ? (
            <TabButton id="authoring" current={tab} onSelect={setTab}>
              Validate &amp; publish
            </TabButton>
          ) : null}
        </div>
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel" tabIndex={0}>
          {tab === "statement" ? (
            <>
              <Markdown source={exercise.statement} />
              <h2 className="small-title">Tests</h2>
              <ul className="test-list">
                {exercise.tests.map((t) => (
                  <li key={t.name}>
                    {t.name} <span className="muted">({t.weight} pt{t.weight === 1 ? "" : "s"}{t.hidden ? ", hidden" : ""})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : tab === "history" ? (
            <History
              exerciseId={exercise.id}
              tick={historyTick}
              assignmentId={assignmentId}
              lateRules={lateRules}
              onLoad={replace}
            />
          ) : (
            <AuthoringPanel exerciseId={exercise.id} />
          )}
        </div>
      </section>
      <section className="pane editor-pane" aria-label="Your solution">
        <div className="toolbar" role="toolbar" aria-label="Solution actions">
          <button type="button" onClick={() => void start("run")} disabled={code === null || pending || tooLarge} title={`Run the visible tests (${MOD}+Enter)`} aria-keyshortcuts={MOD === "Cmd" ? "Meta+Enter" : "Control+Enter"}>
            ▶ Run
          </button>
          <button type="button" className="primary" onClick={() => void start("submit")} disabled={code === null || pending || tooLarge} title={`Submit for a grade (${MOD}+Shift+Enter)`} aria-keyshortcuts={MOD === "Cmd" ? "Meta+Shift+Enter" : "Control+Shift+Enter"}>
            Submit
          </button>
          <button type="button" onClick={reset} disabled={code === null}>
            Reset to starter
          </button>
          <span className={`save-state muted ${save === "retrying" || save === "loggedOut" ? "error" : ""}`} role="status" aria-live="polite" data-testid="save-state">
            {SAVE_TEXT[save]}
          </span>
        </div>
        {draftError ? <ErrorBox error={draftError} title="Your draft could not be loaded; showing the starter" /> : null}
        <EditorKeysHint id="editor-help" />
        <div className="editor-frame">
          {code === null ? (
            <Spinner label="Loading your draft" />
          ) : (
            <Suspense fallback={<Spinner label="Loading the editor" />}>
              <CodeEditor
                path={`${exercise.id.replace(/[^\w-]/g, "_")}/solution.ts`}
                value={code}
                onChange={onChange}
                declarations={declarations}
                ariaLabel={`Solution code for ${exercise.title}. Press ${TAB_FOCUS_KEYS} to toggle Tab moving focus.`}
                onSave={() => void saveNow()}
                onRun={() => trigger("run")}
                onSubmit={() => trigger("submit")}
                onReady={(a) => (editorApi.current = a)}
              />
            </Suspense>
          )}
        </div>
        {code === null ? null : (
          <p className={`code-size ${size.level}`} id="code-size" data-testid="code-size">
            <span className="sr-only">Code size: </span>
            {size.text}
            {size.message ? <span role="alert"> · {size.message}</span> : null}
          </p>
        )}
        <ShortcutList
          shortcuts={[
            { keys: `${MOD}+Enter`, what: "run the visible tests" },
            { keys: `${MOD}+Shift+Enter`, what: "submit for a grade" },
            { keys: `${MOD}+S`, what: "save the draft now (in the editor)" },
          ]}
        />
        {compileError ? (
          <button type="button" className="link" onClick={() => editorApi.current?.revealLine(compileError.line, compileError.column)}>
            Go to the compile error (line {compileError.line})
          </button>
        ) : null}
        <section className="results-pane" aria-label="Results">
          <h2 className="small-title">Results</h2>
          <ReplayContext.Provider value={exercise.family === "threading" ? replay : null}>
            <ResultsPanel result={result} lateRules={lateRules} />
          </ReplayContext.Provider>
        </section>
        <section className="results-pane" aria-label="Custom input">
          <h2 className="small-title">Custom input</h2>
          <CustomRunPanel exercise={exercise} getCode={getCode} />
        </section>
      </section>
    </div>
  );
}

function TabButton({ id, current, onSelect, children }: { id: "statement" | "history" | "authoring"; current: string; onSelect(id: "statement" | "history" | "authoring"): void; children: React.ReactNode }) {
  return (
    <button type="button" role="tab" id={`tab-${id}`} aria-selected={current === id} aria-controls={`panel-${id}`} tabIndex={current === id ? 0 : -1} onClick={() => onSelect(id)}
      onKeyDown={(e) => {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        const tabs = [...(e.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>("[role=tab]") ?? [])];
        const i = tabs.indexOf(e.currentTarget);
        const next = tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
        const nextId = next?.id.replace("tab-", "") as "statement" | "history" | "authoring" | undefined;
        if (next && nextId) {
          onSelect(nextId);
          next.focus();
        }
      }}
    >
      {children}
    </button>
  );
}

function AssignmentLine({ found }: { found: { course: CourseInfo; assignment: AssignmentInfo } }) {
  const extended = found.assignment.extendedDueAt;
  const due = dueLabel(extended ?? found.assignment.dueAt);
  return (
    <p className="muted">
      Assignment in {found.course.title} · <span className={`due ${due.tone}`}>{due.text}</span>
      {extended ? " (extended for you)" : ""} · {latePolicyText(found.assignment)}
    </p>
  );
}

function History({ exerciseId, tick, assignmentId, lateRules, onLoad }: { exerciseId: string; tick: number; assignmentId: string | undefined; lateRules: LateRules | null; onLoad(code: string): void }) {
  const history = useResource(() => api.get<SubmissionListItem[]>(`${exercisePath(exerciseId)}/submissions`), [exerciseId, tick]);
  const [picked, setPicked] = useState<string[]>([]);
  if (history.loading && !history.data) return <Spinner label="Loading your submissions" />;
  if (history.error) return <ErrorBox error={history.error} title="Could not load your submissions" />;
  const items = history.data ?? [];
  if (items.length === 0) return <p className="muted">No runs or submissions yet.</p>;
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const chosen = items.filter((s) => picked.includes(s.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <div>
      <p className="muted">Tick two entries to compare their code.</p>
      <table className="table compact">
        <caption className="sr-only">Your runs and submissions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">When</th>
            <th scope="col">Kind</th>
            <th scope="col">Result</th>
            <th scope="col">Score</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <input type="checkbox" checked={picked.includes(s.id)} onChange={() => toggle(s.id)} aria-label={`Compare the ${s.kind} of ${formatDate(s.createdAt)}`} />
              </td>
              <td>{formatDate(s.createdAt)}</td>
              <td>{s.kind === "submit" ? "Submission" : "Run"}</td>
              <td>{s.status === "graded" ? (VERDICT_TEXT[s.verdict ?? ""] ?? s.verdict) : s.status}</td>
              <td>
                {s.score !== null && s.maxScore ? `${s.finalScore ?? s.score}/${s.maxScore}` : "—"}
                {s.kind === "submit" && s.latePenaltyPercent > 0 ? (
                  <span className="muted small late-note"> {latePenaltyText(s.latePenaltyPercent, s.createdAt, s.assignmentId !== null && s.assignmentId === assignmentId ? lateRules : null)}</span>
                ) : null}
              </td>
              <td>
                <button type="button" className="link" onClick={() => onLoad(s.code)}>
                  Load code
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {chosen.length === 2 && chosen[0] && chosen[1] ? (
        <div className="diff-wrap">
          <h3 className="small-title">
            {formatDate(chosen[0].createdAt)} → {formatDate(chosen[1].createdAt)}
          </h3>
          <Suspense fallback={<Spinner label="Loading the diff" />}>
            <DiffEditor original={chosen[0].code} modified={chosen[1].code} ariaLabel="Difference between two submissions" />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
