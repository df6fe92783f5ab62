// The main flows in a real browser against `npm start`: a student joins, logs in, runs a
// wrong selection sort (failing visible test with its diff and the step view), fixes it,
// submits and gets 100%; the instructor finds it in the gradebook and downloads the CSV.
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { launchBrowser, newWatchedPage, type Watched } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";

const SHOTS = path.resolve(import.meta.dirname, "../../../.screenshots");
const INSTRUCTOR = { email: "teacher@e2e.example", password: "teacher password 1", name: "Tess Teacher" };
const STUDENT = { email: "sam@e2e.example", password: "student password 1", name: "Sam Student" };

// One line each: Monaco's auto-indent cannot reshape them as they are inserted.
const WRONG = "export function selectionSort(arr: number[]): number[] { for (let i = 0; i < arr.length - 1; i++) { let m = i; for (let j = i + 1; j < arr.length - 1; j++) { if (arr[j]! < arr[m]!) m = j; } const t = arr[i]!; arr[i] = arr[m]!; arr[m] = t; } return arr; }";
const RIGHT = "export function selectionSort(arr: number[]): number[] { for (let i = 0; i < arr.length - 1; i++) { let m = i; for (let j = i + 1; j < arr.length; j++) { if (arr[j]! < arr[m]!) m = j; } if (m !== i) { const t = arr[i]!; arr[i] = arr[m]!; arr[m] = t; } } return arr; }";

