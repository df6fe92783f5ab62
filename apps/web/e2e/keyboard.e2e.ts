// The editors and the keyboard in a real browser: fast typing (20 ms a key) arrives whole and
// in order in the authoring editor (and in the saved version) and in the exercise editor (and
// in the draft); Ctrl+Shift+Enter submits and Ctrl+Enter runs; Ctrl+M then Tab leaves the
// editor; the shortcut list opens from the keyboard; a navigation focuses the new page's h1.
// axe-core checks each of these states.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { seriousViolations } from "./axe.ts";
import { launchBrowser, newWatchedPage, type Watched } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";

const AUTHOR = { email: "keys-author@e2e.example", password: "author password 1", name: "Kim Author" };
const STUDENT = { email: "keys-student@e2e.example", password: "student password 1", name: "Kai Student" };
const NEW_ID = "sorting/e2e-fast-typing";
const EXERCISE = "sorting/selection-sort";
// A comment (no brackets or quotes for Monaco to complete), numbered so that any reordering,
// loss or duplication shows: about 330 characters.
const TEXT = `// ${Array.from({ length: 40 }, (_, i) => `w${i} fast`).join(" ")} end`;

let platform: RunningPlatform;
let browser: Browser;
let authorApi: Client;
let studentApi: Client;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `original`, then new lines (Monaco may indent), then TEXT: nothing else, nothing lost. */
const appended = (original: string) => new RegExp(`^${escape(original.trimEnd())}\\n\\s*${escape(TEXT)}\\s*$`);

const viewLines = (page: Page, frame: string) => page.locator(`${frame} .monaco-editor .view-lines`);
const editorText = (page: Page, frame: string) => viewLines(page, frame).innerText().then((t) => t.replace(/\u00a0/g, " "));
// A string: the e2e files are typed without the DOM library.
const focused = (page: Page) =>
  page.evaluate(`(() => {
    const a = document.activeElement;
    return { tag: a?.tagName ?? "", text: a?.textContent?.trim() ?? "", inEditor: a?.closest(".monaco-editor") != null };
  })()`) as Promise<{ tag: string; text: string; inEditor: boolean }>;

/** Types TEXT at 20 ms a key on a new line at the end of the editor's file. */
async function typeFastAtEnd(page: Page, frame: string) {
  await viewLines(page, frame).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(TEXT, { delay: 20 });
}

async function login(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: `Hello, ${who.name}` }).waitFor();
}

beforeAll(async () => {
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call("POST", "/api/users", { ...AUTHOR, role: "instructor" });
  await admin.call("POST", "/api/users", { ...STUDENT, role: "student" });
  authorApi = new Client(platform.url);
  await authorApi.login(AUTHOR.email, AUTHOR.password);
  studentApi = new Client(platform.url);
  await studentApi.login(STUDENT.email, STUDENT.password);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("the authoring editor and the keyboard", () => {
  let author: Watched;

  it("a click on a nav link moves the focus to the new page's h1", async () => {
    author = await newWatchedPage(browser, platform.url);
    const { page } = author;
    await login(page, AUTHOR);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Authoring" }).click();
    await page.getByRole("heading", { name: "Exercise authoring", level: 1 }).waitFor();
    await expect.poll(() => focused(page)).toEqual({ tag: "H1", text: "Exercise authoring", inEditor: false });
    // From the keyboard too: Enter on the Dashboard link.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toEqual({ tag: "H1", text: `Hello, ${AUTHOR.name}`, inEditor: false });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("fast typing arrives whole and in order, and the saved version has it", async () => {
    const { page } = author;
    await page.goto("/authoring");
    await page.getByLabel("Exercise id").fill(NEW_ID);
    await page.getByRole("button", { name: "Create exercise" }).click();
    await page.getByRole("heading", { name: `Edit ${NEW_ID}` }).waitFor();
    await page.getByRole("tab", { name: "solution.ts", exact: true }).click();
    await viewLines(page, ".authoring-editor").waitFor({ timeout: 60_000 });
    const before = await authorApi.call<{ files: Record<string, string> }>("GET", `/api/exercises/${encodeURIComponent(NEW_ID)}/files`);
    const original = before.files["solution.ts"] ?? "";

    await typeFastAtEnd(page, ".authoring-editor");
    expect(await editorText(page, ".authoring-editor")).toContain(TEXT);
    await page.keyboard.press("ControlOrMeta+s");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 30_000 });
    const after = await authorApi.call<{ files: Record<string, string> }>("GET", `/api/exercises/${encodeURIComponent(NEW_ID)}/files`);
    expect(after.files["solution.ts"]).toMatch(appended(original));
  });

  it("Ctrl+M then Tab leaves the authoring editor; the hint says so; dark theme passes axe", async () => {
    const { page } = author;
    await page.getByText(/To leave the editor, press Ctrl\+M then Tab/).waitFor();
    await viewLines(page, ".authoring-editor").click();
    await page.keyboard.press("Tab"); // inserts a tab: still in the editor
    expect((await focused(page)).inEditor).toBe(true);
    await page.keyboard.press("Control+m");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "SUMMARY", text: "Keyboard shortcuts", inEditor: false });
    await page.getByRole("button", { name: /Switch to dark theme/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(author.problems).toEqual([]);
  });
});

