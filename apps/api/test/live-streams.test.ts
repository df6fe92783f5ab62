// Live-status streams (Server-Sent Events): a cap per user, and a budget for opening them so a
// flood of opens leaves the rest of the API (here /api/health) served.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test-support/app.ts";
import { loginAs, type SessionHeaders } from "../../../test-support/session.ts";
import { hashPassword } from "../src/auth/password.ts";
import { syncExercises } from "../../../test-support/exercises.ts";
import type {} from "../src/grading/live-streams.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/sandbox/test/fixtures/exercises", import.meta.url));
const EXERCISE = "sorting/tiny-sort";

interface Opened {
  status: number;
  body: Promise<string>;
  close(): void;
}

/** Opens a stream on its own connection; resolves when the headers arrive. */
function open(base: string, path: string, headers: Record<string, string>): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      const body = new Promise<string>((done) => {
        res.on("end", () => done(text));
        res.on("close", () => done(text));
      });
      resolve({ status: res.statusCode ?? 0, body, close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}

async function setup(env: NodeJS.ProcessEnv) {
  const t = await createTestApp(env);
  await syncExercises(t.prisma, FIXTURES);
  const versionId = (await t.prisma.exercise.findUniqueOrThrow({ where: { id: EXERCISE } })).publishedVersionId!;
  const userId = (await t.prisma.user.create({ data: { email: "s@x.edu", name: "Stu", role: "student", passwordHash: await hashPassword("password-123") } })).id;
  // Queued and never graded (no grader here): its stream stays open.
  const submission = await t.prisma.submission.create({ data: { userId, exerciseId: EXERCISE, exerciseVersionId: versionId, kind: "run", code: "x" } });
  const headers: SessionHeaders = await loginAs(t.app, "s@x.edu", "password-123");
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  return { t, base, headers, path: `/api/submissions/${submission.id}/events` };
}

describe("live streams", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup({ SSE_PER_USER: "3", SSE_OPENS_PER_SECOND: "50" });
  });
  afterAll(() => s.t.close());

  it("caps the streams one user holds open, and frees the slot when one closes", async () => {
    const held = await Promise.all([1, 2, 3].map(() => open(s.base, s.path, s.headers)));
    expect(held.map((h) => h.status)).toEqual([200, 200, 200]);
    const fourth = await open(s.base, s.path, s.headers);
    expect(fourth.status).toBe(429);
    expect(JSON.parse(await fourth.body)).toEqual({ error: { code: "RATE_LIMITED", message: "At most 3 live streams at once; close another tab first." } });
    held[0]!.close();
    await held[0]!.body;
    await new Promise((r) => setTimeout(r, 100));
    const again = await open(s.base, s.path, s.headers);
    expect(again.status).toBe(200);
    for (const h of [...held, again]) h.close();
  });

  it("ends every stream with a `reconnect` event when the server closes", async () => {
    const a = await open(s.base, s.path, s.headers);
    expect(a.status).toBe(200);
    expect(s.t.app.liveStreams.count()).toBeGreaterThanOrEqual(1);
    s.t.app.liveStreams.closeAll();
    const body = await a.body;
    expect(body).toMatch(/event: reconnect\ndata: \{"retryMs":\d+\}\n\n$/);
  });
});

describe("a flood of stream opens", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup({ SSE_PER_USER: "1000", SSE_OPENS_PER_SECOND: "50" });
  });
  afterAll(() => s.t.close());

  it("500 opens within 5 s: over budget they get 429 at once, and /api/health stays served", { timeout: 60_000 }, async () => {
    const healthTimes: number[] = [];
    let flooding = true;
    const probe = (async () => {
      while (flooding) {
        const t0 = Date.now();
        const res = await fetch(`${s.base}/api/health`);
        expect(res.status).toBe(200);
        healthTimes.push(Date.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = Date.now();
    // All at once: the burst is bounded by this client's speed, not by a schedule.
    const opened = await Promise.all(Array.from({ length: 500 }, () => open(s.base, s.path, s.headers)));
    const floodMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 300));
    flooding = false;
    await probe;
    const statuses = opened.map((o) => o.status);
    for (const o of opened) o.close();
    const count = (code: number) => statuses.filter((x) => x === code).length;
    console.log(`500 opens in ${floodMs} ms: ${count(200)} streams, ${count(429)} refused; health max ${Math.max(...healthTimes)} ms over ${healthTimes.length} probes`);
    // On a loaded 2-core machine the client itself may need longer than 5 s to open 500.
    expect(floodMs).toBeLessThan(15_000);
    expect(count(200) + count(429)).toBe(500);
    // The bucket holds one second's worth and refills while the flood lasts.
    expect(count(200)).toBeLessThanOrEqual(50 + Math.ceil((floodMs / 1000) * 50) + 1);
    expect(healthTimes.length).toBeGreaterThan(3);
    // Before the budget: stalled for 10 s. A loaded machine adds a few hundred ms.
    expect(Math.max(...healthTimes)).toBeLessThan(2000);
  });
});