let platform: RunningPlatform;
let browser: Browser;
let joinCode = "";
let courseId = "";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function setEditorCode(page: Page, code: string) {
  await page.locator(".editor-frame .monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

const editorText = (page: Page) => page.locator(".editor-frame .monaco-editor .view-lines").innerText().then((t) => t.replace(/\u00a0/g, " "));

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call("POST", "/api/users", { ...INSTRUCTOR, role: "instructor" });
  const teacher = new Client(platform.url);
  await teacher.login(INSTRUCTOR.email, INSTRUCTOR.password);
  const course = await teacher.call<{ id: string; joinCode: string }>("POST", "/api/courses", { title: "Algorithms 101" });
  courseId = course.id;
  joinCode = course.joinCode;
  await teacher.call("POST", `/api/courses/${courseId}/assignments`, {
    exerciseId: "sorting/selection-sort",
    dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("the web app in a browser", () => {
  let student: Watched;

  it("a student joins with the code, logs out and logs in again", async () => {
    student = await newWatchedPage(browser, platform.url);
    const { page } = student;
    await page.goto("/");
    await page.waitForURL(/\/login/);
    await shot(page, "01-login");
    await page.getByRole("link", { name: /join a course/i }).click();
    await page.getByLabel("Join code").fill(joinCode);
    await page.getByLabel("Your name").fill(STUDENT.name);
    await page.getByLabel("Email").fill(STUDENT.email);
    await page.getByLabel("Password").fill(STUDENT.password);
    await shot(page, "02-join");
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("heading", { name: `Hello, ${STUDENT.name}` }).waitFor();
    // Let the dashboard finish loading (logging out mid-load answers its requests with 401).
    await page.getByRole("heading", { name: "Algorithms 101" }).waitFor();
    await page.getByRole("link", { name: "Insertion sort" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(STUDENT.email);
    await page.getByLabel("Password").fill(STUDENT.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Algorithms 101" }).waitFor();
    await expect(page.getByText(/Due in 7 days/).count()).resolves.toBe(1);
    await shot(page, "03-dashboard");
  });

  it("runs a wrong selection sort and sees the failing visible test, its diff and the step view", async () => {
    const { page } = student;
    await page.locator(".assignment-title", { hasText: "Selection sort" }).click();
    await page.getByRole("heading", { name: "Selection sort", level: 1 }).waitFor();
    await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
    expect(await editorText(page)).toContain("TODO");
    await setEditorCode(page, WRONG);
    await page.getByRole("status").filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("code-size").innerText()).toMatch(/\d bytes? of 64 KB$|\d KB of 64 KB$/);
    await page.getByRole("button", { name: "▶ Run" }).click();
    const status = page.locator(".status-line");
    await status.filter({ hasText: /Run: (Some tests failed|All tests passed|Does not compile)/ }).waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toMatch(/Run: Some tests failed/);
    const failing = page.locator("li.test.fail", { hasText: "sorts a small array" });
    await expect(failing.locator(".diff").innerText()).resolves.toContain("- [1, 2, 3]\n+ [1, 3, 2]");
    const viz = page.locator(".sorting-view").first();
    await viz.waitFor();
    const caption = viz.locator("figcaption");
    expect(await caption.innerText()).toMatch(/^Step 0 of \d+/);
    await viz.getByRole("button", { name: "Step forward" }).click();
    await viz.getByRole("button", { name: "Step forward" }).click();
    expect(await caption.innerText()).toMatch(/^Step 2 of \d+: read a\[\d\]/);
    await viz.getByRole("button", { name: "Go to the end" }).click();
    await shot(page, "04-run-failed");
  });

  it("fixes it, submits, sees 100%, and the draft comes back after a reload", async () => {
    const { page } = student;
    await setEditorCode(page, RIGHT);
    await page.getByRole("button", { name: "Submit" }).click();
    const status = page.locator(".status-line");
    await status.filter({ hasText: /Submission: (All tests passed|Some tests failed|Does not compile)/ }).waitFor({ timeout: 90_000 });
    expect(await status.innerText()).toMatch(/All tests passed · Score (\d+)\/\1 \(100%\)/);
    await shot(page, "05-submitted-100");
    await page.getByRole("tab", { name: "History" }).click();
    const checks = page.getByRole("checkbox");
    await checks.nth(1).waitFor();
    await expect(checks.count()).resolves.toBe(2);
    await checks.nth(0).check();
    await checks.nth(1).check();
    await page.locator(".diff-wrap .monaco-diff-editor").waitFor({ timeout: 30_000 });
    // The diff is computed by a worker: wait until Monaco marks the changed characters.
    await page.locator(".diff-wrap .monaco-diff-editor .char-insert, .diff-wrap .monaco-diff-editor .char-delete").first().waitFor({ timeout: 30_000 });
    await shot(page, "06-history-diff");
    await page.reload();
    await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
    await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain("j < arr.length; j++");
    expect(student.problems).toEqual([]);
  });

  it("the instructor finds the score in the gradebook and downloads the CSV", async () => {
    const teacher = await newWatchedPage(browser, platform.url);
    const { page } = teacher;
    await page.goto("/login");
    await page.getByLabel("Email").fill(INSTRUCTOR.email);
    await page.getByLabel("Password").fill(INSTRUCTOR.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Algorithms 101" }).waitFor();
    await page.getByRole("link", { name: "Gradebook" }).click();
    const row = page.getByRole("row").filter({ hasText: STUDENT.email });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Sam Student\s+sam@e2e\.example\s+100\s+100/);
    await page.getByLabel("Filter students").fill("nobody");
    await page.getByText("No students match.").waitFor();
    await page.getByLabel("Filter students").fill("sam");
    await row.waitFor();
    await shot(page, "07-gradebook");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = await readFile((await download.path()) as string, "utf8");
    expect(csv).toContain(STUDENT.email);
    expect(csv.split("\n").find((l) => l.includes(STUDENT.email))).toMatch(/100/);
    await page.goto(`/courses/${courseId}`);
    await page.getByText(joinCode).first().waitFor();
    await shot(page, "08-course");
    await page.goto(`/courses/${courseId}/roster`);
    await page.getByRole("cell", { name: STUDENT.email }).waitFor();
    await page.goto(`/courses/${courseId}/analytics`);
    await page.getByRole("heading", { name: "Score distribution" }).waitFor();
    await page.locator(".chart canvas").first().waitFor();
    await shot(page, "09-analytics");
    // Regrade the assignment's exercise from the course page: the progress bar fills up.
    await page.goto(`/courses/${courseId}`);
    const assignment = page.getByRole("row").filter({ hasText: "sorting/selection-sort" });
    await assignment.getByRole("button", { name: /^Regrade/ }).click();
    // A confirmation says how many submissions it takes; the regrade starts only then.
    await assignment.getByRole("dialog").filter({ hasText: "1 submission will be regraded" }).waitFor();
    await assignment.getByRole("button", { name: "Regrade 1 submission" }).click();
    await assignment.getByRole("status").filter({ hasText: "Regrade finished: 1 of 1 submissions." }).waitFor({ timeout: 90_000 });
    expect(await assignment.locator("progress").evaluate((p) => (p as unknown as { value: number }).value)).toBe(100);
    await assignment.getByText("Grades: 0 up, 0 down, 1 unchanged.").waitFor();
    await shot(page, "09b-course-regraded");
    await page.getByRole("button", { name: /Switch to dark theme/ }).click();
    await page.goto(`/courses/${courseId}/gradebook`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Sam Student\s+sam@e2e\.example\s+100\s+100/);
    await shot(page, "10-gradebook-dark");
    // The student's timeline, from the gradebook: the run and the submit with their scores.
    await row.getByRole("link", { name: STUDENT.name }).click();
    await page.getByRole("heading", { name: `Timeline of ${STUDENT.name}` }).waitFor();
    const list = page.getByRole("table", { name: "Oldest first" });
    await list.waitFor();
    const entries = await list.locator("tbody tr").allInnerTexts();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/Run/);
    expect(entries[1]).toMatch(/Submit.*100%/s);
    await expect(page.locator(".timeline-chart circle.tl-submit").count()).resolves.toBe(1);
    await expect(page.locator(".timeline-chart circle.tl-run").count()).resolves.toBe(1);
    await shot(page, "10b-timeline-dark");
    expect(teacher.problems).toEqual([]);
  });

  it("works in a narrow window", async () => {
    const narrow = await newWatchedPage(browser, platform.url, { width: 390, height: 844 });
    const { page } = narrow;
    await page.goto("/login");
    await page.getByLabel("Email").fill(STUDENT.email);
    await page.getByLabel("Password").fill(STUDENT.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Algorithms 101" }).waitFor();
    await page.goto(`/exercises/${encodeURIComponent("sorting/selection-sort")}`);
    // One pane at a time on a phone: the statement first, the code one tap away.
    await page.getByRole("button", { name: "Code & results" }).click();
    await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
    const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    expect(overflow as number).toBeLessThanOrEqual(0);
    await shot(page, "11-narrow-exercise");
    expect(narrow.problems).toEqual([]);
  });
});
