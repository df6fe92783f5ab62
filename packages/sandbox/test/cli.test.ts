import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FEATURE_FIXTURES, FIXTURES } from "./fixture.ts";

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = path.join(ROOT, "packages/sandbox/src/cli/grade.ts");

/** As `npm run grade` does: the script runs in the repo root, INIT_CWD is where the user was. */
async function runGrade(args: string[], userCwd = ROOT, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--no-node-snapshot", "--import", "tsx", CLI, ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: userCwd, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the grade CLI", () => {
  it("prints exactly one JSON object with --json, resolving a relative path from the caller's folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "grade-cli-"));
    await writeFile(path.join(dir, "mine.ts"), "export function sortIt(a: number[]) { return a; }");
    const result = await runGrade(["sorting/tiny-sort", "mine.ts", "--json", "--exercises", FIXTURES], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["exerciseId", "status", "score", "maxScore", "durationMs", "tests", "stdout"]));
    expect(report).toMatchObject({ exerciseId: "sorting/tiny-sort", status: "failed", score: 0, maxScore: 5 });
    const tests = report.tests as Array<Record<string, unknown>>;
    expect(Object.keys(tests[0]!)).toEqual(expect.arrayContaining(["name", "hidden", "passed", "points", "maxPoints", "message", "durationMs"]));
  });

  it("exits 0 with exactly one JSON object whatever the submission does", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "grade-cli-"));
    const hostile = [
      "export function sortIt(a: number[]) { console.log('x'.repeat(1e6)); throw new Error('m'.repeat(5e6)); }",
      "export function sortIt(a: number[]) { return 'r'.repeat(90_000); }",
      `export function sortIt(a: number[]) { return a; }\n${"let = ;\n".repeat(8000)}`,
      "throw new Error('Isolate was disposed during execution due to memory limit');\nexport function sortIt(a: number[]) { return a; }",
    ];
    for (const [i, source] of hostile.entries()) {
      await writeFile(path.join(dir, `h${i}.ts`), source);
      const result = await runGrade(["sorting/tiny-sort", `h${i}.ts`, "--json", "--exercises", FIXTURES], dir);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trim().split("\n")).toHaveLength(1);
      const report = JSON.parse(result.stdout) as { status: string };
      expect(["failed", "output_limit", "compile_error", "runtime_error"]).toContain(report.status);
    }
  }, 60_000);

  it("still prints one report when the grading process itself dies (V8 out of memory in the host)", async () => {
    // A 4 MB heap for the grading child: the host process dies of V8 out-of-memory, as when an
    // isolate's memory limit is hit inside V8's allocation retry and V8 aborts the process.
    const dir = await mkdtemp(path.join(os.tmpdir(), "grade-cli-"));
    await writeFile(path.join(dir, "mine.ts"), "export function sortIt(a: number[]) { return a; }");
    const result = await runGrade(["sorting/tiny-sort", "mine.ts", "--json", "--exercises", FIXTURES], dir, { GRADE_CLI_HEAP_MB: "4" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(result.stdout) as { status: string; score: number; message: string };
    expect(report.status).toBe("memory_limit");
    expect(report.score).toBe(0);
    expect(report.message).toMatch(/ran out of memory/);
  }, 60_000);

  it("prints a readable report by default and exits 0 on a verdict", async () => {
    const solution = path.join(FIXTURES, "sorting/tiny-sort/solution.ts");
    const result = await runGrade(["sorting/tiny-sort", solution, "--exercises", FIXTURES, "--seed", "3"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sorting\/tiny-sort: PASSED {2}score 5\/5/);
  });

  it("exits 2 with a message for an unknown exercise or a missing file", async () => {
    const unknown = await runGrade(["sorting/nope", "x.ts", "--exercises", FIXTURES]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown or invalid exercise "sorting/nope"');
    const missing = await runGrade(["sorting/tiny-sort", "does-not-exist.ts", "--exercises", FIXTURES]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read does-not-exist.ts");
    const usage = await runGrade([]);
    expect(usage.code).toBe(2);
  });
});

describe("the exercises:quality CLI", () => {
  it("prints each survivor and the table, measuring the exercise in a child process", async () => {
    const QUALITY = path.join(ROOT, "packages/sandbox/src/cli/quality.ts");
    const run = async (args: string[]): Promise<{ code: number; stdout: string }> => {
      try {
        const { stdout } = await exec(process.execPath, ["--no-node-snapshot", "--import", "tsx", QUALITY, ...args], { cwd: ROOT });
        return { code: 0, stdout };
      } catch (error) {
        const e = error as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
      }
    };
    // One survivor of 23 - 2 equivalent (95.2%): below --min 1, so exit 1.
    const full = await run(["sorting/judge-features", "--exercises", FEATURE_FIXTURES, "--min", "1"]);
    expect(full.code).toBe(1);
    expect(full.stdout).toContain("  survived: 5:22 EqualityOperator: compare(arr[j] as T, current) >= 0\n");
    expect(full.stdout).toMatch(/\| sorting\/judge-features \| 3\/3 \| 23 \| 20 \| 2 \| 1 \| 95\.2% \| [\d.]+ \|/);
    const sample = await run(["sorting/judge-features", "--exercises", FEATURE_FIXTURES, "--sample", "2", "--min", "0", "--json"]);
    expect(sample.code).toBe(0);
    expect((JSON.parse(sample.stdout) as Array<{ mutants: number }>)[0]?.mutants).toBe(2);
  }, 120_000);
});
