// Every role against every exercise, submission and authoring route, by session cookie (with a
// valid CSRF token) and by Bearer token. The student's own work is visible to them, their
// instructor and admins only; hidden tests, references and mutants only to staff as designed.
// Callers: anonymous, an enrolled student, a student of no course, the course's owner, an
// instructor of another course the same student is enrolled in, an admin, a co-instructor of
// the course, and a revoked caller (a logged-out session; a token whose parent was revoked).
// Staff see a submission only through the course it belongs to.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import { bearer, createToken, login, makeUser, type Browser, type TestUser } from "./support/accounts.ts";

type Who = "anon" | "student" | "outsider" | "owner" | "otherInstructor" | "admin" | "coInstructor" | "revoked";
type Member = Exclude<Who, "anon" | "revoked">;
const WHO: Who[] = ["anon", "student", "outsider", "owner", "otherInstructor", "admin", "coInstructor", "revoked"];
type Expect = [number, number, number, number, number, number, number, number];

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const REPO_EX = encodeURIComponent("sorting/tiny-sort");
const CODE = "export function sortIt(a: number[]) { return a; }";

interface Case {
  route: string;
  prepare(who: Who): Promise<{ url: string; payload?: object; contentType?: string; body?: Buffer }>;
  expect: Expect;
}

let t: TestApp;
const users = {} as Record<Member, TestUser>;
const browsers = {} as Record<Member, Browser>;
const tokens = {} as Record<Member, string>;
const revoked = {} as Record<"session" | "token", Record<string, string>>;
let studentRun: string;
let files: Record<string, string>;
let authored: string;
let studentSubmission: string;
let regradeId: string;
let studentCustomRun: string;
let zip: Buffer;
let counter = 0;
const fresh = (prefix: string) => `sorting/${prefix}-${++counter}`;

