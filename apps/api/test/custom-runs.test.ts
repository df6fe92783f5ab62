// Custom runs and replays through the HTTP API on real PostgreSQL, run by real grader worker
// processes: validation, limits, ownership, results; and a threading failure's seed replayed.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomRunResult, GradeReport, ScheduleVisualizationData, SubmissionView, TestReport } from "@autograder/shared";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { loginAs, type SessionHeaders } from "../../../test-support/session.ts";
import { hashPassword } from "../src/auth/password.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import type { GradingQueue } from "../src/grading/queue-plugin.ts";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const SORT = encodeURIComponent("sorting/tiny-sort");
const BANK = encodeURIComponent("threading/bank-account");
const GOOD = "export function sortIt(a: number[]) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[j]! < a[i]!) [a[i], a[j]] = [a[j]!, a[i]!]; return a; }";

interface RunView {
  id: string;
  kind: "call" | "replay";
  status: string;
  result?: CustomRunResult;
  report?: GradeReport;
}

let t: TestApp;
let grader: Supervisor;
let student: SessionHeaders;
let other: SessionHeaders;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "custom-runs-"));
  await cp(path.join(REPO, "packages/sandbox/test/fixtures/exercises/sorting/tiny-sort"), path.join(root, "sorting/tiny-sort"), { recursive: true });
  await cp(path.join(REPO, "exercises/threading/bank-account"), path.join(root, "threading/bank-account"), { recursive: true });
  t = await createTestApp();
  const synced = await syncExercises(t.prisma, root);
  expect(synced.failed).toEqual([]);
  const passwordHash = await hashPassword("password-123");
  await t.prisma.user.create({ data: { email: "s@x.edu", name: "Stu", role: "student", passwordHash } });
  await t.prisma.user.create({ data: { email: "o@x.edu", name: "Other", role: "student", passwordHash } });
  student = await loginAs(t.app, "s@x.edu", "password-123");
  other = await loginAs(t.app, "o@x.edu", "password-123");
  grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 2 });
  await grader.ready;
}, 120_000);

afterAll(async () => {
  await grader?.stop();
  await t?.close();
  await rm(root, { recursive: true, force: true });
});

const post = (url: string, headers: SessionHeaders, payload: object) => t.app.inject({ method: "POST", url, headers, payload });

async function finished(id: string, headers: SessionHeaders = student): Promise<RunView> {
  for (let i = 0; i < 300; i++) {
    const res = await t.app.inject({ method: "GET", url: `/api/custom-runs/${id}`, headers });
    expect(res.statusCode).toBe(200);
    const view = res.json() as RunView;
    if (view.status === "done" || view.status === "error") return view;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`custom run ${id} did not finish`);
}

