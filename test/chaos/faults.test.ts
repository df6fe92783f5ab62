// Faults under load: a wave of submissions from many students, then a grader worker killed or
// PostgreSQL killed; every accepted submission must be graded exactly once within a bound.
import { afterEach, describe, expect, it } from "vitest";
import { gradedExactlyOnce, startStack, students, submitWave, type Stack } from "./harness.ts";

const BOUND_MS = 120_000;
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const until = async (cond: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await cond().catch(() => false))) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("faults under load", { timeout: 300_000 }, () => {
  it("grader workers killed (SIGKILL) mid-grading: every accepted submission graded exactly once", async () => {
    stack = await startStack(2);
    const s = stack;
    const who = await students(s, 10, "kill");
    const wave = await submitWave(s.app, who, 3);
    expect(wave.accepted.length).toBeGreaterThanOrEqual(20);
    await until(async () => (await s.prisma.submission.count({ where: { status: "running" } })) > 0, 30_000);
    const killed = s.grader.pids();
    for (const pid of killed) process.kill(pid, "SIGKILL");
    const outcome = await gradedExactlyOnce(s.prisma, wave.accepted, BOUND_MS);
    console.log(JSON.stringify({ fault: "grader workers killed", workersKilled: killed.length, submitted: 30, statuses: wave.statuses, ...outcome, missing: outcome.missing.length }));
    expect(outcome.missing).toEqual([]);
    expect(outcome.duplicated).toBe(0);
  });

  it("PostgreSQL killed (SIGKILL) mid-grading: restarted, the API answers within 30 s, every accepted submission graded exactly once", async () => {
    stack = await startStack(2);
    const s = stack;
    const who = await students(s, 10, "pg");
    const wave = await submitWave(s.app, who, 3);
    expect(wave.accepted.length).toBeGreaterThanOrEqual(20);
    await until(async () => (await s.prisma.submission.count({ where: { status: "running" } })) > 0, 30_000);
    const pid = s.db.pid()!;
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    // Submissions keep arriving during the outage: refused ones (503) are not accepted.
    const during = await submitWave(s.app, who.slice(0, 3), 1);
    let healthy = false;
    while (!healthy && Date.now() - killedAt < 30_000) {
      const res = await s.app.inject({ method: "GET", url: "/api/health" });
      healthy = res.statusCode === 200 && s.db.pid() !== undefined && s.db.pid() !== pid;
      if (!healthy) await new Promise((r) => setTimeout(r, 200));
    }
    const recoveredMs = Date.now() - killedAt;
    expect(healthy).toBe(true);
    const accepted = [...wave.accepted, ...during.accepted];
    const outcome = await gradedExactlyOnce(s.prisma, accepted, BOUND_MS);
    console.log(JSON.stringify({ fault: "PostgreSQL killed", recoveredMs, statuses: wave.statuses, duringOutage: during.statuses, ...outcome, missing: outcome.missing.length, restarts: s.restarts.filter((l) => /PostgreSQL/.test(l)) }));
    expect(recoveredMs).toBeLessThan(30_000);
    expect(outcome.missing).toEqual([]);
    expect(outcome.duplicated).toBe(0);
  });
});
