// Courses, join codes, rosters and assignments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { type Browser, PASSWORD, bearer, login, makeExercise, makeUser, type TestUser } from "./support/accounts.ts";

let t: TestApp;
let admin: Browser;
let alice: Browser;
let aliceUser: TestUser;
let dave: TestUser;
let stan: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  await makeUser(t.prisma, "admin", "admin@school.test");
  aliceUser = await makeUser(t.prisma, "instructor", "alice@school.test");
  dave = await makeUser(t.prisma, "instructor", "dave@school.test");
  stan = await makeUser(t.prisma, "student", "stan@school.test");
  admin = await login(t.app, "admin@school.test");
  alice = await login(t.app, "alice@school.test");
  await makeExercise(t.prisma, "testing/sum", { title: "Sum" });
  await makeExercise(t.prisma, "testing/max", { title: "Max" });
  await makeExercise(t.prisma, "testing/draft", { published: false });
});
afterAll(() => t.close());

async function newCourse(b: Browser = alice, title = "Algorithms"): Promise<{ id: string; joinCode: string }> {
  const res = await t.app.inject({ method: "POST", url: "/api/courses", headers: b.headers(), payload: { title } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe("courses", () => {
  it("an instructor creates a course with a join code and sees it; a student of it sees no join code", async () => {
    const { id, joinCode } = await newCourse();
    expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const list = await t.app.inject({ method: "GET", url: "/api/courses", headers: alice.headers(false) });
    expect(list.json()).toContainEqual(
      expect.objectContaining({ id, title: "Algorithms", joinCode, access: "staff", gradePolicy: "best", archivedAt: null }),
    );
    await t.prisma.enrollment.create({ data: { courseId: id, userId: stan.id } });
    const s = await login(t.app, stan.email);
    const seen = await t.app.inject({ method: "GET", url: `/api/courses/${id}`, headers: s.headers(false) });
    expect(seen.json()).toMatchObject({ id, access: "student", joinCode: null, owner: { id: aliceUser.id } });
  });

  it("an admin may create a course owned by an instructor, not by a student", async () => {
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/courses",
      headers: admin.headers(),
      payload: { title: "For Dave", ownerId: dave.id, gradePolicy: "last" },
    });
    expect(ok.statusCode).toBe(201);
    const course = await t.prisma.course.findUniqueOrThrow({ where: { id: ok.json().id } });
    expect(course).toMatchObject({ ownerId: dave.id, gradePolicy: "last" });
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/courses",
      headers: admin.headers(),
      payload: { title: "For Stan", ownerId: stan.id },
    });
    expect(bad.statusCode).toBe(400);
    const notAdmin = await t.app.inject({
      method: "POST",
      url: "/api/courses",
      headers: alice.headers(),
      payload: { title: "For Dave", ownerId: dave.id },
    });
    expect(notAdmin.statusCode).toBe(403);
  });

  it("PATCH changes title, policy and archived state; a new join code replaces the old", async () => {
    const { id, joinCode } = await newCourse();
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/courses/${id}`,
      headers: alice.headers(),
      payload: { title: "Algorithms II", gradePolicy: "last", archived: true },
    });
    expect(res.json()).toMatchObject({ title: "Algorithms II", gradePolicy: "last", archivedAt: expect.any(String) });
    const rotated = await t.app.inject({ method: "POST", url: `/api/courses/${id}/join-code`, headers: alice.headers() });
    expect(rotated.json().joinCode).not.toBe(joinCode);
  });
});

describe("joining with a code", () => {
  const register = (payload: object) => t.app.inject({ method: "POST", url: "/api/courses/join", payload });

  it("a newcomer registers into the course, then logs in", async () => {
    const { id, joinCode } = await newCourse();
    const res = await register({ joinCode: joinCode.toLowerCase(), email: "New.Student@School.test", password: "long-enough-pw", name: "New" });
    expect(res.statusCode).toBe(202);
    expect(res.json().courseId).toBe(id);
    expect(res.headers["set-cookie"]).toBeUndefined();
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "new.student@school.test" } });
    expect(user).toMatchObject({ role: "student" });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await t.prisma.enrollment.findUnique({ where: { courseId_userId: { courseId: id, userId: user.id } } })).toMatchObject({ role: "student" });
    const b = await login(t.app, "new.student@school.test", "long-enough-pw");
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: b.headers() });
    expect(me.json()).toMatchObject({ id: user.id, role: "student" });
  });

  it("answers the same whether or not the email has an account (no oracle)", async () => {
    const { id, joinCode } = await newCourse();
    const fresh = await register({ joinCode, email: "brand-new@school.test", password: "long-enough-pw", name: "B" });
    const taken = await register({ joinCode, email: stan.email, password: "not-stans-password", name: "Stan again" });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(taken.headers["set-cookie"]).toBe(fresh.headers["set-cookie"]);
    // Nothing happened to Stan's account: not enrolled, name unchanged.
    expect(await t.prisma.enrollment.count({ where: { courseId: id, userId: stan.id } })).toBe(0);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: stan.id } })).name).toBe("stan");
    // Stan himself, with his password, is enrolled the same way.
    const own = await register({ joinCode, email: stan.email, password: PASSWORD, name: "Stan" });
    expect(own.body).toBe(fresh.body);
    expect(await t.prisma.enrollment.count({ where: { courseId: id, userId: stan.id } })).toBe(1);
  });

  it("an existing student joins with only the code (idempotently); needs CSRF with a cookie", async () => {
    const { id, joinCode } = await newCourse();
    const s = await login(t.app, stan.email);
    const noCsrf = await t.app.inject({ method: "POST", url: "/api/courses/join", headers: s.headers(false), payload: { joinCode } });
    expect(noCsrf.statusCode).toBe(403);
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: "POST", url: "/api/courses/join", headers: s.headers(), payload: { joinCode } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ courseId: id, userId: stan.id });
    }
    expect(await t.prisma.enrollment.count({ where: { courseId: id, userId: stan.id } })).toBe(1);
  });

  it("refuses wrong and archived codes, missing fields and staff accounts", async () => {
    const { id, joinCode } = await newCourse();
    const wrong = await register({ joinCode: "ZZZZZZZZ", email: "x@school.test", password: "long-enough-pw", name: "X" });
    expect(wrong.json().error.code).toBe("JOIN_CODE_INVALID");
    expect(await t.prisma.user.count({ where: { email: "x@school.test" } })).toBe(0);
    const missing = await register({ joinCode });
    expect(missing.json().error.code).toBe("VALIDATION");
    const staff = await t.app.inject({ method: "POST", url: "/api/courses/join", headers: alice.headers(), payload: { joinCode } });
    expect(staff.json().error.code).toBe("FORBIDDEN");
    await t.prisma.course.update({ where: { id }, data: { archivedAt: new Date() } });
    const s = await login(t.app, stan.email);
    const archived = await t.app.inject({ method: "POST", url: "/api/courses/join", headers: s.headers(), payload: { joinCode } });
    expect(archived.json().error.code).toBe("JOIN_CODE_INVALID");
  });
});

describe("roster and invitations", () => {
  const invite = (id: string, payload: object, b: Browser = alice) => t.app.inject({ method: "POST", url: `/api/courses/${id}/enrollments`, headers: b.headers(), payload });

  it("staff invite by email; the invitee is enrolled only when they accept", async () => {
    const { id } = await newCourse();
    const sent = await invite(id, { email: "STAN@school.test" });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ email: stan.email, role: "student", courseId: id });
    expect(await t.prisma.enrollment.count({ where: { courseId: id, userId: stan.id } })).toBe(0);
    // The same answer for an email with no account: inviting is no account-existence oracle.
    const ghost = await invite(id, { email: "ghost@school.test" });
    expect(ghost.statusCode).toBe(202);
    expect(Object.keys(ghost.json()).sort()).toEqual(Object.keys(sent.json()).sort());
    const pending = await t.app.inject({ method: "GET", url: `/api/courses/${id}/invitations`, headers: alice.headers(false) });
    expect(pending.json().map((i: { email: string }) => i.email)).toEqual(["ghost@school.test", stan.email]);

    const s = await login(t.app, stan.email);
    const mine = (await t.app.inject({ method: "GET", url: "/api/me/invitations", headers: s.headers(false) })).json() as Array<{ id: string; course: { id: string } }>;
    const forStan = mine.find((i) => i.course.id === id)!;
    expect(forStan).toBeDefined();
    // Nobody else can accept it.
    const other = await makeUser(t.prisma, "student", `other-${Date.now()}@school.test`);
    const o = await login(t.app, other.email);
    expect((await t.app.inject({ method: "POST", url: `/api/invitations/${forStan.id}/accept`, headers: o.headers() })).statusCode).toBe(404);
    const accepted = await t.app.inject({ method: "POST", url: `/api/invitations/${forStan.id}/accept`, headers: s.headers() });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ courseId: id, role: "student" });
    expect(await t.prisma.enrollment.count({ where: { courseId: id, userId: stan.id } })).toBe(1);
    expect((await t.app.inject({ method: "POST", url: `/api/invitations/${forStan.id}/accept`, headers: s.headers() })).statusCode).toBe(404);

    // A co-instructor accepts an instructor invitation and then manages the course.
    await invite(id, { email: dave.email, role: "instructor" });
    const d = await login(t.app, dave.email);
    const daveInvitation = ((await t.app.inject({ method: "GET", url: "/api/me/invitations", headers: d.headers(false) })).json() as Array<{ id: string }>)[0]!;
    expect((await t.app.inject({ method: "POST", url: `/api/invitations/${daveInvitation.id}/accept`, headers: d.headers() })).json()).toEqual({ courseId: id, role: "instructor" });
    const roster = await t.app.inject({ method: "GET", url: `/api/courses/${id}/enrollments`, headers: alice.headers(false) });
    expect(roster.json().map((r: { email: string; role: string }) => [r.email, r.role])).toEqual([
      [dave.email, "instructor"],
      [stan.email, "student"],
    ]);
    const del = await t.app.inject({ method: "DELETE", url: `/api/courses/${id}/enrollments/${stan.id}`, headers: d.headers() });
    expect(del.statusCode).toBe(204);
    const gone = await t.app.inject({ method: "DELETE", url: `/api/courses/${id}/enrollments/${stan.id}`, headers: d.headers() });
    expect(gone.statusCode).toBe(404);
  });

  it("a student account cannot accept an instructor invitation; invitations can be declined or withdrawn", async () => {
    const { id } = await newCourse();
    const sent = (await invite(id, { email: stan.email, role: "instructor" })).json() as { id: string };
    const s = await login(t.app, stan.email);
    const res = await t.app.inject({ method: "POST", url: `/api/invitations/${sent.id}/accept`, headers: s.headers() });
    expect(res.statusCode).toBe(400);
    expect(await t.prisma.enrollment.count({ where: { courseId: id, userId: stan.id } })).toBe(0);
    expect((await t.app.inject({ method: "DELETE", url: `/api/invitations/${sent.id}`, headers: s.headers() })).statusCode).toBe(204);
    const again = (await invite(id, { email: stan.email })).json() as { id: string };
    expect((await t.app.inject({ method: "DELETE", url: `/api/courses/${id}/invitations/${again.id}`, headers: alice.headers() })).statusCode).toBe(204);
    expect(await t.prisma.invitation.count({ where: { courseId: id } })).toBe(0);
  });
});

describe("assignments", () => {
  it("assign a published exercise with dates and a late policy; list, change, remove", async () => {
    const { id } = await newCourse();
    const res = await t.app.inject({
      method: "POST",
      url: `/api/courses/${id}/assignments`,
      headers: alice.headers(),
      payload: {
        exerciseId: "testing/sum",
        opensAt: "2030-01-01T00:00:00.000Z",
        dueAt: "2030-01-08T00:00:00.000Z",
        latePolicy: "percent_per_day",
        latePenaltyPercent: 10,
      },
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      courseId: id,
      exerciseId: "testing/sum",
      title: "Sum",
      position: 0,
      opensAt: "2030-01-01T00:00:00.000Z",
      dueAt: "2030-01-08T00:00:00.000Z",
      latePolicy: "percent_per_day",
      latePenaltyPercent: 10,
    });
    const dup = await t.app.inject({ method: "POST", url: `/api/courses/${id}/assignments`, headers: alice.headers(), payload: { exerciseId: "testing/sum" } });
    expect(dup.json().error.code).toBe("ASSIGNMENT_EXISTS");
    const second = await t.app.inject({ method: "POST", url: `/api/courses/${id}/assignments`, headers: alice.headers(), payload: { exerciseId: "testing/max", title: "Largest" } });
    expect(second.json()).toMatchObject({ title: "Largest", position: 1, latePolicy: "none", dueAt: null });

    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/courses/${id}/assignments/${a.id}`,
      headers: alice.headers(),
      payload: { latePolicy: "no_credit_after_due" },
    });
    expect(patched.json()).toMatchObject({ latePolicy: "no_credit_after_due", latePenaltyPercent: 0, dueAt: "2030-01-08T00:00:00.000Z" });

    const list = await t.app.inject({ method: "GET", url: `/api/courses/${id}/assignments`, headers: alice.headers(false) });
    expect(list.json().map((x: { title: string }) => x.title)).toEqual(["Sum", "Largest"]);
    const del = await t.app.inject({ method: "DELETE", url: `/api/courses/${id}/assignments/${a.id}`, headers: alice.headers() });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: `/api/courses/${id}/assignments`, headers: alice.headers(false) });
    expect(after.json()).toHaveLength(1);
  });

  it("refuses unknown and unpublished exercises and inconsistent dates or policies", async () => {
    const { id } = await newCourse();
    const post = (payload: object) =>
      t.app.inject({ method: "POST", url: `/api/courses/${id}/assignments`, headers: alice.headers(), payload });
    expect((await post({ exerciseId: "testing/nope" })).statusCode).toBe(404);
    expect((await post({ exerciseId: "testing/draft" })).json().error.code).toBe("EXERCISE_NOT_PUBLISHED");
    const invalid = [
      { exerciseId: "testing/sum", opensAt: "2030-01-08T00:00:00Z", dueAt: "2030-01-01T00:00:00Z" },
      { exerciseId: "testing/sum", latePolicy: "percent_per_day", latePenaltyPercent: 10 },
      { exerciseId: "testing/sum", dueAt: "2030-01-01T00:00:00Z", latePolicy: "percent_per_day" },
      { exerciseId: "testing/sum", dueAt: "2030-01-01T00:00:00Z", latePolicy: "none", latePenaltyPercent: 5 },
      { exerciseId: "testing/sum", dueAt: "2030-01-01T00:00:00Z", latePolicy: "percent_per_day", latePenaltyPercent: 101 },
      { exerciseId: "testing/sum", latePolicy: "sometimes" },
      { exerciseId: "testing/sum", dueAt: "next tuesday" },
    ];
    for (const payload of invalid) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION");
    }
    expect(await t.prisma.assignment.count({ where: { courseId: id } })).toBe(0);
  });

  it("scripts manage assignments with a bearer token, no CSRF", async () => {
    const { id } = await newCourse();
    const tokenRes = await t.app.inject({ method: "POST", url: "/api/tokens", headers: alice.headers(), payload: { name: "lms" } });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/courses/${id}/assignments`,
      headers: bearer(tokenRes.json().token),
      payload: { exerciseId: "testing/max" },
    });
    expect(res.statusCode).toBe(201);
  });
});
