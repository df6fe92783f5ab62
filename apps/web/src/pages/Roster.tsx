// Staff: a course's members with each student's latest submission per assignment, removing a
// member, inviting students and co-instructors by email, and pending invitations.
import type { InvitationView, LatestSubmissionView, RosterItem } from "@autograder/shared";
import type { AssignmentInfo, CourseInfo } from "../api-types.ts";
import { EMAIL_MAX_LENGTH } from "@autograder/shared/limits";
import { useState, type FormEvent } from "react";
import { errorMessage, getPath } from "../api.ts";
import { Card, ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import { ConfirmButton, OutcomeBox, SelectField, TextField, type Outcome } from "../components/Forms.tsx";
import { latestByStudent, latestText, staffApi, type CourseRole } from "../course-admin.ts";
import { inviteSent } from "../enrolment.ts";
import { EMAIL_RULES, fieldProblem } from "../forms.ts";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { Link } from "../router.tsx";
import { staffSubmissionUrl } from "../staff-links.ts";

interface RosterData {
  course: CourseInfo;
  assignments: AssignmentInfo[];
  members: RosterItem[];
  latest: LatestSubmissionView[];
  invitations: InvitationView[];
}

async function loadRoster(id: string): Promise<RosterData> {
  const [course, assignments, members, latest, invitations] = await Promise.all([
    staffApi.course(id),
    getPath("/api/courses/{id}/assignments", { id }),
    staffApi.roster(id),
    staffApi.latestSubmissions(id),
    staffApi.invitations(id),
  ]);
  return { course, assignments, members, latest, invitations };
}

const ROLE_OPTIONS: readonly { value: CourseRole; label: string }[] = [
  { value: "student", label: "Student" },
  { value: "instructor", label: "Co-instructor" },
];

function InviteCard({ courseId, onInvited }: { courseId: string; onInvited(): void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<CourseRole>("student");
  const [problem, setProblem] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const found = fieldProblem(email, EMAIL_RULES) ?? undefined;
    setProblem(found);
    if (found) return;
    const address = email.trim();
    setBusy(true);
    try {
      await staffApi.invite(courseId, address, role);
      setEmail("");
      setOutcome({ ok: true, text: inviteSent(address) });
      onInvited();
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err, { email: "email address" }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Invite a student or co-instructor" id="invite-member">
      <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="invite-member-title">
        <TextField label="Email of the person to invite" name="email" type="email" value={email} onChange={setEmail} maxLength={EMAIL_MAX_LENGTH} autoComplete="off" error={problem} />
        <SelectField label="Invite as" value={role} onChange={setRole} options={ROLE_OPTIONS} />
        <p className="muted small">A co-instructor needs an instructor account (an admin creates it under Users); they manage the course as you do.</p>
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Inviting…" : "Send invitation"}
          </button>
        </div>
      </form>
      <OutcomeBox outcome={outcome} />
    </Card>
  );
}

function InvitationsCard({ courseId, invitations, onChanged }: { courseId: string; invitations: InvitationView[]; onChanged(): void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const withdraw = async (i: InvitationView) => {
    setOutcome(null);
    try {
      await staffApi.withdrawInvitation(courseId, i.id);
      setOutcome({ ok: true, text: `The invitation to ${i.email} is withdrawn.` });
      onChanged();
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <Card title={`Pending invitations (${invitations.length})`} id="invitations">
      <OutcomeBox outcome={outcome} />
      {invitations.length === 0 ? (
        <p className="muted">No invitation is waiting for an answer.</p>
      ) : (
        <ul className="invitations">
          {invitations.map((i) => (
            <li key={i.id} aria-label={`Invitation to ${i.email}`}>
              <span>
                {i.email} <span className="tag">{i.role === "instructor" ? "co-instructor" : "student"}</span> <span className="muted small">sent {formatDate(i.createdAt)}</span>
              </span>
              <button type="button" onClick={() => void withdraw(i)} aria-label={`Withdraw the invitation to ${i.email}`}>
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function LatestCell({ courseId, member, assignment, latest }: { courseId: string; member: RosterItem; assignment: AssignmentInfo; latest: LatestSubmissionView | undefined }) {
  if (!latest) return <span className="muted">—</span>;
  const text = latestText(latest);
  return (
    <span className="latest">
      <Link to={staffSubmissionUrl(courseId, latest.submissionId)} aria-label={`Latest submission of ${member.name} to ${assignment.title}: ${text}`}>
        {text}
      </Link>
      <span className="muted small" title={`Submitted ${formatDate(latest.submittedAt)}`}>
        {" "}
        ({latest.attempts} {latest.attempts === 1 ? "submit" : "submits"})
      </span>
    </span>
  );
}

function MembersCard({ data, onRemoved }: { data: RosterData; onRemoved(member: RosterItem): void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { course, assignments, members } = data;
  const latest = latestByStudent(data.latest);
  const remove = async (m: RosterItem) => {
    setOutcome(null);
    try {
      await staffApi.removeMember(course.id, m.userId);
      setOutcome({ ok: true, text: `${m.name} is no longer in the course; their submissions are kept.` });
      onRemoved(m);
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <Card title={`Members (${members.length})`} id="members">
      <p className="muted">
        Owner: {course.owner.name} ({course.owner.email}). Each assignment's column shows the student's latest submission: its score after any late penalty and its verdict.
      </p>
      <OutcomeBox outcome={outcome} />
      {members.length === 0 ? (
        <p className="muted">Nobody has joined yet: share the join code or invite people by email.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Members and latest submissions">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {assignments.map((a) => (
                  <th scope="col" key={a.id}>
                    {a.title}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.role === "student" ? <Link to={`/courses/${encodeURIComponent(course.id)}/students/${encodeURIComponent(m.userId)}`}>{m.name}</Link> : m.name}
                  </th>
                  <td>{m.email}</td>
                  <td>{m.role === "instructor" ? "co-instructor" : "student"}</td>
                  <td>{formatDate(m.enrolledAt)}</td>
                  {assignments.map((a) => (
                    <td key={a.id}>{m.role === "student" ? <LatestCell courseId={course.id} member={m} assignment={a} latest={latest.get(m.userId)?.get(a.id)} /> : null}</td>
                  ))}
                  <td>
                    <ConfirmButton
                      label="Remove"
                      ariaLabel={`Remove ${m.name} from the course`}
                      question={`Remove ${m.name}? Their submissions are kept${m.role === "student" ? "; they can join again with the join code" : ""}.`}
                      confirmLabel="Yes, remove"
                      onConfirm={() => remove(m)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export function RosterPage({ id }: { id: string }) {
  const data = useResource(() => loadRoster(id), [id]);
  useDocumentTitle(data.data ? `Roster · ${data.data.course.title}` : "Roster");
  if (data.loading && !data.data) return <Spinner label="Loading the roster" />;
  if (data.error || !data.data) return <ErrorBox error={data.error} title="Could not load the roster" />;
  const d = data.data;
  const cid = encodeURIComponent(d.course.id);
  return (
    <div className="page">
      <h1>Roster of {d.course.title}</h1>
      <p className="actions">
        <Link to={`/courses/${cid}`}>Course page</Link>
        <Link to={`/courses/${cid}/settings`}>Settings</Link>
        <Link to={`/courses/${cid}/gradebook`}>Gradebook</Link>
      </p>
      <MembersCard data={d} onRemoved={(m) => data.set({ ...d, members: d.members.filter((x) => x.userId !== m.userId) })} />
      <div className="grid-2">
        <InviteCard courseId={d.course.id} onInvited={() => void staffApi.invitations(d.course.id).then((invitations) => data.set({ ...d, invitations }), () => data.reload())} />
        <InvitationsCard courseId={d.course.id} invitations={d.invitations} onChanged={() => void staffApi.invitations(d.course.id).then((invitations) => data.set({ ...d, invitations }), () => data.reload())} />
      </div>
    </div>
  );
}
