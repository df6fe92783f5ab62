// Home: my courses with their assignments, due dates and progress; the exercise catalog.
import type { CourseProgressView, ExerciseSummary, MyInvitationView } from "@autograder/shared";
import { api, getPath } from "../api.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { Card, ErrorBox, formatDate, relativeTime, ScoreBar, Spinner } from "../components/common.tsx";
import { InvitationsList, JoinCourseForm } from "../components/Enrolment.tsx";
import { enrolmentApi } from "../enrolment.ts";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { exerciseUrl, Link, useRouter } from "../router.tsx";

interface DashboardCourse {
  id: string;
  title: string;
  joinCode: string | null;
  staff: boolean;
  /** dueAt: the student's own due date (their extension when they have one). */
  assignments: { id: string; exerciseId: string; title: string; dueAt: string | null; extended: boolean; score: number | null; attempts: number | null }[];
}

export async function loadDashboard(): Promise<DashboardCourse[]> {
  const [courses, progress] = await Promise.all([getPath("/api/courses"), api.get<CourseProgressView[]>("/api/me/progress").catch(() => [] as CourseProgressView[])]);
  const byCourse = new Map(progress.map((p) => [p.course.id, p]));
  return Promise.all(
    courses.map(async (c): Promise<DashboardCourse> => {
      const p = byCourse.get(c.id);
      if (c.access === "student" && p) {
        return {
          id: c.id,
          title: c.title,
          joinCode: null,
          staff: false,
          assignments: p.assignments.map((a) => ({ id: a.assignmentId, exerciseId: a.exerciseId, title: a.title, dueAt: a.extendedDueAt ?? a.dueAt, extended: a.extendedDueAt !== null, score: a.score, attempts: a.attempts })),
        };
      }
      const list = await getPath("/api/courses/{id}/assignments", { id: c.id });
      return { id: c.id, title: c.title, joinCode: c.joinCode, staff: c.access === "staff", assignments: list.map((a) => ({ id: a.id, exerciseId: a.exerciseId, title: a.title, dueAt: a.extendedDueAt ?? a.dueAt, extended: a.extendedDueAt !== null, score: null, attempts: null })) };
    }),
  );
}

export function dueLabel(dueAt: string | null, now = Date.now()): { text: string; tone: "past" | "soon" | "later" | "none" } {
  if (!dueAt) return { text: "No due date", tone: "none" };
  const t = new Date(dueAt).getTime();
  const tone = t < now ? "past" : t - now < 2 * 86_400_000 ? "soon" : "later";
  return { text: `${tone === "past" ? "Was due" : "Due"} ${relativeTime(dueAt, now)} (${formatDate(dueAt)})`, tone };
}

export function CourseCard({ course }: { course: DashboardCourse }) {
  const assignments = [...course.assignments].sort((a, b) => (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999"));
  const cid = encodeURIComponent(course.id);
  return (
    <Card
      id={`course-${course.id}`}
      title={course.title}
      actions={
        course.staff ? (
          <span className="actions">
            <Link to={`/courses/${cid}`}>Course</Link>
            <Link to={`/courses/${cid}/gradebook`}>Gradebook</Link>
            <Link to={`/courses/${cid}/analytics`}>Analytics</Link>
          </span>
        ) : null
      }
    >
      {course.staff && course.joinCode ? (
        <p className="muted">
          Join code: <code>{course.joinCode}</code>
        </p>
      ) : null}
      {assignments.length === 0 ? (
        <p className="muted">No assignments yet.</p>
      ) : (
        <ul className="assignments">
          {assignments.map((a) => {
            const due = dueLabel(a.dueAt);
            return (
              <li key={a.id} className="assignment">
                <div>
                  <Link to={exerciseUrl(a.exerciseId, a.id)} className="assignment-title">
                    {a.title}
                  </Link>
                  <div className={`due ${due.tone}`}>
                    {due.text}
                    {a.extended ? " · extended for you" : ""}
                  </div>
                </div>
                {course.staff ? null : (
                  <div className="assignment-progress">
                    <span>{a.score !== null ? `${Math.round(a.score)}%` : a.attempts ? "Not graded yet" : "Not submitted"}</span>
                    <ScoreBar score={a.score} max={100} label={`Progress on ${a.title}`} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

export function DashboardPage() {
  useDocumentTitle("Dashboard");
  const { me } = useAuth();
  const { search } = useRouter();
  const data = useResource(loadDashboard, []);
  const exercises = useResource(() => api.get<ExerciseSummary[]>("/api/exercises"), []);
  const invitations = useResource(() => enrolmentApi.myInvitations().catch(() => [] as MyInvitationView[]), []);
  const staff = isStaff(me);
  return (
    <div className="page">
      <h1>Hello{me ? `, ${me.name}` : ""}</h1>
      <div className="grid-2">
        <div>
          {invitations.data ? (
            <InvitationsList
              invitations={invitations.data}
              calls={enrolmentApi}
              onAccepted={() => data.reload()}
              onGone={(id) => invitations.set((invitations.data ?? []).filter((i) => i.id !== id))}
            />
          ) : null}
          {me?.role === "student" ? <JoinCourseForm join={enrolmentApi.join} onJoined={() => data.reload()} initialCode={new URLSearchParams(search).get("code") ?? ""} /> : null}
          <h2 className="section-title">Your courses</h2>
          {staff ? (
            <p>
              <Link to="/courses/new">New course…</Link>
            </p>
          ) : null}
          {data.loading ? <Spinner label="Loading your courses" /> : null}
          {data.error ? <ErrorBox error={data.error} title="Could not load your courses" /> : null}
          {data.data && data.data.length === 0 ? (
            <p className="muted">{staff ? "You have no courses yet." : "You are not in a course yet. Ask your instructor for a join code and enter it under Join a course, or accept an invitation."}</p>
          ) : null}
          {data.data?.map((c) => (
            <CourseCard key={c.id} course={c} />
          ))}
        </div>
        <div>
          <h2 className="section-title">Practice exercises</h2>
          {staff ? (
            <p>
              <Link to="/authoring">New exercise or import…</Link>
            </p>
          ) : null}
          {exercises.loading ? <Spinner label="Loading exercises" /> : null}
          {exercises.error ? <ErrorBox error={exercises.error} title="Could not load exercises" /> : null}
          {exercises.data ? <ExerciseList exercises={exercises.data} staff={staff} /> : null}
        </div>
      </div>
    </div>
  );
}

export function ExerciseList({ exercises, staff = false }: { exercises: ExerciseSummary[]; staff?: boolean }) {
  const families = [...new Set(exercises.map((e) => e.family))].sort();
  return (
    <div className="exercise-list">
      {families.map((f) => (
        <section key={f} aria-labelledby={`fam-${f}`} className="card">
          <h3 id={`fam-${f}`} className="family">
            {f}
          </h3>
          <ul>
            {exercises
              .filter((e) => e.family === f)
              .map((e) => (
                <li key={e.id}>
                  <Link to={exerciseUrl(e.id)}>{e.title}</Link> <span className={`tag diff-${e.difficulty}`}>{e.difficulty}</span>
                  {staff ? (
                    <Link to={`/authoring/${encodeURIComponent(e.id)}`} className="small" aria-label={`Edit ${e.title}`}>
                      Edit
                    </Link>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
