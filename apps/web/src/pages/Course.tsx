// Staff: a course's assignments (dates, late policy), join code and roster.
import type { AssignmentInfo, CourseInfo, RosterItem } from "@autograder/shared";
import { api } from "../api.ts";
import { Regrade } from "../components/Regrade.tsx";
import { Card, ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { InviteForm } from "../components/Enrolment.tsx";
import { enrolmentApi } from "../enrolment.ts";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { exerciseUrl, Link } from "../router.tsx";

async function loadCourse(id: string): Promise<{ course: CourseInfo; assignments: AssignmentInfo[]; roster: RosterItem[] | null }> {
  const base = `/api/courses/${encodeURIComponent(id)}`;
  const [course, assignments, roster] = await Promise.all([
    api.get<CourseInfo>(base),
    api.get<AssignmentInfo[]>(`${base}/assignments`),
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
                  <th scope="col">Regrade</th>
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
                    <td>
                      <Regrade exerciseId={a.exerciseId} label={a.title} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {course.access === "staff" ? <InviteForm courseId={course.id} invite={enrolmentApi.invite} /> : null}
      <Card title={`Roster${roster ? ` (${roster.length})` : ""}`} id="roster">
        <p>
          <Link to={`/courses/${cid}/roster`}>Members, their latest submissions, removal and pending invitations</Link>
        </p>
      </Card>
    </div>
  );
}

export function latePolicyText(a: Pick<AssignmentInfo, "latePolicy" | "latePenaltyPercent">): string {
  if (a.latePolicy === "percent_per_day") return `${a.latePenaltyPercent}% off per day late`;
  if (a.latePolicy === "no_credit_after_due") return "no credit after the due date";
  return "late work accepted";
}
