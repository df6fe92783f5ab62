// Staff: one student's work on one assignment: their submissions and runs (newest first), the
// selected one's code (read-only), full report (hidden tests included: the API sends their
// details to staff only) and pictures, and a diff with the one before it.
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { GradeReport, RosterItem, SubmissionListItem, SubmissionView } from "@autograder/shared";
import type { AssignmentInfo } from "../api-types.ts";
import { api, getPath } from "../api.ts";
import { ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { ResultsPanel, VERDICT_TEXT } from "../components/ResultsPanel.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { latePenaltyText, latePolicyText } from "../late.ts";
import { submissionReviewUrl } from "../review-url.ts";
import { Link, useRouter } from "../router.tsx";

const CodeEditor = lazy(() => import("../editor/CodeEditor.tsx"));
const DiffEditor = lazy(() => import("../editor/DiffEditor.tsx"));

interface ReviewData {
  assignment: AssignmentInfo;
  student: RosterItem | null;
  history: SubmissionListItem[];
}

async function loadReview(courseId: string, assignmentId: string, userId: string): Promise<ReviewData> {
  const base = `/api/courses/${encodeURIComponent(courseId)}`;
  const [assignments, roster, history] = await Promise.all([
    getPath("/api/courses/{id}/assignments", { id: courseId }),
    api.get<RosterItem[]>(`${base}/enrollments`),
    api.get<SubmissionListItem[]>(`${base}/assignments/${encodeURIComponent(assignmentId)}/students/${encodeURIComponent(userId)}/submissions`),
  ]);
  const assignment = assignments.find((a) => a.id === assignmentId);
  if (!assignment) throw new Error("This assignment is not in the course any more.");
  return { assignment, student: roster.find((r) => r.userId === userId) ?? null, history };
}

const kindText = (s: SubmissionListItem) => (s.kind === "submit" ? "Submission" : "Run");

export function ReviewPage({ courseId, assignmentId, userId }: { courseId: string; assignmentId: string; userId: string }) {
  const { search, navigate } = useRouter();
  const data = useResource(() => loadReview(courseId, assignmentId, userId), [courseId, assignmentId, userId]);
  const who = data.data?.student?.name ?? "Student";
  useDocumentTitle(data.data ? `${who}: ${data.data.assignment.title}` : "Review");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (data.data) heading.current?.focus();
  }, [data.data]);
  const cid = encodeURIComponent(courseId);
  if (data.loading && !data.data) return <Spinner label="Loading the student's work" />;
  if (data.error || !data.data) return <ErrorBox error={data.error} title="Could not load the student's work" />;
  const { assignment, student, history } = data.data;
  const asked = new URLSearchParams(search).get("submission");
  const selected = history.find((s) => s.id === asked) ?? history.find((s) => s.kind === "submit") ?? history[0] ?? null;
  const index = selected ? history.indexOf(selected) : -1;
  const previous = index >= 0 ? (history.slice(index + 1).find((s) => s.kind === selected?.kind) ?? null) : null;
  const select = (id: string) => navigate(submissionReviewUrl({ courseId, assignmentId, userId, submissionId: id }), { replace: true });
  return (
    <div className="page review">
      <p className="actions">
        <Link to={`/courses/${cid}/gradebook`}>← Gradebook</Link>
        <Link to={`/courses/${cid}`}>Course</Link>
        <Link to={`/courses/${cid}/students/${encodeURIComponent(userId)}`}>Timeline</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {who}: {assignment.title}
      </h1>
      <p className="muted">
        {student ? `${student.email} · ` : ""}Due {formatDate(assignment.dueAt)} · {latePolicyText(assignment)} · {assignment.points} points
      </p>
      {history.length === 0 ? (
        <p className="muted">No runs or submissions on this assignment yet.</p>
      ) : (
        <div className="review-grid">
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">History ({history.length})</h2>
            <table className="table compact">
              <caption className="sr-only">Runs and submissions, newest first; select one to review it</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Result</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {history.map((s) => (
                  <tr key={s.id} className={s.id === selected?.id ? "selected" : undefined} aria-current={s.id === selected?.id ? "true" : undefined}>
                    <td>
                      <Link
                        to={submissionReviewUrl({ courseId, assignmentId, userId, submissionId: s.id })}
                        onClick={(e) => {
                          e.preventDefault();
                          select(s.id);
                        }}
                        aria-label={`${kindText(s)} of ${formatDate(s.createdAt)}`}
                      >
                        {formatDate(s.createdAt)}
                      </Link>
                    </td>
                    <td>{kindText(s)}</td>
                    <td>{s.status === "graded" ? (VERDICT_TEXT[s.verdict ?? ""] ?? s.verdict) : s.status}</td>
                    <td>
                      {s.score !== null && s.maxScore ? `${s.finalScore ?? s.score}/${s.maxScore}` : "—"}
                      {s.kind === "submit" && s.latePenaltyPercent > 0 ? <span className="muted small late-note"> {latePenaltyText(s.latePenaltyPercent, s.createdAt, null)}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {selected ? <SubmissionReview key={selected.id} item={selected} previous={previous} /> : null}
        </div>
      )}
    </div>
  );
}

function SubmissionReview({ item, previous }: { item: SubmissionListItem; previous: SubmissionListItem | null }) {
  const view = useResource(() => api.get<SubmissionView>(`/api/submissions/${encodeURIComponent(item.id)}`), [item.id]);
  const [diff, setDiff] = useState(false);
  const s = view.data;
  return (
    <section className="card" aria-labelledby="selected-title">
      <h2 id="selected-title">
        {kindText(item)} of {formatDate(item.createdAt)}
      </h2>
      <h3 className="small-title">Code</h3>
      <div className="editor-frame review-code">
        <Suspense fallback={<Spinner label="Loading the editor" />}>
          {diff && previous ? (
            <DiffEditor original={previous.code} modified={item.code} ariaLabel={`Changes since the ${kindText(previous).toLowerCase()} of ${formatDate(previous.createdAt)}`} />
          ) : (
            <CodeEditor path={`review/${item.id}/solution.ts`} value={item.code} readOnly height="360px" ariaLabel={`Code of the ${kindText(item).toLowerCase()} of ${formatDate(item.createdAt)} (read-only)`} />
          )}
        </Suspense>
      </div>
      {previous ? (
        <label className="inline">
          <input type="checkbox" checked={diff} onChange={(e) => setDiff(e.target.checked)} /> Show changes since the previous {kindText(previous).toLowerCase()} ({formatDate(previous.createdAt)})
        </label>
      ) : (
        <p className="muted small">The first {kindText(item).toLowerCase()}: nothing to compare with.</p>
      )}
      <h3 className="small-title">Report</h3>
      {view.loading && !s ? <Spinner label="Loading the report" /> : null}
      {view.error ? <ErrorBox error={view.error} title="Could not load the report" /> : null}
      {s ? (
        <ResultsPanel
          showHidden
          result={{ kind: s.kind, status: s.status, report: s.report as GradeReport | null, score: s.score, maxScore: s.maxScore, finalScore: s.finalScore, verdict: s.verdict, latePenaltyPercent: s.latePenaltyPercent, submittedAt: s.createdAt }}
        />
      ) : null}
    </section>
  );
}
