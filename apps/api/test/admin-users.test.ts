// Admin account management (search, password reset) and the roster's latest submissions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { type Browser, PASSWORD, bearer, createToken, login, makeExercise, makeUser, type TestUser } from "./support/accounts.ts";

const NEW_PASSWORD = "a brand new password";

let t: TestApp;
let admin: Browser;
let adminUser: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  adminUser = await makeUser(t.prisma, "admin", "root@school.test", "Root Admin");
  admin = await login(t.app, adminUser.email);
});
afterAll(() => t.close());

describe("admin: password reset", () => {
  it("sets the password, ends the account's sessions and revokes its tokens", async () => {
    const victim = await makeUser(t.prisma, "instructor", "reset-me@school.test");
    const session = await login(t.app, victim.email);
    const { token } = await createToken(t.app, session);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/users/${victim.id}/password`,
      headers: admin.headers(),
      payload: { password: NEW_PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: session.headers(false) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) })).statusCode).toBe(401);
    const old = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: victim.email, password: PASSWORD } });
    expect(old.statusCode).toBe(401);
    await login(t.app, victim.email, NEW_PASSWORD);
    // The admin's own session is untouched.
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: admin.headers(false) })).statusCode).toBe(200);
  });

  it("applies the password rules of account creation and says which field is wrong", async () => {
    const victim = await makeUser(t.prisma, "student", "short@school.test");
    for (const password of ["short", "x".repeat(201)]) {
      const res = await t.app.inject({ method: "POST", url: `/api/users/${victim.id}/password`, headers: admin.headers(), payload: { password } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/^Invalid body\/password: must NOT have (fewer|more) than/) });
    }
    // Nothing changed: the old password still works.
    await login(t.app, victim.email, PASSWORD);
    // Only the password is set: anything else in the body changes nothing.
    const extra = await t.app.inject({
      method: "POST",
      url: `/api/users/${victim.id}/password`,
      headers: admin.headers(),
      payload: { password: NEW_PASSWORD, role: "admin" },
    });
    expect(extra.statusCode).toBe(204);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ role: "student" });
  });

  it("refuses the admin's own account (that needs the current password), an unknown id, and every non-admin", async () => {
    const self = await t.app.inject({ method: "POST", url: `/api/users/${adminUser.id}/password`, headers: admin.headers(), payload: { password: NEW_PASSWORD } });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toMatch(/current/);
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/users/00000000-0000-4000-8000-000000000000/password",
      headers: admin.headers(),
      payload: { password: NEW_PASSWORD },
    });
    expect(unknown.statusCode).toBe(404);
    const target = await makeUser(t.prisma, "student", "target@school.test");
    const instructor = await login(t.app, (await makeUser(t.prisma, "instructor", "not-admin@school.test")).email);
    const student = await login(t.app, (await makeUser(t.prisma, "student", "nosy@school.test")).email);
    for (const caller of [instructor, student]) {
      const res = await t.app.inject({ method: "POST", url: `/api/users/${target.id}/password`, headers: caller.headers(), payload: { password: NEW_PASSWORD } });
      expect(res.statusCode).toBe(403);
    }
    await login(t.app, target.email, PASSWORD);
  });
});

describe("admin: listing accounts", () => {
  it("filters by role and searches emails and names in any case, wildcards taken literally", async () => {
    await makeUser(t.prisma, "instructor", "grace.hopper@navy.test", "Grace Hopper");
    await makeUser(t.prisma, "student", "grace.student@navy.test", "Grace Student");
    await makeUser(t.prisma, "instructor", "alan@navy.test", "Alan 100% Turing");
    const list = async (query: string) => {
      const res = await t.app.inject({ method: "GET", url: `/api/users?${query}`, headers: admin.headers(false) });
      expect(res.statusCode).toBe(200);
      return (res.json() as Array<{ email: string }>).map((u) => u.email);
    };
    expect(await list("q=GRACE")).toEqual(["grace.hopper@navy.test", "grace.student@navy.test"]);
    expect(await list("q=grace&role=instructor")).toEqual(["grace.hopper@navy.test"]);
    expect(await list("q=turing")).toEqual(["alan@navy.test"]);
    expect(await list(`q=${encodeURIComponent("100%")}`)).toEqual(["alan@navy.test"]);
    expect(await list(`q=${encodeURIComponent("%")}`)).toEqual(["alan@navy.test"]);
    expect(await list("q=_")).toEqual([]);
    const tooLong = await t.app.inject({ method: "GET", url: `/api/users?q=${"a".repeat(201)}`, headers: admin.headers(false) });
    expect(tooLong.statusCode).toBe(400);
  });
});

describe("roster: latest submissions", () => {
  it("gives each enrolled student's latest submit per assignment, to the course's staff only", async () => {
    const owner = await makeUser(t.prisma, "instructor", "owner@roster.test");
    const other = await makeUser(t.prisma, "instructor", "other@roster.test");
    const ann = await makeUser(t.prisma, "student", "ann@roster.test");
    const bob = await makeUser(t.prisma, "student", "bob@roster.test");
    const gone = await makeUser(t.prisma, "student", "gone@roster.test");
    const course = await t.prisma.course.create({ data: { title: "Roster", joinCode: "ROSTER77", ownerId: owner.id } });
    for (const s of [ann, bob]) await t.prisma.enrollment.create({ data: { courseId: course.id, userId: s.id } });
    const ex1 = await makeExercise(t.prisma, "roster/one");
    const ex2 = await makeExercise(t.prisma, "roster/two");
    const a1 = await t.prisma.assignment.create({ data: { courseId: course.id, exerciseId: ex1.id, position: 0 } });
    const a2 = await t.prisma.assignment.create({ data: { courseId: course.id, exerciseId: ex2.id, position: 1 } });
    const submit = async (userId: string, a: { id: string; exerciseId: string }, versionId: string, at: number, graded: number | null, kind: "submit" | "run" = "submit") =>
      (
        await t.prisma.submission.create({
          data: {
            userId,
            exerciseId: a.exerciseId,
            exerciseVersionId: versionId,
            assignmentId: a.id,
            kind,
            code: "export {}",
            status: graded === null ? "queued" : "graded",
            verdict: graded === null ? null : graded === 10 ? "passed" : "failed",
            score: graded,
            maxScore: graded === null ? null : 10,
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, at)),
          },
        })
      ).id;
    await submit(ann.id, a1, ex1.versionId, 1, 10);
    const annLatest = await submit(ann.id, a1, ex1.versionId, 2, 4);
    await submit(ann.id, a1, ex1.versionId, 3, 2, "run"); // runs are not submissions
    await submit(bob.id, a1, ex1.versionId, 1, 10);
    const bobQueued = await submit(bob.id, a1, ex1.versionId, 5, null);
    const bobTwo = await submit(bob.id, a2, ex2.versionId, 6, 10);
    await submit(gone.id, a1, ex1.versionId, 7, 10); // not enrolled (removed): not listed

    const url = `/api/courses/${course.id}/latest-submissions`;
    const res = await t.app.inject({ method: "GET", url, headers: (await login(t.app, owner.email)).headers(false) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { userId: ann.id, assignmentId: a1.id, submissionId: annLatest, submittedAt: "2026-01-01T00:02:00.000Z", status: "graded", verdict: "failed", score: 40, attempts: 2 },
      { userId: bob.id, assignmentId: a1.id, submissionId: bobQueued, submittedAt: "2026-01-01T00:05:00.000Z", status: "queued", verdict: null, score: null, attempts: 2 },
      { userId: bob.id, assignmentId: a2.id, submissionId: bobTwo, submittedAt: "2026-01-01T00:06:00.000Z", status: "graded", verdict: "passed", score: 100, attempts: 1 },
    ]);
    const asStudent = await t.app.inject({ method: "GET", url, headers: (await login(t.app, ann.email)).headers(false) });
    expect(asStudent.statusCode).toBe(403);
    const asOther = await t.app.inject({ method: "GET", url, headers: (await login(t.app, other.email)).headers(false) });
    expect(asOther.statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url, headers: admin.headers(false) })).statusCode).toBe(200);
  });
});
