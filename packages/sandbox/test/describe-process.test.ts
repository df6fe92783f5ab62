// The describe CLI runs in a child process (its `autograder-describe` bin) and its stdout is
// parsed against the DescribeOutput contract, never trusted.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ContractError } from "@autograder/shared/contracts";
import { describeInChildProcess, parseDescribeOutput } from "../src/describe-process.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/exercises", import.meta.url));
const GOOD = { "sorting/x": { tests: [{ name: "sorts", hidden: false, weight: 1 }], declarations: { threading: "declare module \"threading\" {}" } }, "sorting/y": { error: "tests.ts: syntax error" } };

describe("describe CLI output", () => {
  it("parses descriptions and per-exercise errors", () => {
    expect(parseDescribeOutput(`${JSON.stringify(GOOD)}\n`)).toEqual(GOOD);
  });

  it("rejects garbage with a ContractError naming the output", () => {
    const garbage = [
      "",
      "Killed",
      `(node:4242) ExperimentalWarning: ...\n${JSON.stringify(GOOD)}`,
      "null",
      JSON.stringify([GOOD]),
      JSON.stringify({ "sorting/x": { tests: [{ name: "sorts", hidden: "no", weight: 1 }], declarations: {} } }),
      JSON.stringify({ "sorting/x": { tests: [], declarations: { threading: null } } }),
      JSON.stringify({ "sorting/x": { error: 42 } }),
    ];
    for (const stdout of garbage) {
      expect(() => parseDescribeOutput(stdout), stdout).toThrow(ContractError);
      expect(() => parseDescribeOutput(stdout), stdout).toThrow(/^describe CLI output: /);
    }
  });
});

describe("describeInChildProcess", () => {
  it("describes an exercise and reports one it cannot load as an error, per id", async () => {
    const out = await describeInChildProcess(FIXTURES, ["sorting/tiny-sort", "no/such-exercise"]);
    const tiny = out["sorting/tiny-sort"];
    expect(tiny && "tests" in tiny ? tiny.tests.length : 0).toBeGreaterThan(0);
    expect(out["no/such-exercise"]).toMatchObject({ error: expect.any(String) });
  });

  it("is installed as the autograder-describe bin, which prints the same JSON", () => {
    const bin = path.join(ROOT, "node_modules/.bin/autograder-describe");
    const run = spawnSync(bin, [FIXTURES, "sorting/tiny-sort"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(Object.keys(parseDescribeOutput(run.stdout))).toEqual(["sorting/tiny-sort"]);
  });
});