async function readFixture(): Promise<Record<string, string>> {
  const dir = path.join(FIXTURES, "sorting/tiny-sort");
  const out: Record<string, string> = {};
  for (const name of ["exercise.yaml", "README.md", "starter.ts", "solution.ts", "tests.ts"]) out[name] = await readFile(path.join(dir, name), "utf8");
  for (const m of await readdir(path.join(dir, "mutants"))) out[`mutants/${m}`] = await readFile(path.join(dir, "mutants", m), "utf8");
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  await syncExercises(t.prisma, FIXTURES);
  files = await readFixture();
  users.student = await makeUser(t.prisma, "student", "student@school.test");
  users.outsider = await makeUser(t.prisma, "student", "outsider@school.test");
  users.owner = await makeUser(t.prisma, "instructor", "owner@school.test");
  users.otherInstructor = await makeUser(t.prisma, "instructor", "other@school.test");
  users.admin = await makeUser(t.prisma, "admin", "admin@school.test");
  users.coInstructor = await makeUser(t.prisma, "instructor", "co@school.test");
  for (const who of Object.keys(users) as Member[]) {
    browsers[who] = await login(t.app, users[who].email);
    tokens[who] = (await createToken(t.app, browsers[who], "matrix")).token;
  }
  const gone = await login(t.app, users.student.email);
  await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: gone.headers() });
  revoked.session = gone.headers();
  const parent = (await t.app.inject({ method: "POST", url: "/api/tokens", headers: browsers.student.headers(), payload: { name: "parent", scopes: ["read", "write", "tokens"] } })).json() as { id: string; token: string };
  revoked.token = bearer(((await t.app.inject({ method: "POST", url: "/api/tokens", headers: bearer(parent.token), payload: { name: "child" } })).json() as { token: string }).token);
  await t.app.inject({ method: "DELETE", url: `/api/tokens/${parent.id}`, headers: browsers.student.headers() });
  const course = await t.prisma.course.create({ data: { title: "Matrix", joinCode: "GRADING1", ownerId: users.owner.id } });
  await t.prisma.enrollment.create({ data: { courseId: course.id, userId: users.student.id } });
  await t.prisma.enrollment.create({ data: { courseId: course.id, userId: users.coInstructor.id, role: "instructor" } });
  const assignment = await t.prisma.assignment.create({ data: { courseId: course.id, exerciseId: "sorting/tiny-sort" } });
  // The other instructor teaches the same student in another course: that opens none of this course's work.
  const theirs = await t.prisma.course.create({ data: { title: "Theirs", joinCode: "THEIRS01", ownerId: users.otherInstructor.id } });
  await t.prisma.enrollment.create({ data: { courseId: theirs.id, userId: users.student.id } });
  const version = (await t.prisma.exercise.findUniqueOrThrow({ where: { id: "sorting/tiny-sort" } })).publishedVersionId!;
  studentSubmission = (
    await t.prisma.submission.create({
      data: { userId: users.student.id, exerciseId: "sorting/tiny-sort", exerciseVersionId: version, assignmentId: assignment.id, kind: "submit", code: CODE, status: "graded", verdict: "failed", score: 0, maxScore: 5, gradedAt: new Date() },
    })
  ).id;
  // A run (no assignment) on an exercise the course assigns: on the course's timeline too.
  studentRun = (
    await t.prisma.submission.create({
      data: { userId: users.student.id, exerciseId: "sorting/tiny-sort", exerciseVersionId: version, kind: "run", code: CODE, status: "graded", verdict: "failed", score: 0, maxScore: 5, gradedAt: new Date() },
    })
  ).id;
  // An exercise the owner authored, already validated (so validate answers at once).
  authored = "sorting/owners-sort";
  const created = await t.app.inject({ method: "POST", url: "/api/exercises", headers: browsers.owner.headers(), payload: { id: authored, files } });
  expect(created.statusCode).toBe(201);
  await t.prisma.exerciseVersion.updateMany({ where: { exerciseId: authored }, data: { validation: "valid" } });
  // Another exercise of the owner's that stays unpublished (the matrix publishes `authored`).
  const draft = await t.app.inject({ method: "POST", url: "/api/exercises", headers: browsers.owner.headers(), payload: { id: DRAFT, files } });
  expect(draft.statusCode).toBe(201);
  regradeId = (await t.app.inject({ method: "POST", url: `/api/exercises/${REPO_EX}/regrade`, headers: browsers.owner.headers() })).json().id as string;
  zip = (await t.app.inject({ method: "GET", url: `/api/exercises/${REPO_EX}/archive`, headers: browsers.owner.headers() })).rawPayload;
  const custom = await t.app.inject({ method: "POST", url: `/api/exercises/${REPO_EX}/custom-runs`, headers: browsers.student.headers(), payload: { code: CODE, exportName: "sortIt", args: "[[2, 1]]" } });
  expect(custom.statusCode).toBe(202);
  studentCustomRun = (custom.json() as { id: string }).id;
});
afterAll(() => t.close());

const A = () => encodeURIComponent(authored);
const DRAFT = "sorting/owners-draft";
/** Each caller's earlier runs are done, so the in-flight cap never decides a case. */
const settle = async (who: Who) => {
  if (who !== "anon" && who !== "revoked") await t.prisma.submission.updateMany({ where: { userId: users[who].id, status: { in: ["queued", "running"] } }, data: { status: "error" } });
};
/** The same for custom runs, which live in the queue (no grader runs here). */
const settleCustom = async (who: Who) => {
  if (who !== "anon" && who !== "revoked") await t.prisma.$executeRaw`UPDATE pgboss.job SET state = 'cancelled' WHERE name = 'custom-run' AND data->>'userId' = ${users[who].id} AND state < 'completed'`;
};

//                      anon student outsider owner other admin co revoked
const USERS: Expect = [401, 200, 200, 200, 200, 200, 200, 401];
const OWN_WORK: Expect = [401, 200, 404, 200, 404, 200, 200, 401];
const STAFF: Expect = [401, 403, 403, 200, 200, 200, 200, 401];
const AUTHOR: Expect = [401, 403, 403, 200, 403, 200, 403, 401];
/** Another author's unpublished exercise: only its author and admins open or run it. */
const UNPUBLISHED = (ok: number): Expect => [401, 404, 404, ok, 404, ok, 404, 401];

