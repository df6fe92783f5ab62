// Staff, on the gradebook of a course linked to an LMS (LTI): each student's grade passback
// state per LMS assignment with "Sync again", and the LMS roster with who never opened the tool.
import { useMemo, useState } from "react";
import { api, errorMessage } from "../api.ts";
import { ErrorBox, formatDate, Spinner } from "../components/common.tsx";
import type { LmsRosterView, LmsSyncView } from "@autograder/shared";
import type { GradebookView } from "../api-types.ts";
import { useResource } from "../hooks.ts";

/** The API calls of these panels (passed in by tests). */
export interface LmsCalls {
  syncScore(assignmentId: string, userId: string): Promise<unknown>;
  roster(): Promise<LmsRosterView>;
  syncRoster(): Promise<unknown>;
}

export function lmsCalls(courseId: string): LmsCalls {
  const cid = encodeURIComponent(courseId);
  return {
    syncScore: (assignmentId, userId) => api.post(`/api/courses/${cid}/lti/score-sync`, { assignmentId, userId }),
    roster: () => api.get<LmsRosterView>(`/api/courses/${cid}/lti/roster`),
    syncRoster: () => api.post(`/api/courses/${cid}/lti/roster-sync`),
  };
}

function syncLabel(s: LmsSyncView | null): string {
  if (s === null) return "not sent";
  if (s.status === "synced") return `sent ${formatDate(s.syncedAt)}`;
  if (s.status === "pending") return s.attempts > 0 ? `pending (attempt ${s.attempts} failed, retrying)` : "pending";
  return `failed after ${s.attempts} attempt${s.attempts === 1 ? "" : "s"}`;
}

export function LmsPanels({ courseId, view, reload, calls }: { courseId: string; view: GradebookView; reload: () => void; calls?: LmsCalls }) {
  const lms = useMemo(() => calls ?? lmsCalls(courseId), [calls, courseId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const lmsAssignments = view.assignments.filter((a) => a.inLms);
  const syncAgain = async (assignmentId: string, userId: string) => {
    setBusy(`${userId}:${assignmentId}`);
    try {
      await lms.syncScore(assignmentId, userId);
      setMessage("Queued; the state updates when you reload.");
      reload();
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <section aria-labelledby="lms-grades">
        <h2 id="lms-grades">LMS grade passback</h2>
        {message ? <p role="status">{message}</p> : null}
        {lmsAssignments.length === 0 ? (
          <p className="muted">No assignment of this course is placed in the LMS yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="sr-only">Whether each student's score reached the LMS gradebook.</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Assignment</th>
                  <th scope="col">State</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {view.students.flatMap((s) =>
                  lmsAssignments.map((a) => {
                    const cell = s.cells.find((c) => c.assignmentId === a.id);
                    const sync = cell?.lmsSync ?? null;
                    const key = `${s.userId}:${a.id}`;
                    return (
                      <tr key={key} data-lms-sync={sync?.status ?? "none"}>
                        <th scope="row">{s.name}</th>
                        <td>{a.title}</td>
                        <td>{syncLabel(sync)}</td>
                        <td>{sync?.lastError ?? ""}</td>
                        <td>
                          {cell?.score !== null && cell?.score !== undefined ? (
                            <button type="button" disabled={busy === key} onClick={() => void syncAgain(a.id, s.userId)} aria-label={`Sync again: ${s.name}, ${a.title}`}>
                              Sync again
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <LmsRoster calls={lms} />
    </>
  );
}

function LmsRoster({ calls }: { calls: LmsCalls }) {
  const roster = useResource(() => calls.roster(), [calls]);
  const [status, setStatus] = useState<string | null>(null);
  const sync = async () => {
    try {
      await calls.syncRoster();
      setStatus("Roster sync queued; reload in a few seconds.");
    } catch (error) {
      setStatus(errorMessage(error));
    }
  };
  const members = roster.data?.members ?? [];
  const never = members.filter((m) => !m.openedTool).length;
  return (
    <section aria-labelledby="lms-roster">
      <h2 id="lms-roster">LMS roster</h2>
      <div className="toolbar">
        <button type="button" onClick={() => void sync()}>
          Sync roster from LMS
        </button>
        <button type="button" onClick={roster.reload}>
          Reload
        </button>
        {status ? <span role="status">{status}</span> : null}
      </div>
      {roster.loading ? <Spinner label="Loading the LMS roster" /> : null}
      {roster.error ? <ErrorBox error={roster.error} title="Could not load the LMS roster" /> : null}
      {roster.data ? (
        <>
          <p className="muted">
            {roster.data.rosterSyncedAt ? `Last synced ${formatDate(roster.data.rosterSyncedAt)}: ` : "Never synced. "}
            {members.length} members, {never} never opened the tool.
            {roster.data.rosterError ? ` Last sync failed: ${roster.data.rosterError}` : ""}
          </p>
          {members.length > 0 ? (
            <table className="table">
              <caption className="sr-only">LMS members and whether they have opened the tool.</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Opened the tool</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.sub}>
                    <th scope="row">{m.name ?? m.sub}</th>
                    <td>{m.email ?? ""}</td>
                    <td>{m.roles.map((r) => r.split(/[#/]/).at(-1)).join(", ")}</td>
                    <td>{m.openedTool ? `yes${m.lastLaunchAt ? `, last ${formatDate(m.lastLaunchAt)}` : ""}` : "never"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
