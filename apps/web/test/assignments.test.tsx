// @vitest-environment jsdom
// The assignment editor's logic and form: dates between datetime-local and the API, the
// exercise picker's filters, the checks before a request, and the review URL.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { AssignmentInfo, ExerciseSummary } from "@autograder/shared";
import { ASSIGNMENT_TITLE_MAX } from "@autograder/shared/course-limits";
import { assignmentBody, filterExercises, formOf, fromLocalInput, NO_FILTER, toLocalInput } from "../src/assignments.ts";
import { AssignmentEditor } from "../src/components/AssignmentEditor.tsx";
import { submissionReviewUrl } from "../src/review-url.ts";

afterEach(cleanup);

const EXERCISES: ExerciseSummary[] = [
  { id: "sorting/selection-sort", title: "Selection sort", family: "sorting", difficulty: "easy", tags: ["in-place"], published: true },
  { id: "sorting/merge-sort", title: "Merge sort", family: "sorting", difficulty: "medium", tags: ["stable", "recursion"], published: true },
  { id: "threading/mutex", title: "Mutex", family: "threading", difficulty: "hard", tags: ["locks"], published: false },
];

describe("dates", () => {
  it("round-trips an instant through the datetime-local value of the browser's zone", () => {
    const iso = "2030-05-01T21:30:00.000Z";
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
    expect(toLocalInput(null)).toBe("");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("2030-13-45T99:99")).toBeNull();
  });
});

describe("picker filters", () => {
  it("combine family, difficulty, tag and a search in id, title and tags", () => {
    const ids = (f: Partial<typeof NO_FILTER>) => filterExercises(EXERCISES, { ...NO_FILTER, ...f }).map((e) => e.id);
    expect(ids({})).toHaveLength(3);
    expect(ids({ family: "sorting" })).toEqual(["sorting/selection-sort", "sorting/merge-sort"]);
    expect(ids({ family: "sorting", difficulty: "medium" })).toEqual(["sorting/merge-sort"]);
    expect(ids({ tag: "locks" })).toEqual(["threading/mutex"]);
    expect(ids({ query: "STABLE" })).toEqual(["sorting/merge-sort"]);
    expect(ids({ family: "threading", tag: "stable" })).toEqual([]);
  });
});

describe("the form's checks", () => {
  const base = { ...formOf(null), exerciseId: "sorting/merge-sort" };
  it("turns a valid form into the API's body", () => {
    const r = assignmentBody({ ...base, dueAt: "2030-05-01T12:00", latePolicy: "percent_per_day", latePenaltyPercent: "15", points: "25" }, true);
    expect(r).toEqual({ body: { exerciseId: "sorting/merge-sort", title: null, opensAt: null, dueAt: fromLocalInput("2030-05-01T12:00"), latePolicy: "percent_per_day", latePenaltyPercent: 15, points: 25 } });
    const edit = assignmentBody({ ...base, title: "  Week 1 ", latePolicy: "none" }, false);
    expect("body" in edit && edit.body).toMatchObject({ title: "Week 1", latePenaltyPercent: 0 });
    expect("body" in edit && "exerciseId" in edit.body).toBe(false);
  });
  it("names the first problem as a sentence with its field", () => {
    expect(assignmentBody({ ...base, exerciseId: "" }, true)).toEqual({ error: "Choose an exercise.", field: "exerciseId" });
    expect(assignmentBody({ ...base, opensAt: "2030-05-02T12:00", dueAt: "2030-05-01T12:00" }, true)).toMatchObject({ field: "dueAt", error: "The due date must be after the opening date." });
    expect(assignmentBody({ ...base, latePolicy: "no_credit_after_due" }, true)).toMatchObject({ field: "dueAt", error: "A late policy needs a due date." });
    expect(assignmentBody({ ...base, dueAt: "2030-05-01T12:00", latePolicy: "percent_per_day", latePenaltyPercent: "0" }, true)).toMatchObject({ field: "latePenaltyPercent" });
    expect(assignmentBody({ ...base, dueAt: "2030-05-01T12:00", latePolicy: "percent_per_day", latePenaltyPercent: "12.5" }, true)).toMatchObject({ field: "latePenaltyPercent" });
    expect(assignmentBody({ ...base, points: "" }, true)).toMatchObject({ field: "points" });
    expect(assignmentBody({ ...base, points: "10001" }, true)).toMatchObject({ field: "points" });
  });
});

describe("the editor", () => {
  it("states the limits, refuses an assigned or unpublished exercise, and says what is wrong before sending", async () => {
    const sent: unknown[] = [];
    render(
      <AssignmentEditor
        assignment={null}
        exercises={EXERCISES}
        taken={new Set(["sorting/selection-sort"])}
        save={async (body) => {
          sent.push(body);
          return { id: "a1", title: "Merge sort" } as AssignmentInfo;
        }}
        onDone={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole("heading", { name: "New assignment" })).toBe(document.activeElement);
    expect(screen.getByLabelText(/^Title/).getAttribute("maxlength")).toBe(String(ASSIGNMENT_TITLE_MAX));
    expect((screen.getByRole("radio", { name: /Selection sort/ }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole("radio", { name: /Mutex/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Create assignment" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Choose an exercise.");
    fireEvent.change(screen.getByLabelText("Family"), { target: { value: "sorting" } });
    fireEvent.click(screen.getByRole("radio", { name: /Merge sort/ }));
    fireEvent.click(screen.getByRole("radio", { name: /No credit after the due date/ }));
    fireEvent.click(screen.getByRole("button", { name: "Create assignment" }));
    expect((await screen.findByRole("alert")).textContent).toBe("A late policy needs a due date.");
    expect(document.activeElement).toBe(screen.getByLabelText("Due"));
    expect(sent).toEqual([]);
  });
});

describe("review URL", () => {
  it("is one path per student and assignment, with the submission as a query", () => {
    expect(submissionReviewUrl({ courseId: "c 1", assignmentId: "a1", userId: "u1" })).toBe("/courses/c%201/assignments/a1/students/u1/review");
    expect(submissionReviewUrl({ courseId: "c1", assignmentId: "a1", userId: "u1", submissionId: "s1" })).toBe("/courses/c1/assignments/a1/students/u1/review?submission=s1");
  });
});
