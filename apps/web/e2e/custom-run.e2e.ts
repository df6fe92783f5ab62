// Custom input and "Replay this seed" in the real browser against `npm start` (real grader):
// a student calls selection sort on their own array (a bad JSON is refused in the page with a
// sentence), sees the value and the sort steps; on a threading exercise custom input says it
// is not available, a Run fails, and "Replay this seed" reruns that interleaving and opens the
// timeline on the failing step.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { launchBrowser, newWatchedPage, type Watched } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";
import { seriousViolations } from "./axe.ts";

const SHOTS = path.resolve(import.meta.dirname, "../../../.screenshots");
const STUDENT = { email: "cora@e2e.example", password: "student password 1", name: "Cora Custom" };

let platform: RunningPlatform;
let browser: Browser;
let student: Watched;

/** A screenshot of a page state; it must also pass axe-core (no serious or critical violation). */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call("POST", "/api/users", { ...STUDENT, role: "student" });
  browser = await launchBrowser();
  student = await newWatchedPage(browser, platform.url);
  const { page } = student;
  await page.goto("/login");
  await page.getByLabel("Email").fill(STUDENT.email);
  await page.getByLabel("Password").fill(STUDENT.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: `Hello, ${STUDENT.name}` }).waitFor();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function openExercise(page: Page, id: string, title: string) {
  await page.goto(`/exercises/${encodeURIComponent(id)}`);
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
  await page.locator(".editor-frame .monaco-editor").waitFor({ timeout: 60_000 });
}

describe("custom input and replay in the browser", () => {
  it("calls selection sort on typed input: a bad JSON is refused in the page, then the value and the steps", async () => {
    const { page } = student;
    await openExercise(page, "sorting/selection-sort", "Selection sort");
    const panel = page.getByRole("region", { name: "Custom input" });
    await expect(panel.getByLabel("Function").inputValue()).resolves.toBe("selectionSort");
    const args = panel.getByLabel(/^Arguments/);
    await args.fill("[[3, 1, 2]");
    await panel.getByRole("button", { name: "Run with this input" }).click();
    await expect(panel.getByRole("alert").innerText()).resolves.toMatch(/^The arguments are not valid JSON/);
    await expect(args.getAttribute("aria-invalid")).resolves.toBe("true");
    await args.fill("[[3, 1, 2]]");
    await panel.getByRole("button", { name: "Run with this input" }).click();
    // The starter returns the array untouched: the value shows it, with the (empty) step view.
    await panel.getByTestId("custom-run-value").waitFor({ timeout: 60_000 });
    await expect(panel.getByTestId("custom-run-value").innerText()).resolves.toBe("[3, 1, 2]");
    await expect(panel.getByTestId("custom-run-arg").innerText()).resolves.toBe("[3, 1, 2]");
    await panel.locator(".sorting-view").waitFor();
    await expect(panel.locator(".status-line").innerText()).resolves.toMatch(/^Returned/);
    await shot(page, "custom-run-sorting");
  });

  it("on a threading exercise: custom input says why not; Replay this seed reruns the failing interleaving", async () => {
    const { page } = student;
    await openExercise(page, "threading/bank-account", "Bank account");
    await expect(page.getByTestId("custom-run-unsupported").innerText()).resolves.toMatch(/not available for threading exercises/);
    await page.getByRole("button", { name: "▶ Run" }).click();
    const status = page.locator(".results-pane .status-line").first();
    await status.filter({ hasText: /Run: (Some tests failed|All tests passed|Does not compile)/ }).waitFor({ timeout: 90_000 });
    const replayButton = page.getByRole("button", { name: /^↻ Replay this seed/ }).first();
    const label = await replayButton.innerText();
    const seed = /\(([^)]+)\)$/.exec(label)?.[1] ?? "";
    expect(seed).toMatch(/^(r-\d+|p\d+k\d+-\d+)$/);
    const failingTest = replayButton.locator("xpath=ancestor::li[contains(@class, 'test')]");
    const testName = await failingTest.locator(".test-name").innerText();
    const stepsBefore = await failingTest.locator(".step-list").textContent();
    await replayButton.click();
    await status.filter({ hasText: new RegExp(`^Replay of seed ${seed} \\(.+\\): (Some tests failed|All tests passed)`) }).waitFor({ timeout: 90_000 });
    expect(await status.innerText()).toContain("Some tests failed");
    const tests = page.locator(".results-pane li.test");
    await expect(tests.count()).resolves.toBe(1);
    await expect(tests.locator(".test-name").innerText()).resolves.toBe(testName);
    // The same interleaving, step for step, and the timeline opens on the step that failed.
    await expect(tests.locator(".step-list").textContent()).resolves.toBe(stepsBefore);
    const caption = tests.locator(".schedule-view figcaption");
    expect(await caption.innerText()).toMatch(/^Step \d+ of \d+: .*(raise|error|deadlock|timeout)/);
    await shot(page, "replay-seed");
    expect(student.problems).toEqual([]);
  });
});
