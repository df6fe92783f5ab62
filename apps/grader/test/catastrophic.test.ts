// isolated-vm's onCatastrophicError ends the worker process (so its supervisor restarts it),
// after one structured fatal log line.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CHILD = fileURLToPath(new URL("./fixtures/catastrophic-child.ts", import.meta.url));

describe("onCatastrophicError", () => {
  it("logs a fatal pino line and aborts the process", () => {
    const run = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", CHILD], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "info" } });
    expect(run.signal).toBe("SIGABRT");
    expect(run.stdout).not.toContain("still running");
    const line = JSON.parse(run.stdout.trim().split("\n")[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 60, name: "grader-worker", isolatedVm: "V8 lost the isolate (test)" });
  });
});
