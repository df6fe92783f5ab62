// Instructors author, validate (in real grader workers), publish, export and import exercises.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSupervisor, validateVersion, type Supervisor } from "@autograder/grader";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { loginAs, type SessionHeaders } from "../../../test-support/session.ts";
import { hashPassword } from "../src/auth/password.ts";
import { syncExercises } from "../../../test-support/exercises.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const TINY = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises/sorting/tiny-sort/", import.meta.url));
const ID = "sorting/my-sort";
const URL_ID = encodeURIComponent(ID);

let t: TestApp;
let grader: Supervisor;
let teacher: SessionHeaders;
let otherTeacher: SessionHeaders;
let student: SessionHeaders;
let files: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  await syncExercises(t.prisma, FIXTURES);
  const passwordHash = await hashPassword("password-123");
  for (const [email, role] of [["t@x.edu", "instructor"], ["t2@x.edu", "instructor"], ["s@x.edu", "student"]] as const) {
    await t.prisma.user.create({ data: { email, name: email, role, passwordHash } });
  }
  teacher = await loginAs(t.app, "t@x.edu", "password-123");
  otherTeacher = await loginAs(t.app, "t2@x.edu", "password-123");
  student = await loginAs(t.app, "s@x.edu", "password-123");
  files = {};
  for (const name of ["exercise.yaml", "README.md", "starter.ts", "tests.ts", "mutants/reversed.ts"]) files[name] = await readFile(`${TINY}${name}`, "utf8");
  // A reference that fails its own tests.
  files["solution.ts"] = "export function sortIt(arr: number[]): number[] { return arr.reverse(); }";
  grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 2 });
  await grader.ready;
});

afterAll(async () => {
  await grader?.stop();
  await t.close();
});

