// @vitest-environment jsdom
// The gradebook's LMS panels: each student's grade passback state with "Sync again", and the
// LMS roster with who never opened the tool. The calls are passed in and recorded.
import type { GradebookView, LmsRosterView } from "@autograder/shared";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LmsPanels, type LmsCalls } from "../src/pages/LmsSync.tsx";

afterEach(cleanup);

const LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
const view: GradebookView = {
  course: { id: "c1", title: "Algorithms", gradePolicy: "best" },
  lmsLinked: true,
  assignments: [
    { id: "a1", title: "Selection sort", exerciseId: "sorting/selection-sort", dueAt: null, latePolicy: "none", latePenaltyPercent: 0, inLms: true, points: 100 },
    { id: "a2", title: "Not in the LMS", exerciseId: "sorting/merge-sort", dueAt: null, latePolicy: "none", latePenaltyPercent: 0, inLms: false, points: 100 },
  ],
  students: [
    {
      userId: "u1",
      email: "zoe@example.org",
      name: "Zoe",
      total: 80,
      totalPoints: 80,
      cells: [
        {
          assignmentId: "a1",
          score: 80,
          rawScore: 100,
          points: 80,
          extendedDueAt: null,
          latePenaltyPercent: 20,
          attempts: 1,
          submissionId: "s1",
          submittedAt: "2026-11-30T10:00:00.000Z",
          lmsSync: { status: "failed", attempts: 1, requestedAt: "2026-11-30T10:00:01.000Z", syncedAt: null, lastError: "The LMS service did not accept the request. HTTP 400", lastErrorCode: "LTI_SERVICE_FAILED" },
        },
      ],
    },
    {
      userId: "u2",
      email: "adam@example.org",
      name: "Adam",
      total: 0,
      totalPoints: 0,
      cells: [{ assignmentId: "a1", score: null, rawScore: null, points: null, extendedDueAt: null, latePenaltyPercent: 0, attempts: 0, submissionId: null, submittedAt: null, lmsSync: null }],
    },
  ],
};

const roster: LmsRosterView = {
  rosterSyncedAt: "2026-11-30T09:00:00.000Z",
  rosterError: null,
  members: [
    { sub: "lms-zoe", name: "Zoe", email: "zoe@example.org", roles: [LEARNER], status: "Active", userId: "u1", openedTool: true, lastLaunchAt: "2026-11-30T08:00:00.000Z" },
    { sub: "lms-ned", name: "Ned", email: null, roles: [LEARNER], status: "Active", userId: null, openedTool: false, lastLaunchAt: null },
  ],
};

function recorder(): { calls: LmsCalls; log: string[] } {
  const log: string[] = [];
  return {
    log,
    calls: {
      syncScore: async (a, u) => log.push(`score ${a} ${u}`),
      roster: async () => roster,
      syncRoster: async () => log.push("roster"),
    },
  };
}

describe("LMS panels", () => {
  it("show each student's sync state on LMS assignments and send a score again", async () => {
    const { calls, log } = recorder();
    let reloads = 0;
    render(<LmsPanels courseId="c1" view={view} reload={() => reloads++} calls={calls} />);
    const table = screen.getByRole("table", { name: /reached the LMS gradebook/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-lms-sync"))).toEqual(["failed", "none"]);
    expect(rows[0]!.textContent).toContain("failed after 1 attempt");
    expect(rows[0]!.textContent).toContain("HTTP 400");
    expect(table.textContent).not.toContain("Not in the LMS");
    // Nothing graded yet: nothing to send.
    expect(within(rows[1]!).queryByRole("button")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Sync again: Zoe, Selection sort" }));
    await waitFor(() => expect(log).toEqual(["score a1 u1"]));
    await waitFor(() => expect(reloads).toBe(1));
  });

  it("list the LMS roster, count who never opened the tool, and sync it", async () => {
    const { calls, log } = recorder();
    render(<LmsPanels courseId="c1" view={view} reload={() => {}} calls={calls} />);
    await screen.findByText(/2 members, 1 never opened the tool/);
    const members = within(screen.getByRole("table", { name: /LMS members/ })).getAllByRole("row").slice(1);
    expect(members.map((r) => within(r).getAllByRole("cell").at(-1)?.textContent)).toEqual([expect.stringMatching(/^yes/), "never"]);
    expect(members[1]!.textContent).toContain("Learner");
    fireEvent.click(screen.getByRole("button", { name: "Sync roster from LMS" }));
    await waitFor(() => expect(log).toEqual(["roster"]));
    await screen.findByText(/Roster sync queued/);
  });
});
