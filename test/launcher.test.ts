// `npm start` as a person uses it: start, persist, refuse a second copy, stop cleanly.
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@autograder/db";
import { startPlatformProcess } from "../test-support/platform-process.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "autograder-start-"));
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm start", { timeout: 240_000 }, () => {
  it("starts on an embedded PostgreSQL, refuses a second copy, stops cleanly and finds its data again", async () => {
    const dataDir = path.join(dir, "data");
    const port = await freePort();
    const first = startPlatformProcess({ DATA_DIR: dataDir, PORT: String(port) });
    const [, url] = await first.waitFor(/is running at (http:\/\/\S+)/);
    expect(url).toBe(`http://localhost:${port}`);
    expect(first.output()).toMatch(/Created the first admin: admin@localhost with password \S{12,}/);

    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", db: "ok" });

    const second = startPlatformProcess({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited()).toBe(1);
    expect(second.errors()).toMatch(/already running from this folder \(pid \d+/);

    first.child.kill("SIGTERM");
    expect(await first.exited()).toBe(0);
    expect(first.output()).toMatch(/Stopped\./);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const again = startPlatformProcess({ DATA_DIR: dataDir, PORT: String(port) });
    await again.waitFor(/is running at/);
    expect(again.output()).not.toMatch(/Created the first admin/);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    again.child.kill("SIGINT");
    expect(await again.exited()).toBe(0);
  });

  it("creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD without printing the password", async () => {
    const p = startPlatformProcess({
      DATA_DIR: path.join(dir, "data-admin"),
      PORT: String(await freePort()),
      ADMIN_EMAIL: "head@school.example",
      ADMIN_PASSWORD: "correct horse battery",
    });
    const [, url] = await p.waitFor(/is running at (http:\/\/\S+)/);
    expect(p.output()).toMatch(/Created the first admin: head@school.example \(password from ADMIN_PASSWORD\)/);
    expect(p.output()).not.toContain("correct horse battery");
    expect(p.output()).toMatch(/Exercises: \d+ loaded/);
    expect(p.output()).toMatch(/Grader: 1 worker process/);
    // The whole pipeline across processes: API -> queue -> grader worker -> result.
    const login = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "head@school.example", password: "correct horse battery" }) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const { csrfToken } = (await (await fetch(`${url}/api/auth/csrf`, { headers: { cookie } })).json()) as { csrfToken: string };
    const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
    const run = await fetch(`${url}/api/exercises/sorting%2Fselection-sort/runs`, { method: "POST", headers, body: JSON.stringify({ code: "export function selectionSort(a: number[]) { return a; }" }) });
    expect(run.status).toBe(202);
    const { id } = (await run.json()) as { id: string };
    const events = await (await fetch(`${url}/api/submissions/${id}/events`, { headers })).text();
    expect(events).toContain("event: graded");
    expect(events).toContain('"verdict":"failed"');
    p.child.kill("SIGTERM");
    expect(await p.exited()).toBe(0);
    expect(p.output()).toContain("Stopped.");
  });

  it.each([
    ["not-a-url", /^Could not start: DATABASE_URL is not a valid URL: expected postgresql:\/\/USER:PASSWORD@HOST:PORT\/DATABASE/],
    ["mysql://u:p@localhost/db", /^Could not start: DATABASE_URL must start with postgresql:\/\//],
    ["postgresql://u:p@127.0.0.1:1/db", /^Could not start: Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(database "db"\): connection refused/],
  ])("a bad DATABASE_URL %s gives one clear line", async (url, message) => {
    const p = startPlatformProcess({ DATA_DIR: path.join(dir, "data-bad"), PORT: String(await freePort()), DATABASE_URL: url });
    expect(await p.exited()).toBe(1);
    const lines = p.errors().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it("an invalid setting is named with its value", async () => {
    const p = startPlatformProcess({ DATA_DIR: path.join(dir, "data-cfg"), PORT: "http" });
    expect(await p.exited()).toBe(2);
    expect(p.errors().trim()).toBe('Invalid configuration: PORT="http": must be integer');
  });
});
