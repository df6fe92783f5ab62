// Issue 16's "done when", end to end through the tool's real routes and a real grader: a
// simulated LMS registers the tool, launches an instructor (the course is created), deep-links
// three exercises (assignments with due dates), launches two students who submit, and receives
// their scores with the late policy applied; its roster shows who never opened the tool.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSupervisor, type Supervisor } from "@autograder/grader";
import { createTestApp, type TestApp } from "../../../../test-support/app.ts";
import { launcher, sessionCookie, targetOf, type Launcher } from "../../../../test-support/lti/launches.ts";
import { SCOPES, startPlatformServices, type PlatformServices } from "../../../../test-support/lti/platform-services.ts";
import { ROLE, readAutoPostForm, startSimulatedPlatform, type LaunchSpec, type SimulatedPlatform } from "../../../../test-support/lti/simulated-platform.ts";
import { syncExercises } from "../../../../test-support/exercises.ts";
import { login, makeExercise, makeUser } from "../support/accounts.ts";
import { until } from "../../../../test-support/until.ts";

const PUBLIC = "http://localhost:3000";
const LAUNCH_URL = `${PUBLIC}/lti/launch`;
const FIXTURES = fileURLToPath(new URL("../../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const GRADED = "sorting/tiny-sort";
const SOLVED = readFileSync(path.join(FIXTURES, GRADED, "solution.ts"), "utf8");
const STARTER = readFileSync(path.join(FIXTURES, GRADED, "starter.ts"), "utf8");
const DAY = 24 * 60 * 60 * 1000;
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

let t: TestApp;
let grader: Supervisor;
let sim: SimulatedPlatform;
let lms: PlatformServices;
let lti: Launcher;

/** The service claims a real LMS puts in every launch of a course with AGS and NRPS. */
function withServices(lineitem?: string): LaunchSpec["tamper"] {
  return (claims) => {
    claims["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = {
      scope: [SCOPES.lineItem, SCOPES.score],
      lineitems: lms.lineItemsUrl,
      ...(lineitem ? { lineitem } : {}),
    };
    claims["https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"] = { context_memberships_url: lms.membershipsUrl, service_versions: ["2.0"] };
  };
}

const COURSE = { id: "lms-course-7", title: "Sorting, the LMS edition" };
const teacher: LaunchSpec["user"] = { sub: "lms-teacher", name: "Ada Teacher", email: "ada@school.test", roles: [ROLE.instructor] };
const students: LaunchSpec["user"][] = [
  { sub: "lms-ann", name: "Ann Student", email: "ann@school.test", roles: [ROLE.learner] },
  { sub: "lms-ben", name: "Ben Student", email: "ben@school.test", roles: [ROLE.learner] },
];

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: PUBLIC });
  await syncExercises(t.prisma, FIXTURES);
  for (const id of ["sorting/lms-two", "sorting/lms-three"]) await makeExercise(t.prisma, id, { title: `Exercise ${id}` });
  sim = await startSimulatedPlatform();
  lms = await startPlatformServices({ clientId: sim.clientId, toolJwks: async () => (await t.app.inject({ method: "GET", url: "/lti/jwks" })).json() });
  lms.members = [
    { user_id: teacher.sub, roles: teacher.roles, name: teacher.name!, email: teacher.email! },
    ...students.map((s) => ({ user_id: s.sub, roles: s.roles, name: s.name!, email: s.email! })),
    { user_id: "lms-cat", roles: [ROLE.learner], name: "Cat Never", email: "cat@school.test" },
  ];
  lti = launcher(t.app, sim, LAUNCH_URL);
  grader = await startSupervisor({ databaseUrl: t.db.url, workers: 1, concurrency: 2 });
  await grader.ready;
});

afterAll(async () => {
  await grader?.stop();
  await lms?.close();
  await sim?.close();
  await t?.close();
});