const CASES: Case[] = [
  { route: "GET /api/exercises", prepare: async () => ({ url: "/api/exercises" }), expect: USERS },
  { route: "GET /api/exercises/{id}", prepare: async () => ({ url: `/api/exercises/${REPO_EX}` }), expect: USERS },
  { route: "GET /api/exercises/{id}", prepare: async () => ({ url: `/api/exercises/${encodeURIComponent(DRAFT)}` }), expect: UNPUBLISHED(200) },
  { route: "PUT /api/exercises/{id}/draft", prepare: async () => ({ url: `/api/exercises/${REPO_EX}/draft`, payload: { code: CODE } }), expect: [401, 204, 204, 204, 204, 204, 204, 401] },
  { route: "GET /api/exercises/{id}/draft", prepare: async () => ({ url: `/api/exercises/${REPO_EX}/draft` }), expect: USERS },
  {
    route: "POST /api/exercises/{id}/runs",
    prepare: async (who) => (await settle(who), { url: `/api/exercises/${REPO_EX}/runs`, payload: { code: CODE } }),
    expect: [401, 202, 202, 202, 202, 202, 202, 401],
  },
  {
    route: "POST /api/exercises/{id}/runs",
    prepare: async (who) => (await settle(who), { url: `/api/exercises/${encodeURIComponent(DRAFT)}/runs`, payload: { code: CODE } }),
    expect: UNPUBLISHED(202),
  },
  {
    route: "POST /api/exercises/{id}/submissions",
    prepare: async (who) => (await settle(who), { url: `/api/exercises/${REPO_EX}/submissions`, payload: { code: CODE } }),
    expect: [401, 202, 202, 202, 202, 202, 202, 401],
  },
  {
    route: "POST /api/exercises/{id}/custom-runs",
    prepare: async (who) => (await settleCustom(who), { url: `/api/exercises/${REPO_EX}/custom-runs`, payload: { code: CODE, exportName: "sortIt", args: "[[3, 1, 2]]" } }),
    expect: [401, 202, 202, 202, 202, 202, 202, 401],
  },
  {
    route: "POST /api/exercises/{id}/custom-runs",
    prepare: async (who) => (await settleCustom(who), { url: `/api/exercises/${encodeURIComponent(DRAFT)}/custom-runs`, payload: { code: CODE, exportName: "sortIt", args: "[]" } }),
    expect: UNPUBLISHED(202),
  },
  // tiny-sort is a sorting exercise: past authorization, a replay is refused as unsupported (422).
  {
    route: "POST /api/exercises/{id}/replays",
    prepare: async () => ({ url: `/api/exercises/${REPO_EX}/replays`, payload: { code: CODE, test: "sorts a small array", seed: "r-1" } }),
    expect: [401, 422, 422, 422, 422, 422, 422, 401],
  },
  {
    route: "POST /api/exercises/{id}/replays",
    prepare: async () => ({ url: `/api/exercises/${encodeURIComponent(DRAFT)}/replays`, payload: { code: CODE, test: "sorts a small array", seed: "r-1" } }),
    expect: UNPUBLISHED(422),
  },
  // A custom run is its owner's only: not even staff or admins see it (it is not coursework).
  { route: "GET /api/custom-runs/{id}", prepare: async () => ({ url: `/api/custom-runs/${studentCustomRun}` }), expect: [401, 200, 404, 404, 404, 404, 404, 401] },
  { route: "GET /api/exercises/{id}/submissions", prepare: async () => ({ url: `/api/exercises/${REPO_EX}/submissions` }), expect: USERS },
  { route: "GET /api/submissions/{id}", prepare: async () => ({ url: `/api/submissions/${studentSubmission}` }), expect: OWN_WORK },
  { route: "GET /api/submissions/{id}", prepare: async () => ({ url: `/api/submissions/${studentRun}` }), expect: OWN_WORK },
  { route: "GET /api/submissions/{id}/events", prepare: async () => ({ url: `/api/submissions/${studentSubmission}/events` }), expect: OWN_WORK },
  { route: "POST /api/exercises/{id}/regrade", prepare: async () => ({ url: `/api/exercises/${REPO_EX}/regrade` }), expect: [401, 403, 403, 202, 202, 202, 202, 401] },
  { route: "GET /api/exercises/{id}/regrade", prepare: async () => ({ url: `/api/exercises/${REPO_EX}/regrade` }), expect: STAFF },
  { route: "GET /api/regrades/{id}", prepare: async () => ({ url: `/api/regrades/${regradeId}` }), expect: [401, 403, 403, 200, 404, 200, 404, 401] },
  { route: "POST /api/exercises", prepare: async () => ({ url: "/api/exercises", payload: { id: fresh("new"), files } }), expect: [401, 403, 403, 201, 201, 201, 201, 401] },
  { route: "GET /api/exercises/{id}/files", prepare: async () => ({ url: `/api/exercises/${A()}/files` }), expect: AUTHOR },
  { route: "PUT /api/exercises/{id}/files", prepare: async () => ({ url: `/api/exercises/${A()}/files`, payload: { files } }), expect: AUTHOR },
  { route: "POST /api/exercises/{id}/validate", prepare: async () => ({ url: `/api/exercises/${A()}/validate` }), expect: AUTHOR },
  { route: "GET /api/exercises/{id}/validation", prepare: async () => ({ url: `/api/exercises/${A()}/validation` }), expect: AUTHOR },
  { route: "POST /api/exercises/{id}/publish", prepare: async () => ({ url: `/api/exercises/${A()}/publish` }), expect: AUTHOR },
  { route: "GET /api/exercises/{id}/archive", prepare: async () => ({ url: `/api/exercises/${REPO_EX}/archive` }), expect: STAFF },
  {
    route: "POST /api/exercises/import",
    prepare: async () => ({ url: `/api/exercises/import?id=${encodeURIComponent(fresh("imported"))}`, contentType: "application/zip", body: zip }),
    expect: [401, 403, 403, 201, 201, 201, 201, 401],
  },
];

