// The standalone grader reads GRADER_WORKERS, GRADER_CONCURRENCY, SHUTDOWN_TIMEOUT_MS and LOG_LEVEL with
// the API's schema: the same values are refused by both, with one line naming the variable.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../api/src/config.ts";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

function startGrader(env: Record<string, string>): { status: number | null; stderr: string } {
  // An unreachable database: every case here must be refused before any connection.
  const result = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", MAIN], {
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr };
}

const BAD: Array<[string, string]> = [
  ["GRADER_WORKERS", "-1"],
  ["GRADER_WORKERS", "65"],
  ["GRADER_WORKERS", "1.5"],
  ["GRADER_CONCURRENCY", "0"],
  ["GRADER_CONCURRENCY", "65"],
  ["GRADER_CONCURRENCY", "two"],
  ["SHUTDOWN_TIMEOUT_MS", "999"],
  ["SHUTDOWN_TIMEOUT_MS", "600001"],
  ["LOG_LEVEL", "loud"],
];

describe("grader environment", () => {
  it("refuses the values the API's config refuses, in one line naming the variable", () => {
    for (const [key, value] of BAD) {
      expect(() => loadConfig({ [key]: value }), `${key}=${value}`).toThrow(`${key}=${JSON.stringify(value)}`);
      const { status, stderr } = startGrader({ [key]: value });
      expect(status, `${key}=${value}`).toBe(2);
      expect(stderr.trim().split("\n"), `${key}=${value}`).toHaveLength(1);
      expect(stderr).toContain(`${key}=${JSON.stringify(value)}`);
    }
  }, 120_000); // nine grader processes started one after the other

  it("refuses GRADER_WORKERS=0, which only `npm start` understands (grade elsewhere)", () => {
    expect(loadConfig({ GRADER_WORKERS: "0" }).graderWorkers).toBe(0);
    const { status, stderr } = startGrader({ GRADER_WORKERS: "0" });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^Invalid configuration: GRADER_WORKERS="0": .*at least 1/);
  });

  it("accepts the bounds the API accepts", () => {
    expect(loadConfig({ GRADER_WORKERS: "64", GRADER_CONCURRENCY: "64", SHUTDOWN_TIMEOUT_MS: "1000" })).toMatchObject({ graderWorkers: 64, graderConcurrency: 64, shutdownTimeoutMs: 1000 });
  });
});
