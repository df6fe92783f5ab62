import { describe, expect, it } from "vitest";
import { ContractError, DescribeOutput, GradeReport, GraderEnv, GradingJob, parseContract, parseEnv, parseJsonContract, StoredReport, StoredTestDetails } from "../src/contracts/index.ts";

const ID = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

describe("queue payloads", () => {
  it("accepts a grading job and rejects one without a submission id, naming the field", () => {
    expect(parseContract(GradingJob, { submissionId: ID }, "grading job")).toEqual({ submissionId: ID });
    expect(() => parseContract(GradingJob, { submissionId: 7 }, "grading job")).toThrow(/^grading job: \/submissionId /);
    expect(() => parseContract(GradingJob, { submissionId: "x'; DROP TABLE" }, "grading job")).toThrow(ContractError);
    expect(() => parseContract(GradingJob, null, "grading job")).toThrow(ContractError);
  });
});

describe("stored report", () => {
  it("accepts the graded and the failure shapes the grader writes", () => {
    expect(parseContract(StoredReport, { message: null, compileError: null, durationMs: 12 }, "report")).toBeTruthy();
    expect(parseContract(StoredReport, { message: "x", compileError: { message: "m", line: 1, column: 2 }, durationMs: 1 }, "report")).toBeTruthy();
    expect(parseContract(StoredReport, { code: "GRADER_FAILED", message: "m" }, "report")).toBeTruthy();
  });
  it("rejects a code outside the catalog and a graded report with wrong types", () => {
    expect(() => parseContract(StoredReport, { code: "SEGFAULT at 0xdead", message: "m" }, "report")).toThrow(ContractError);
    expect(() => parseContract(StoredReport, { message: null, compileError: null, durationMs: "12" }, "report")).toThrow(ContractError);
    expect(() => parseContract(StoredReport, [], "report")).toThrow(ContractError);
  });
  it("checks test details, including the verdict", () => {
    expect(parseContract(StoredTestDetails, { input: [3, 1], verdict: "timeout", visualization: { kind: "sorting", data: {} } }, "details")).toBeTruthy();
    expect(() => parseContract(StoredTestDetails, { verdict: "exploded" }, "details")).toThrow(ContractError);
  });
  it("a full report of the grader passes; a test without points does not", () => {
    const report = { exerciseId: "a/b", status: "passed", score: 1, maxScore: 1, durationMs: 3, stdout: "", tests: [{ name: "t", hidden: false, passed: true, points: 1, maxPoints: 1, message: "", durationMs: 1 }] };
    expect(parseContract(GradeReport, report, "report")).toEqual(report);
    expect(() => parseContract(GradeReport, { ...report, tests: [{ name: "t" }] }, "report")).toThrow(/\/tests\/0/);
  });
});

describe("describe CLI output", () => {
  it("accepts descriptions and errors per id", () => {
    const out = { "a/b": { tests: [{ name: "t", hidden: true, weight: 2 }], declarations: { threading: "declare module" } }, "c/d": { error: "no tests.ts" } };
    expect(parseJsonContract(DescribeOutput, JSON.stringify(out), "describe output")).toEqual(out);
  });
  it("rejects garbage: not JSON, wrong shapes, a warning line before the JSON", () => {
    expect(() => parseJsonContract(DescribeOutput, "Segmentation fault", "describe output")).toThrow(/not valid JSON/);
    expect(() => parseJsonContract(DescribeOutput, "(node:1) Warning\n{}", "describe output")).toThrow(ContractError);
    expect(() => parseJsonContract(DescribeOutput, "[1,2]", "describe output")).toThrow(ContractError);
    expect(() => parseJsonContract(DescribeOutput, JSON.stringify({ "a/b": { tests: "all" } }), "describe output")).toThrow(ContractError);
    expect(() => parseJsonContract(DescribeOutput, JSON.stringify({ "a/b": { tests: [], declarations: { x: 1 } } }), "describe output")).toThrow(ContractError);
  });
});

describe("grader env", () => {
  it("takes defaults for unset or empty variables", () => {
    expect(parseEnv(GraderEnv, {})).toEqual({ GRADER_WORKERS: 1, GRADER_CONCURRENCY: 2, SHUTDOWN_TIMEOUT_MS: 20_000 });
    expect(parseEnv(GraderEnv, { GRADER_WORKERS: "", GRADER_CONCURRENCY: "8" })).toEqual({ GRADER_WORKERS: 1, GRADER_CONCURRENCY: 8, SHUTDOWN_TIMEOUT_MS: 20_000 });
  });
  it("rejects non-integers and out-of-bounds values in one line naming the variable", () => {
    for (const [key, value] of [["GRADER_CONCURRENCY", "0"], ["GRADER_CONCURRENCY", "65"], ["GRADER_WORKERS", "1.5"], ["GRADER_WORKERS", "two"], ["SHUTDOWN_TIMEOUT_MS", "999"]] as const) {
      let message = "";
      try {
        parseEnv(GraderEnv, { [key]: value });
      } catch (error) {
        expect(error).toBeInstanceOf(ContractError);
        message = (error as Error).message;
      }
      expect(message).toContain(`${key}=${JSON.stringify(value)}`);
      expect(message).not.toContain("\n");
    }
  });
});
