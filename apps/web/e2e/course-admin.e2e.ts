// Running a course from the browser against `npm start`: the admin creates an instructor and
// resets a password; the instructor creates, edits, archives and reopens a course and replaces
// its join code; on the roster they invite a co-instructor, withdraw an invitation, see each
// student's latest submission and remove a student. Every page state is checked with axe-core,
// and the screenshots are the instructor guide's (docs/instructor-guide/).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../build.ts";
import { seriousViolations } from "./axe.ts";
import { launchBrowser, newWatchedPage, type Watched } from "./browser.ts";
import { ADMIN, Client, startPlatform, type RunningPlatform } from "./platform.ts";

const GUIDE = path.resolve(import.meta.dirname, "../../../docs/instructor-guide");
const VIEWPORT = { width: 1200, height: 820 };
const INSTRUCTOR = { email: "ines@e2e.example", password: "instructor password 1", name: "Ines Instructor" };
const CO = { email: "colin@e2e.example", password: "co-instructor password", name: "Colin Coteacher" };
const SAM = { email: "sam@e2e.example", password: "student password 1", name: "Sam Student" };
const KIM = { email: "kim@e2e.example", password: "student password 2", name: "Kim Student" };
const NEW_SAM_PASSWORD = "sam's new password";

const RIGHT = "export function selectionSort(arr: number[]): number[] { for (let i = 0; i < arr.length - 1; i++) { let m = i; for (let j = i + 1; j < arr.length; j++) { if (arr[j]! < arr[m]!) m = j; } if (m !== i) { const t = arr[i]!; arr[i] = arr[m]!; arr[m] = t; } } return arr; }";
const WRONG = "export function selectionSort(arr: number[]): number[] { return arr; }";

let platform: RunningPlatform;
let browser: Browser;
let samSession: Client;
const course = { id: "", title: "Networks 101", renamed: "Networks and Sockets", joinCode: "" };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(GUIDE, `${name}.png`) });
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: /^Hello/, level: 1 }).waitFor();
}

async function waitGraded(client: Client, id: string): Promise<void> {
  await expect
    .poll(async () => (await client.call<{ status: string }>("GET", `/api/submissions/${id}`)).status, { timeout: 120_000, interval: 500 })
    .toBe("graded");
}

