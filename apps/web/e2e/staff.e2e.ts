// Instructor workflows in a real browser against `npm start`: create, edit and delete an
// assignment with the exercise picker and a late policy; grant a student an extension (their
// late submission stops being penalised); review a student's submission with hidden tests,
// history and a diff. Screenshots go to docs/instructor-guide/.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { AssignmentInfo, GradebookView, SubmissionView } from "@autograder/shared";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { submissionReviewUrl } from "../src/review-url.ts";
import { launchBrowser, newWatchedPage, type Watched } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";
import { seriousViolations } from "./axe.ts";

const GUIDE = path.resolve(import.meta.dirname, "../../../docs/instructor-guide");
const INSTRUCTOR = { email: "ida@e2e.example", password: "instructor password 1", name: "Ida Instructor" };
const STUDENT = { email: "kai@e2e.example", password: "student password 1", name: "Kai Student" };
const OTHER = { email: "lee@e2e.example", password: "student password 1", name: "Lee Student" };
const DAY = 86_400_000;

const WRONG = "export function selectionSort(arr: number[]): number[] { for (let i = 0; i < arr.length - 1; i++) { let m = i; for (let j = i + 1; j < arr.length - 1; j++) { if (arr[j]! < arr[m]!) m = j; } const t = arr[i]!; arr[i] = arr[m]!; arr[m] = t; } return arr; }";
const RIGHT = "export function selectionSort(arr: number[]): number[] { for (let i = 0; i < arr.length - 1; i++) { let m = i; for (let j = i + 1; j < arr.length; j++) { if (arr[j]! < arr[m]!) m = j; } if (m !== i) { const t = arr[i]!; arr[i] = arr[m]!; arr[m] = t; } } return arr; }";

let platform: RunningPlatform;
let browser: Browser;
let teacher: Client;
let courseId = "";
let selection: AssignmentInfo;
let studentId = "";
const submissions: Record<"wrong" | "right", string> = { wrong: "", right: "" };

/** A screenshot for the instructor guide; the page state must also pass axe-core (no serious or critical violation). */
async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: path.join(GUIDE, `${name}.png`), fullPage });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

/** Whether the element has the keyboard focus (this file is compiled without the DOM's types). */
const focused = (l: Locator) => l.evaluate((el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el);

async function logIn(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: `Hello, ${who.name}` }).waitFor();
}

async function graded(client: Client, id: string): Promise<SubmissionView> {
  for (let i = 0; i < 240; i++) {
    const s = await client.call<SubmissionView>("GET", `/api/submissions/${id}`);
    if (s.status === "graded" || s.status === "error") return s;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`submission ${id} not graded in time`);
}

