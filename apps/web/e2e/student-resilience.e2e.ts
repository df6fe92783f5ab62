// The student's exercise page when things go wrong, in a real browser against `npm start`:
// the session ends in another tab while typing (nothing typed is lost, a login dialog appears
// over the page, another user never sees or saves the first one's draft), draft saves that
// fail and are retried, a reload in the middle of a slow grading (the page follows it), the
// inputs' maxlength from the shared limits, and the phone layout.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_MAX_LENGTH, JOIN_CODE_MAX_LENGTH, PASSWORD_MAX_LENGTH, PERSON_NAME_MAX_LENGTH } from "@autograder/shared/limits";
import { ensureWebBuilt } from "../build.ts";
import { launchBrowser, newWatchedPage, type Watched } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";
import { seriousViolations } from "./axe.ts";

const SHOTS = path.resolve(import.meta.dirname, "../../../.screenshots");
const INSTRUCTOR = { email: "rita@e2e.example", password: "instructor password 1", name: "Rita Instructor" };
const ANA = { email: "ana@e2e.example", password: "student password 1", name: "Ana Student" };
const BEN = { email: "ben@e2e.example", password: "student password 2", name: "Ben Student" };
const EXERCISE = "sorting/selection-sort";
const EXERCISE_URL = `/exercises/${encodeURIComponent(EXERCISE)}`;
const DRAFT_URL = `/api/exercises/${encodeURIComponent(EXERCISE)}/draft`;
const localKey = (userId: string) => `autograder:draft:${userId}:${EXERCISE}`;

let platform: RunningPlatform;
let browser: Browser;
const ids = { ana: "", ben: "" };

async function logIn(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: `Hello, ${who.name}` }).waitFor();
}

async function openExercise(page: Page) {
  await page.goto(EXERCISE_URL);
  await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
}

