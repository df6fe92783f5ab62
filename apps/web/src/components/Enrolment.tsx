// "Join a course" and "Invitations" on the dashboard; "Invite by email" on the course page.
// The calls come in as props (enrolmentApi in the app) so the forms are testable alone.
import type { AcceptedInvitationView, JoinedView, MyInvitationView } from "@autograder/shared";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../api.ts";
import { EMAIL_MAX_LENGTH, inviteSent, JOIN_CODE_MAX_LENGTH, type EnrolmentApi } from "../enrolment.ts";
import { Card, formatDate, relativeTime } from "./common.tsx";

const LABELS = { joinCode: "join code", email: "email address" };

export function JoinCourseForm({ join, onJoined, initialCode = "" }: { join: EnrolmentApi["join"]; onJoined(joined: JoinedView): void; initialCode?: string }) {
  const [code, setCode] = useState(initialCode.slice(0, JOIN_CODE_MAX_LENGTH));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const joined = await join(code.trim());
      setCode("");
      onJoined(joined);
    } catch (err) {
      setError(errorMessage(err, LABELS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Join a course" id="join-course">
      <form className="inline-form" onSubmit={submit} aria-labelledby="join-course-title">
        <label>
          Course join code
          <input
            name="joinCode"
            required
            maxLength={JOIN_CODE_MAX_LENGTH}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? "join-course-error" : undefined}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Joining…" : "Join course"}
        </button>
      </form>
      {error ? (
        <div className="error-box" role="alert" id="join-course-error">
          {error}
        </div>
      ) : null}
    </Card>
  );
}

type InvitationCalls = Pick<EnrolmentApi, "accept" | "decline">;

/** The caller's pending invitations; nothing at all when there are none. */
export function InvitationsList({
  invitations,
  calls,
  onAccepted,
  onGone,
}: {
  invitations: MyInvitationView[];
  calls: InvitationCalls;
  onAccepted(accepted: AcceptedInvitationView, invitation: MyInvitationView): void;
  /** The invitation was accepted or declined: drop it from the list. */
  onGone(id: string): void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (invitations.length === 0) return null;
  const act = async (invitation: MyInvitationView, accept: boolean) => {
    setBusy(invitation.id);
    setError(null);
    try {
      if (accept) onAccepted(await calls.accept(invitation.id), invitation);
      else await calls.decline(invitation.id);
      onGone(invitation.id);
    } catch (err) {
      setError(`${invitation.course.title}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title={`Invitations (${invitations.length})`} id="invitations">
      {error ? (
        <div className="error-box" role="alert">
          {error}
        </div>
      ) : null}
      <ul className="invitations">
        {invitations.map((i) => (
          <li key={i.id} aria-label={`Invitation to ${i.course.title}`}>
            <div>
              <strong>{i.course.title}</strong>
              {i.role === "instructor" ? <span className="tag">as instructor</span> : null}
              <div className="muted small">
                Invited by {i.invitedBy}, <time dateTime={i.createdAt} title={formatDate(i.createdAt)}>{relativeTime(i.createdAt)}</time>
              </div>
            </div>
            <span className="actions">
              <button type="button" className="primary" disabled={busy !== null} onClick={() => void act(i, true)} aria-label={`Accept the invitation to ${i.course.title}`}>
                Accept
              </button>
              <button type="button" disabled={busy !== null} onClick={() => void act(i, false)} aria-label={`Decline the invitation to ${i.course.title}`}>
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function InviteForm({ courseId, invite, onInvited }: { courseId: string; invite: EnrolmentApi["invite"]; onInvited?(): void }) {
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    setBusy(true);
    setMessage(null);
    try {
      await invite(courseId, address);
      setEmail("");
      setMessage({ ok: true, text: inviteSent(address) });
      onInvited?.();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err, LABELS) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Invite by email" id="invite">
      <form className="inline-form" onSubmit={submit} aria-labelledby="invite-title">
        <label>
          Student's email
          <input type="email" name="email" required maxLength={EMAIL_MAX_LENGTH} value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Inviting…" : "Invite"}
        </button>
      </form>
      {message ? (
        <div className={message.ok ? "info-box" : "error-box"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </div>
      ) : null}
    </Card>
  );
}
