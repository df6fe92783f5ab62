// Enrolment in a real browser against `npm start`: the instructor invites a student by email
// from the course page, the student accepts it on the dashboard, then joins a second course
// with its code while logged in (from a join link: the sign-up page sends a logged-in student
// to the dashboard); each course appears without a page reload.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { launchBrowser, newWatchedPage } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";

const SHOTS = path.resolve(import.meta.dirname, "../../../.screenshots");
const INSTRUCTOR = { email: "ines@e2e.example", password: "instructor password 1", name: "Ines Instructor" };
const STUDENT = { email: "kim@e2e.example", password: "student password 1", name: "Kim Student" };

let platform: RunningPlatform;
let browser: Browser;
const invited = { id: "", title: "Data Structures" };
const byCode = { id: "", title: "Concurrency", joinCode: "" };

async function logIn(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: `Hello, ${who.name}` }).waitFor();
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call("POST", "/api/users", { ...INSTRUCTOR, role: "instructor" });
  await admin.call("POST", "/api/users", { ...STUDENT, role: "student" });
  const teacher = new Client(platform.url);
  await teacher.login(INSTRUCTOR.email, INSTRUCTOR.password);
  invited.id = (await teacher.call<{ id: string }>("POST", "/api/courses", { title: invited.title })).id;
  const second = await teacher.call<{ id: string; joinCode: string }>("POST", "/api/courses", { title: byCode.title });
  Object.assign(byCode, second);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("enrolment in a browser", () => {
  it("the instructor invites by email, the student accepts, then joins another course by its code", async () => {
    const teacher = await newWatchedPage(browser, platform.url);
    await logIn(teacher.page, INSTRUCTOR);
    await teacher.page.goto(`/courses/${invited.id}`);
    await teacher.page.getByRole("heading", { name: invited.title, level: 1 }).waitFor();
    const email = teacher.page.getByLabel("Student's email");
    expect(await email.getAttribute("maxlength")).toBe("254");
    // An address without an account gets the same sentence as the student's.
    for (const address of ["nobody@e2e.example", STUDENT.email]) {
      await email.fill(address);
      await teacher.page.getByRole("button", { name: "Invite" }).click();
      await teacher.page.getByRole("status").filter({ hasText: `Invitation recorded for ${address}. It shows under Invitations` }).waitFor();
    }
    await teacher.page.screenshot({ path: path.join(SHOTS, "20-invite-by-email.png"), fullPage: true });
    expect(teacher.problems).toEqual([]);

    const student = await newWatchedPage(browser, platform.url);
    const { page } = student;
    await logIn(page, STUDENT);
    const invitation = page.getByRole("listitem", { name: `Invitation to ${invited.title}` });
    await invitation.waitFor();
    expect(await invitation.innerText()).toMatch(new RegExp(`Invited by ${INSTRUCTOR.name}, `));
    await page.screenshot({ path: path.join(SHOTS, "21-invitations.png"), fullPage: true });
    await invitation.getByRole("button", { name: `Accept the invitation to ${invited.title}` }).click();
    await page.getByRole("heading", { name: invited.title, level: 2 }).waitFor();
    await invitation.waitFor({ state: "detached" });

    const code = page.getByLabel("Course join code");
    expect(await code.getAttribute("maxlength")).toBe("32");
    await code.fill("ZZZZ-ZZZZ");
    await page.getByRole("button", { name: "Join course" }).click();
    await page.getByRole("alert").filter({ hasText: "No course has this join code; check it with your instructor." }).waitFor();
    // The sign-up page is for new accounts: a logged-in student following a join link lands on
    // the dashboard with the code filled in (case does not matter).
    await page.goto(`/join?code=${byCode.joinCode.toLowerCase()}`);
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => code.inputValue()).toBe(byCode.joinCode.toLowerCase());
    await page.getByRole("button", { name: "Join course" }).click();
    await page.getByRole("heading", { name: byCode.title, level: 2 }).waitFor();
    await page.getByRole("heading", { name: invited.title, level: 2 }).waitFor();
    expect(await code.inputValue()).toBe("");
    await page.screenshot({ path: path.join(SHOTS, "22-joined-by-code.png"), fullPage: true });
    // The wrong code's 404 is an answer the form shows; anything else is a problem.
    expect(student.problems.filter((p) => !/status of 404 .*\/api\/courses\/join\)$/.test(p))).toEqual([]);
  });
});
