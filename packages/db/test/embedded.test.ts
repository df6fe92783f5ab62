// The embedded PostgreSQL: a random password kept in a 0600 file, reachable on loopback TCP
// only, older data folders (postgres/postgres) moved to the kept password, and a server that
// cannot be restarted reported once.
import { existsSync, readFileSync, renameSync, statSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../src/embedded.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "autograder-embedded-"));
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function canConnect(port: number, password: string): Promise<boolean> {
  const c = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  c.on("error", () => {});
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

describe("embedded PostgreSQL", { timeout: 120_000 }, () => {
  it("generates a random password kept in a 0600 file, listens on 127.0.0.1 only and has no Unix socket", async () => {
    const passwordFile = path.join(dir, "fresh", "postgres-password");
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "fresh", "postgres"), passwordFile });
    try {
      const kept = readFileSync(passwordFile, "utf8").trim();
      expect(kept).toBe(db.password);
      expect(kept.length).toBeGreaterThanOrEqual(24);
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(await canConnect(db.port, "postgres")).toBe(false);
      const c = new pg.Client({ connectionString: db.urlFor("postgres") });
      await c.connect();
      const settings = await c.query<{ name: string; setting: string }>("SELECT name, setting FROM pg_settings WHERE name IN ('listen_addresses', 'unix_socket_directories') ORDER BY name");
      await c.end();
      expect(settings.rows).toEqual([
        { name: "listen_addresses", setting: "127.0.0.1" },
        { name: "unix_socket_directories", setting: "" },
      ]);
    } finally {
      await db.stop();
    }
    // The next start reads the same password.
    const again = await startEmbeddedPostgres({ dataDir: path.join(dir, "fresh", "postgres"), passwordFile });
    expect(again.password).toBe(db.password);
    await again.stop();
  });

  it("moves a data folder from an older version (postgres/postgres) to a kept random password", async () => {
    const dataDir = path.join(dir, "legacy", "postgres");
    const old = await startEmbeddedPostgres({ dataDir, password: "postgres" });
    const port = old.port;
    await old.stop();
    const passwordFile = path.join(dir, "legacy", "postgres-password");
    expect(existsSync(passwordFile)).toBe(false);
    const db = await startEmbeddedPostgres({ dataDir, passwordFile, port });
    try {
      expect(db.password).not.toBe("postgres");
      expect(await canConnect(db.port, db.password)).toBe(true);
      expect(await canConnect(db.port, "postgres")).toBe(false);
    } finally {
      await db.stop();
    }
  });

  it("two servers asked for the same port at once both start (the loser of the race moves to a free port)", async () => {
    const port = await freePort();
    const [a, b] = await Promise.all(["race-a", "race-b"].map((name) => startEmbeddedPostgres({ dataDir: path.join(dir, name, "postgres"), port, persistent: false })));
    try {
      expect(new Set([a!.port, b!.port]).size).toBe(2);
      expect([a!.port, b!.port]).toContain(port);
    } finally {
      await Promise.all([a!.stop(), b!.stop()]);
    }
  });

  it("reports once, in one line, a server that died and cannot be started again", async () => {
    const dataDir = path.join(dir, "doomed", "postgres");
    const giveUps: Error[] = [];
    const db = await startEmbeddedPostgres({ dataDir, watch: { onGiveUp: (e) => giveUps.push(e) } });
    renameSync(dataDir, `${dataDir}-moved`);
    process.kill(db.pid()!, "SIGKILL");
    const deadline = Date.now() + 30_000;
    while (giveUps.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(giveUps).toHaveLength(1);
    expect(giveUps[0]!.message).toMatch(/^PostgreSQL exited unexpectedly \(SIGKILL\) and could not be restarted after 5 attempts/);
    expect(giveUps[0]!.message).not.toContain("\n");
    await db.stop();
  });
});