/** Types at the end of the editor (comments: Monaco's auto-indent and brackets leave them alone). */
async function typeAtEnd(page: Page, text: string) {
  await page.locator(".editor-frame .monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText(text);
}

async function setEditorCode(page: Page, code: string) {
  await page.locator(".editor-frame .monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

const editorText = (page: Page) => page.locator(".editor-frame .monaco-editor .view-lines").innerText().then((t) => t.replace(/\u00a0/g, " "));
const saveState = (page: Page) => page.getByTestId("save-state");

/** Logs the page's session out from another tab that shares its cookie (the server ends it). */
async function logOutElsewhere(context: BrowserContext) {
  const other = await browser.newContext({ baseURL: platform.url });
  await other.addCookies(await context.cookies());
  const tab = await other.newPage();
  await tab.goto("/");
  await tab.getByRole("button", { name: "Log out" }).click();
  await tab.waitForURL(/\/login/);
  await other.close();
}

async function serverDraft(who: { email: string; password: string }): Promise<string | null> {
  const client = new Client(platform.url);
  await client.login(who.email, who.password);
  try {
    return (await client.call<{ code: string }>("GET", DRAFT_URL)).code;
  } catch (error) {
    if (String(error).includes(" 404 ")) return null;
    throw error;
  }
}

/** Console errors other than the browser's log of the 401s, 404s and 503s these tests cause on purpose. */
const unexpected = (w: Watched) => w.problems.filter((p) => !/status of (401|404|503)|net::ERR_FAILED/.test(p));

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call("POST", "/api/users", { ...INSTRUCTOR, role: "instructor" });
  ids.ana = (await admin.call<{ id: string }>("POST", "/api/users", { ...ANA, role: "student" })).id;
  ids.ben = (await admin.call<{ id: string }>("POST", "/api/users", { ...BEN, role: "student" })).id;
  const teacher = new Client(platform.url);
  await teacher.login(INSTRUCTOR.email, INSTRUCTOR.password);
  const course = await teacher.call<{ id: string; joinCode: string }>("POST", "/api/courses", { title: "Resilience 101" });
  await teacher.call("POST", `/api/courses/${course.id}/assignments`, { exerciseId: EXERCISE, dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
  for (const who of [ANA, BEN]) {
    const c = new Client(platform.url);
    await c.login(who.email, who.password);
    await c.call("POST", "/api/courses/join", { joinCode: course.joinCode });
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("session loss on the exercise page", () => {
  let ana: Watched;

  it("keeps everything typed across a logout in another tab; the login dialog appears over the page", async () => {
    ana = await newWatchedPage(browser, platform.url);
    const { page, context } = ana;
    await logIn(page, ANA);
    await openExercise(page);
    await typeAtEnd(page, "\n// one");
    await saveState(page).filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });

    await logOutElsewhere(context);
    await typeAtEnd(page, "\n// two");
    const dialog = page.getByRole("dialog", { name: "Log in again" });
    await dialog.waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe(EXERCISE_URL);
    // The header shows nobody; the page and the code stay under the dialog.
    await expect(page.locator(".app-header .user-name").count()).resolves.toBe(0);
    await page.locator(".app-header").getByText("Logged out").waitFor();
    expect(await editorText(page)).toContain("// two");
    await saveState(page).filter({ hasText: "Not saved: log in again" }).waitFor();
    expect(await page.evaluate((k) => localStorage.getItem(k), localKey(ids.ana))).toContain("// two");
    await shot(page, "r01-session-lost-dialog");

    // Focus stays in the dialog, forwards and backwards.
    for (const key of ["Tab", "Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key);
      expect(await page.evaluate("document.activeElement?.closest('dialog') != null")).toBe(true);
    }

    // Escape hides the dialog only: the draft stays, typing goes on (kept in this browser).
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await editorText(page)).toContain("// two");
    await typeAtEnd(page, "\n// three");
    await page.waitForTimeout(1500);
    expect(await page.evaluate((k) => localStorage.getItem(k), localKey(ids.ana))).toContain("// three");
    await page.locator(".app-header").getByRole("button", { name: "Log in" }).click();
    await dialog.waitFor();
    expect(await dialog.getByLabel("Email").inputValue()).toBe(ANA.email);

    await dialog.getByLabel("Password").fill("not the password");
    await dialog.getByRole("button", { name: "Log in" }).click();
    await dialog.getByRole("alert").filter({ hasText: "The email or password is wrong." }).waitFor();
    await dialog.getByLabel("Password").fill(ANA.password);
    await dialog.getByRole("button", { name: "Log in" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.locator(".app-header .user-name").filter({ hasText: ANA.name }).waitFor();
    await saveState(page).filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });
    const saved = await serverDraft(ANA);
    for (const line of ["// one", "// two", "// three"]) expect(saved).toContain(line);
    expect(await page.evaluate((k) => localStorage.getItem(k), localKey(ids.ana))).toBeNull();
    expect(new URL(page.url()).pathname).toBe(EXERCISE_URL);
  });

  it("after logging in again as someone else, the first user's draft is neither shown nor saved to the other account", async () => {
    const { page, context } = ana;
    await typeAtEnd(page, "\n// ana-secret");
    await saveState(page).filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });
    await logOutElsewhere(context);
    await typeAtEnd(page, "\n// ana-unsaved");
    const dialog = page.getByRole("dialog", { name: "Log in again" });
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByLabel("Email").fill(BEN.email);
    await dialog.getByLabel("Password").fill(BEN.password);
    await dialog.getByRole("button", { name: "Log in" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.locator(".app-header .user-name").filter({ hasText: BEN.name }).waitFor();
    await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
    await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain("TODO");
    expect(await editorText(page)).not.toContain("ana-");
    await page.waitForTimeout(2000); // longer than the draft's save delay
    expect((await serverDraft(BEN)) ?? "").not.toContain("ana-");
    // Ana's unsaved line waits in this browser, under her id only.
    expect(await page.evaluate((k) => localStorage.getItem(k), localKey(ids.ana))).toContain("// ana-unsaved");
    expect(await page.evaluate((k) => localStorage.getItem(k), localKey(ids.ben))).toBeNull();

    // Ana comes back: her unsaved line is in the editor and reaches her account.
    await page.locator(".app-header").getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, ANA);
    await openExercise(page);
    await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain("// ana-unsaved");
    await saveState(page).filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });
    expect(await serverDraft(ANA)).toContain("// ana-unsaved");
  });

  it("a failed draft save (network error, then 503) says so without blocking, keeps the local copy and retries", async () => {
    const { page } = ana;
    let failures = 0;
    await page.route(`**${DRAFT_URL}`, async (route) => {
      if (route.request().method() !== "PUT") return route.continue();
      failures++;
      if (failures === 1) return route.abort("failed");
      return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "DB_UNAVAILABLE", message: "The database is unavailable; try again shortly." } }) });
    });
    await typeAtEnd(page, "\n// while-offline");
    await saveState(page).filter({ hasText: "Not saved, retrying" }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate((k) => localStorage.getItem(k), localKey(ids.ana))).toContain("// while-offline");
    // Non-blocking: the editor still takes input.
    await typeAtEnd(page, "\n// still-typing");
    await expect.poll(() => failures, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await page.unroute(`**${DRAFT_URL}`);
    await saveState(page).filter({ hasText: "Draft saved" }).waitFor({ timeout: 40_000 });
    const saved = await serverDraft(ANA);
    expect(saved).toContain("// while-offline");
    expect(saved).toContain("// still-typing");
    expect(unexpected(ana)).toEqual([]);
  });
});

