// The catalog trusts neither the describe CLI's stdout nor a stored manifest: both are parsed
// against the ExerciseDescription contract.
import { describe, expect, it } from "vitest";
import { ContractError } from "@autograder/shared/contracts";
import { catalogOf, parseDescribeOutput } from "../src/exercises/catalog.ts";

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

describe("stored catalog", () => {
  it("reads a stored catalog and counts a missing or malformed one as empty", () => {
    expect(catalogOf({ title: "x", catalog: GOOD["sorting/x"] })).toEqual(GOOD["sorting/x"]);
    for (const manifest of [null, "x", {}, { catalog: { tests: "all" } }, { catalog: { tests: [{ name: 1 }], declarations: {} } }]) {
      expect(catalogOf(manifest)).toEqual({ tests: [], declarations: {} });
    }
  });
});
