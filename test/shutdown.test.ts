// SIGTERM to exactly what Docker signals (the Dockerfile's CMD, PID 1 in the container) with a
// live-status client attached: the stream ends with `reconnect`, the process exits 0 within
// SHUTDOWN_TIMEOUT_MS and PostgreSQL is stopped. And `npm start`: its SIGTERM reaches node.
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@autograder/db";
import { REPO_ROOT, startPlatformProcess } from "../test-support/platform-process.ts";

const ADMIN = { email: "head@school.example", password: "correct horse battery" };
const SHUTDOWN_TIMEOUT_MS = 10_000;

function dockerCmd(): string[] {
  const dockerfile = readFileSync(path.join(REPO_ROOT, "Dockerfile"), "utf8");
  const cmd = [...dockerfile.matchAll(/^CMD\s+(\[.*\])\s*$/gm)].at(-1)?.[1];
  if (cmd === undefined) throw new Error("the Dockerfile has no exec-form CMD");
  return JSON.parse(cmd) as string[];
}

async function session(url: string): Promise<Record<string, string>> {
  const login = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await (await fetch(`${url}/api/auth/csrf`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

/** Opens a live-status stream and collects what arrives until the server ends it. */
function follow(url: string, id: string, headers: Record<string, string>): { opened: Promise<void>; ended: Promise<string> } {
  let opened!: () => void;
  const openedP = new Promise<void>((r) => (opened = r));
  const ended = new Promise<string>((resolve, reject) => {
    const req = http.get(`${url}/api/submissions/${id}/events`, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        body += d;
        if (body.includes("event: status")) opened();
      });
      res.on("end", () => resolve(body));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  return { opened: openedP, ended };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "autograder-shutdown-"));
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("shutdown", { timeout: 240_000 }, () => {
  it("SIGTERM to the Dockerfile's CMD: streams told to reconnect, stopped within the deadline", async () => {
    const cmd = dockerCmd();
    expect(cmd[0]).toBe("node");
    const dataDir = path.join(dir, "docker");
    // No graders: the submission stays queued, so its stream is still open at SIGTERM.
    const p = startPlatformProcess(
      { DATA_DIR: dataDir, PORT: String(await freePort()), GRADER_WORKERS: "0", SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
      cmd,
    );
    const [, url] = await p.waitFor(/is running at (http:\/\/\S+)/);
    const headers = await session(url!);
    const run = await fetch(`${url}/api/exercises/sorting%2Fselection-sort/runs`, { method: "POST", headers, body: JSON.stringify({ code: "export function selectionSort(a: number[]) { return a; }" }) });
    expect(run.status).toBe(202);
    const { id } = (await run.json()) as { id: string };
    const stream = follow(url!, id, headers);
    await stream.opened;
    const signalledAt = Date.now();
    p.child.kill("SIGTERM");
    const body = await stream.ended;
    expect(body).toContain("event: reconnect");
    expect(await p.exited()).toBe(0);
    const tookMs = Date.now() - signalledAt;
    expect(tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    console.log(`SIGTERM with a stream attached: stopped in ${tookMs} ms`);
    expect(p.output()).toMatch(/SIGTERM received[\s\S]*Stopped\./);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, "instance.lock"))).toBe(false);
  });

  it("SIGTERM to `npm start` reaches node (no orphan keeps the instance lock)", async () => {
    const dataDir = path.join(dir, "npm");
    const p = startPlatformProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), GRADER_WORKERS: "0" }, ["npm", "start", "--silent"]);
    await p.waitFor(/is running at/);
    p.child.kill("SIGTERM");
    await p.exited();
    const deadline = Date.now() + 20_000;
    while (existsSync(path.join(dataDir, "instance.lock")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(path.join(dataDir, "instance.lock"))).toBe(false);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    expect(p.output()).toContain("Stopped.");
  });
});
