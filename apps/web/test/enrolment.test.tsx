// @vitest-environment jsdom
// Joining a course from the dashboard, the invitations list and the invite form. The calls are
// passed in, so each test answers them as the API does (its error bodies as ApiError).
import type { MyInvitationView } from "@autograder/shared";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, readableValidation } from "../src/api.ts";
import { InvitationsList, InviteForm, JoinCourseForm } from "../src/components/Enrolment.tsx";
import { JOIN_CODE_MAX_LENGTH } from "../src/enrolment.ts";

afterEach(cleanup);

describe("validation messages", () => {
  it("turn schema paths into sentences", () => {
    expect(readableValidation("Invalid body/joinCode: must NOT have fewer than 4 characters", { joinCode: "join code" })).toBe("The join code must be at least 4 characters long.");
    expect(readableValidation("Invalid body/email: must match format \"email\"")).toBe("The email must be an email address.");
    expect(readableValidation("Invalid body: must have required property 'joinCode'")).toBe("The join code is missing.");
    expect(readableValidation("Invalid params/id: must match format \"uuid\"")).toBe("The id is not valid.");
    expect(readableValidation("No course has this join code.")).toBe("No course has this join code.");
  });
});

describe("Join a course", () => {
  it("limits the code's length, sends it trimmed and reports the join", async () => {
    const sent: string[] = [];
    const joined: string[] = [];
    render(<JoinCourseForm join={async (code) => (sent.push(code), { courseId: "c2", userId: "u1" })} onJoined={(j) => joined.push(j.courseId)} />);
    const input = screen.getByLabelText("Course join code") as HTMLInputElement;
    expect(input.maxLength).toBe(JOIN_CODE_MAX_LENGTH);
    fireEvent.change(input, { target: { value: "  abcd-efgh " } });
    fireEvent.click(screen.getByRole("button", { name: "Join course" }));
    await waitFor(() => expect(joined).toEqual(["c2"]));
    expect(sent).toEqual(["abcd-efgh"]);
    expect(input.value).toBe("");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("starts from a join link's code, cut to the limit", () => {
    render(<JoinCourseForm join={async () => ({ courseId: "", userId: "" })} onJoined={() => undefined} initialCode={"x".repeat(100)} />);
    expect((screen.getByLabelText("Course join code") as HTMLInputElement).value).toBe("x".repeat(JOIN_CODE_MAX_LENGTH));
  });

  it("shows the API's sentence, never a schema path, and clears it on the next try", async () => {
    const answers = [
      new ApiError(400, "VALIDATION", "Invalid body/joinCode: must NOT have fewer than 4 characters"),
      new ApiError(404, "JOIN_CODE_INVALID", "No course has this join code; check it with your instructor."),
    ];
    render(
      <JoinCourseForm
        join={async () => {
          throw answers.shift();
        }}
        onJoined={() => {
          throw new Error("not joined");
        }}
      />,
    );
    const input = screen.getByLabelText("Course join code");
    fireEvent.change(input, { target: { value: "ab" } });
    fireEvent.click(screen.getByRole("button", { name: "Join course" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("The join code must be at least 4 characters long.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(input, { target: { value: "ZZZZZZZZ" } });
    fireEvent.click(screen.getByRole("button", { name: "Join course" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("No course has this join code; check it with your instructor."));
    expect(document.body.textContent).not.toMatch(/body\/|Invalid /);
  });
});

const invitations: MyInvitationView[] = [
  { id: "i1", course: { id: "c1", title: "Algorithms 101" }, role: "student", invitedBy: "Tess Teacher", createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString() },
  { id: "i2", course: { id: "c2", title: "Networks" }, role: "student", invitedBy: "Nia Net", createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString() },
];

describe("Invitations", () => {
  it("lists course, inviter and when; Accept enrols and Decline drops the invitation", async () => {
    const calls: string[] = [];
    const accepted: string[] = [];
    const gone: string[] = [];
    render(
      <InvitationsList
        invitations={invitations}
        calls={{
          accept: async (id) => (calls.push(`accept ${id}`), { courseId: "c1", role: "student" }),
          decline: async (id) => void calls.push(`decline ${id}`),
        }}
        onAccepted={(a, i) => accepted.push(`${a.courseId} ${i.course.title}`)}
        onGone={(id) => gone.push(id)}
      />,
    );
    expect(screen.getByRole("heading", { name: "Invitations (2)" })).toBeTruthy();
    const first = screen.getByRole("listitem", { name: "Invitation to Algorithms 101" });
    expect(first.textContent).toMatch(/Invited by Tess Teacher, 3 hours ago/);
    expect(screen.getByRole("listitem", { name: "Invitation to Networks" }).textContent).toMatch(/Invited by Nia Net, 2 days ago/);
    fireEvent.click(within(first).getByRole("button", { name: "Accept the invitation to Algorithms 101" }));
    await waitFor(() => expect(gone).toEqual(["i1"]));
    expect(accepted).toEqual(["c1 Algorithms 101"]);
    fireEvent.click(screen.getByRole("button", { name: "Decline the invitation to Networks" }));
    await waitFor(() => expect(gone).toEqual(["i1", "i2"]));
    expect(calls).toEqual(["accept i1", "decline i2"]);
  });

  it("keeps an invitation that could not be accepted and says why", async () => {
    const gone: string[] = [];
    render(
      <InvitationsList
        invitations={invitations.slice(0, 1)}
        calls={{
          accept: async () => {
            throw new ApiError(404, "JOIN_CODE_INVALID", "This course is archived.");
          },
          decline: async () => undefined,
        }}
        onAccepted={() => {
          throw new Error("not accepted");
        }}
        onGone={(id) => gone.push(id)}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: /^Accept/ }));
    expect((await screen.findByRole("alert")).textContent).toBe("Algorithms 101: This course is archived.");
    expect(gone).toEqual([]);
  });

  it("shows nothing when there are none", () => {
    const { container } = render(<InvitationsList invitations={[]} calls={{ accept: async () => ({ courseId: "", role: "student" }), decline: async () => undefined }} onAccepted={() => undefined} onGone={() => undefined} />);
    expect(container.innerHTML).toBe("");
  });
});

describe("Invite by email", () => {
  it("answers with the same neutral sentence for any address", async () => {
    const sent: string[] = [];
    render(<InviteForm courseId="c1" invite={async (courseId, email) => (sent.push(`${courseId} ${email}`), { id: "i", courseId, email, role: "student", createdAt: "" })} />);
    const input = screen.getByLabelText("Student's email") as HTMLInputElement;
    expect(input.maxLength).toBe(254);
    fireEvent.change(input, { target: { value: " kim@example.org " } });
    fireEvent.click(screen.getByRole("button", { name: "Invite" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toMatch(/^Invitation recorded for kim@example\.org\. It shows under Invitations/);
    expect(sent).toEqual(["c1 kim@example.org"]);
  });
});
