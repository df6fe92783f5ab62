// Starts `npm start` on a temp data dir and prepares a course through the HTTP API.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startPlatformProcess, type PlatformProcess } from "../../../test-support/platform-process.ts";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface RunningPlatform {
  url: string;
  process: PlatformProcess;
  stop(): Promise<void>;
}

export const ADMIN = { email: "admin@e2e.example", password: "e2e admin password" };

export async function startPlatform(): Promise<RunningPlatform> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "autograder-e2e-"));
  // The embedded PostgreSQL runs as its own user when we are root: it must reach the folder.
  await chmod(dir, 0o755);
  const port = await freePort();
  const p = startPlatformProcess({
    DATA_DIR: path.join(dir, "data"),
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    GRADER_WORKERS: "1",
  });
  const [, url] = await p.waitFor(/is running at (http:\/\/\S+)/, 240_000);
  return {
    url: url as string,
    process: p,
    async stop() {
      p.child.kill("SIGTERM");
      await p.exited();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A logged-in HTTP client (cookie + CSRF token), for setting up data. */
export class Client {
  private cookie = "";
  private csrf = "";
  constructor(private readonly base: string) {}

  async login(email: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: { cookie: this.cookie, "x-csrf-token": this.csrf, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