describe("a course run inside a simulated LMS", () => {
  let courseId: string;
  let assignmentIds: string[];
  const lineItems: string[] = [];

  it("an admin registers the LMS; the first instructor launch creates the course", async () => {
    await makeUser(t.prisma, "admin", "admin@tool.test");
    const admin = await login(t.app, "admin@tool.test");
    const registered = await t.app.inject({ method: "POST", url: "/api/lti/platforms", headers: admin.headers(), payload: { ...sim.registration(), accessTokenUrl: lms.tokenUrl } });
    expect(registered.statusCode, registered.body).toBe(201);
    const { res } = await lti.launch({ user: teacher, context: COURSE, resourceLink: { id: "course-home" }, tamper: withServices() });
    expect(res.statusCode, res.body).toBe(200);
    const context = await t.prisma.ltiContext.findFirstOrThrow({ where: { contextId: COURSE.id }, include: { course: true } });
    expect(context.course.title).toBe(COURSE.title);
    expect(context).toMatchObject({ membershipsUrl: lms.membershipsUrl, lineItemsUrl: lms.lineItemsUrl });
    courseId = context.courseId;
  });

  it("the instructor deep-links three exercises: assignments with due dates, returned as signed resource links", async () => {
    const { res } = await lti.launch({ user: teacher, messageType: "LtiDeepLinkingRequest", context: COURSE, deepLinkingData: "dl-7", tamper: withServices() });
    expect(res.statusCode, res.body).toBe(200);
    const sessionId = targetOf(res.body).split("/").pop()!;
    const cookie = sessionCookie(res);
    const csrf = (await t.app.inject({ method: "GET", url: "/api/auth/csrf", headers: { cookie } })).json().csrfToken as string;
    // The first is two days overdue at 10% a day: every submit to it now loses 20%.
    const due = [new Date(Date.now() - 2 * DAY + 60_000).toISOString(), new Date(Date.now() + 7 * DAY).toISOString(), new Date(Date.now() + 14 * DAY).toISOString()];
    const pick = await t.app.inject({
      method: "POST",
      url: `/api/lti/deep-links/${sessionId}`,
      headers: { cookie, "x-csrf-token": csrf },
      payload: {
        items: [
          { exerciseId: GRADED, dueAt: due[0], latePolicy: "percent_per_day", latePenaltyPercent: 10 },
          { exerciseId: "sorting/lms-two", dueAt: due[1] },
          { exerciseId: "sorting/lms-three", dueAt: due[2] },
        ],
      },
    });
    expect(pick.statusCode, pick.body).toBe(200);
    assignmentIds = pick.json().assignmentIds;
    const assignments = await t.prisma.assignment.findMany({ where: { id: { in: assignmentIds } }, orderBy: { position: "asc" } });
    expect(assignments.map((a) => [a.courseId, a.dueAt?.toISOString()])).toEqual(due.map((d) => [courseId, d]));

    const form = readAutoPostForm((await t.app.inject({ method: "GET", url: pick.json().returnUrl, headers: { cookie } })).body);
    const payload = await sim.verifyDeepLinkingResponse(form.fields.JWT!, (await t.app.inject({ method: "GET", url: "/lti/jwks" })).json());
    expect(payload[`${DL}data`]).toBe("dl-7");
    const items = payload[`${DL}content_items`] as Array<{ custom: { assignment_id: string }; lineItem: { label: string; scoreMaximum: number }; submission?: { endDateTime: string } }>;
    expect(items.map((i) => i.custom.assignment_id)).toEqual(assignmentIds);
    expect(items.map((i) => i.submission?.endDateTime)).toEqual(due);
    // The LMS makes a gradebook column of each item's lineItem, as Canvas and Moodle do.
    items.forEach((item, i) => lineItems.push(lms.addLineItem({ label: item.lineItem.label, scoreMaximum: item.lineItem.scoreMaximum, resourceLinkId: `rl-${i}` })));
  });

  it("linking an assigned exercise again without settings keeps its due date and late policy", async () => {
    const before = await t.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentIds[0]! } });
    const { res } = await lti.launch({ user: teacher, messageType: "LtiDeepLinkingRequest", context: COURSE, tamper: withServices() });
    const sessionId = targetOf(res.body).split("/").pop()!;
    const cookie = sessionCookie(res);
    const csrf = (await t.app.inject({ method: "GET", url: "/api/auth/csrf", headers: { cookie } })).json().csrfToken as string;
    const pick = await t.app.inject({ method: "POST", url: `/api/lti/deep-links/${sessionId}`, headers: { cookie, "x-csrf-token": csrf }, payload: { items: [{ exerciseId: GRADED }] } });
    expect(pick.statusCode, pick.body).toBe(200);
    expect(pick.json().assignmentIds).toEqual([before.id]);
    const after = await t.prisma.assignment.findUniqueOrThrow({ where: { id: before.id } });
    expect({ dueAt: after.dueAt, latePolicy: after.latePolicy, latePenaltyPercent: after.latePenaltyPercent }).toEqual({ dueAt: before.dueAt, latePolicy: "percent_per_day", latePenaltyPercent: 10 });
  });

  it("two students launch the overdue assignment, submit, and the LMS receives their penalised scores", { timeout: 180_000 }, async () => {
    const codes = [SOLVED, STARTER];
    const submitted: string[] = [];
    for (const [i, student] of students.entries()) {
      const { res } = await lti.launch({ user: student, context: COURSE, resourceLink: { id: "rl-0" }, custom: { assignment_id: assignmentIds[0]! }, tamper: withServices(lineItems[0]) });
      expect(res.statusCode, res.body).toBe(200);
      expect(targetOf(res.body)).toBe(`/exercises/${encodeURIComponent(GRADED)}?assignment=${assignmentIds[0]}`);
      const cookie = sessionCookie(res);
      const csrf = (await t.app.inject({ method: "GET", url: "/api/auth/csrf", headers: { cookie } })).json().csrfToken as string;
      const sent = await t.app.inject({
        method: "POST",
        url: `/api/exercises/${encodeURIComponent(GRADED)}/submissions`,
        headers: { cookie, "x-csrf-token": csrf },
        payload: { code: codes[i], assignmentId: assignmentIds[0] },
      });
      expect(sent.statusCode, sent.body).toBe(202);
      submitted.push(sent.json().id as string);
    }
    const graded = await until("both gradings", async () => {
      const rows = await t.prisma.submission.findMany({ where: { id: { in: submitted } } });
      return rows.length === 2 && rows.every((r) => r.status === "graded") ? rows : null;
    });
    const scores = await until("both scores at the LMS", async () => {
      const got = students.map((s) => lms.scores.filter((x) => x.userId === s.sub).at(-1));
      return got.every((x) => x !== undefined) ? got : null;
    });
    for (const [i, score] of scores.entries()) {
      const row = graded.find((r) => r.id === submitted[i])!;
      expect(row.latePenaltyPercent).toBe(20);
      expect(score).toMatchObject({ lineItemId: lineItems[0], scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" });
      // The LMS gets the gradebook's percentage, the late penalty taken off.
      expect(score!.scoreGiven).toBeCloseTo((100 * row.finalScore!) / row.maxScore!, 6);
    }
    expect(scores[0]!.scoreGiven).toBe(80);
    expect(scores[1]!.scoreGiven).toBeLessThan(80);
    const book = (await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/gradebook`, headers: await teacherHeaders() })).json();
    expect(book.lmsLinked).toBe(true);
  });

  it("the roster synced from the LMS shows who never opened the tool", { timeout: 60_000 }, async () => {
    const headers = await teacherHeaders();
    expect((await t.app.inject({ method: "POST", url: `/api/courses/${courseId}/lti/roster-sync`, headers })).statusCode).toBe(202);
    const roster = await until("the roster", async () => {
      const r = (await t.app.inject({ method: "GET", url: `/api/courses/${courseId}/lti/roster`, headers })).json() as { members: Array<{ name: string; openedTool: boolean }> };
      return r.members?.length === 4 ? r : null;
    });
    expect(roster.members.filter((m) => !m.openedTool).map((m) => m.name)).toEqual(["Cat Never"]);
  });

  /** The instructor's session, from a fresh launch (the LMS account has no password). */
  async function teacherHeaders(): Promise<Record<string, string>> {
    const { res } = await lti.launch({ user: teacher, context: COURSE, resourceLink: { id: "course-home" }, tamper: withServices() });
    const cookie = sessionCookie(res);
    const csrf = (await t.app.inject({ method: "GET", url: "/api/auth/csrf", headers: { cookie } })).json().csrfToken as string;
    return { cookie, "x-csrf-token": csrf };
  }
});
