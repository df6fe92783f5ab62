// Staff: create a course (an admin names its owner); change its title and grade policy, replace its join code, archive
// or reopen it.
import type { CourseInfo } from "../api-types.ts";
import { TITLE_MAX_LENGTH } from "@autograder/shared/limits";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../api.ts";
import { Card, ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { ConfirmButton, OutcomeBox, SelectField, TextField, type Outcome } from "../components/Forms.tsx";
import { GRADE_POLICIES, staffApi, type GradePolicy } from "../course-admin.ts";
import { fieldProblem } from "../forms.ts";
import { useAuth } from "../auth.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { Link, useRouter } from "../router.tsx";

const TITLE_RULES = { label: "title", required: true, maxLength: TITLE_MAX_LENGTH };

function CourseFields({ title, setTitle, policy, setPolicy, problem }: { title: string; setTitle(v: string): void; policy: GradePolicy; setPolicy(v: GradePolicy): void; problem: string | undefined }) {
  return (
    <>
      <TextField label="Title" name="title" value={title} onChange={setTitle} maxLength={TITLE_MAX_LENGTH} autoComplete="off" error={problem} />
      <SelectField label="Grade policy" value={policy} onChange={setPolicy} options={GRADE_POLICIES} />
    </>
  );
}

/** Admins create courses for an instructor: the accounts that may own one. */
function OwnerField({ owner, setOwner }: { owner: string; setOwner(id: string): void }) {
  const { me } = useAuth();
  const staff = useResource(
    () => Promise.all([staffApi.listUsers({ role: "instructor", q: "" }), staffApi.listUsers({ role: "admin", q: "" })]).then(([a, b]) => [...a, ...b]),
    [],
  );
  if (staff.error) return <ErrorBox error={staff.error} title="Could not load the instructors" />;
  const options = (staff.data ?? []).map((u) => ({ value: u.id, label: u.id === me?.id ? `${u.name} (you)` : `${u.name} (${u.email})` }));
  return options.length > 0 ? <SelectField label="Owner" value={owner} onChange={setOwner} options={options} /> : <Spinner label="Loading the instructors" />;
}

export function NewCoursePage() {
  useDocumentTitle("New course");
  const { navigate } = useRouter();
  const { me } = useAuth();
  const [owner, setOwner] = useState(me?.id ?? "");
  const [title, setTitle] = useState("");
  const [policy, setPolicy] = useState<GradePolicy>("best");
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found = fieldProblem(title, TITLE_RULES) ?? undefined;
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      const created = await staffApi.createCourse({ title: title.trim(), gradePolicy: policy, ...(owner && owner !== me?.id ? { ownerId: owner } : {}) });
      navigate(`/courses/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="page">
      <h1>New course</h1>
      <Card>
        <form className="inline-form" onSubmit={submit} noValidate aria-label="New course">
          <CourseFields title={title} setTitle={setTitle} policy={policy} setPolicy={setPolicy} problem={problem} />
          {me?.role === "admin" ? <OwnerField owner={owner} setOwner={setOwner} /> : null}
          <p className="muted small">The course gets a join code for students at once; you can replace it later.</p>
          <div>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Creating…" : "Create course"}
            </button>
          </div>
        </form>
        {error ? (
          <div className="error-box" role="alert">
            {error}
          </div>
        ) : null}
      </Card>
    </div>
  );
}

function DetailsForm({ course, onSaved }: { course: CourseInfo; onSaved(course: CourseInfo): void }) {
  const [title, setTitle] = useState(course.title);
  const [policy, setPolicy] = useState<GradePolicy>(course.gradePolicy);
  const [problem, setProblem] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const found = fieldProblem(title, TITLE_RULES) ?? undefined;
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      const saved = await staffApi.updateCourse(course.id, { title: title.trim(), gradePolicy: policy });
      onSaved(saved);
      setOutcome({ ok: true, text: "Saved." });
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Title and grade policy" id="details">
      <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="details-title">
        <CourseFields title={title} setTitle={setTitle} policy={policy} setPolicy={setPolicy} problem={problem} />
        <p className="muted small">The grade policy decides which graded submission the gradebook counts; changing it recomputes every grade.</p>
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
      <OutcomeBox outcome={outcome} />
    </Card>
  );
}

function JoinCodeCard({ course, onChanged }: { course: CourseInfo; onChanged(joinCode: string): void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const rotate = async () => {
    setOutcome(null);
    try {
      const { joinCode } = await staffApi.rotateJoinCode(course.id);
      onChanged(joinCode);
      setOutcome({ ok: true, text: `The new join code is ${joinCode}; the old one no longer works.` });
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <Card title="Join code" id="join-code">
      <p>
        Students join with <code className="join-code">{course.joinCode}</code> under Join a course on their dashboard, or on the sign-up page.
        {course.archivedAt ? " It does not work while the course is archived." : ""}
      </p>
      <p className="muted small">Replace it when it was shared too widely: students already in the course stay.</p>
      <ConfirmButton label="Replace join code" question="Replace the join code? The current code stops working at once." confirmLabel="Yes, replace it" onConfirm={rotate} />
      <OutcomeBox outcome={outcome} />
    </Card>
  );
}

function ArchiveCard({ course, onSaved }: { course: CourseInfo; onSaved(course: CourseInfo): void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const setArchived = async (archived: boolean) => {
    setOutcome(null);
    try {
      onSaved(await staffApi.updateCourse(course.id, { archived }));
      setOutcome({ ok: true, text: archived ? "The course is archived." : "The course is open again." });
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <Card title="Archive" id="archive">
      {course.archivedAt ? (
        <>
          <p>
            <span className="tag warn">Archived</span> since {formatDate(course.archivedAt)}. Its join code and invitations do not work; assignments, submissions and the gradebook are kept.
          </p>
          <button type="button" onClick={() => void setArchived(false)}>
            Unarchive course
          </button>
        </>
      ) : (
        <>
          <p>Archive a course when it is over: the join code and invitations stop working; assignments, submissions and the gradebook are kept, and you can unarchive it.</p>
          <ConfirmButton label="Archive course" question="Archive this course? Nobody can join it until you unarchive it." confirmLabel="Yes, archive it" onConfirm={() => setArchived(true)} />
        </>
      )}
      <OutcomeBox outcome={outcome} />
    </Card>
  );
}

export function CourseSettingsPage({ id }: { id: string }) {
  const course = useResource(() => staffApi.course(id), [id]);
  useDocumentTitle(course.data ? `Settings · ${course.data.title}` : "Course settings");
  if (course.loading) return <Spinner label="Loading the course" />;
  if (course.error || !course.data) return <ErrorBox error={course.error} title="Could not load the course" />;
  const c = course.data;
  const cid = encodeURIComponent(c.id);
  return (
    <div className="page">
      <h1>Settings of {c.title}</h1>
      <p className="actions">
        <Link to={`/courses/${cid}`}>Course page</Link>
        <Link to={`/courses/${cid}/roster`}>Roster and invitations</Link>
      </p>
      {c.access !== "staff" ? (
        <ErrorBox error="Only the course's instructors can change it." />
      ) : (
        <div className="grid-2">
          <div>
            <DetailsForm course={c} onSaved={course.set} />
            <ArchiveCard course={c} onSaved={course.set} />
          </div>
          <div>
            <JoinCodeCard course={c} onChanged={(joinCode) => course.set({ ...c, joinCode })} />
          </div>
        </div>
      )}
    </div>
  );
}
