// Every role against every account, course and report route, by session cookie (with a
// valid CSRF token) and by Bearer token: allowed or denied exactly as designed. Callers:
// anonymous, an enrolled student, a student of another course, the owner, an instructor of
// another course in which the same student is enrolled, an admin, a co-instructor of the
// course, and a revoked caller (a logged-out session; a token whose parent token was revoked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { PASSWORD, type Browser, bearer, createToken, login, makeExercise, makeUser, type TestUser } from "./support/accounts.ts";

type Who = "anon" | "student" | "outsider" | "owner" | "otherInstructor" | "admin" | "coInstructor" | "revoked";
type Member = Exclude<Who, "anon" | "revoked">;
const WHO: Who[] = ["anon", "student", "outsider", "owner", "otherInstructor", "admin", "coInstructor", "revoked"];
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
  /** The co-instructor's status when it differs from the owner's. */
  co?: number;
}

/** The co-instructor is staff like the owner; a revoked caller is anonymous. */
function expected(c: Case, who: Who, mode: Mode): number {
  const tokenStatus = mode === "token" ? c.tokenExpect?.[who] : undefined;
  if (tokenStatus !== undefined) return tokenStatus;
  if (who === "coInstructor") return c.co ?? c.expect[WHO.indexOf("owner")]!;
  if (who === "revoked") return c.expect[WHO.indexOf("anon")]!;
  return c.expect[WHO.indexOf(who)]!;
}

let t: TestApp;
const users = {} as Record<Member, TestUser>;
const browsers = {} as Record<Member, Browser>;
const tokens = {} as Record<Member, string>;
/** Per mode: a logged-out session cookie, or a child token whose parent was revoked. */
const revoked = {} as Record<Mode, Record<string, string>>;
let peer: TestUser;
let courseId: string;
let joinCourseCode: string;
let inviteCourseId: string;
let assignmentId: string;
let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;

beforeAll(async () => {
  t = await createTestApp({ LTI_KEY_SECRET: "cd".repeat(32) });
  users.student = await makeUser(t.prisma, "student", "student@school.test");
  users.outsider = await makeUser(t.prisma, "student", "outsider@school.test");
  users.owner = await makeUser(t.prisma, "instructor", "owner@school.test");
  users.otherInstructor = await makeUser(t.prisma, "instructor", "other@school.test");
  users.admin = await makeUser(t.prisma, "admin", "admin@school.test");
  users.coInstructor = await makeUser(t.prisma, "instructor", "co@school.test");
  peer = await makeUser(t.prisma, "student", "peer@school.test");
  const course = await t.prisma.course.create({ data: { title: "Matrix", joinCode: "MATRIX11", ownerId: users.owner.id } });
  await t.prisma.enrollment.create({ data: { courseId: course.id, userId: users.coInstructor.id, role: "instructor" } });
  // The other instructor teaches a course the same student is enrolled in: that opens nothing here.
  const theirs = await t.prisma.course.create({ data: { title: "Theirs", joinCode: "THEIRS33", ownerId: users.otherInstructor.id } });
  await t.prisma.enrollment.create({ data: { courseId: theirs.id, userId: users.student.id } });
  inviteCourseId = (await t.prisma.course.create({ data: { title: "Invites", joinCode: "INVITE44", ownerId: users.owner.id } })).id;
  courseId = course.id;
  const joinable = await t.prisma.course.create({ data: { title: "Joinable", joinCode: "JOINME22", ownerId: users.owner.id } });
  joinCourseCode = joinable.joinCode;
  await t.prisma.enrollment.create({ data: { courseId, userId: users.student.id } });
  await t.prisma.enrollment.create({ data: { courseId, userId: peer.id } });
  await t.prisma.enrollment.create({ data: { courseId: joinable.id, userId: users.student.id } });
  await makeExercise(t.prisma, "matrix/base");
  assignmentId = (await t.prisma.assignment.create({ data: { courseId, exerciseId: "matrix/base", dueAt: new Date("2031-01-01T12:00:00Z") } })).id;
});
afterAll(() => t.close());

const C = () => `/api/courses/${courseId}`;
const ALL_USERS: Case["expect"] = [401, 200, 200, 200, 200, 200];
const STAFF_READ: Case["expect"] = [401, 403, 404, 200, 404, 200];
const STAFF_WRITE: Case["expect"] = [401, 403, 404, 200, 404, 200];

