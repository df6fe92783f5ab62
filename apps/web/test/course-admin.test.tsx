// @vitest-environment jsdom
// The staff forms' checks (the same sentences as errorMessage() makes of the API's schema
// errors), a latest submission in words, and the confirmation step before a destructive action.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH } from "@autograder/shared/limits";
import { readableValidation } from "../src/api.ts";
import { ConfirmButton } from "../src/components/Forms.tsx";
import { latestByStudent, latestText } from "../src/course-admin.ts";
import { EMAIL_RULES, fieldProblem, formProblems, PASSWORD_RULES } from "../src/forms.ts";
import { staffSubmissionUrl } from "../src/staff-links.ts";

afterEach(cleanup);

describe("form checks", () => {
  it("say what is wrong as the API's errors read once made readable", () => {
    const short = "x".repeat(PASSWORD_MIN_LENGTH - 1);
    expect(fieldProblem(short, PASSWORD_RULES)).toBe(readableValidation(`Invalid body/password: must NOT have fewer than ${PASSWORD_MIN_LENGTH} characters`));
    expect(fieldProblem("x".repeat(201), PASSWORD_RULES)).toBe("The password must be at most 200 characters long.");
    expect(fieldProblem("x".repeat(PASSWORD_MIN_LENGTH), PASSWORD_RULES)).toBeNull();
    expect(fieldProblem("  ", EMAIL_RULES)).toBe("The email address is missing.");
    expect(fieldProblem("no-at-sign", EMAIL_RULES)).toBe("The email address must be an email address.");
    expect(fieldProblem(" a@b.example ", EMAIL_RULES)).toBeNull();
    expect(fieldProblem("", { label: "note" })).toBeNull();
  });

  it("collect each field's problem", () => {
    expect(formProblems({ email: "", password: "long enough!" }, { email: EMAIL_RULES, password: PASSWORD_RULES })).toEqual({ email: "The email address is missing." });
  });
});

describe("latest submissions", () => {
  it("read as a score and verdict, or the state of the grading", () => {
    expect(latestText({ status: "graded", verdict: "failed", score: 39.6 })).toBe("40% · failed");
    expect(latestText({ status: "graded", verdict: "compile_error", score: 0 })).toBe("0% · compile error");
    expect(latestText({ status: "queued", verdict: null, score: null })).toBe("Queued");
    expect(latestText({ status: "running", verdict: null, score: null })).toBe("Grading");
    expect(latestText({ status: "error", verdict: null, score: null })).toBe("Grader error");
  });

  it("are grouped by student and assignment, and link to the staff view", () => {
    const item = { userId: "u1", assignmentId: "a1", submissionId: "s/1", submittedAt: "2026-01-01T00:00:00.000Z", status: "graded" as const, verdict: "passed", score: 100, attempts: 1 };
    expect(latestByStudent([item]).get("u1")?.get("a1")).toBe(item);
    expect(staffSubmissionUrl("c1", "s/1")).toBe("/courses/c1/submissions/s%2F1");
  });
});

describe("ConfirmButton", () => {
  it("asks first, does nothing on cancel, and acts on confirmation", async () => {
    let done = 0;
    render(<ConfirmButton label="Remove" question="Remove Kim?" confirmLabel="Yes, remove" onConfirm={() => void done++} />);
    fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    expect(screen.getByRole("group", { name: "Remove Kim?" })).toBeTruthy();
    expect(document.activeElement?.textContent).toBe("Yes, remove");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(done).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    fireEvent.keyDown(screen.getByRole("button", { name: "Yes, remove" }), { key: "Escape" });
    expect(screen.queryByRole("group")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, remove" }));
    await screen.findByRole("button", { name: "Remove" });
    expect(done).toBe(1);
  });
});