beforeAll(async () => {
  await mkdir(GUIDE, { recursive: true });
  await ensureWebBuilt();
  platform = await startPlatform();
  const admin = new Client(platform.url);
  await admin.login(ADMIN.email, ADMIN.password);
  for (const who of [SAM, KIM]) await admin.call("POST", "/api/users", { ...who, role: "student" });
  await admin.call("POST", "/api/users", { ...CO, role: "instructor" });
  samSession = new Client(platform.url);
  await samSession.login(SAM.email, SAM.password);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("running a course in the browser", () => {
  let admin: Watched;
  let teacher: Watched;

  it("the admin creates an instructor, finds accounts and resets a student's password", async () => {
    admin = await newWatchedPage(browser, platform.url, VIEWPORT);
    const { page } = admin;
    await logIn(page, ADMIN);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    const form = page.getByRole("form", { name: "Create an account" });
    expect(await form.getByLabel("Email").getAttribute("maxlength")).toBe("254");
    expect(await form.getByLabel("Name").getAttribute("maxlength")).toBe("200");
    expect(await form.getByLabel("Password").getAttribute("maxlength")).toBe("200");
    // Checked before sending, in sentences next to each field.
    await form.getByLabel("Password").fill("short");
    await form.getByRole("button", { name: "Create account" }).click();
    await form.getByText("The name is missing.").waitFor();
    await form.getByText("The email address is missing.").waitFor();
    await form.getByText("The password must be at least 10 characters long.").waitFor();
    expect(await form.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    await form.getByLabel("Name").fill(INSTRUCTOR.name);
    await form.getByLabel("Email").fill(INSTRUCTOR.email);
    await form.getByLabel("Password").fill(INSTRUCTOR.password);
    await form.getByLabel("Role").selectOption("instructor");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("status").filter({ hasText: `Created the instructor account of ${INSTRUCTOR.name} (${INSTRUCTOR.email}).` }).waitFor();
    const accounts = page.getByRole("table");
    await accounts.getByRole("rowheader", { name: INSTRUCTOR.name }).waitFor();
    // The API's refusal, said as a sentence.
    await form.getByLabel("Name").fill("Someone Else");
    await form.getByLabel("Email").fill(INSTRUCTOR.email.toUpperCase());
    await form.getByLabel("Password").fill("another password");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("alert").filter({ hasText: "An account with this email already exists." }).waitFor();
    await shot(page, "accounts");

    const search = page.getByRole("search", { name: "Find accounts" });
    await search.getByLabel("Name or email contains").fill("STUDENT");
    await search.getByRole("button", { name: "Search" }).click();
    await expect.poll(async () => accounts.getByRole("rowheader").allInnerTexts()).toEqual([KIM.name, SAM.name]);
    await search.getByLabel("Name or email contains").fill("");
    await search.getByLabel("Role").selectOption("instructor");
    await search.getByRole("button", { name: "Search" }).click();
    await expect.poll(async () => accounts.getByRole("rowheader").allInnerTexts()).toEqual([CO.name, INSTRUCTOR.name]);
    await search.getByLabel("Role").selectOption("");
    await search.getByLabel("Name or email contains").fill("sam@");
    await search.getByRole("button", { name: "Search" }).click();
    await expect.poll(async () => accounts.getByRole("rowheader").allInnerTexts()).toEqual([SAM.name]);

    await page.getByRole("button", { name: `Reset the password of ${SAM.name}` }).click();
    const reset = page.getByRole("form", { name: `Reset the password of ${SAM.name}` });
    const newPassword = reset.getByLabel("New password");
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('name')")).toBe("new-password");
    expect(await newPassword.getAttribute("maxlength")).toBe("200");
    await newPassword.fill("too short");
    await reset.getByRole("button", { name: "Set password" }).click();
    await reset.getByText("The new password must be at least 10 characters long.").waitFor();
    await newPassword.fill(NEW_SAM_PASSWORD);
    await expectAccessible(page);
    await shot(page, "reset-password");
    await reset.getByRole("button", { name: "Set password" }).click();
    await page.getByRole("status").filter({ hasText: `The password of ${SAM.name} (${SAM.email}) is set. They were logged out everywhere` }).waitFor();
    await reset.waitFor({ state: "detached" });
    // Sam's session ended; the new password works, the old one does not.
    await expect(samSession.call("GET", "/api/me")).rejects.toThrow(/401/);
    await expect(new Client(platform.url).login(SAM.email, SAM.password)).rejects.toThrow(/401/);
    samSession = new Client(platform.url);
    await samSession.login(SAM.email, NEW_SAM_PASSWORD);
    // The admin's own row has no reset button (changing one's own password asks for the current one).
    await search.getByLabel("Name or email contains").fill("admin@");
    await search.getByRole("button", { name: "Search" }).click();
    await expect.poll(async () => accounts.getByRole("row").nth(1).innerText()).toMatch(/you\s*$/);
    // An admin creates a course for an instructor.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("link", { name: "New course…" }).click();
    await page.getByLabel("Title").fill("Admin-made course");
    await page.getByLabel("Owner").selectOption({ label: `${INSTRUCTOR.name} (${INSTRUCTOR.email})` });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create course" }).click();
    await page.getByRole("heading", { name: "Admin-made course", level: 1 }).waitFor();
    const madeId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
    const ines = new Client(platform.url);
    await ines.login(INSTRUCTOR.email, INSTRUCTOR.password);
    expect(await ines.call("GET", `/api/courses/${madeId}`)).toMatchObject({ access: "staff", owner: { email: INSTRUCTOR.email } });
    // The taken email's 409 is an answer the form shows; anything else is a problem.
    expect(admin.problems.filter((p) => !/status of 409 .*\/api\/users\)$/.test(p))).toEqual([]);
  });

  it("the instructor creates a course, edits it, replaces its join code, archives and reopens it", async () => {
    teacher = await newWatchedPage(browser, platform.url, VIEWPORT);
    const { page } = teacher;
    const api = new Client(platform.url);
    await api.login(INSTRUCTOR.email, INSTRUCTOR.password);
    await logIn(page, INSTRUCTOR);
    await page.getByRole("link", { name: "New course…" }).click();
    await page.getByRole("heading", { name: "New course", level: 1 }).waitFor();
    const title = page.getByLabel("Title");
    expect(await title.getAttribute("maxlength")).toBe("200");
    await page.getByRole("button", { name: "Create course" }).click();
    await page.getByText("The title is missing.").waitFor();
    await title.fill(course.title);
    await page.getByLabel("Grade policy").selectOption("best");
    await expectAccessible(page);
    await shot(page, "new-course");
    await page.getByRole("button", { name: "Create course" }).click();
    await page.getByRole("heading", { name: course.title, level: 1 }).waitFor();
    course.id = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
    course.joinCode = (await page.locator("code.join-code").innerText()).trim();
    expect(course.joinCode).toMatch(/^[A-Z2-9]{8}$/);

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: `Settings of ${course.title}`, level: 1 }).waitFor();
    const details = page.getByRole("form", { name: "Title and grade policy" });
    await details.getByLabel("Title").fill("   ");
    await details.getByRole("button", { name: "Save" }).click();
    await details.getByText("The title is missing.").waitFor();
    await details.getByLabel("Title").fill(course.renamed);
    await details.getByLabel("Grade policy").selectOption("last");
    await details.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.getByRole("heading", { name: `Settings of ${course.renamed}`, level: 1 }).waitFor();
    expect(await api.call("GET", `/api/courses/${course.id}`)).toMatchObject({ title: course.renamed, gradePolicy: "last", archivedAt: null });

    // Replacing the join code asks first; cancelling changes nothing.
    const joinCard = page.getByRole("region", { name: "Join code" });
    await joinCard.getByRole("button", { name: "Replace join code" }).click();
    const ask = joinCard.getByRole("group", { name: "Replace the join code? The current code stops working at once." });
    await ask.waitFor();
    await expectAccessible(page);
    await shot(page, "course-settings");
    await ask.getByRole("button", { name: "Cancel" }).click();
    await ask.waitFor({ state: "detached" });
    expect((await api.call<{ joinCode: string }>("GET", `/api/courses/${course.id}`)).joinCode).toBe(course.joinCode);
    await joinCard.getByRole("button", { name: "Replace join code" }).click();
    await ask.getByRole("button", { name: "Yes, replace it" }).click();
    const replaced = joinCard.getByRole("status").filter({ hasText: /^The new join code is [A-Z2-9]{8}; the old one no longer works\.$/ });
    await replaced.waitFor();
    const newCode = (await joinCard.locator("code.join-code").innerText()).trim();
    expect(newCode).not.toBe(course.joinCode);
    expect(await replaced.innerText()).toContain(newCode);
    const kim = new Client(platform.url);
    await kim.login(KIM.email, KIM.password);
    await expect(kim.call("POST", "/api/courses/join", { joinCode: course.joinCode })).rejects.toThrow(/404/);
    course.joinCode = newCode;

    const archive = page.getByRole("region", { name: "Archive" });
    await archive.getByRole("button", { name: "Archive course" }).click();
    await archive.getByRole("button", { name: "Yes, archive it" }).click();
    await archive.getByRole("status").filter({ hasText: "The course is archived." }).waitFor();
    await archive.getByText("Archived", { exact: true }).waitFor();
    expect((await api.call<{ archivedAt: string | null }>("GET", `/api/courses/${course.id}`)).archivedAt).not.toBeNull();
    await expect(kim.call("POST", "/api/courses/join", { joinCode: course.joinCode })).rejects.toThrow(/404/);
    await expectAccessible(page);
    await shot(page, "course-archived");
    await archive.getByRole("button", { name: "Unarchive course" }).click();
    await archive.getByRole("status").filter({ hasText: "The course is open again." }).waitFor();
    expect((await api.call<{ archivedAt: string | null }>("GET", `/api/courses/${course.id}`)).archivedAt).toBeNull();
    expect(teacher.problems).toEqual([]);
  });

  it("on the roster the instructor invites a co-instructor, withdraws an invitation, sees latest submissions and removes a student", async () => {
    const api = new Client(platform.url);
    await api.login(INSTRUCTOR.email, INSTRUCTOR.password);
    const assignment = await api.call<{ id: string; title: string }>("POST", `/api/courses/${course.id}/assignments`, { exerciseId: "sorting/selection-sort" });
    const kim = new Client(platform.url);
    await kim.login(KIM.email, KIM.password);
    for (const student of [samSession, kim]) await student.call("POST", "/api/courses/join", { joinCode: course.joinCode });
    const submit = async (who: Client, code: string) => {
      const { id } = await who.call<{ id: string }>("POST", "/api/exercises/sorting%2Fselection-sort/submissions", { code, assignmentId: assignment.id });
      await waitGraded(who, id);
      return id;
    };
    await submit(samSession, WRONG);
    const samLatest = await submit(samSession, RIGHT);
    const kimLatest = await submit(kim, WRONG);

    const { page } = teacher;
    await page.goto(`/courses/${course.id}`);
    await page.getByRole("link", { name: "Roster and invitations" }).click();
    await page.getByRole("heading", { name: `Roster of ${course.renamed}`, level: 1 }).waitFor();
    const members = page.getByRole("region", { name: /^Members \(/ });
    const samCell = members.getByRole("link", { name: `Latest submission of ${SAM.name} to ${assignment.title}: 100% · passed` });
    await samCell.waitFor();
    expect(await samCell.getAttribute("href")).toBe(`/courses/${course.id}/submissions/${samLatest}`);
    const kimCell = members.getByRole("link", { name: new RegExp(`^Latest submission of ${KIM.name} to ${assignment.title}: \\d+% · failed$`) });
    expect(await kimCell.getAttribute("href")).toBe(`/courses/${course.id}/submissions/${kimLatest}`);
    expect(await members.getByRole("row", { name: new RegExp(SAM.name) }).innerText()).toContain("(2 submits)");

    const invite = page.getByRole("form", { name: "Invite a student or co-instructor" });
    const email = invite.getByLabel("Email of the person to invite");
    expect(await email.getAttribute("maxlength")).toBe("254");
    await email.fill("not an email");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await invite.getByText("The email address must be an email address.").waitFor();
    await email.fill(CO.email);
    await invite.getByLabel("Invite as").selectOption("instructor");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await page.getByRole("status").filter({ hasText: `Invitation recorded for ${CO.email}.` }).waitFor();
    await email.fill("someone@e2e.example");
    await invite.getByLabel("Invite as").selectOption("student");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    const pending = page.getByRole("region", { name: /^Pending invitations/ });
    await pending.getByRole("listitem", { name: "Invitation to someone@e2e.example" }).waitFor();
    expect(await pending.getByRole("listitem", { name: `Invitation to ${CO.email}` }).innerText()).toContain("co-instructor");
    await expectAccessible(page);
    await shot(page, "roster");
    // The dark theme too (contrast of links, tags and the confirmation's colours).
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect.poll(() => page.evaluate("document.documentElement.dataset.theme")).toBe("dark");
    await expectAccessible(page);
    await members.getByRole("button", { name: `Remove ${SAM.name} from the course` }).click();
    await expectAccessible(page);
    await members.getByRole("group").getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await pending.getByRole("button", { name: "Withdraw the invitation to someone@e2e.example" }).click();
    await pending.getByRole("status").filter({ hasText: "The invitation to someone@e2e.example is withdrawn." }).waitFor();
    await pending.getByRole("listitem", { name: "Invitation to someone@e2e.example" }).waitFor({ state: "detached" });
    expect((await api.call<Array<{ email: string; role: string }>>("GET", `/api/courses/${course.id}/invitations`)).map((i) => [i.email, i.role])).toEqual([[CO.email, "instructor"]]);
    // The co-instructor accepts and runs the course too.
    const co = new Client(platform.url);
    await co.login(CO.email, CO.password);
    const [mine] = await co.call<Array<{ id: string; role: string }>>("GET", "/api/me/invitations");
    expect(mine?.role).toBe("instructor");
    await co.call("POST", `/api/invitations/${mine!.id}/accept`);
    expect(await co.call("GET", `/api/courses/${course.id}`)).toMatchObject({ access: "staff", joinCode: course.joinCode });

    // Removing a student asks first.
    await page.reload();
    await members.getByRole("rowheader", { name: CO.name }).waitFor();
    await members.getByRole("button", { name: `Remove ${KIM.name} from the course` }).click();
    const ask = members.getByRole("group", { name: `Remove ${KIM.name}? Their submissions are kept; they can join again with the join code.` });
    await ask.waitFor();
    await expect.poll(() => page.evaluate("document.activeElement?.textContent")).toBe("Yes, remove");
    await expectAccessible(page);
    await shot(page, "remove-student");
    await ask.getByRole("button", { name: "Yes, remove" }).click();
    await members.getByRole("status").filter({ hasText: `${KIM.name} is no longer in the course; their submissions are kept.` }).waitFor();
    await members.getByRole("rowheader", { name: KIM.name }).waitFor({ state: "detached" });
    const roster = await api.call<Array<{ email: string }>>("GET", `/api/courses/${course.id}/enrollments`);
    expect(roster.map((r) => r.email).sort()).toEqual([CO.email, SAM.email]);
    expect(teacher.problems).toEqual([]);
  });
});
