// Exercise authoring in a real browser against `npm start`: an instructor creates an exercise
// from the template, breaks its reference solution, validates (the grader's failed checks) and
// is refused at publish with the reason; fixes it, validates and publishes. A repository
// exercise cannot be saved here: the page says why and imports a copy.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { launchBrowser, newWatchedPage, type Watched } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";

const SHOTS = path.resolve(import.meta.dirname, "../../../.screenshots");
const AUTHOR = { email: "author@e2e.example", password: "author password 1", name: "Ada Author" };
const ID = "sorting/e2e-tiny-sort";

// One line each: Monaco's auto-indent cannot reshape them as they are inserted.
const WRONG_SOLUTION = "export function sortIt(arr: number[]): number[] { return arr.reverse(); }";
const RIGHT_SOLUTION =
  "export function sortIt(arr: number[]): number[] { for (let i = 1; i < arr.length; i++) { const v = arr[i]!; let j = i - 1; while (j >= 0 && arr[j]! > v) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = v; } return arr; }";

let platform: RunningPlatform;
let browser: Browser;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const editor = (page: Page) => page.locator(".authoring-editor .monaco-editor .view-lines");

async function setEditorCode(page: Page, code: string) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

async function openTab(page: Page, file: string) {
  await page.getByRole("tab", { name: file, exact: true }).click();
  await expect.poll(() => page.locator(".authoring-editor").getAttribute("aria-labelledby")).toBe(`file-tab-${file.replace(/[^\w-]/g, "_")}`);
  await editor(page).waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call("POST", "/api/users", { ...AUTHOR, role: "instructor" });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("exercise authoring in a browser", () => {
  let author: Watched;

  it("an exercise whose reference fails its own tests is refused at publish, with the reason", async () => {
    author = await newWatchedPage(browser, platform.url);
    const { page } = author;
    await page.goto("/login");
    await page.getByLabel("Email").fill(AUTHOR.email);
    await page.getByLabel("Password").fill(AUTHOR.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: `Hello, ${AUTHOR.name}` }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Authoring" }).click();
    await page.getByRole("heading", { name: "Exercise authoring" }).waitFor();
    await page.getByLabel("Exercise id").fill("Sorting/Bad Id");
    await page.getByText(/lowercase letters, digits and dashes/).first().waitFor();
    await page.getByLabel("Exercise id").fill(ID);
    await page.getByRole("button", { name: "Create exercise" }).click();
    await page.getByRole("heading", { name: `Edit ${ID}` }).waitFor();
    // Every file of the template has a tab.
    const tabs = await page.getByRole("tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(["exercise.yaml", "README.md", "starter.ts", "solution.ts", "tests.ts", "mutants/reversed.ts"]);

    await openTab(page, "solution.ts");
    await setEditorCode(page, WRONG_SOLUTION);
    await page.getByRole("status").filter({ hasText: "Unsaved changes" }).waitFor();
    await page.getByRole("button", { name: "Save & validate" }).click();
    await page.getByRole("button", { name: "Validating…" }).waitFor();
    const checks = page.getByRole("list", { name: "Validation checks" });
    await checks.waitFor({ timeout: 120_000 });
    await page.getByRole("heading", { name: /^Not valid/ }).waitFor();
    const reference = checks.getByRole("listitem").filter({ hasText: "reference scores 100%" });
    expect(await reference.getAttribute("class")).toContain("fail");
    expect(await page.getByTestId("validation-state").innerText()).toBe("not valid");

    await page.getByRole("button", { name: "Publish" }).click();
    const refusal = page.getByTestId("publish-refusal");
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.getByRole("heading").innerText()).toBe("Publishing was refused");
    expect(await refusal.innerText()).toMatch(/Validation failed: reference scores 100%: failed/);
    await shot(page, "12-authoring-refused");
  });

  it("fixes the solution, validates and publishes", async () => {
    const { page } = author;
    await setEditorCode(page, RIGHT_SOLUTION);
    expect(await editor(page).innerText().then((t) => t.replace(/\u00a0/g, " "))).toContain("arr[j + 1] = v;");
    await page.getByRole("button", { name: "Save & validate" }).click();
    const verdict = page.getByRole("heading", { name: /^(Valid|Not valid):/ });
    await verdict.waitFor({ timeout: 120_000 });
    const checks = page.getByRole("list", { name: "Validation checks" });
    if (!(await verdict.innerText()).startsWith("Valid:")) {
      await shot(page, "debug-authoring-fix");
      throw new Error(`still not valid: ${await checks.innerText()}`);
    }
    await expect(checks.locator("li.fail").count()).resolves.toBe(0);
    await expect(checks.getByRole("listitem").count()).resolves.toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId("validation-state").innerText()).toBe("valid");
    // The author also learns how many generated mistakes of the solution the tests catch: the
    // grader measures it after the verdict (the API test checks the figures), and the page says
    // so while it does, then shows the table.
    const quality = page.getByTestId("quality-score").or(page.getByTestId("quality-measuring"));
    await quality.first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByTestId("authoring-message").filter({ hasText: /^Published: students now get this version/ }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("publish-refusal").count()).resolves.toBe(0);
    await shot(page, "13-authoring-published");

    // Students see it: the exercise page opens the published statement.
    await page.getByRole("link", { name: "Open as a student" }).click();
    await page.getByRole("heading", { name: "E2e tiny sort", level: 1 }).waitFor();
    await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
  });

  it("a repository exercise cannot be changed here: the page says why and imports a copy", async () => {
    const { page } = author;
    await page.goto(`/authoring/${encodeURIComponent("sorting/selection-sort")}`);
    await page.getByRole("heading", { name: "Edit sorting/selection-sort" }).waitFor();
    await page.getByRole("button", { name: "Publish" }).click();
    const conflict = page.getByTestId("authoring-conflict");
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.innerText()).toMatch(/from the repository/);
    await conflict.getByLabel("New id").fill("sorting/my-selection-sort");
    await conflict.getByRole("button", { name: "Import a copy" }).click();
    await page.getByRole("heading", { name: "Edit sorting/my-selection-sort" }).waitFor();
    await page.getByRole("tab", { name: "solution.ts", exact: true }).waitFor();
    await page.getByRole("button", { name: /Switch to dark theme/ }).click();
    await editor(page).waitFor({ timeout: 60_000 });
    await shot(page, "14-authoring-dark");
    expect(author.problems).toEqual([]);
  });
});
