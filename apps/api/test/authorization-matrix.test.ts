// Every role against every account, course and report route, by session cookie (with a
// valid CSRF token) and by Bearer token: allowed or denied exactly as designed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { PASSWORD, type Browser, bearer, createToken, login, makeExercise, makeUser, type TestUser } from "./support/accounts.ts";

type Who = "anon" | "student" | "outsider" | "owner" | "otherInstructor" | "admin";
const WHO: Who[] = ["anon", "student", "outsider", "owner", "otherInstructor", "admin"];
type Mode = "session" | "token";

interface Request {
  url: string;
  payload?: object;
}

interface Case {
  /** "METHOD /openapi/{path}" */
  route: string;
  prepare(who: Who): Promise<Request> | Request;
  /** Status per caller, in WHO order. */
  expect: [number, number, number, number, number, number];
  /** Statuses that differ when the caller uses a Bearer token. */
  tokenExpect?: Partial<Record<Who, number>>;
}

let t: TestApp;
const users = {} as Record<Exclude<Who, "anon">, TestUser>;
const browsers = {} as Record<Exclude<Who, "anon">, Browser>;
const tokens = {} as Record<Exclude<Who, "anon">, string>;
let peer: TestUser;
let courseId: string;
let joinCourseCode: string;
let assignmentId: string;
let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;

beforeAll(async () => {
  t = await createTestApp();
  users.student = await makeUser(t.prisma, "student", "student@school.test");
  users.outsider = await makeUser(t.prisma, "student", "outsider@school.test");
  users.owner = await makeUser(t.prisma, "instructor", "owner@school.test");
  users.otherInstructor = await makeUser(t.prisma, "instructor", "other@school.test");
  users.admin = await makeUser(t.prisma, "admin", "admin@school.test");
  peer = await makeUser(t.prisma, "student", "peer@school.test");
  for (const who of Object.keys(users) as Array<Exclude<Who, "anon">>) {
    browsers[who] = await login(t.app, users[who].email);
    tokens[who] = (await createToken(t.app, browsers[who], "matrix")).token;
  }
  const course = await t.prisma.course.create({ data: { title: "Matrix", joinCode: "MATRIX11", ownerId: users.owner.id } });
  courseId = course.id;
  const joinable = await t.prisma.course.create({ data: { title: "Joinable", joinCode: "JOINME22", ownerId: users.owner.id } });
  joinCourseCode = joinable.joinCode;
  await t.prisma.enrollment.create({ data: { courseId, userId: users.student.id } });
  await t.prisma.enrollment.create({ data: { courseId, userId: peer.id } });
  await t.prisma.enrollment.create({ data: { courseId: joinable.id, userId: users.student.id } });
  await makeExercise(t.prisma, "matrix/base");
  assignmentId = (await t.prisma.assignment.create({ data: { courseId, exerciseId: "matrix/base" } })).id;
});
afterAll(() => t.close());

const C = () => `/api/courses/${courseId}`;
const ALL_USERS: Case["expect"] = [401, 200, 200, 200, 200, 200];
const STAFF_READ: Case["expect"] = [401, 403, 404, 200, 404, 200];
const STAFF_WRITE: Case["expect"] = [401, 403, 404, 200, 404, 200];

async function freshStudent(): Promise<TestUser> {
  return makeUser(t.prisma, "student", `${fresh("s")}@school.test`);
}