/** An invitation to the invitations course addressed to `who` (anonymous: to nobody's account). */
async function inviteFor(who: Who, action: "accept" | ""): Promise<Request> {
  const member = who === "anon" || who === "revoked" ? null : users[who];
  const email = member?.email ?? `${fresh("nobody")}@school.test`;
  await t.prisma.enrollment.deleteMany({ where: { courseId: inviteCourseId, userId: member?.id ?? "00000000-0000-0000-0000-000000000000" } });
  const role = member && member.role !== "student" ? "instructor" : "student";
  const i = await t.prisma.invitation.upsert({
    where: { courseId_email: { courseId: inviteCourseId, email } },
    create: { courseId: inviteCourseId, email, role, invitedById: users.owner.id },
    update: {},
  });
  return { url: `/api/invitations/${i.id}${action ? `/${action}` : ""}` };
}

async function freshStudent(): Promise<TestUser> {
  return makeUser(t.prisma, "student", `${fresh("s")}@school.test`);
}

const ADMIN_ONLY: Case["expect"] = [401, 403, 403, 403, 403, 200];

function ltiPlatformFields() {
  const n = fresh("lms");
  return { name: n, issuer: `https://${n}.lms.test`, clientId: n, authLoginUrl: `https://${n}.lms.test/auth`, accessTokenUrl: `https://${n}.lms.test/token`, jwksUrl: `https://${n}.lms.test/jwks` };
}
const ltiPlatformBody = () => ({ ...ltiPlatformFields(), deploymentIds: ["d1"] });
let ltiPlatformId: string | undefined;
async function ltiPlatform(): Promise<string> {
  ltiPlatformId ??= (await t.prisma.ltiPlatform.create({ data: ltiPlatformFields() })).id;
  return ltiPlatformId;
}
async function deepLinkOfOwner(): Promise<string> {
  const row = await t.prisma.ltiDeepLinkSession.create({
    data: { platformId: await ltiPlatform(), deploymentId: "d1", userId: users.owner.id, courseId, returnUrl: "https://lms.test/return", expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return row.id;
}

const CASES: Case[] = [
  { route: "GET /api/me", prepare: () => ({ url: "/api/me" }), expect: ALL_USERS },
  {
    route: "GET /api/auth/csrf",
    prepare: () => ({ url: "/api/auth/csrf" }),
    expect: ALL_USERS,
    tokenExpect: { student: 401, outsider: 401, owner: 401, otherInstructor: 401, admin: 401, coInstructor: 401 },
  },
  {
    route: "POST /api/users",
    prepare: () => ({ url: "/api/users", payload: { email: `${fresh("u")}@school.test`, password: PASSWORD, name: "U", role: "instructor" } }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  { route: "GET /api/users", prepare: () => ({ url: "/api/users" }), expect: [401, 403, 403, 403, 403, 200] },
  { route: "GET /api/users", prepare: () => ({ url: "/api/users?role=instructor&q=SCHOOL" }), expect: [401, 403, 403, 403, 403, 200] },
  {
    route: "POST /api/users/{id}/password",
    prepare: async () => ({ url: `/api/users/${(await freshStudent()).id}/password`, payload: { password: PASSWORD } }),
    expect: [401, 403, 403, 403, 403, 204],
  },
  {
    route: "POST /api/tokens",
    prepare: () => ({ url: "/api/tokens", payload: { name: "t" } }),
    expect: [401, 201, 201, 201, 201, 201],
    // A token mints tokens only with the `tokens` scope, which the matrix's tokens lack.
    tokenExpect: { student: 403, outsider: 403, owner: 403, otherInstructor: 403, admin: 403, coInstructor: 403 },
  },
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
    co: 404,
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
    expect: [401, 403, 404, 202, 404, 202],
  },
  { route: "GET /api/courses/{id}/invitations", prepare: () => ({ url: `${C()}/invitations` }), expect: STAFF_READ },
  {
    route: "DELETE /api/courses/{id}/invitations/{invitationId}",
    prepare: async () => {
      const i = await t.prisma.invitation.create({ data: { courseId, email: `${fresh("inv")}@school.test`, invitedById: users.owner.id } });
      return { url: `${C()}/invitations/${i.id}` };
    },
    expect: [401, 403, 404, 204, 404, 204],
  },
  { route: "GET /api/me/invitations", prepare: () => ({ url: "/api/me/invitations" }), expect: ALL_USERS },
  {
    route: "POST /api/invitations/{id}/accept",
    prepare: async (who) => inviteFor(who, "accept"),
    // Only the invitee accepts; for anyone else the invitation does not exist.
    expect: [401, 200, 200, 200, 200, 200],
  },
  {
    route: "DELETE /api/invitations/{id}",
    prepare: async (who) => inviteFor(who, ""),
    expect: [401, 204, 204, 204, 204, 204],
  },
  {
    route: "POST /api/invitations/{id}/accept",
    prepare: async () => {
      const i = await t.prisma.invitation.create({ data: { courseId: inviteCourseId, email: `${fresh("someone")}@school.test`, invitedById: users.owner.id } });
      return { url: `/api/invitations/${i.id}/accept` };
    },
    expect: [401, 404, 404, 404, 404, 404],
    co: 404,
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
    // Newcomers register (202, then log in), students join (200), staff accounts cannot use join codes.
    expect: [202, 200, 200, 403, 403, 403],
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
  {
    route: "GET /api/courses/{id}/assignments/{assignmentId}/extensions",
    prepare: () => ({ url: `${C()}/assignments/${assignmentId}/extensions` }),
    expect: STAFF_READ,
  },
  {
    route: "PUT /api/courses/{id}/assignments/{assignmentId}/extensions/{userId}",
    prepare: () => ({ url: `${C()}/assignments/${assignmentId}/extensions/${peer.id}`, payload: { dueAt: "2031-01-02T12:00:00Z", reason: "matrix" } }),
    expect: STAFF_WRITE,
  },
  {
    route: "DELETE /api/courses/{id}/assignments/{assignmentId}/extensions/{userId}",
    prepare: async () => {
      await t.prisma.assignmentExtension.upsert({
        where: { assignmentId_userId: { assignmentId, userId: peer.id } },
        create: { assignmentId, userId: peer.id, dueAt: new Date("2031-01-02T12:00:00Z"), createdById: users.owner.id },
        update: {},
      });
      return { url: `${C()}/assignments/${assignmentId}/extensions/${peer.id}` };
    },
    expect: [401, 403, 404, 204, 404, 204],
  },
  {
    route: "GET /api/courses/{id}/assignments/{assignmentId}/students/{userId}/submissions",
    prepare: () => ({ url: `${C()}/assignments/${assignmentId}/students/${users.student.id}/submissions` }),
    expect: STAFF_READ,
  },
  { route: "GET /api/courses/{id}/gradebook", prepare: () => ({ url: `${C()}/gradebook` }), expect: STAFF_READ },
  { route: "GET /api/courses/{id}/gradebook", prepare: () => ({ url: `${C()}/gradebook?format=csv` }), expect: STAFF_READ },
  { route: "GET /api/courses/{id}/latest-submissions", prepare: () => ({ url: `${C()}/latest-submissions` }), expect: STAFF_READ },
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
  // LTI services: the matrix's course is not linked to an LMS, so staff get LTI_NOT_LINKED / LTI_NO_LINE_ITEM (409).
  { route: "POST /api/courses/{id}/lti/roster-sync", prepare: () => ({ url: `${C()}/lti/roster-sync` }), expect: [401, 403, 404, 409, 404, 409] },
  { route: "GET /api/courses/{id}/lti/roster", prepare: () => ({ url: `${C()}/lti/roster` }), expect: [401, 403, 404, 409, 404, 409] },
  {
    route: "POST /api/courses/{id}/lti/score-sync",
    prepare: () => ({ url: `${C()}/lti/score-sync`, payload: { assignmentId, userId: users.student.id } }),
    expect: [401, 403, 404, 409, 404, 409],
  },
  // LTI registration: admins only.
  { route: "GET /api/lti/platforms", prepare: () => ({ url: "/api/lti/platforms" }), expect: ADMIN_ONLY },
  { route: "POST /api/lti/platforms", prepare: () => ({ url: "/api/lti/platforms", payload: ltiPlatformBody() }), expect: [401, 403, 403, 403, 403, 201] },
  { route: "GET /api/lti/platforms/{id}", prepare: async () => ({ url: `/api/lti/platforms/${await ltiPlatform()}` }), expect: ADMIN_ONLY },
  {
    route: "PATCH /api/lti/platforms/{id}",
    prepare: async () => ({ url: `/api/lti/platforms/${await ltiPlatform()}`, payload: { name: "Renamed", deploymentIds: ["d1", "d2"] } }),
    expect: ADMIN_ONLY,
  },
  {
    route: "DELETE /api/lti/platforms/{id}",
    prepare: async () => ({ url: `/api/lti/platforms/${(await t.prisma.ltiPlatform.create({ data: { ...ltiPlatformFields(), name: "gone" } })).id}` }),
    expect: [401, 403, 403, 403, 403, 204],
  },
  { route: "GET /api/lti/tool", prepare: () => ({ url: "/api/lti/tool" }), expect: ADMIN_ONLY },
  { route: "POST /api/lti/keys/rotate", prepare: () => ({ url: "/api/lti/keys/rotate" }), expect: ADMIN_ONLY },
  // A deep-linking request is answered only by the instructor whose launch opened it.
  { route: "GET /api/lti/deep-links/{id}", prepare: async () => ({ url: `/api/lti/deep-links/${await deepLinkOfOwner()}` }), expect: [401, 404, 404, 200, 404, 404], co: 404 },
  {
    route: "POST /api/lti/deep-links/{id}",
    prepare: async () => ({ url: `/api/lti/deep-links/${await deepLinkOfOwner()}`, payload: { items: [{ exerciseId: "matrix/base" }] } }),
    expect: [401, 404, 404, 200, 404, 404],
    co: 404,
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
  if (who === "revoked") return revoked[mode];
  return mode === "session" ? browsers[who].headers() : bearer(tokens[who]);
}

/** Fresh sessions and tokens (the last case, a password change, revokes them) and the revoked callers. */
async function prepareCallers(): Promise<void> {
  for (const who of Object.keys(users) as Member[]) {
    browsers[who] = await login(t.app, users[who].email);
    tokens[who] = (await createToken(t.app, browsers[who], "matrix")).token;
  }
  const gone = await login(t.app, users.student.email);
  await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: gone.headers() });
  revoked.session = gone.headers();
  const parent = (await t.app.inject({ method: "POST", url: "/api/tokens", headers: browsers.student.headers(), payload: { name: "parent", scopes: ["read", "write", "tokens"] } })).json() as { id: string; token: string };
  const child = (await t.app.inject({ method: "POST", url: "/api/tokens", headers: bearer(parent.token), payload: { name: "child" } })).json() as { token: string };
  expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(child.token) })).statusCode).toBe(200);
  await t.app.inject({ method: "DELETE", url: `/api/tokens/${parent.id}`, headers: browsers.student.headers() });
  revoked.token = bearer(child.token);
}

