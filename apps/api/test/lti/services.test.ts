// LTI Advantage services against a simulated LMS on a real port (test-support/lti/
// platform-services.ts), with real grader workers: a graded submit sends the score with the
// late penalty applied; retries with back-off on 500/429; a permanent 4xx ends "failed" with
// a readable error while grading is unaffected; "sync again"; a regrade sends the new score;
// the roster comes from NRPS over two pages and shows who never opened the tool.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { LTI_SCORE_QUEUE, requestScoreSync, type JobSender } from "@autograder/queue";
import { createTestApp, type TestApp } from "../../../../test-support/app.ts";
import { SCOPES, startPlatformServices, type PlatformServices } from "../../../../test-support/lti/platform-services.ts";
import { syncExercises } from "../../../../test-support/exercises.ts";
import type { ToolKeyStore } from "../../src/lti/tool-keys.ts";
import { createTokenClient } from "../../src/lti/services/token-client.ts";
import { nextLink } from "../../src/lti/services/nrps.ts";
import { nextTimestamp, scopeList } from "../../src/lti/services/score-sync.ts";
import { login, makeUser, type Browser } from "../support/accounts.ts";
import { until } from "../../../../test-support/until.ts";

const FIXTURES = fileURLToPath(new URL("../../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const EX = "sorting/tiny-sort";
const SOLVED = readFileSync(path.join(FIXTURES, EX, "solution.ts"), "utf8");
const DAY = 24 * 60 * 60 * 1000;
const CLIENT_ID = "tool-client-1";

let t: TestApp;
let dataDir: string;
let keys: ToolKeyStore;
let lms: PlatformServices;
let grader: Supervisor;
let teacher: Browser;
let student: { id: string; browser: Browser };
let courseId: string;
let assignmentId: string;
let platformId: string;
let ltiContextId: string;

async function submit(code: string): Promise<string> {
  const res = await t.app.inject({ method: "POST", url: `/api/exercises/${encodeURIComponent(EX)}/submissions`, headers: student.browser.headers(), payload: { code, assignmentId } });
  expect(res.statusCode).toBe(202);
  const id = res.json().id as string;
  await until("grading", async () => (await t.prisma.submission.findUnique({ where: { id } }))?.status === "graded");
  return id;
}

const syncRow = () => t.prisma.ltiScoreSync.findUnique({ where: { assignmentId_userId: { assignmentId, userId: student.id } } });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "lti-services-"));
  t = await createTestApp({ DATA_DIR: dataDir });
  // The API's own store, so the JWKS is the API's.
  keys = t.app.lti.toolKeys();
  lms = await startPlatformServices({ clientId: CLIENT_ID, toolJwks: () => keys.publicJwks() });
  await syncExercises(t.prisma, FIXTURES);
  const owner = await makeUser(t.prisma, "instructor", "teacher@school.test");
  teacher = await login(t.app, owner.email);
  const course = await t.prisma.course.create({ data: { title: "LMS course", joinCode: "LMSC0001", ownerId: owner.id } });
  courseId = course.id;
  // Due two days ago, 10% per started day late: a submit now loses 20%.
  assignmentId = (
    await t.prisma.assignment.create({ data: { courseId, exerciseId: EX, dueAt: new Date(Date.now() - 2 * DAY + 60_000), latePolicy: "percent_per_day", latePenaltyPercent: 10 } })
  ).id;
  const s = await makeUser(t.prisma, "student", "learner@school.test", "Lea Learner");
  await t.prisma.enrollment.create({ data: { courseId, userId: s.id } });
  student = { id: s.id, browser: await login(t.app, s.email) };
  // What the launch (lti-launch) stores from the platform's claims.
  const platform = await t.prisma.ltiPlatform.create({
    data: { name: "Sim LMS", issuer: lms.url, clientId: CLIENT_ID, authLoginUrl: `${lms.url}/auth`, accessTokenUrl: lms.tokenUrl, jwksUrl: `${lms.url}/jwks` },
  });
  platformId = platform.id;
  const context = await t.prisma.ltiContext.create({
    data: {
      platformId,
      deploymentId: "dep-1",
      contextId: "course-42",
      courseId,
      membershipsUrl: lms.membershipsUrl,
      lineItemsUrl: lms.lineItemsUrl,
      agsScopes: [SCOPES.lineItem, SCOPES.score, SCOPES.resultReadonly].join(" "),
    },
  });
  ltiContextId = context.id;
  const lineItemUrl = lms.addLineItem({ label: "Tiny sort", scoreMaximum: 10, resourceLinkId: "rl-1" });
  await t.prisma.ltiResourceLink.create({ data: { ltiContextId, resourceLinkId: "rl-1", assignmentId, lineItemUrl } });
  await t.prisma.ltiUserLink.create({ data: { platformId, sub: "lms-user-lea", userId: student.id, lastLaunchAt: new Date() } });
  grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 1 });
  await grader.ready;
});

