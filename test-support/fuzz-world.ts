// A small world for the fuzzer: an admin, an instructor with a course and an assignment, a
// student enrolled with a graded submission, tokens for scripts; identities for every role.
import { fileURLToPath } from "node:url";
import { syncExercises } from "./exercises.ts";
import { makeUser, login, createToken, bearer } from "../apps/api/test/support/accounts.ts";
import { createTestApp, type TestApp } from "./app.ts";
import { routesOf, type Identity, type Route } from "./fuzz.ts";

const FIXTURES = fileURLToPath(new URL("../packages/sandbox/test/fixtures/exercises", import.meta.url));

export interface FuzzWorld {
  t: TestApp;
  routes: Route[];
  identities: Identity[];
  knownIds: string[];
}

export async function fuzzWorld(): Promise<FuzzWorld> {
  const t = await createTestApp();
  await syncExercises(t.prisma, FIXTURES);
  const exercise = await t.prisma.exercise.findUniqueOrThrow({ where: { id: "sorting/tiny-sort" } });
  await makeUser(t.prisma, "admin", "admin@fuzz.example");
  const teacher = await makeUser(t.prisma, "instructor", "teacher@fuzz.example");
  const student = await makeUser(t.prisma, "student", "student@fuzz.example");
  const course = await t.prisma.course.create({ data: { title: "Fuzzing 101", joinCode: "FUZZ-101", ownerId: teacher.id } });
  await t.prisma.enrollment.create({ data: { courseId: course.id, userId: student.id } });
  const assignment = await t.prisma.assignment.create({ data: { courseId: course.id, exerciseId: exercise.id } });
  const submission = await t.prisma.submission.create({
    data: { userId: student.id, exerciseId: exercise.id, exerciseVersionId: exercise.publishedVersionId!, kind: "submit", code: "x", status: "graded", verdict: "failed", score: 0, maxScore: 5, gradedAt: new Date() },
  });
  const identities: Identity[] = [{ name: "anonymous", headers: {} }];
  for (const email of ["admin@fuzz.example", "teacher@fuzz.example", "student@fuzz.example"]) {
    const browser = await login(t.app, email);
    const role = email.split("@")[0]!;
    identities.push({ name: `${role} (cookie)`, headers: browser.headers() });
    // Tokens survive a fuzzed logout or password change of the cookie session.
    identities.push({ name: `${role} (token)`, headers: bearer((await createToken(t.app, browser, `fuzz-${role}`)).token) });
  }
  const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as Parameters<typeof routesOf>[0];
  return {
    t,
    routes: routesOf(doc),
    identities,
    knownIds: [exercise.id, course.id, assignment.id, submission.id, student.id, teacher.id, exercise.publishedVersionId!, "FUZZ-101"],
  };
}