const send = (method: "POST" | "PUT" | "GET", url: string, headers: SessionHeaders, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

interface ValidationState {
  versionId: string;
  validation: "pending" | "valid" | "invalid";
  done: number;
  total: number;
  report: unknown;
}

/** Starts a validation (the POST answers at once) and follows its progress until it ends. */
async function validated(headers: SessionHeaders, seen: ValidationState[] = []): Promise<ValidationState> {
  const started = await send("POST", `/api/exercises/${URL_ID}/validate`, headers);
  expect(started.statusCode).toBe(200);
  let state = started.json() as ValidationState;
  seen.push(state);
  for (let i = 0; i < 1200 && state.validation === "pending"; i++) {
    await new Promise((r) => setTimeout(r, 50));
    state = (await send("GET", `/api/exercises/${URL_ID}/validation`, headers)).json() as ValidationState;
    seen.push(state);
  }
  return state;
}

describe("exercise authoring", () => {
  it("creates an exercise; students cannot create one or see an unpublished one", async () => {
    expect((await send("POST", "/api/exercises", student, { id: ID, files })).statusCode).toBe(403);
    const bad = await send("POST", "/api/exercises", teacher, { id: ID, files: { ...files, "exercise.yaml": "title: x" } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain("sorting/my-sort/exercise.yaml");
    const created = await send("POST", "/api/exercises", teacher, { id: ID, files });
    expect(created.statusCode).toBe(201);
    expect((await send("POST", "/api/exercises", teacher, { id: ID, files })).statusCode).toBe(409);
    expect((await send("GET", `/api/exercises/${URL_ID}`, student)).statusCode).toBe(404);
    expect((await send("GET", `/api/exercises/${URL_ID}/files`, student)).statusCode).toBe(403);
  });

  it("refuses to publish a version whose reference fails its own tests, with the reason", async () => {
    expect(await validated(teacher)).toMatchObject({ validation: "invalid" });
    const publish = await send("POST", `/api/exercises/${URL_ID}/publish`, teacher);
    expect(publish.statusCode).toBe(422);
    expect(publish.json().error).toMatchObject({ code: "NOT_PUBLISHABLE" });
    expect(publish.json().error.message).toContain("reference scores 100%");
  });

  it("publishes a fixed version, which students then see", { timeout: 120_000 }, async () => {
    const fixed = { ...files, "solution.ts": await readFile(`${TINY}solution.ts`, "utf8") };
    expect((await send("PUT", `/api/exercises/${URL_ID}/files`, otherTeacher, { files: fixed })).statusCode).toBe(403);
    // No grader for a moment: the POST must answer without waiting for one (a job, not a poll).
    await grader.stop();
    const saved = await send("PUT", `/api/exercises/${URL_ID}/files`, teacher, { files: fixed });
    expect(saved.json()).toMatchObject({ isNew: true });
    const first = await send("POST", `/api/exercises/${URL_ID}/validate`, teacher);
    expect(first.json()).toMatchObject({ versionId: saved.json().versionId, validation: "pending", done: 0, total: 0 });
    grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 2 });
    await grader.ready;
    // The progress only goes up, to all of it (3 reference runs, the starter, 1 mutant).
    const progress: ValidationState[] = [];
    const end = await validated(teacher, progress);
    expect(end).toMatchObject({ validation: "valid", done: 5, total: 5 });
    // The mutation score (advice for the author, as exercises:quality measures it) joins the
    // report after the verdict.
    expect(end.report).toMatchObject({ qualityMeasuring: true });
    let state = end;
    for (let i = 0; i < 1200 && (state.report as { quality?: unknown }).quality === undefined; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await send("GET", `/api/exercises/${URL_ID}/validation`, teacher)).json() as ValidationState;
    }
    const quality = (state.report as { quality: { generated: number; mutants: number; killed: number; equivalent: number; survived: number; survivors: unknown[] } }).quality;
    expect((quality as { error?: string }).error).toBeUndefined();
    expect(quality.generated).toBeGreaterThan(0);
    expect(quality.mutants).toBe(Math.min(quality.generated, 24));
    expect(quality.killed + quality.equivalent + quality.survived).toBe(quality.mutants);
    expect(quality.survivors).toHaveLength(quality.survived);
    expect(state.report).not.toHaveProperty("qualityMeasuring");
    const done = progress.map((v) => v.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect((await send("POST", `/api/exercises/${URL_ID}/publish`, teacher)).statusCode).toBe(200);
    const seen = await send("GET", `/api/exercises/${URL_ID}`, student);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().tests).toHaveLength(4);
    expect(seen.body).not.toContain("31337");
  });

  it("a validation job run again after its worker died measuring the score keeps the verdict and says why there is no score", async () => {
    const latest = (await send("GET", `/api/exercises/${URL_ID}/validation`, teacher)).json() as ValidationState;
    const crashed = await t.prisma.exerciseVersion.create({
      data: {
        exerciseId: ID,
        number: 99,
        contentHash: "crashed-while-measuring",
        manifest: {},
        files: {},
        validation: "valid",
        validationReport: { checks: [{ what: "reference scores 100%", ok: true, detail: "" }], qualityMeasuring: true },
      },
    });
    // A second job of the same version (asked for twice) leaves a measurement in progress alone.
    await validateVersion(t.prisma, crashed.id);
    expect((await t.prisma.exerciseVersion.findUniqueOrThrow({ where: { id: crashed.id } })).validationReport).toMatchObject({ qualityMeasuring: true });
    await validateVersion(t.prisma, crashed.id, { retry: true });
    const after = await t.prisma.exerciseVersion.findUniqueOrThrow({ where: { id: crashed.id } });
    expect(after.validation).toBe("valid");
    expect(after.validationReport).toMatchObject({ checks: [{ what: "reference scores 100%", ok: true }], quality: { mutants: 0, error: expect.stringMatching(/^The mutation score could not be measured: the grader process measuring it stopped/) } });
    expect(after.validationReport).not.toHaveProperty("qualityMeasuring");
    expect(latest.versionId).not.toBe(crashed.id);
  });

  it("exports a zip and imports it under a new id", async () => {
    const zip = await t.app.inject({ method: "GET", url: `/api/exercises/${URL_ID}/archive`, headers: teacher });
    expect(zip.headers["content-type"]).toBe("application/zip");
    expect(zip.headers["content-disposition"]).toContain("sorting-my-sort.zip");
    const imported = await t.app.inject({ method: "POST", url: "/api/exercises/import?id=sorting%2Fmy-sort-copy", headers: { ...teacher, "content-type": "application/zip" }, payload: zip.rawPayload });
    expect(imported.statusCode).toBe(201);
    const copy = await send("GET", `/api/exercises/${encodeURIComponent("sorting/my-sort-copy")}/files`, teacher);
    expect(Object.keys(copy.json().files).sort()).toEqual(["README.md", "exercise.yaml", "mutants/reversed.ts", "solution.ts", "starter.ts", "tests.ts"]);
    const garbage = await t.app.inject({ method: "POST", url: "/api/exercises/import?id=sorting%2Fjunk", headers: { ...teacher, "content-type": "application/zip" }, payload: Buffer.from("not a zip") });
    expect(garbage.statusCode).toBe(422);
  });

  it("regrades the submissions of an exercise after a fix, with progress", async () => {
    const teacherId = (await t.prisma.user.findUniqueOrThrow({ where: { email: "t@x.edu" } })).id;
    const studentId = (await t.prisma.user.findUniqueOrThrow({ where: { email: "s@x.edu" } })).id;
    const course = await t.prisma.course.create({ data: { title: "C", joinCode: "REGRADE-1", ownerId: teacherId } });
    await t.prisma.enrollment.create({ data: { courseId: course.id, userId: studentId } });
    // A regrade covers the submissions made to the instructor's courses' assignments.
    const assignment = await t.prisma.assignment.create({ data: { courseId: course.id, exerciseId: ID } });
    const submitted = await send("POST", `/api/exercises/${URL_ID}/submissions`, student, { code: "export function sortIt(a: number[]) { return a; }", assignmentId: assignment.id });
    const submissionId = (submitted.json() as { id: string }).id;
    await t.app.inject({ method: "GET", url: `/api/submissions/${submissionId}/events`, headers: student });
    const before = await t.prisma.submission.findUniqueOrThrow({ where: { id: submissionId } });
    // The instructor gives the hidden test more weight and republishes.
    const current = (await send("GET", `/api/exercises/${URL_ID}/files`, teacher)).json() as { files: Record<string, string> };
    const reweighted = { ...current.files, "tests.ts": current.files["tests.ts"]!.replace("weight: 2", "weight: 4") };
    await send("PUT", `/api/exercises/${URL_ID}/files`, teacher, { files: reweighted });
    expect(await validated(teacher)).toMatchObject({ validation: "valid" });
    expect((await send("POST", `/api/exercises/${URL_ID}/publish`, teacher)).statusCode).toBe(200);
    expect((await send("POST", `/api/exercises/${URL_ID}/regrade`, student)).statusCode).toBe(403);
    const started = await send("POST", `/api/exercises/${URL_ID}/regrade`, teacher);
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ total: 1, finished: false, summary: null });
    let progress = started.json() as { id: string; finished: boolean; done: number };
    for (let i = 0; i < 300 && !progress.finished; i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = (await send("GET", `/api/regrades/${progress.id}`, teacher)).json() as typeof progress;
    }
    expect(progress).toMatchObject({ finished: true, done: 1 });
    // The identity "sort" fails every test before and after: 0 of 5, then 0 of 7.
    expect(progress).toMatchObject({ summary: { up: 0, down: 0, unchanged: 1, changes: [] } });
    const after = await t.prisma.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { tests: true } });
    expect(before.maxScore).toBe(5);
    expect(after).toMatchObject({ status: "graded", maxScore: 7 });
    expect(after.exerciseVersionId).not.toBe(before.exerciseVersionId);
    expect(after.tests).toHaveLength(4);
  });

  it("keeps repository exercises read-only through the API", async () => {
    const res = await send("PUT", `/api/exercises/${encodeURIComponent("sorting/tiny-sort")}/files`, teacher, { files });
    expect(res.statusCode).toBe(409);
  });
});
