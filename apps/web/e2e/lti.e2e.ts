// LTI 1.3 in a real browser: a simulated LMS course page frames the tool (`npm start`); the
// login initiation, the platform's OIDC form_post and the launch all happen inside the iframe.
// The instructor deep-links an exercise from the picker (the signed answer lands at the LMS and
// verifies against our JWKS); then a student's launch of that link opens the exercise page in
// the frame. Checks the CSP lets the LMS (and only it) frame the app.
import { mkdir, chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { startPlatformProcess, type PlatformProcess } from "../../../test-support/platform-process.ts";
import { ROLE, startSimulatedPlatform, type SimulatedPlatform } from "../../../test-support/lti/simulated-platform.ts";
import { launchBrowser } from "./browser.ts";
import { ADMIN, freePort } from "./platform.ts";
import { seriousViolations } from "./axe.ts";

const SHOTS = path.resolve(import.meta.dirname, "../../../.screenshots");
let dir: string;
let tool: PlatformProcess;
let toolUrl: string;
let sim: SimulatedPlatform;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  dir = await mkdtemp(path.join(os.tmpdir(), "autograder-lti-e2e-"));
  await chmod(dir, 0o755);
  const port = await freePort();
  // The LMS and the tool are the same site (127.0.0.1, two ports): plain-http cookies are Lax.
  toolUrl = `http://127.0.0.1:${port}`;
  tool = startPlatformProcess({
    DATA_DIR: path.join(dir, "data"),
    PORT: String(port),
    PUBLIC_URL: toolUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    GRADER_WORKERS: "0",
  });
  await tool.waitFor(/is running at (http:\/\/\S+)/, 240_000);
  sim = await startSimulatedPlatform();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await sim?.close();
  if (tool) {
    tool.child.kill("SIGTERM");
    await tool.exited();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openCourse(loginHint: string): Promise<{ page: Page; problems: string[]; frame: () => Frame }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/.test(msg.text())) problems.push(msg.text());
  });
  await page.goto(sim.coursePageUrl(loginHint, toolUrl));
  const frame = () => {
    const f = page.frames().find((x) => x !== page.mainFrame());
    if (!f) throw new Error("no tool frame");
    return f;
  };
  return { page, problems, frame };
}

describe("LTI launch inside the LMS's iframe", () => {
  let assignmentId = "";

  it("the admin registers the LMS on the LTI page, which lists the URLs to paste", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: toolUrl });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto("/login");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("link", { name: "LTI" }).click();
    await page.getByRole("heading", { name: /LTI 1.3/ }).waitFor();
    await page.getByText(`${toolUrl}/lti/login`, { exact: true }).waitFor();
    await page.getByText(`${toolUrl}/lti/jwks`, { exact: true }).waitFor();
    await page.getByRole("button", { name: "Register a platform" }).click();
    const reg = sim.registration("Simulated LMS") as Record<string, string | string[]>;
    await page.getByLabel("Name", { exact: true }).fill(reg.name as string);
    await page.getByLabel("Issuer (iss)").fill(reg.issuer as string);
    await page.getByLabel("Client ID").fill(reg.clientId as string);
    await page.getByLabel("OIDC authentication URL").fill(reg.authLoginUrl as string);
    await page.getByLabel("Access token URL").fill(reg.accessTokenUrl as string);
    await page.getByLabel("Public keyset (JWKS) URL", { exact: true }).fill(reg.jwksUrl as string);
    await page.getByLabel(/Deployment IDs/).fill((reg.deploymentIds as string[]).join("\n"));
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await page.getByRole("rowheader", { name: "Simulated LMS" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "39-lti-admin.png"), fullPage: true });
    expect(await seriousViolations(page), "axe-core on the LTI admin page").toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an instructor deep-links an exercise from the picker in the frame; the LMS receives the signed item", async () => {
    const hint = sim.prepare({
      user: { sub: "e2e-teacher", name: "Ines Teacher", email: "ines@lms.example", roles: [ROLE.instructor] },
      messageType: "LtiDeepLinkingRequest",
      context: { id: "e2e-course", title: "Algorithms in the LMS" },
      deepLinkingData: "e2e-data",
    });
    const { page, problems, frame } = await openCourse(hint);
    await page.getByRole("heading", { name: "Simulated LMS course" }).waitFor();
    const f = frame();
    await f.getByRole("heading", { name: "Add exercises to Algorithms in the LMS" }).waitFor({ timeout: 60_000 });
    await f.getByRole("checkbox", { name: /Selection sort/ }).check();
    await f.getByLabel("Due date of Selection sort").fill("2030-01-15T23:59");
    await page.screenshot({ path: path.join(SHOTS, "40-lti-deep-link-picker.png") });
    await f.getByRole("button", { name: "Add 1 exercise to the LMS" }).click();
    await frame().locator("#received").waitFor({ timeout: 30_000 });
    expect(sim.receivedDeepLinks).toHaveLength(1);
    const payload = await sim.verifyDeepLinkingResponse(sim.receivedDeepLinks[0]!, `${toolUrl}/lti/jwks`);
    expect(payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe("e2e-data");
    const items = payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Array<{ custom: { assignment_id: string }; submission?: { endDateTime: string } }>;
    expect(items).toHaveLength(1);
    expect(items[0]!.submission?.endDateTime).toMatch(/^2030-01-1[56]T/);
    assignmentId = items[0]!.custom.assignment_id;
    expect(problems).toEqual([]);
  });

  it("a student's launch of the link opens the exercise page inside the frame", async () => {
    const hint = sim.prepare({
      user: { sub: "e2e-student", name: "Kim Student", email: "kim@lms.example", roles: [ROLE.learner] },
      context: { id: "e2e-course" },
      resourceLink: { id: "e2e-link" },
      custom: { assignment_id: assignmentId },
    });
    const { page, problems, frame } = await openCourse(hint);
    await frame().getByRole("heading", { name: "Selection sort", level: 1 }).waitFor({ timeout: 60_000 });
    expect(frame().url()).toContain(`assignment=${assignmentId}`);
    await page.screenshot({ path: path.join(SHOTS, "41-lti-exercise-in-frame.png") });
    expect(problems).toEqual([]);
  });

  it("another site may not frame the app", async () => {
    const res = await fetch(`${toolUrl}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`frame-ancestors 'self' ${sim.issuer}`);
    expect(csp).not.toMatch(/frame-ancestors[^;]*\*/);
  });
});