/** A date-time as the page's datetime-local input reads it (the browser's time zone). */
const localInput = (page: Page, ms: number) =>
  page.evaluate((t) => {
    const d = new Date(t);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, ms);

beforeAll(async () => {
  await mkdir(GUIDE, { recursive: true });
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call("POST", "/api/users", { ...INSTRUCTOR, role: "instructor" });
  studentId = (await admin.call<{ id: string }>("POST", "/api/users", { ...STUDENT, role: "student" })).id;
  await admin.call("POST", "/api/users", { ...OTHER, role: "student" });
  teacher = new Client(platform.url);
  await teacher.login(INSTRUCTOR.email, INSTRUCTOR.password);
  const course = await teacher.call<{ id: string; joinCode: string }>("POST", "/api/courses", { title: "Sorting Lab" });
  courseId = course.id;
  // Due yesterday, 25% a day: the student's submissions are a day late.
  selection = await teacher.call<AssignmentInfo>("POST", `/api/courses/${courseId}/assignments`, {
    exerciseId: "sorting/selection-sort",
    dueAt: new Date(Date.now() - DAY / 2).toISOString(),
    latePolicy: "percent_per_day",
    latePenaltyPercent: 25,
  });
  const student = new Client(platform.url);
  await student.login(STUDENT.email, STUDENT.password);
  await student.call("POST", "/api/courses/join", { joinCode: course.joinCode });
  const other = new Client(platform.url);
  await other.login(OTHER.email, OTHER.password);
  await other.call("POST", "/api/courses/join", { joinCode: course.joinCode });
  for (const [key, code] of [["wrong", WRONG], ["right", RIGHT]] as const) {
    const { id } = await student.call<{ id: string }>("POST", `/api/exercises/${encodeURIComponent("sorting/selection-sort")}/submissions`, { code, assignmentId: selection.id });
    submissions[key] = id;
    await graded(student, id);
  }
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("instructor workflows in a browser", () => {
  let staff: Watched;

  it("creates, edits and deletes an assignment with the exercise picker and a late policy", async () => {
    staff = await newWatchedPage(browser, platform.url, { width: 1440, height: 900 });
    const { page } = staff;
    await logIn(page, INSTRUCTOR);
    await page.goto(`/courses/${courseId}`);
    await page.getByRole("heading", { name: "Sorting Lab", level: 1 }).waitFor();
    await page.getByRole("button", { name: "New assignment" }).click();
    const heading = page.getByRole("heading", { name: "New assignment" });
    await heading.waitFor();
    expect(await focused(heading)).toBe(true);
    // Selection sort is assigned already: it cannot be picked twice.
    expect(await page.getByRole("radio", { name: /Selection sort/ }).isDisabled()).toBe(true);
    await page.getByLabel("Family", { exact: true }).selectOption("sorting");
    await page.getByLabel("Difficulty", { exact: true }).selectOption("medium");
    await page.getByLabel("Tag", { exact: true }).selectOption("stable");
    await page.getByText("1 of").filter({ hasText: "exercises" }).waitFor();
    await page.getByRole("radio", { name: /Merge sort/ }).check();
    const title = page.getByLabel(/^Title/);
    expect(await title.getAttribute("maxlength")).toBe("200");
    await title.fill("Week 2: merge sort");
    await page.getByLabel("Opens", { exact: true }).fill("2030-01-17T09:00");
    await page.getByLabel("Due", { exact: true }).fill("2030-01-10T17:00");
    await page.getByRole("radio", { name: "A percentage off per started day late" }).check();
    await page.getByLabel("Penalty per day (%)").fill("10");
    await page.getByLabel("Points", { exact: true }).fill("50");
    await page.getByRole("button", { name: "Create assignment" }).click();
    // Checked before anything is sent, said as a sentence, focus on the field.
    await page.getByRole("alert").filter({ hasText: "The due date must be after the opening date." }).waitFor();
    expect(await focused(page.getByLabel("Due", { exact: true }))).toBe(true);
    await page.getByLabel("Opens", { exact: true }).fill("2030-01-03T09:00");
    await shot(page, "assignment-new");
    await page.getByRole("button", { name: "Create assignment" }).click();
    await page.getByRole("status").filter({ hasText: "Created Week 2: merge sort." }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Week 2: merge sort" });
    expect(await row.innerText()).toMatch(/sorting\/merge-sort.*10% off per day late\s+50/s);
    // Stored as the instant the instructor meant in their time zone.
    const created = (await teacher.call<AssignmentInfo[]>("GET", `/api/courses/${courseId}/assignments`)).find((a) => a.exerciseId === "sorting/merge-sort")!;
    expect(created.dueAt).toBe(await page.evaluate(() => new Date("2030-01-10T17:00").toISOString()));
    expect(created).toMatchObject({ latePolicy: "percent_per_day", latePenaltyPercent: 10, points: 50 });

    await row.getByRole("button", { name: "Edit Week 2: merge sort" }).click();
    await page.getByRole("heading", { name: "Edit Week 2: merge sort" }).waitFor();
    expect(await page.getByLabel("Due", { exact: true }).inputValue()).toBe("2030-01-10T17:00");
    await page.getByRole("radio", { name: "No credit after the due date" }).check();
    await page.getByLabel("Points", { exact: true }).fill("40");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Saved Week 2: merge sort." }).waitFor();
    expect(await row.innerText()).toMatch(/no credit after the due date\s+40/);
    expect(await focused(page.getByRole("button", { name: "New assignment" }))).toBe(true);

    await row.getByRole("button", { name: "Delete Week 2: merge sort" }).click();
    const confirm = page.getByRole("group", { name: "Confirm deleting Week 2: merge sort" });
    await confirm.waitFor();
    expect(await focused(confirm.getByRole("button", { name: "Yes, delete" }))).toBe(true);
    await shot(page, "assignment-delete-confirm");
    await confirm.getByRole("button", { name: "Keep it" }).click();
    await row.waitFor();
    await row.getByRole("button", { name: "Delete Week 2: merge sort" }).click();
    await confirm.getByRole("button", { name: "Yes, delete" }).click();
    await page.getByRole("status").filter({ hasText: "Deleted Week 2: merge sort. Its submissions are kept." }).waitFor();
    await row.waitFor({ state: "detached" });
    expect((await teacher.call<AssignmentInfo[]>("GET", `/api/courses/${courseId}/assignments`)).map((a) => a.exerciseId)).toEqual(["sorting/selection-sort"]);
    await shot(page, "assignments");
    expect(staff.problems).toEqual([]);
  });

  it("grants an extension: the late submission is no longer penalised and the student sees their date", async () => {
    const { page } = staff;
    const cell = async () => {
      const book = await teacher.call<GradebookView>("GET", `/api/courses/${courseId}/gradebook`);
      return book.students.find((s) => s.userId === studentId)!.cells[0]!;
    };
    expect(await cell()).toMatchObject({ score: 75, latePenaltyPercent: 25 });
    await page.goto(`/courses/${courseId}`);
    await page.getByRole("button", { name: "Extensions of Selection sort" }).click();
    const panelHeading = page.getByRole("heading", { name: "Extensions: Selection sort" });
    await panelHeading.waitFor();
    expect(await focused(panelHeading)).toBe(true);
    const form = page.getByRole("form", { name: "Grant an extension on Selection sort" });
    await form.getByLabel("Student", { exact: true }).selectOption({ label: `${STUDENT.name} (${STUDENT.email})` });
    await form.getByLabel(/New due date/).fill(await localInput(page, Date.now() + 2 * DAY));
    const reason = form.getByLabel(/Reason/);
    expect(await reason.getAttribute("maxlength")).toBe("500");
    await reason.fill("Doctor's note");
    await form.getByRole("button", { name: "Grant extension" }).click();
    await page.getByRole("status").filter({ hasText: `${STUDENT.name} is now due` }).waitFor();
    await page.getByRole("row").filter({ hasText: "Doctor's note" }).waitFor();
    await shot(page, "extensions");
    expect(await cell()).toMatchObject({ score: 100, latePenaltyPercent: 0 });

    const student = await newWatchedPage(browser, platform.url);
    await logIn(student.page, STUDENT);
    await student.page.getByText("extended for you").waitFor();
    expect(await student.page.locator(".assignment", { hasText: "Selection sort" }).locator(".due").innerText()).toMatch(/^Due in 2 days .* · extended for you$/);
    expect(student.problems).toEqual([]);
    expect(staff.problems).toEqual([]);
  });

  it("opens a student's submission from the gradebook and sees hidden tests, history and a diff", async () => {
    const { page } = staff;
    await page.goto(`/courses/${courseId}/gradebook`);
    const link = page.getByRole("row").filter({ hasText: STUDENT.email }).getByRole("link", { name: "Review the work behind 100 on Selection sort" });
    await link.click();
    const heading = page.getByRole("heading", { name: `${STUDENT.name}: Selection sort`, level: 1 });
    await heading.waitFor();
    expect(page.url()).toContain(submissionReviewUrl({ courseId, assignmentId: selection.id, userId: studentId, submissionId: submissions.right }));
    const history = page.getByRole("table", { name: /Runs and submissions, newest first/ });
    await expect(history.locator("tbody tr").count()).resolves.toBe(2);
    await page.locator(".status-line").filter({ hasText: "All tests passed" }).waitFor({ timeout: 30_000 });
    await page.locator(".review-code .monaco-editor").waitFor({ timeout: 60_000 });
    await page.getByLabel(/Show changes since the previous submission/).check();
    await page.locator(".review-code .monaco-diff-editor .char-insert, .review-code .monaco-diff-editor .char-delete").first().waitFor({ timeout: 30_000 });
    await shot(page, "review-diff", false);

    // The first (wrong) submission, by its URL: the hidden test that failed, with its data.
    await page.goto(submissionReviewUrl({ courseId, assignmentId: selection.id, userId: studentId, submissionId: submissions.wrong }));
    await heading.waitFor();
    await page.locator(".status-line").filter({ hasText: "Some tests failed" }).waitFor({ timeout: 30_000 });
    const hidden = page.locator("li.test.fail", { hasText: "random arrays" }).filter({ has: page.locator(".tag", { hasText: "hidden" }) }).first();
    await hidden.waitFor();
    expect(await hidden.locator("details").getAttribute("open")).not.toBeNull();
    expect(await hidden.innerText()).toMatch(/Input:|Expected/);
    await page.getByText("The first submission: nothing to compare with.").waitFor();
    await hidden.scrollIntoViewIfNeeded();
    await shot(page, "review-hidden-tests", false);
    expect(staff.problems).toEqual([]);
  });
});
