// Hostile input answers 4xx in the API's error shape, never 500 or Fastify's own shape:
// NUL bytes, huge numbers, impossible dates, bad percent-encoding, long params, bad JSON,
// wrong content types, and bodies of the wrong type (no coercion).
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { databaseErrorAsAppError } from "../src/http/database-errors.ts";
import { bearer, createToken, login, makeExercise, makeUser } from "./support/accounts.ts";

let t: TestApp;
let admin: Record<string, string>;
let teacher: Record<string, string>;
let student: Record<string, string>;
let courseId: string;
let assignmentId: string;
const EX = encodeURIComponent("input/ex");

beforeAll(async () => {
  t = await createTestApp();
  await makeExercise(t.prisma, "input/ex");
  const a = await makeUser(t.prisma, "admin", "admin@school.test");
  const i = await makeUser(t.prisma, "instructor", "teacher@school.test");
  await makeUser(t.prisma, "student", "student@school.test");
  admin = bearer((await createToken(t.app, await login(t.app, a.email))).token);
  teacher = bearer((await createToken(t.app, await login(t.app, i.email))).token);
  student = bearer((await createToken(t.app, await login(t.app, "student@school.test"))).token);
  courseId = (await t.prisma.course.create({ data: { title: "Input", joinCode: "INPUT001", ownerId: i.id } })).id;
  assignmentId = (await t.prisma.assignment.create({ data: { courseId, exerciseId: "input/ex" } })).id;
});
afterAll(() => t.close());

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function expectClientError(res: { statusCode: number; body: string; json(): unknown }, what: string): void {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  const body = res.json() as { error?: { code?: unknown; message?: unknown }; statusCode?: unknown };
  expect(Object.keys(body), what).toEqual(["error"]);
  expect(typeof body.error?.code, what).toBe("string");
  expect(typeof body.error?.message, what).toBe("string");
}