describe("the exercise editor and its shortcuts", () => {
  let student: Watched;
  const url = `/exercises/${encodeURIComponent(EXERCISE)}`;
  const base = `/api/exercises/${encodeURIComponent(EXERCISE)}`;

  it("fast typing arrives whole and in order, and the draft has it", async () => {
    student = await newWatchedPage(browser, platform.url);
    const { page } = student;
    await login(page, STUDENT);
    await page.goto(url);
    await viewLines(page, ".editor-frame").waitFor({ timeout: 60_000 });
    const starter = (await studentApi.call<{ starter: string }>("GET", base)).starter;

    await typeFastAtEnd(page, ".editor-frame");
    expect(await editorText(page, ".editor-frame")).toContain(TEXT);
    await expect.poll(() => studentApi.call<{ code: string }>("GET", `${base}/draft`).then((d) => d.code), { timeout: 15_000 }).toMatch(appended(starter));
  });

  it("Ctrl+Shift+Enter submits from the editor, Ctrl+Enter runs from the page", async () => {
    const { page } = student;
    const kinds = () => studentApi.call<{ kind: string }[]>("GET", `${base}/submissions`).then((l) => l.map((s) => s.kind).sort());
    expect(await kinds()).toEqual([]);
    await viewLines(page, ".editor-frame").click();
    await page.keyboard.press("ControlOrMeta+Shift+Enter");
    await expect.poll(kinds, { timeout: 15_000 }).toEqual(["submit"]);
    // The shortcut did not also insert a line (Monaco's own Ctrl+Shift+Enter).
    expect(await editorText(page, ".editor-frame")).toContain(TEXT);
    await expect.poll(() => page.getByRole("button", { name: "Submit" }).isEnabled(), { timeout: 120_000 }).toBe(true);
    await page.locator(".tab-panel").focus(); // outside the editor
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(kinds, { timeout: 15_000 }).toEqual(["run", "submit"]);
    await expect.poll(() => page.getByRole("button", { name: "Submit" }).isEnabled(), { timeout: 120_000 }).toBe(true);
  });

  it("Ctrl+M then Tab leaves the editor to the shortcut list, which opens from the keyboard", async () => {
    const { page } = student;
    await page.getByText(/To leave the editor, press Ctrl\+M then Tab/).waitFor();
    await viewLines(page, ".editor-frame").click();
    await page.keyboard.press("Control+m");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "SUMMARY", text: "Keyboard shortcuts", inEditor: false });
    const list = page.getByRole("definition").filter({ hasText: "submit for a grade" });
    expect(await list.isVisible()).toBe(false);
    await page.keyboard.press("Enter");
    await list.waitFor();
    expect(await page.locator(".shortcuts dt").allInnerTexts()).toEqual(["Ctrl+Enter", "Ctrl+Shift+Enter", "Ctrl+S", "Ctrl+M, Tab"]);
    expect(await seriousViolations(page)).toEqual([]);
    // Back in the editor, Ctrl+M again: Tab indents instead of leaving.
    await viewLines(page, ".editor-frame").click();
    await page.keyboard.press("Control+m");
    await page.keyboard.press("Tab");
    expect((await focused(page)).inEditor).toBe(true);
    expect(student.problems).toEqual([]);
  });
});