function headersFor(who: Who, mode: "session" | "token"): Record<string, string> {
  if (who === "anon") return {};
  if (who === "revoked") return revoked[mode];
  return mode === "session" ? browsers[who].headers() : bearer(tokens[who]);
}

describe("authorization matrix: exercises, submissions, authoring", () => {
  for (const mode of ["session", "token"] as const) {
    // Hundreds of requests (each login a scrypt): longer than the default timeout on a busy machine.
    it(`every role against every route (${mode})`, { timeout: 180_000 }, async () => {
      const failures: string[] = [];
      for (const c of CASES) {
        const method = c.route.split(" ")[0] as "GET" | "POST" | "PUT";
        for (const [i, who] of WHO.entries()) {
          const { url, payload, contentType, body } = await c.prepare(who);
          const headers = { ...headersFor(who, mode), ...(contentType ? { "content-type": contentType } : {}) };
          const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : body ? { payload: body } : {}) });
          if (res.statusCode !== c.expect[i]) failures.push(`${who} ${method} ${url}: ${res.statusCode} (want ${c.expect[i]}) ${res.body.slice(0, 120)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("covers every route of the exercise, submission and authoring groups", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const groups = new Set(["exercises", "submissions", "authoring"]);
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.some((tag) => groups.has(tag)))
        .map(([method]) => `${method.toUpperCase()} ${p}`),
    );
    const covered = new Set(CASES.map((c) => c.route));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect(routes.length).toBe(covered.size);
  });

  it("lists another author's unpublished exercise to nobody but its author and admins", async () => {
    const listed = async (who: Member) =>
      ((await t.app.inject({ method: "GET", url: "/api/exercises", headers: bearer(tokens[who]) })).json() as Array<{ id: string }>).map((e) => e.id);
    expect(await listed("owner")).toContain(DRAFT);
    expect(await listed("admin")).toContain(DRAFT);
    for (const who of ["student", "otherInstructor", "coInstructor"] as const) expect(await listed(who), who).not.toContain(DRAFT);
  });

  it("never shows a student the reference, the tests' code or the mutants", async () => {
    const seen = [
      await t.app.inject({ method: "GET", url: `/api/exercises/${REPO_EX}`, headers: browsers.student.headers() }),
      await t.app.inject({ method: "GET", url: `/api/submissions/${studentSubmission}`, headers: browsers.student.headers() }),
      await t.app.inject({ method: "GET", url: "/api/exercises", headers: browsers.student.headers() }),
    ].map((r) => r.body).join("\n");
    for (const secret of ["let m = i", "31337", "arr[j]! > arr[m]!", "property("]) expect(seen).not.toContain(secret);
  });
});