afterAll(async () => {
  await grader?.stop();
  await lms?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("grade passback (AGS)", () => {
  it("a graded late submit posts the penalised score", { timeout: 60_000 }, async () => {
    await submit(SOLVED);
    const score = await until("the score at the LMS", async () => lms.scores.at(-1));
    expect(score).toMatchObject({
      lineItemId: `${lms.url}/lineitems/1`,
      userId: "lms-user-lea",
      scoreGiven: 80,
      scoreMaximum: 100,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
    });
    expect(score.comment).toMatch(/20% off/);
    expect(score.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const row = await until("synced", async () => ((await syncRow())?.status === "synced" ? syncRow() : null));
    expect(row).toMatchObject({ status: "synced", attempts: 1, scoreGiven: 80, lastError: null });
    // The gradebook shows the same score and the sync state.
    const book = (await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/gradebook`, headers: teacher.headers() })).json();
    expect(book.lmsLinked).toBe(true);
    expect(book.assignments[0].inLms).toBe(true);
    expect(book.students[0].cells[0]).toMatchObject({ score: 80, lmsSync: { status: "synced", attempts: 1, lastError: null } });
  });

  it("a platform failing twice (500, then 429) then succeeding ends synced, every attempt counted", { timeout: 60_000 }, async () => {
    const before = { scores: lms.scores.length, attempts: lms.scoreAttempts };
    lms.failScores(1, 500);
    const res = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: teacher.headers(), payload: { assignmentId, userId: student.id } });
    expect(res.statusCode).toBe(202);
    // The first attempt fails with 500; make the second fail with 429 before it runs.
    await until("first failure", async () => lms.scoreAttempts > before.attempts);
    lms.failScores(1, 429);
    const row = await until("synced after retries", async () => {
      const r = await syncRow();
      return r?.status === "synced" && r.attempts === 3 ? r : null;
    });
    expect(row.lastError).toBeNull();
    expect(lms.scoreAttempts - before.attempts).toBe(3);
    expect(lms.scores.length - before.scores).toBe(1);
  });

  it("a permanent 4xx ends failed with a readable error; grading is unaffected; sync again then sends it", { timeout: 60_000 }, async () => {
    lms.failScores(Infinity, 400);
    const id = await submit(SOLVED);
    expect((await t.prisma.submission.findUniqueOrThrow({ where: { id } })).verdict).toBe("passed");
    const row = await until("failed", async () => {
      const r = await syncRow();
      return r?.status === "failed" ? r : null;
    });
    expect(row.attempts).toBe(1);
    expect(row.lastErrorCode).toBe("LTI_SERVICE_FAILED");
    expect(row.lastError).toContain("HTTP 400");
    expect(row.lastError).toContain("told to fail with 400");
    const book = (await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/gradebook`, headers: teacher.headers() })).json();
    expect(book.students[0].cells[0].lmsSync).toMatchObject({ status: "failed", lastErrorCode: "LTI_SERVICE_FAILED" });
    expect(book.students[0].cells[0].score).toBe(80);

    lms.failScores(0, 500);
    const sent = lms.scores.length;
    const again = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: teacher.headers(), payload: { assignmentId, userId: student.id } });
    expect(again.statusCode).toBe(202);
    await until("synced again", async () => (await syncRow())?.status === "synced");
    expect(lms.scores.length).toBe(sent + 1);
    expect(lms.scores.at(-1)).toMatchObject({ scoreGiven: 80 });
  });

  it("a regrade posts the new score (an extension lifted the late penalty)", { timeout: 90_000 }, async () => {
    await t.prisma.submission.updateMany({ where: { assignmentId, userId: student.id }, data: { latePenaltyPercent: 0 } });
    const sent = lms.scores.length;
    const res = await t.app.inject({ method: "POST", url: `/api/exercises/${encodeURIComponent(EX)}/regrade`, headers: teacher.headers() });
    expect(res.statusCode).toBe(202);
    const score = await until("the regraded score", async () => lms.scores.slice(sent).find((s) => s.scoreGiven === 100));
    expect(score).toMatchObject({ userId: "lms-user-lea", scoreMaximum: 100 });
    expect(score.comment).toBeUndefined();
    // Every timestamp for this line item and user is later than the one before.
    const stamps = lms.scores.map((s) => Date.parse(s.timestamp));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it("a resource link without a line item: the column is found or created through the line items service", { timeout: 60_000 }, async () => {
    // The assignment's link becomes a fresh placement without a column.
    await t.prisma.ltiResourceLink.updateMany({ where: { assignmentId }, data: { lineItemUrl: null, resourceLinkId: "rl-new" } });
    const items = lms.lineItems.length;
    const res = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: teacher.headers(), payload: { assignmentId, userId: student.id } });
    expect(res.statusCode).toBe(202);
    const link = await until("a line item URL", async () => (await t.prisma.ltiResourceLink.findFirst({ where: { assignmentId, lineItemUrl: { not: null } } })));
    expect(lms.lineItems.length).toBe(items + 1);
    expect(lms.lineItems.at(-1)).toMatchObject({ id: link.lineItemUrl, label: "Tiny sort", scoreMaximum: 100, resourceLinkId: "rl-new", resourceId: assignmentId });
    await until("synced to the new column", async () => (await syncRow())?.status === "synced");
    expect(lms.scores.at(-1)?.lineItemId).toBe(link.lineItemUrl);
    // A second sync finds the created column instead of creating another.
    await t.prisma.ltiResourceLink.updateMany({ where: { assignmentId }, data: { lineItemUrl: null } });
    await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: teacher.headers(), payload: { assignmentId, userId: student.id } });
    await until("the link has its column again", async () => (await t.prisma.ltiResourceLink.findFirst({ where: { assignmentId, lineItemUrl: link.lineItemUrl } })));
    expect(lms.lineItems.length).toBe(items + 1);
  });

  it("staff only: a student cannot ask for a sync; a course without an LMS column answers LTI_NO_LINE_ITEM", async () => {
    const byStudent = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: student.browser.headers(), payload: { assignmentId, userId: student.id } });
    expect(byStudent.statusCode).toBe(403);
    const bad = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: teacher.headers(), payload: { assignmentId, userId: student.id, extra: 1 } });
    expect(bad.statusCode).toBe(400);
    const outsider = await makeUser(t.prisma, "student", "outsider@school.test");
    const notEnrolled = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: teacher.headers(), payload: { assignmentId, userId: outsider.id } });
    expect(notEnrolled.statusCode).toBe(404);
  });

  it("sync again for a student with nothing graded ends failed with LTI_NOTHING_TO_SEND, not pending forever", { timeout: 60_000 }, async () => {
    const idle = await makeUser(t.prisma, "student", "idle@school.test");
    await t.prisma.enrollment.create({ data: { courseId, userId: idle.id } });
    await t.prisma.ltiScoreSync.create({ data: { assignmentId, userId: idle.id, lineItemUrl: "x", scoreGiven: 0, scoreMaximum: 100, status: "synced" } });
    const res = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/score-sync`, headers: teacher.headers(), payload: { assignmentId, userId: idle.id } });
    expect(res.statusCode).toBe(202);
    const row = await until("failed", async () => {
      const r = await t.prisma.ltiScoreSync.findUnique({ where: { assignmentId_userId: { assignmentId, userId: idle.id } } });
      return r?.status === "failed" ? r : null;
    });
    expect(row.lastErrorCode).toBe("LTI_NOTHING_TO_SEND");
  });
});

describe("requestScoreSync (the grader's one call)", () => {
  it("queues only for an assignment placed in an LMS, and never throws", async () => {
    const sent: unknown[] = [];
    const recorder = { send: async (...args: unknown[]) => (sent.push(args), "job-id") } as unknown as JobSender;
    const plain = await t.prisma.course.create({ data: { title: "No LMS", joinCode: "NOLMS001", ownerId: (await t.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).ownerId } });
    const unplaced = await t.prisma.assignment.create({ data: { courseId: plain.id, exerciseId: EX } });
    expect(await requestScoreSync(t.prisma, recorder, { assignmentId: null, userId: student.id })).toEqual({ queued: false, reason: "not-an-assignment" });
    expect(await requestScoreSync(t.prisma, recorder, { assignmentId: unplaced.id, userId: student.id })).toEqual({ queued: false, reason: "no-lms-column" });
    expect(sent).toEqual([]);
    expect(await requestScoreSync(t.prisma, recorder, { assignmentId, userId: student.id })).toEqual({ queued: true });
    expect(sent).toEqual([[LTI_SCORE_QUEUE, { assignmentId, userId: student.id }, expect.objectContaining({ singletonKey: `${assignmentId}:${student.id}`, retryLimit: 5 })]]);
    const broken = { send: async () => Promise.reject(new Error("queue down")) } as unknown as JobSender;
    expect(await requestScoreSync(t.prisma, broken, { assignmentId, userId: student.id })).toEqual({ queued: false, reason: "error", error: "queue down" });
  });
});

describe("token client", () => {
  it("caches the token per platform and scopes; an assertion signed by another key is refused as a permanent failure", async () => {
    const platform = { id: platformId, clientId: CLIENT_ID, accessTokenUrl: lms.tokenUrl };
    const tokens = createTokenClient(() => keys.signingKey());
    const before = lms.tokenRequests;
    const a = await tokens.token(platform, [SCOPES.score]);
    const b = await tokens.token(platform, [SCOPES.score, SCOPES.score]);
    expect(a).toEqual(b);
    expect(lms.tokenRequests - before).toBe(1);
    await tokens.token(platform, [SCOPES.memberships]);
    expect(lms.tokenRequests - before).toBe(2);

    const stranger = await generateKeyPair("RS256");
    const forged = await createTokenClient(async () => ({ kid: (await keys.publicJwks()).keys[0]!.kid!, privateKey: stranger.privateKey })).token(platform, [SCOPES.score]);
    expect(forged).toMatchObject({ ok: false, error: { code: "LTI_TOKEN_FAILED", retryable: false } });
    expect(lms.tokenRejections.at(-1)).toMatch(/signature/);

    const wrongAudience = await createTokenClient(() => keys.signingKey()).token({ ...platform, accessTokenUrl: `${lms.tokenUrl}?x=1` }, [SCOPES.score]);
    expect(wrongAudience.ok).toBe(false);
    expect(lms.tokenRejections.at(-1)).toMatch(/aud/);
  });

  it("a cached token is replaced shortly before it expires", async () => {
    const shortLived = await startPlatformServices({ clientId: CLIENT_ID, toolJwks: () => keys.publicJwks(), tokenLifetime: 2 });
    try {
      const platform = { id: "short", clientId: CLIENT_ID, accessTokenUrl: shortLived.tokenUrl };
      const tokens = createTokenClient(() => keys.signingKey());
      const first = await tokens.token(platform, [SCOPES.score]);
      expect(await tokens.token(platform, [SCOPES.score])).toEqual(first);
      expect(shortLived.tokenRequests).toBe(1);
      // Lifetime 2 s, dropped 1 s early (half the lifetime at most, a minute for real tokens).
      await new Promise((r) => setTimeout(r, 1100));
      const second = await tokens.token(platform, [SCOPES.score]);
      expect(second.ok).toBe(true);
      expect(second).not.toEqual(first);
      // Each request carried a fresh jti: the platform refuses a reused one.
      expect(shortLived.tokenRequests).toBe(2);
      expect(shortLived.tokenRejections).toEqual([]);
    } finally {
      await shortLived.close();
    }
  });

  it("an unreachable token endpoint is a retryable failure", async () => {
    const tokens = createTokenClient(() => keys.signingKey());
    const result = await tokens.token({ id: "x", clientId: CLIENT_ID, accessTokenUrl: "http://127.0.0.1:9/token" }, [SCOPES.score]);
    expect(result).toMatchObject({ ok: false, error: { code: "LTI_SERVICE_UNREACHABLE", retryable: true } });
  });
});

describe("roster (NRPS)", () => {
  it("fetches both pages, links members to accounts and shows who never opened the tool", { timeout: 60_000 }, async () => {
    lms.members.push(
      { user_id: "lms-user-lea", name: "Lea Learner", email: "learner@school.test", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], status: "Active" },
      { user_id: "lms-user-ned", name: "Ned Never", email: "ned@school.test", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"] },
      { user_id: "lms-user-ida", name: "Ida Instructor", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"], status: "Active" },
    );
    const denied = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/roster-sync`, headers: student.browser.headers() });
    expect(denied.statusCode).toBe(403);
    const res = await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/roster-sync`, headers: teacher.headers() });
    expect(res.statusCode).toBe(202);
    await until("roster synced", async () => (await t.prisma.ltiContext.findUnique({ where: { id: ltiContextId } }))?.rosterSyncedAt);
    const roster = (await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/lti/roster`, headers: teacher.headers() })).json();
    expect(roster.rosterError).toBeNull();
    expect(roster.members).toHaveLength(3);
    const bySub = Object.fromEntries((roster.members as Array<{ sub: string }>).map((m) => [m.sub, m]));
    expect(bySub["lms-user-lea"]).toMatchObject({ userId: student.id, openedTool: true, name: "Lea Learner" });
    expect(bySub["lms-user-ned"]).toMatchObject({ userId: null, openedTool: false, status: "Active" });
    expect(bySub["lms-user-ida"]).toMatchObject({ openedTool: false, roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"] });
    expect(await t.prisma.ltiMember.count({ where: { ltiContextId } })).toBe(3);

    // A member gone from the LMS is gone after the next sync.
    lms.members.splice(1, 1);
    const at = (await t.prisma.ltiContext.findUniqueOrThrow({ where: { id: ltiContextId } })).rosterSyncedAt!;
    await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/roster-sync`, headers: teacher.headers() });
    await until("second sync", async () => ((await t.prisma.ltiContext.findUnique({ where: { id: ltiContextId } }))?.rosterSyncedAt?.getTime() ?? 0) > at.getTime());
    expect((await t.prisma.ltiMember.findMany({ where: { ltiContextId } })).map((m) => m.sub).sort()).toEqual(["lms-user-ida", "lms-user-lea"]);
  });

  it("a next page on another host is refused (the bearer token stays with the platform); the last roster is kept", { timeout: 60_000 }, async () => {
    lms.nextPageUrl = "http://127.0.0.2:9/steal?page=2";
    try {
      await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/roster-sync`, headers: teacher.headers() });
      const context = await until("the roster error", async () => (await t.prisma.ltiContext.findUnique({ where: { id: ltiContextId } }))?.rosterError);
      expect(context).toMatch(/another host/);
      expect(await t.prisma.ltiMember.count({ where: { ltiContextId } })).toBe(2);
      const roster = (await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/lti/roster`, headers: teacher.headers() })).json();
      expect(roster.rosterError).toMatch(/another host/);
    } finally {
      lms.nextPageUrl = null;
    }
  });

  it("a course not linked to an LMS answers LTI_NOT_LINKED", async () => {
    const other = await t.prisma.course.create({ data: { title: "Plain", joinCode: "PLAIN001", ownerId: (await t.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).ownerId } });
    const res = await t.app.inject({ method: "POST", url: `/api/courses/${other.id}/lti/roster-sync`, headers: teacher.headers() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("LTI_NOT_LINKED");
    const book = (await t.app.inject({ method: "GET", url: `/api/courses/${other.id}/gradebook`, headers: teacher.headers() })).json();
    expect(book.lmsLinked).toBe(false);
  });
});

describe("pieces", () => {
  it("reads rel=next among other links and parameters", () => {
    expect(nextLink(`<https://lms.test/m?p=1>; rel="prev", <https://lms.test/m?p=3>; rel="next"`)).toBe("https://lms.test/m?p=3");
    expect(nextLink(`<https://lms.test/m?p=2>; rel="differences next"`)).toBe("https://lms.test/m?p=2");
    expect(nextLink(`<https://lms.test/m?p=2>; rel="nextish"`)).toBeNull();
    expect(nextLink(null)).toBeNull();
  });

  it("timestamps strictly increase even when the clock does not", () => {
    const last = new Date("2026-11-30T12:00:00.000Z");
    expect(nextTimestamp(new Date("2026-11-30T12:00:00.000Z"), last).toISOString()).toBe("2026-11-30T12:00:00.001Z");
    expect(nextTimestamp(new Date("2026-11-30T11:00:00.000Z"), last).toISOString()).toBe("2026-11-30T12:00:00.001Z");
    expect(nextTimestamp(new Date("2026-11-30T13:00:00.000Z"), last).toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(scopeList(`${SCOPES.score}, ${SCOPES.lineItem}`)).toEqual([SCOPES.score, SCOPES.lineItem]);
    expect(scopeList(JSON.stringify([SCOPES.score, SCOPES.lineItem]))).toEqual([SCOPES.score, SCOPES.lineItem]);
    expect(scopeList("")).toEqual([]);
  });
});