// A correct selection sort whose first calls each wait 600 ms: a grading of several seconds.
const SLOW =
  "let calls = 0; export function selectionSort(arr: number[]): number[] { if (calls++ < 14) { const end = Date.now() + 600; while (Date.now() < end) {} } for (let i = 0; i < arr.length - 1; i++) { let m = i; for (let j = i + 1; j < arr.length; j++) { if (arr[j]! < arr[m]!) m = j; } if (m !== i) { const t = arr[i]!; arr[i] = arr[m]!; arr[m] = t; } } return arr; }";

describe("reloading during a grading", () => {
  it("shows the grading in progress after a reload, follows it to its result, and shows the last result on a later visit", async () => {
    const w = await newWatchedPage(browser, platform.url);
    const { page } = w;
    await logIn(page, BEN);
    await openExercise(page);
    await setEditorCode(page, SLOW);
    await page.getByRole("button", { name: "Submit" }).click();
    const status = page.locator(".status-line");
    await status.filter({ hasText: "Running your code" }).waitFor({ timeout: 30_000 });
    await page.reload();
    await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
    await status.filter({ hasText: /Submission: (Queued|Running)/ }).waitFor({ timeout: 10_000 });
    await shot(page, "r02-reload-following");
    await status.filter({ hasText: /Submission: (All tests passed|Some tests failed|Time limit)/ }).waitFor({ timeout: 90_000 });
    expect(await status.innerText()).toMatch(/All tests passed · Score (\d+)\/\1 \(100%\)/);
    // Opening the exercise later shows that last result straight away.
    await page.goto("/");
    await openExercise(page);
    await status.filter({ hasText: /Submission: All tests passed/ }).waitFor({ timeout: 15_000 });
    expect(unexpected(w)).toEqual([]);
  });

  it("a grading followed while the session ends is followed again after the login in the dialog", async () => {
    const w = await newWatchedPage(browser, platform.url);
    const { page, context } = w;
    // No event stream: the page follows by polling, which meets the lost session.
    await page.route("**/api/submissions/*/events", (route) => route.abort("failed"));
    await logIn(page, BEN);
    await openExercise(page);
    await setEditorCode(page, SLOW);
    await page.getByRole("button", { name: "Submit" }).click();
    const status = page.locator(".status-line");
    await status.filter({ hasText: /Submission: (Queued|Running)/ }).waitFor({ timeout: 30_000 });
    await logOutElsewhere(context);
    const dialog = page.getByRole("dialog", { name: "Log in again" });
    await dialog.waitFor({ timeout: 15_000 });
    expect(await status.innerText()).not.toMatch(/Log in to do this/);
    await dialog.getByLabel("Password").fill(BEN.password);
    await dialog.getByRole("button", { name: "Log in" }).click();
    await dialog.waitFor({ state: "hidden" });
    await status.filter({ hasText: /Submission: (All tests passed|Some tests failed|Time limit)/ }).waitFor({ timeout: 90_000 });
    expect(await status.innerText()).toMatch(/All tests passed/);
  });

  it("a Run with an infinite loop answers within a few seconds and says the remaining tests were not run", async () => {
    const w = await newWatchedPage(browser, platform.url);
    const { page } = w;
    await logIn(page, BEN);
    await openExercise(page);
    await setEditorCode(page, "export function selectionSort(arr: number[]): number[] { while (true) {} }");
    const started = Date.now();
    await page.getByRole("button", { name: "▶ Run" }).click();
    const status = page.locator(".status-line");
    await status.filter({ hasText: /Run: (Time limit|Some tests failed|All tests passed)/ }).waitFor({ timeout: 60_000 });
    // One test's limit (3 s for this exercise) plus queueing, not one limit per visible test.
    expect(Date.now() - started).toBeLessThan(15_000);
    await page.locator(".report .error-box").filter({ hasText: /^A test did not finish within its time limit \(3000 ms\), so your code probably never returns/ }).waitFor();
    await expect(page.locator("li.test", { hasText: "Not run" }).count()).resolves.toBeGreaterThan(0);
    await shot(page, "r03-infinite-loop");
  });
});

