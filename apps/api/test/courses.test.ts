// Courses, join codes, rosters and assignments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { type Browser, bearer, cookieFrom, login, makeExercise, makeUser, type TestUser } from "./support/accounts.ts";

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
  it("a newcomer registers into the course and is logged in", async () => {
    const { id, joinCode } = await newCourse();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/courses/join",
      payload: { joinCode: joinCode.toLowerCase(), email: "New.Student@School.test", password: "long-enough-pw", name: "New" },
    });
    expect(res.statusCode).toBe(201);
    const { courseId, userId, csrfToken } = res.json();
    expect(courseId).toBe(id);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: "new.student@school.test", role: "student" });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await t.prisma.enrollment.findUnique({ where: { courseId_userId: { courseId: id, userId } } })).toMatchObject({
      role: "student",
    });
    const cookie = cookieFrom(res.headers["set-cookie"]);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.json()).toMatchObject({ id: userId, role: "student" });
    const csrf = await t.app.inject({ method: "GET", url: "/api/auth/csrf", headers: { cookie } });
    expect(csrf.json().csrfToken).toBe(csrfToken);
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

  it("refuses wrong and archived codes, taken emails, missing fields and staff accounts", async () => {
    const { id, joinCode } = await newCourse();
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/courses/join",
      payload: { joinCode: "ZZZZZZZZ", email: "x@school.test", password: "long-enough-pw", name: "X" },
    });
    expect(wrong.json().error.code).toBe("JOIN_CODE_INVALID");
    expect(await t.prisma.user.count({ where: { email: "x@school.test" } })).toBe(0);
    const taken = await t.app.inject({
      method: "POST",
      url: "/api/courses/join",
      payload: { joinCode, email: stan.email, password: "long-enough-pw", name: "Stan again" },
    });
    expect(taken.json().error.code).toBe("EMAIL_TAKEN");
    const missing = await t.app.inject({ method: "POST", url: "/api/courses/join", payload: { joinCode } });
    expect(missing.json().error.code).toBe("VALIDATION");
    const staff = await t.app.inject({ method: "POST", url: "/api/courses/join", headers: alice.headers(), payload: { joinCode } });
    expect(staff.json().error.code).toBe("FORBIDDEN");
    await t.prisma.course.update({ where: { id }, data: { archivedAt: new Date() } });
    const s = await login(t.app, stan.email);
    const archived = await t.app.inject({ method: "POST", url: "/api/courses/join", headers: s.headers(), payload: { joinCode } });
    expect(archived.json().error.code).toBe("JOIN_CODE_INVALID");
  });
});

describe("roster", () => {
  it("staff enrol existing accounts by email, list and remove them", async () => {
    const { id } = await newCourse();
    const add = await t.app.inject({
      method: "POST",
      url: `/api/courses/${id}/enrollments`,
      headers: alice.headers(),
      payload: { email: "STAN@school.test" },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ userId: stan.id, role: "student" });
    const again = await t.app.inject({ method: "POST", url: `/api/courses/${id}/enrollments`, headers: alice.headers(), payload: { email: stan.email } });
    expect(again.json().error.code).toBe("ALREADY_ENROLLED");
    const unknown = await t.app.inject({ method: "POST", url: `/api/courses/${id}/enrollments`, headers: alice.headers(), payload: { email: "ghost@school.test" } });
    expect(unknown.statusCode).toBe(404);
    const coTeacher = await t.app.inject({ method: "POST", url: `/api/courses/${id}/enrollments`, headers: alice.headers(), payload: { email: dave.email } });
    expect(coTeacher.json()).toMatchObject({ userId: dave.id, role: "instructor" });
    const roster = await t.app.inject({ method: "GET", url: `/api/courses/${id}/enrollments`, headers: alice.headers(false) });
    expect(roster.json().map((r: { email: string; role: string }) => [r.email, r.role])).toEqual([
      [dave.email, "instructor"],
      [stan.email, "student"],
    ]);
    // A co-instructor manages the course too.
    const d = await login(t.app, dave.email);
    const del = await t.app.inject({ method: "DELETE", url: `/api/courses/${id}/enrollments/${stan.id}`, headers: d.headers() });
    expect(del.statusCode).toBe(204);
    const gone = await t.app.inject({ method: "DELETE", url: `/api/courses/${id}/enrollments/${stan.id}`, headers: d.headers() });
    expect(gone.statusCode).toBe(404);
  });

  it("a student account cannot be made an instructor of a course", async () => {
    const { id } = await newCourse();
    const res = await t.app.inject({
      method: "POST",
      url: `/api/courses/${id}/enrollments`,
      headers: alice.headers(),
      payload: { email: stan.email, role: "instructor" },
    });
    expect(res.statusCode).toBe(400);
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