const CASES: Case[] = [
  { route: "GET /api/me", prepare: () => ({ url: "/api/me" }), expect: ALL_USERS },
  {
    route: "GET /api/auth/csrf",
    prepare: () => ({ url: "/api/auth/csrf" }),
    expect: ALL_USERS,
    tokenExpect: { student: 401, outsider: 401, owner: 401, otherInstructor: 401, admin: 401 },
  },
  {
    route: "POST /api/users",
    prepare: () => ({ url: "/api/users", payload: { email: `${fresh("u")}@school.test`, password: PASSWORD, name: "U", role: "instructor" } }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  { route: "GET /api/users", prepare: () => ({ url: "/api/users" }), expect: [401, 403, 403, 403, 403, 200] },
  { route: "POST /api/tokens", prepare: () => ({ url: "/api/tokens", payload: { name: "t" } }), expect: [401, 201, 201, 201, 201, 201] },
  { route: "GET /api/tokens", prepare: () => ({ url: "/api/tokens" }), expect: ALL_USERS },
  {
    route: "DELETE /api/tokens/{id}",
    prepare: async () => {
      const row = await t.prisma.accessToken.create({
        data: { userId: users.owner.id, name: "victim", prefix: "agt_x", tokenHash: fresh("hash") },
      });
      return { url: `/api/tokens/${row.id}` };
    },
    // Only the owner of a token revokes it; for anyone else it does not exist.
    expect: [401, 404, 404, 204, 404, 404],
  },
  { route: "POST /api/courses", prepare: () => ({ url: "/api/courses", payload: { title: "New" } }), expect: [401, 403, 403, 201, 201, 201] },
  { route: "GET /api/courses", prepare: () => ({ url: "/api/courses" }), expect: ALL_USERS },
  { route: "GET /api/courses/{id}", prepare: () => ({ url: C() }), expect: [401, 200, 404, 200, 404, 200] },
  { route: "PATCH /api/courses/{id}", prepare: () => ({ url: C(), payload: { title: "Matrix" } }), expect: STAFF_WRITE },
  { route: "POST /api/courses/{id}/join-code", prepare: () => ({ url: `${C()}/join-code` }), expect: STAFF_WRITE },
  { route: "GET /api/courses/{id}/enrollments", prepare: () => ({ url: `${C()}/enrollments` }), expect: STAFF_READ },
  {
    route: "POST /api/courses/{id}/enrollments",
    prepare: async () => ({ url: `${C()}/enrollments`, payload: { email: (await freshStudent()).email } }),
    expect: [401, 403, 404, 201, 404, 201],
  },
  {
    route: "DELETE /api/courses/{id}/enrollments/{userId}",
    prepare: async () => {
      const s = await freshStudent();
      await t.prisma.enrollment.create({ data: { courseId, userId: s.id } });
      return { url: `${C()}/enrollments/${s.id}` };
    },
    expect: [401, 403, 404, 204, 404, 204],
  },
  {
    route: "POST /api/courses/join",
    prepare: (who) => ({
      url: "/api/courses/join",
      payload:
        who === "anon"
          ? { joinCode: joinCourseCode, email: `${fresh("new")}@school.test`, password: PASSWORD, name: "New" }
          : { joinCode: joinCourseCode },
    }),
    // Newcomers register (201), students join (200), staff accounts cannot use join codes.
    expect: [201, 200, 200, 403, 403, 403],
  },
  { route: "GET /api/courses/{id}/assignments", prepare: () => ({ url: `${C()}/assignments` }), expect: [401, 200, 404, 200, 404, 200] },
  {
    route: "POST /api/courses/{id}/assignments",
    prepare: async () => {
      const ex = await makeExercise(t.prisma, `matrix/${fresh("ex")}`);
      return { url: `${C()}/assignments`, payload: { exerciseId: ex.id } };
    },
    expect: [401, 403, 404, 201, 404, 201],
  },
  {
    route: "PATCH /api/courses/{id}/assignments/{assignmentId}",
    prepare: () => ({ url: `${C()}/assignments/${assignmentId}`, payload: { position: 0 } }),
    expect: STAFF_WRITE,
  },
  {
    route: "DELETE /api/courses/{id}/assignments/{assignmentId}",
    prepare: async () => {
      const ex = await makeExercise(t.prisma, `matrix/${fresh("ex")}`);
      const a = await t.prisma.assignment.create({ data: { courseId, exerciseId: ex.id } });
      return { url: `${C()}/assignments/${a.id}` };
    },
    expect: [401, 403, 404, 204, 404, 204],
  },
  { route: "GET /api/courses/{id}/gradebook", prepare: () => ({ url: `${C()}/gradebook` }), expect: STAFF_READ },
  { route: "GET /api/courses/{id}/gradebook", prepare: () => ({ url: `${C()}/gradebook?format=csv` }), expect: STAFF_READ },
  { route: "GET /api/courses/{id}/submissions/export", prepare: () => ({ url: `${C()}/submissions/export` }), expect: STAFF_READ },
  { route: "GET /api/me/progress", prepare: () => ({ url: "/api/me/progress" }), expect: ALL_USERS },
  {
    route: "GET /api/courses/{id}/students/{userId}/progress",
    prepare: () => ({ url: `${C()}/students/${users.student.id}/progress` }),
    expect: [401, 200, 404, 200, 404, 200],
  },
  {
    route: "GET /api/courses/{id}/students/{userId}/progress",
    prepare: () => ({ url: `${C()}/students/${peer.id}/progress` }),
    // A student never reads another student's progress.
    expect: [401, 404, 404, 200, 404, 200],
  },
  {
    route: "GET /api/courses/{id}/students/{userId}/timeline",
    prepare: () => ({ url: `${C()}/students/${users.student.id}/timeline` }),
    expect: [401, 200, 404, 200, 404, 200],
  },
  {
    route: "GET /api/courses/{id}/students/{userId}/timeline",
    prepare: () => ({ url: `${C()}/students/${peer.id}/timeline` }),
    expect: [401, 404, 404, 200, 404, 200],
  },
  {
    route: "GET /api/courses/{id}/assignments/{assignmentId}/analytics",
    prepare: () => ({ url: `${C()}/assignments/${assignmentId}/analytics` }),
    expect: STAFF_READ,
  },
  // Last: changing the password with a token ends the user's sessions.
  {
    route: "POST /api/me/password",
    prepare: () => ({ url: "/api/me/password", payload: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    expect: [401, 204, 204, 204, 204, 204],
  },
];
// Logout is covered in auth.test.ts (it would end the sessions this matrix uses); login is public.
const NOT_IN_MATRIX = ["POST /api/auth/logout", "POST /api/auth/login"];

function headersFor(who: Who, mode: Mode): Record<string, string> {
  if (who === "anon") return {};
  return mode === "session" ? browsers[who].headers() : bearer(tokens[who]);
}

describe("authorization matrix", () => {
  for (const mode of ["session", "token"] as const) {
    it(`every role against every route (${mode})`, async () => {
      const failures: string[] = [];
      for (const c of CASES) {
        const method = c.route.split(" ")[0] as "GET" | "POST" | "PATCH" | "DELETE";
        for (const [i, who] of WHO.entries()) {
          const { url, payload } = await c.prepare(who);
          const res = await t.app.inject({ method, url, headers: headersFor(who, mode), ...(payload ? { payload } : {}) });
          const expected = (mode === "token" ? c.tokenExpect?.[who] : undefined) ?? c.expect[i]!;
          if (res.statusCode !== expected) failures.push(`${who} ${method} ${url}: ${res.statusCode} (want ${expected}) ${res.body.slice(0, 120)}`);
          if (res.statusCode >= 400) expect(res.json().error.code).toEqual(expect.any(String));
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("covers every route of the account, course and report groups", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const mine = new Set(["auth", "users", "tokens", "courses", "assignments", "reports"]);
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.some((tag) => mine.has(tag)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(25);
    const covered = new Set([...CASES.map((c) => c.route), ...NOT_IN_MATRIX]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  it("listings show only what the caller may see", async () => {
    const ids = async (who: Exclude<Who, "anon">) =>
      ((await t.app.inject({ method: "GET", url: "/api/courses", headers: bearer(tokens[who]) })).json() as Array<{ id: string }>).map(
        (c) => c.id,
      );
    expect(await ids("owner")).toContain(courseId);
    expect(await ids("admin")).toContain(courseId);
    expect(await ids("student")).toContain(courseId);
    expect(await ids("otherInstructor")).not.toContain(courseId);
    expect(await ids("outsider")).not.toContain(courseId);
  });
});