describe("custom runs", () => {
  it("calls the export on the typed arguments and returns the value and the sort steps", async () => {
    const res = await post(`/api/exercises/${SORT}/custom-runs`, student, { code: GOOD, exportName: "sortIt", args: "[[3, 1, 2]]" });
    expect(res.statusCode).toBe(202);
    const view = await finished((res.json() as { id: string }).id);
    expect(view).toMatchObject({ kind: "call", status: "done" });
    expect(view.result).toMatchObject({ status: "ok", value: "[1, 2, 3]", argsAfter: ["[1, 2, 3]"], stats: { swaps: 2 } });
    expect(view.result!.visualization!.data.initial).toEqual([3, 1, 2]);
    // Nothing of the tests or the reference: the hidden test's input is not in the answer.
    expect(JSON.stringify(view)).not.toContain("31337");
  });

  it("reports a function that never returns as a timeout verdict", async () => {
    const res = await post(`/api/exercises/${SORT}/custom-runs`, student, { code: "export function sortIt(a: number[]) { for (;;) {} }", exportName: "sortIt", args: "[[1]]" });
    const view = await finished((res.json() as { id: string }).id);
    expect(view.result?.status).toBe("timeout");
  });

  it("refuses bad requests with a sentence, and families without custom input", async () => {
    const badJson = await post(`/api/exercises/${SORT}/custom-runs`, student, { code: GOOD, exportName: "sortIt", args: "[[1, 2" });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.message).toMatch(/^The arguments are not valid JSON/);
    const notArray = await post(`/api/exercises/${SORT}/custom-runs`, student, { code: GOOD, exportName: "sortIt", args: '{"__proto__": 1}' });
    expect(notArray.json().error.message).toMatch(/JSON array/);
    const global = await post(`/api/exercises/${SORT}/custom-runs`, student, { code: GOOD, exportName: "constructor", args: "[]" });
    expect(global.statusCode).toBe(400);
    expect(global.json().error.message).toContain("sortIt");
    const huge = await post(`/api/exercises/${SORT}/custom-runs`, student, { code: GOOD, exportName: "sortIt", args: `[${"1,".repeat(10_000)}1]` });
    expect(huge.statusCode).toBe(400);
    const threading = await post(`/api/exercises/${BANK}/custom-runs`, student, { code: "export {}", exportName: "deposit", args: "[]" });
    expect(threading.statusCode).toBe(422);
    expect(threading.json().error.code).toBe("CUSTOM_RUN_UNSUPPORTED");
    const missing = await post(`/api/exercises/${encodeURIComponent("sorting/nope")}/custom-runs`, student, { code: GOOD, exportName: "sortIt", args: "[]" });
    expect(missing.statusCode).toBe(404);
  });

  it("shows a run to its owner only", async () => {
    const res = await post(`/api/exercises/${SORT}/custom-runs`, student, { code: GOOD, exportName: "sortIt", args: "[[2, 1]]" });
    const id = (res.json() as { id: string }).id;
    await finished(id);
    expect((await t.app.inject({ method: "GET", url: `/api/custom-runs/${id}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/custom-runs/${id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/custom-runs/00000000-0000-0000-0000-000000000000", headers: student })).statusCode).toBe(404);
  });

  it("admits exactly the per-minute limit out of simultaneous requests (one transaction under a per-user lock)", async () => {
    const user = await t.prisma.user.create({ data: { email: "burst@x.edu", name: "Burst", role: "student", passwordHash: "x" } });
    const version = (await t.prisma.exercise.findUniqueOrThrow({ where: { id: "sorting/tiny-sort" } })).publishedVersionId!;
    const job = { kind: "call" as const, userId: user.id, exerciseVersionId: version, code: GOOD, exportName: "sortIt", args: "[[1]]" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => (t.app as unknown as { grading: GradingQueue }).grading.enqueueCustomRun(job, { inFlight: 100, perMinute: 3 })));
    expect(answers.filter((a) => "id" in a)).toHaveLength(3);
    expect(answers.filter((a) => "refused" in a && a.refused === "per_minute")).toHaveLength(5);
  });
});

describe("replay this seed", () => {
  it("reruns the failing interleaving of a Run for the current code", async () => {
    const starter = ((await t.app.inject({ method: "GET", url: `/api/exercises/${BANK}`, headers: student })).json() as { starter: string }).starter;
    const run = await post(`/api/exercises/${BANK}/runs`, student, { code: starter });
    expect(run.statusCode).toBe(202);
    let graded: SubmissionView | undefined;
    for (let i = 0; i < 300 && graded?.status !== "graded"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      graded = (await t.app.inject({ method: "GET", url: `/api/submissions/${(run.json() as { id: string }).id}`, headers: student })).json() as SubmissionView;
    }
    // The stored report keeps the schedule seed (a string) and stays readable.
    expect(graded!.report!.message).toBeUndefined();
    const failed = graded!.report!.tests.find((x) => !x.passed && typeof (x.details as { seed?: unknown } | undefined)?.seed === "string") as TestReport | undefined;
    expect(failed).toBeDefined();
    const seed = String(failed!.details!.seed);
    const res = await post(`/api/exercises/${BANK}/replays`, student, { code: starter, test: failed!.name, seed });
    expect(res.statusCode).toBe(202);
    const view = await finished((res.json() as { id: string }).id);
    expect(view.kind).toBe("replay");
    const replayed = view.report!.tests;
    expect(replayed.map((x) => x.name)).toEqual([failed!.name]);
    expect(replayed[0]!.details!.seed).toBe(seed);
    const steps = (x: TestReport) => (x.details!.visualization!.data as ScheduleVisualizationData).steps;
    expect(steps(replayed[0]!)).toEqual(steps(failed!));
  });

  it("replays visible tests of threading exercises only", async () => {
    const hidden = await post(`/api/exercises/${BANK}/replays`, student, { code: "export {}", test: "several depositors and withdrawers", seed: "r-1" });
    expect(hidden.statusCode).toBe(404);
    const sorting = await post(`/api/exercises/${SORT}/replays`, student, { code: GOOD, test: "sorts a small array", seed: "r-1" });
    expect(sorting.statusCode).toBe(422);
    const badSeed = await post(`/api/exercises/${BANK}/replays`, student, { code: "export {}", test: "one deposit, one withdrawal", seed: "r-1; DROP" });
    expect(badSeed.statusCode).toBe(400);
  });
});

describe("with the graders stopped", () => {
  it("holds at most three of a user's custom runs in flight", async () => {
    const loop = { code: "export function sortIt(a: number[]) { for (;;) {} }", exportName: "sortIt", args: "[[1]]" };
    // No worker takes them now, so "in flight" does not depend on this machine's speed.
    await grader.stop();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await post(`/api/exercises/${SORT}/custom-runs`, other, loop)).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
  });
});