describe("field limits", () => {
  /** Every text field on the page states its limit (maxlength), and it is the API's. */
  /** The text fields of the page (or of the element `within` selects) with their maxLength. */
  async function textFields(page: Page, within = "body") {
    // A string: the e2e files are typed without the DOM library.
    return page.evaluate(`[...document.querySelector(${JSON.stringify(within)}).querySelectorAll("input, textarea")]
      .filter((el) => el.tagName === "TEXTAREA" || ["text", "email", "password", "search", "url", ""].includes(el.getAttribute("type") ?? ""))
      .filter((el) => !el.closest(".monaco-editor"))
      .map((el) => ({ name: el.name || el.getAttribute("aria-label") || "?", max: el.maxLength }))`) as Promise<{ name: string; max: number }[]>;
  }

  it("login, sign-up, the dashboard and the session dialog state the API's limits", async () => {
    const w = await newWatchedPage(browser, platform.url);
    const { page, context } = w;
    await page.goto("/login");
    await page.getByLabel("Email").waitFor();
    expect(await textFields(page)).toEqual([
      { name: "email", max: EMAIL_MAX_LENGTH },
      { name: "password", max: PASSWORD_MAX_LENGTH },
    ]);
    await page.goto("/join");
    await page.getByLabel("Join code").waitFor();
    const join = await textFields(page);
    expect(join).toEqual([
      { name: "joinCode", max: JOIN_CODE_MAX_LENGTH },
      { name: "name", max: PERSON_NAME_MAX_LENGTH },
      { name: "email", max: EMAIL_MAX_LENGTH },
      { name: "password", max: PASSWORD_MAX_LENGTH },
    ]);
    await logIn(page, BEN);
    const dashboard = await textFields(page);
    expect(dashboard.length).toBeGreaterThan(0);
    expect(dashboard.every((f) => f.max > 0)).toBe(true);
    await openExercise(page);
    await logOutElsewhere(context);
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await page.getByRole("dialog", { name: "Log in again" }).waitFor({ timeout: 15_000 });
    const dialog = await textFields(page, "dialog[open]");
    expect(dialog).toEqual([
      { name: "email", max: EMAIL_MAX_LENGTH },
      { name: "password", max: PASSWORD_MAX_LENGTH },
    ]);
  });

  it("a refused value reads as a sentence, not a schema path", async () => {
    const w = await newWatchedPage(browser, platform.url);
    const { page } = w;
    await logIn(page, BEN);
    const field = page.getByLabel("Course join code");
    await field.fill("ab");
    // Past the browser's own check (minlength is not stated): the API's answer is shown.
    await page.getByRole("button", { name: "Join course" }).click();
    const alert = page.getByRole("alert").first();
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/^[A-Z].*\.$/);
    expect(text).not.toMatch(/body\/|must NOT/);
  });
});

describe("on a phone (390x844)", () => {
  it("the header is one row and the editor is one tap away, not below the whole statement", async () => {
    const w = await newWatchedPage(browser, platform.url, { width: 390, height: 844 });
    const { page } = w;
    await logIn(page, BEN);
    await shot(page, "r04a-phone-dashboard");
    // One row: every visible item of the header has the same vertical middle.
    const middles = (await page.locator(".app-header > :not(.skip-link), .app-header .header-right > *").evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => Math.round(r.top + r.height / 2)),
    )) as number[];
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(4);
    expect((await page.locator(".app-header").boundingBox())?.height).toBeLessThan(60);
    await page.goto(EXERCISE_URL);
    await page.getByRole("heading", { name: "Selection sort", level: 1 }).waitFor();
    const toCode = page.getByRole("button", { name: "Code & results" });
    const box = await toCode.boundingBox();
    expect((box?.y ?? 1e9) + (box?.height ?? 0)).toBeLessThan(844);
    await shot(page, "r04-phone-statement");
    await toCode.click();
    const editor = page.locator(".editor-frame .monaco-editor");
    await editor.waitFor({ timeout: 60_000 });
    const top = (await editor.boundingBox())?.y ?? 1e9;
    expect(top).toBeLessThan(844);
    expect(await page.evaluate("window.scrollY")).toBe(0);
    const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    expect(overflow as number).toBeLessThanOrEqual(0);
    expect((await page.locator(".app-header").boundingBox())?.height).toBeLessThan(60);
    await shot(page, "r05-phone-code");
    await page.getByRole("button", { name: "Statement" }).click();
    await page.getByRole("tab", { name: "Statement" }).waitFor();
    expect(unexpected(w)).toEqual([]);
  });
});

/** A screenshot of a page state worth seeing, which must also pass axe-core (no serious or critical violation). */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}
