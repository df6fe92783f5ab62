// Staff: a course's assignments (create, edit, delete; dates, late policy, points,
// extensions), join code and roster.
import { useEffect, useRef, useState } from "react";
import type { ExerciseSummary, RosterItem } from "@autograder/shared";
import type { AssignmentInfo, CourseInfo } from "../api-types.ts";
import { api, getPath, errorMessage } from "../api.ts";
import { assignmentsApi } from "../assignments.ts";
import { AssignmentEditor } from "../components/AssignmentEditor.tsx";
import { ExtensionsPanel } from "../components/Extensions.tsx";
import { Regrade } from "../components/Regrade.tsx";
import { Card, ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { InviteForm } from "../components/Enrolment.tsx";
import { enrolmentApi } from "../enrolment.ts";
import { latePolicyText } from "../late.ts";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { exerciseUrl, Link } from "../router.tsx";

async function loadCourse(id: string): Promise<{ course: CourseInfo; assignments: AssignmentInfo[]; roster: RosterItem[] | null }> {
  const base = `/api/courses/${encodeURIComponent(id)}`;
  const [course, assignments, roster] = await Promise.all([
    getPath("/api/courses/{id}", { id }),
    getPath("/api/courses/{id}/assignments", { id }),
    api.get<RosterItem[]>(`${base}/enrollments`).catch(() => null),
  ]);
  return { course, assignments, roster };
}

export function CoursePage({ id }: { id: string }) {
  const data = useResource(() => loadCourse(id), [id]);
  useDocumentTitle(data.data?.course.title ?? "Course");
  if (data.loading) return <Spinner label="Loading the course" />;
  if (data.error || !data.data) return <ErrorBox error={data.error} title="Could not load the course" />;
  const { course, assignments, roster } = data.data;
  const cid = encodeURIComponent(course.id);
  const setAssignments = (next: AssignmentInfo[]) => data.set({ course, roster, assignments: next });
  return (
    <div className="page">
      <h1>{course.title}</h1>
      <p className="actions">
        <Link to={`/courses/${cid}/gradebook`}>Gradebook</Link>
        <Link to={`/courses/${cid}/analytics`}>Analytics</Link>
        <Link to={`/courses/${cid}/roster`}>Roster and invitations</Link>
        <Link to={`/courses/${cid}/settings`}>Settings</Link>
      </p>
      {course.archivedAt ? (
        <p>
          <span className="tag warn">Archived</span> Its join code and invitations do not work; unarchive it under Settings.
        </p>
      ) : null}
      {course.joinCode ? (
        <p>
          Join code: <code className="join-code">{course.joinCode}</code> <span className="muted">(students enter it under Join a course on their dashboard, or on the sign-up page)</span>
        </p>
      ) : null}
      {course.access === "staff" ? (
        <AssignmentsManager courseId={course.id} assignments={assignments} roster={roster ?? []} onChange={setAssignments} />
      ) : (
      <Card title="Assignments" id="assignments">
        {assignments.length === 0 ? (
          <p className="muted">No assignments.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Assignment</th>
                  <th scope="col">Exercise</th>
                  <th scope="col">Opens</th>
                  <th scope="col">Due</th>
                  <th scope="col">Late policy</th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <td>{a.title}</td>
                    <td>
                      <Link to={exerciseUrl(a.exerciseId, a.id)}>{a.exerciseId}</Link>
                    </td>
                    <td>{formatDate(a.opensAt)}</td>
                    <td>{formatDate(a.dueAt)}</td>
                    <td>{latePolicyText(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      )}
      {course.access === "staff" ? <InviteForm courseId={course.id} invite={enrolmentApi.invite} /> : null}
      <Card title={`Roster${roster ? ` (${roster.length})` : ""}`} id="roster">
        <p>
          <Link to={`/courses/${cid}/roster`}>Members, their latest submissions, removal and pending invitations</Link>
        </p>
      </Card>
    </div>
  );
}

/** In late.ts (the exercise page needs it without this page's editor); kept here for old imports. */
export { latePolicyText };

function AssignmentsManager({ courseId, assignments, roster, onChange }: { courseId: string; assignments: AssignmentInfo[]; roster: RosterItem[]; onChange(next: AssignmentInfo[]): void }) {
  const exercises = useResource(() => api.get<ExerciseSummary[]>("/api/exercises"), []);
  const [editing, setEditing] = useState<AssignmentInfo | "new" | null>(null);
  const [extending, setExtending] = useState<AssignmentInfo | null>(null);
  const [deleting, setDeleting] = useState<AssignmentInfo | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(0);
  // Back to where the instructor started, once the button is enabled again.
  useEffect(() => {
    if (refocus > 0) newButton.current?.focus();
  }, [refocus]);
  const taken = new Set(assignments.map((a) => a.exerciseId));
  const close = (message: string | null) => {
    setEditing(null);
    setStatus(message);
    setRefocus((n) => n + 1);
  };
  const confirmDelete = async (a: AssignmentInfo) => {
    setError(null);
    try {
      await assignmentsApi.remove(courseId, a.id);
      onChange(assignments.filter((x) => x.id !== a.id));
      setDeleting(null);
      if (extending?.id === a.id) setExtending(null);
      close(`Deleted ${a.title}. Its submissions are kept.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Card
      title="Assignments"
      id="assignments"
      actions={
        <button type="button" ref={newButton} onClick={() => { setEditing("new"); setStatus(null); }} disabled={editing !== null}>
          New assignment
        </button>
      }
    >
      <p role="status" aria-live="polite" className="muted">
        {status}
      </p>
      {error ? (
        <div className="error-box" role="alert">
          {error}
        </div>
      ) : null}
      {editing !== null ? (
        exercises.data ? (
          <AssignmentEditor
            key={editing === "new" ? "new" : editing.id}
            assignment={editing === "new" ? null : editing}
            exercises={exercises.data}
            taken={taken}
            save={(body) => (editing === "new" ? assignmentsApi.create(courseId, body) : assignmentsApi.update(courseId, editing.id, body))}
            onDone={(saved) => {
              onChange(editing === "new" ? [...assignments, saved] : assignments.map((a) => (a.id === saved.id ? saved : a)));
              close(editing === "new" ? `Created ${saved.title}.` : `Saved ${saved.title}.`);
            }}
            onCancel={() => close(null)}
          />
        ) : exercises.error ? (
          <ErrorBox error={exercises.error} title="Could not load the exercises" />
        ) : (
          <Spinner label="Loading the exercises" />
        )
      ) : null}
      {assignments.length === 0 ? (
        <p className="muted">No assignments yet. Choose New assignment to assign an exercise.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Assignment</th>
                <th scope="col">Exercise</th>
                <th scope="col">Opens</th>
                <th scope="col">Due</th>
                <th scope="col">Late policy</th>
                <th scope="col">Points</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td>
                    <Link to={exerciseUrl(a.exerciseId, a.id)}>{a.exerciseId}</Link>
                  </td>
                  <td>{formatDate(a.opensAt)}</td>
                  <td>{formatDate(a.dueAt)}</td>
                  <td>{latePolicyText(a)}</td>
                  <td className="num">{a.points}</td>
                  <td>
                    {deleting?.id === a.id ? (
                      <span className="confirm" role="group" aria-label={`Confirm deleting ${a.title}`}>
                        Delete {a.title}? Submissions are kept.{" "}
                        <button type="button" className="danger" autoFocus onClick={() => void confirmDelete(a)}>
                          Yes, delete
                        </button>{" "}
                        <button type="button" onClick={() => setDeleting(null)}>
                          Keep it
                        </button>
                      </span>
                    ) : (
                      <span className="actions">
                        <button type="button" className="link" onClick={() => { setEditing(a); setStatus(null); }} aria-label={`Edit ${a.title}`}>
                          Edit
                        </button>
                        <button type="button" className="link" onClick={() => setExtending(a)} aria-label={`Extensions of ${a.title}`}>
                          Extensions
                        </button>
                        <button type="button" className="link" onClick={() => setDeleting(a)} aria-label={`Delete ${a.title}`}>
                          Delete
                        </button>
                        <Regrade exerciseId={a.exerciseId} label={a.title} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {extending ? <ExtensionsPanel key={extending.id} courseId={courseId} assignment={extending} roster={roster} onClose={() => setExtending(null)} /> : null}
    </Card>
  );
}