describe("authorization matrix", () => {
  for (const mode of ["session", "token"] as const) {
    // Hundreds of requests (each login a scrypt): longer than the default timeout on a busy machine.
    it(`every role against every route (${mode})`, { timeout: 180_000 }, async () => {
      await prepareCallers();
      const failures: string[] = [];
      for (const c of CASES) {
        const method = c.route.split(" ")[0] as "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
        for (const who of WHO) {
          const { url, payload } = await c.prepare(who === "revoked" ? "anon" : who);
          const res = await t.app.inject({ method, url, headers: headersFor(who, mode), ...(payload ? { payload } : {}) });
          const want = expected(c, who, mode);
          if (res.statusCode !== want) failures.push(`${who} ${method} ${url}: ${res.statusCode} (want ${want}) ${res.body.slice(0, 120)}`);
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
    const mine = new Set(["auth", "users", "tokens", "courses", "assignments", "reports", "lti"]);
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
    await prepareCallers();
    const ids = async (who: Member) =>
      ((await t.app.inject({ method: "GET", url: "/api/courses", headers: bearer(tokens[who]) })).json() as Array<{ id: string }>).map(
        (c) => c.id,
      );
    expect(await ids("owner")).toContain(courseId);
    expect(await ids("coInstructor")).toContain(courseId);
    expect(await ids("admin")).toContain(courseId);
    expect(await ids("student")).toContain(courseId);
    expect(await ids("otherInstructor")).not.toContain(courseId);
    expect(await ids("outsider")).not.toContain(courseId);
  });
});