describe("input hardening", () => {
  it("refuses NUL bytes in every kind of string field", async () => {
    const cases: Array<[Method, string, Record<string, string>, object | undefined]> = [
      ["POST", "/api/auth/login", {}, { email: "a@b.test", password: "x\u0000y" }],
      ["POST", `/api/exercises/${EX}/runs`, student, { code: "let a = '\u0000';" }],
      ["PUT", `/api/exercises/${EX}/draft`, student, { code: "\u0000" }],
      ["POST", "/api/tokens", student, { name: "bad\u0000name" }],
      ["POST", "/api/courses", teacher, { title: "T\u0000" }],
      ["PATCH", `/api/courses/${courseId}`, teacher, { title: "T\u0000" }],
      ["PATCH", `/api/courses/${courseId}/assignments/${assignmentId}`, teacher, { title: "A\u0000" }],
      ["POST", "/api/users", admin, { email: "n@b.test", password: "long-enough-pw", name: "N\u0000", role: "student" }],
      ["POST", "/api/courses/join", {}, { joinCode: "INPUT\u0000001", email: "x@b.test", password: "long-enough-pw", name: "X" }],
      ["GET", "/api/users?role=student%00", admin, undefined],
    ];
    for (const [method, url, headers, payload] of cases) {
      const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expectClientError(res, `${method} ${url}`);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
    }
  });

  it("bounds numbers and dates", async () => {
    const cases: Array<[Method, string, object | undefined]> = [
      ["GET", "/api/users?offset=99999999999999999999", undefined],
      ["GET", "/api/users?offset=1e308", undefined],
      ["GET", "/api/users?limit=-1", undefined],
      ["PATCH", `/api/courses/${courseId}/assignments/${assignmentId}`, { dueAt: "0000-01-01T00:00:00Z" }],
      ["PATCH", `/api/courses/${courseId}/assignments/${assignmentId}`, { dueAt: "2026-12-31T23:59:60Z" }],
      ["PATCH", `/api/courses/${courseId}/assignments/${assignmentId}`, { dueAt: "+275760-09-13T00:00:00Z" }],
      ["PATCH", `/api/courses/${courseId}/assignments/${assignmentId}`, { opensAt: "2026-02-30T10:00:00Z" }],
    ];
    for (const [method, url, payload] of cases) {
      const res = await t.app.inject({ method, url, headers: method === "GET" ? admin : teacher, ...(payload ? { payload } : {}) });
      expectClientError(res, `${method} ${url} ${JSON.stringify(payload)}`);
    }
  });

  it("does not coerce body types: {code: 123} is a 400, not graded", async () => {
    for (const payload of [{ code: 123 }, { code: true }, { code: ["x"] }, { code: null }]) {
      const res = await t.app.inject({ method: "POST", url: `/api/exercises/${EX}/submissions`, headers: student, payload });
      expectClientError(res, JSON.stringify(payload));
      expect(res.statusCode).toBe(400);
    }
    const tokens = await t.app.inject({ method: "POST", url: "/api/tokens", headers: student, payload: { name: "t", expiresInDays: "7" } });
    expect(tokens.statusCode).toBe(400);
    expect(await t.prisma.submission.count()).toBe(0);
    // Query strings still parse numbers (they are text on the wire).
    expect((await t.app.inject({ method: "GET", url: "/api/users?limit=5&offset=0", headers: admin })).statusCode).toBe(200);
  });

  it("answers framework errors in the API's shape", async () => {
    const cases: Array<[Method, string, Record<string, string>, string | undefined]> = [
      ["GET", "/api/courses/%E0%A4%A", teacher, undefined],
      ["GET", "/api/exercises/%zz/submissions", student, undefined],
      ["GET", `/api/courses/${"a".repeat(5000)}`, teacher, undefined],
      ["GET", `/api/exercises/${"a".repeat(300)}`, student, undefined],
      ["POST", "/api/courses", { ...teacher, "content-type": "application/json" }, "{bad json"],
      ["POST", "/api/courses", { ...teacher, "content-type": "application/json" }, ""],
      ["POST", "/api/courses", { ...teacher, "content-type": "text/plain" }, "title=x"],
      ["POST", "/api/courses", { ...teacher, "content-type": "application/x-www-form-urlencoded" }, "title=x"],
      ["POST", "/api/courses", { ...teacher, "content-type": "application/json" }, JSON.stringify({ title: "x".repeat(2 * 1024 * 1024) })],
      ["POST", "/api/courses", { ...teacher, "content-type": "application/json" }, '{"title":"a","__proto__":{"x":1}}'],
    ];
    for (const [method, url, headers, payload] of cases) {
      const res = await t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
      expectClientError(res, `${method} ${url.slice(0, 60)} ${String(payload).slice(0, 30)}`);
    }
  });

  it("refuses NUL inside the files of an imported zip", async () => {
    const { toZip } = await import("../src/exercises/archive.ts");
    const dir = new URL("../../../packages/sandbox/test/fixtures/exercises/sorting/tiny-sort/", import.meta.url);
    const files: Record<string, string> = {};
    for (const name of ["exercise.yaml", "README.md", "starter.ts", "solution.ts", "tests.ts", "mutants/reversed.ts"]) files[name] = await readFile(new URL(name, dir), "utf8");
    files["README.md"] += "\u0000";
    const zip = Buffer.from(toZip("sorting/zipped", files));
    const res = await t.app.inject({ method: "POST", url: "/api/exercises/import?id=sorting%2Fzipped", headers: { ...teacher, "content-type": "application/zip" }, payload: zip });
    expectClientError(res, "zip with NUL");
  });

  it("maps database data errors to 4xx", async () => {
    const owner = (await t.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).ownerId;
    const refused = async (write: () => Promise<unknown>) => {
      try {
        await write();
      } catch (err) {
        return databaseErrorAsAppError(err);
      }
      throw new Error("the database accepted it");
    };
    // Real errors from PostgreSQL through Prisma: a NUL in text, an impossible timestamp, a missing row, a duplicate.
    expect((await refused(() => t.prisma.course.create({ data: { title: "a\u0000b", joinCode: "NUL00001", ownerId: owner } })))?.statusCode).toBe(400);
    expect((await refused(() => t.prisma.assignment.update({ where: { id: assignmentId }, data: { dueAt: new Date(Number.NaN) } })))?.statusCode).toBe(400);
    expect((await refused(() => t.prisma.course.update({ where: { id: "00000000-0000-0000-0000-000000000000" }, data: { title: "x" } })))?.code).toBe("NOT_FOUND");
    expect((await refused(() => t.prisma.course.create({ data: { title: "dup", joinCode: "INPUT001", ownerId: owner } })))?.code).toBe("CONFLICT");
    // And an error that is ours stays a 500.
    expect(databaseErrorAsAppError(new Error("boom"))).toBeUndefined();
  });
});
