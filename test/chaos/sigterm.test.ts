// SIGTERM under load, to exactly what Docker signals (the Dockerfile's CMD): the platform
// stops within SHUTDOWN_TIMEOUT_MS (running gradings finish or go back to the queue), and after
// a restart on the same data every accepted submission is graded exactly once.
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, freePort } from "@autograder/db";
import { makeUser } from "../../apps/api/test/support/accounts.ts";
import { REPO_ROOT, startPlatformProcess, type PlatformProcess } from "../../test-support/platform-process.ts";
import { gradedExactlyOnce } from "./harness.ts";

const SHUTDOWN_TIMEOUT_MS = 10_000;
const WRONG = "export function selectionSort(a: number[]) { return a; }";

function dockerCmd(): string[] {
  const dockerfile = readFileSync(path.join(REPO_ROOT, "Dockerfile"), "utf8");
  return JSON.parse([...dockerfile.matchAll(/^CMD\s+(\[.*\])\s*$/gm)].at(-1)![1]!) as string[];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "autograder-sigterm-"));
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function start(dataDir: string): Promise<{ p: PlatformProcess; url: string; dbUrl: string }> {
  const p = startPlatformProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), GRADER_WORKERS: "1", GRADER_CONCURRENCY: "2", SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) }, dockerCmd());
  const [, url] = await p.waitFor(/is running at (http:\/\/\S+)/);
  const [, port] = p.output().match(/embedded PostgreSQL on 127\.0\.0\.1:(\d+)/)!;
  const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
  return { p, url: url!, dbUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/autograder` };
}

describe("SIGTERM under load", { timeout: 300_000 }, () => {
  it("stops within the deadline and, after a restart, every accepted submission is graded exactly once", async () => {
    const dataDir = path.join(dir, "data");
    const first = await start(dataDir);
    const prisma = createPrisma(first.dbUrl);
    const sessions: Array<Record<string, string>> = [];
    for (let i = 0; i < 10; i++) {
      const email = `term-${i}@chaos.example`;
      await makeUser(prisma, "student", email);
      const login = await fetch(`${first.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "correct-horse-battery" }) });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      sessions.push({ cookie, "x-csrf-token": csrfToken, "content-type": "application/json" });
    }
    await prisma.$disconnect();
    const statuses: Record<number, number> = {};
    const accepted: string[] = [];
    await Promise.all(
      sessions.flatMap((headers) =>
        [1, 2, 3].map(async () => {
          const res = await fetch(`${first.url}/api/exercises/sorting%2Fselection-sort/submissions`, { method: "POST", headers, body: JSON.stringify({ code: WRONG }) });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 202) accepted.push(((await res.json()) as { id: string }).id);
        }),
      ),
    );
    expect(accepted.length).toBeGreaterThanOrEqual(20);
    const signalledAt = Date.now();
    first.p.child.kill("SIGTERM");
    const code = await first.p.exited();
    const stopMs = Date.now() - signalledAt;
    expect(code).toBe(0);
    expect(stopMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

    const second = await start(dataDir);
    const prisma2 = createPrisma(second.dbUrl);
    try {
      const outcome = await gradedExactlyOnce(prisma2, accepted, 120_000);
      const gradedBeforeStop = await prisma2.submission.count({ where: { id: { in: accepted }, gradedAt: { lt: new Date(signalledAt + stopMs) } } });
      console.log(JSON.stringify({ fault: "SIGTERM under load", submitted: 30, statuses, stopMs, gradedBeforeStop, ...outcome, missing: outcome.missing.length }));
      expect(outcome.missing).toEqual([]);
      expect(outcome.duplicated).toBe(0);
    } finally {
      await prisma2.$disconnect();
      second.p.child.kill("SIGTERM");
      expect(await second.p.exited()).toBe(0);
    }
  });
});
