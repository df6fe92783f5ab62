// Admission under concurrency: one student firing many requests at once gets exactly the
// per-student limits (3 in flight, 30 a minute), never more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test-support/app.ts";
import { createPrisma } from "@autograder/db";
import { MAX_IN_FLIGHT, MAX_PER_MINUTE, admitLocked } from "../src/grading/admission.ts";
import { bearer, createToken, login, makeExercise, makeUser } from "./support/accounts.ts";

let t: TestApp;
let versionId: string;
const URL_RUNS = `/api/exercises/${encodeURIComponent("race/ex")}/runs`;
const URL_SUBMIT = `/api/exercises/${encodeURIComponent("race/ex")}/submissions`;

beforeAll(async () => {
  t = await createTestApp();
  versionId = (await makeExercise(t.prisma, "race/ex")).versionId;
});
afterAll(() => t.close());

async function tokenOf(email: string): Promise<{ id: string; headers: Record<string, string> }> {
  const user = await makeUser(t.prisma, "student", email);
  const token = await createToken(t.app, await login(t.app, email));
  return { id: user.id, headers: bearer(token.token) };
}

function burst(n: number, headers: Record<string, string>) {
  return Promise.all(
    Array.from({ length: n }, (_, i) => t.app.inject({ method: "POST", url: i % 2 ? URL_RUNS : URL_SUBMIT, headers, payload: { code: `// ${i}` } })),
  );
}

describe("admission under concurrency", () => {
  it("accepts exactly 3 of 24 simultaneous submissions of one student", async () => {
    const student = await tokenOf("burst@school.test");
    const replies = await burst(24, student.headers);
    const statuses = replies.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 202)).toHaveLength(MAX_IN_FLIGHT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(24 - MAX_IN_FLIGHT);
    for (const r of replies.filter((x) => x.statusCode === 429)) expect(r.json().error.code).toBe("TOO_MANY_IN_FLIGHT");
    expect(await t.prisma.submission.count({ where: { userId: student.id } })).toBe(MAX_IN_FLIGHT);
  });

  it("holds the per-minute limit exactly under a burst", async () => {
    const student = await tokenOf("minute@school.test");
    // 28 finished in the last minute: 2 more fit.
    await t.prisma.submission.createMany({
      data: Array.from({ length: MAX_PER_MINUTE - 2 }, () => ({ userId: student.id, exerciseId: "race/ex", exerciseVersionId: versionId, kind: "run" as const, code: "", status: "graded" as const })),
    });
    const replies = await burst(12, student.headers);
    expect(replies.filter((r) => r.statusCode === 202)).toHaveLength(2);
    expect(await t.prisma.submission.count({ where: { userId: student.id } })).toBe(MAX_PER_MINUTE);
  });

  it("holds across API processes: the database lock alone admits exactly 3 of 24", async () => {
    const student = await makeUser(t.prisma, "student", "processes@school.test");
    // Separate clients (connection pools), as separate API processes would have.
    const clients = [createPrisma(t.db.url), createPrisma(t.db.url), createPrisma(t.db.url)];
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 24 }, (_, i) =>
          admitLocked(clients[i % 3]!, { userId: student.id, exerciseId: "race/ex", exerciseVersionId: versionId, kind: "run", code: `// ${i}` }, new Date()),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_IN_FLIGHT);
      for (const r of results) if (r.status === "rejected") expect((r.reason as { code?: string }).code).toBe("TOO_MANY_IN_FLIGHT");
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("does not slow other students down: two students at once get 3 each", async () => {
    const a = await tokenOf("a@school.test");
    const b = await tokenOf("b@school.test");
    const [ra, rb] = await Promise.all([burst(10, a.headers), burst(10, b.headers)]);
    expect(ra.filter((r) => r.statusCode === 202)).toHaveLength(MAX_IN_FLIGHT);
    expect(rb.filter((r) => r.statusCode === 202)).toHaveLength(MAX_IN_FLIGHT);
  });
});
