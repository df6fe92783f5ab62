// @vitest-environment jsdom
// The sentences that explain a late penalty and the code size against the API's limit.
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_CODE_BYTES } from "@autograder/shared";
import { codeSize, formatKB, utf8Bytes } from "../src/code-size.ts";
import { daysLate, latePenaltyText, type LateRules } from "../src/late.ts";
import { ResultsPanel } from "../src/components/ResultsPanel.tsx";

afterEach(cleanup);

const due = "2026-11-20T23:59:00.000Z";
const perDay: LateRules = { dueAt: due, latePolicy: "percent_per_day", latePenaltyPercent: 20 };
const noCredit: LateRules = { dueAt: due, latePolicy: "no_credit_after_due", latePenaltyPercent: 0 };

describe("latePenaltyText", () => {
  it("counts started days late as the API does", () => {
    expect(daysLate(due, "2026-11-20T23:59:00.000Z")).toBe(0);
    expect(daysLate(due, "2026-11-20T23:59:00.001Z")).toBe(1);
    expect(daysLate(due, "2026-11-22T10:00:00.000Z")).toBe(2);
    expect(daysLate(null, "2026-11-22T10:00:00.000Z")).toBe(0);
    expect(daysLate("not a date", "2026-11-22T10:00:00.000Z")).toBe(0);
  });

  it("says nothing when no penalty applied", () => {
    expect(latePenaltyText(0, "2026-11-22T10:00:00.000Z", perDay)).toBeNull();
    expect(latePenaltyText(Number.NaN, "2026-11-22T10:00:00.000Z", perDay)).toBeNull();
  });

  it("explains a percentage per day, in days and rate", () => {
    expect(latePenaltyText(40, "2026-11-22T10:00:00.000Z", perDay)).toBe("-40%: 2 days late, 20% a day");
    expect(latePenaltyText(20, "2026-11-21T00:00:00.000Z", perDay)).toBe("-20%: 1 day late, 20% a day");
    // Capped at 100% by the API.
    expect(latePenaltyText(100, "2026-11-28T00:00:00.000Z", perDay)).toBe("-100%: 8 days late, 20% a day");
  });

  it("explains no credit after the due date", () => {
    expect(latePenaltyText(100, "2026-11-21T00:00:00.000Z", noCredit)).toBe("No credit: submitted after the due date");
  });

  it("falls back to the percentage when the rules are unknown or no longer explain it", () => {
    expect(latePenaltyText(40, "2026-11-22T10:00:00.000Z", null)).toBe("-40%: late penalty");
    expect(latePenaltyText(40, null, perDay)).toBe("-40%: late penalty");
    // The due date was moved after the submission was scored.
    expect(latePenaltyText(40, "2026-11-19T10:00:00.000Z", perDay)).toBe("-40%: late penalty");
    expect(latePenaltyText(40, "2026-11-22T10:00:00.000Z", { dueAt: due, latePolicy: "none", latePenaltyPercent: 0 })).toBe("-40%: late penalty");
  });

  it("is shown next to the score of a graded submission", () => {
    render(
      <ResultsPanel
        lateRules={perDay}
        result={{ kind: "submit", status: "graded", report: null, score: 10, maxScore: 10, finalScore: 6, verdict: "passed", latePenaltyPercent: 40, submittedAt: "2026-11-22T10:00:00.000Z" }}
      />,
    );
    expect(screen.getByRole("status").textContent).toBe("Submission: All tests passed · Score 6/10 (60%) · -40%: 2 days late, 20% a day");
  });
});

describe("codeSize", () => {
  it("formats bytes and kilobytes", () => {
    expect(formatKB(0)).toBe("0 bytes");
    expect(formatKB(1)).toBe("1 byte");
    expect(formatKB(12_595)).toBe("12.3 KB");
    expect(formatKB(64 * 1024)).toBe("64 KB");
  });

  it("counts UTF-8 bytes, as the API does", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("😀")).toBe(4);
  });

  it("states the size against the limit, warning near it", () => {
    expect(codeSize(12_595)).toEqual({ text: "12.3 KB of 64 KB", level: "ok", message: null });
    expect(codeSize(Math.ceil(MAX_CODE_BYTES * 0.9)).level).toBe("near");
    expect(codeSize(MAX_CODE_BYTES)).toEqual({ text: "64 KB of 64 KB", level: "near", message: null });
  });

  it("is over the limit one byte past it, with a sentence saying what to do", () => {
    expect(codeSize(MAX_CODE_BYTES + 1)).toEqual({
      text: "64.0 KB of 64 KB",
      level: "over",
      message: "Your code is 64.0 KB, over the 64 KB limit: shorten it by 1 byte to run or submit it.",
    });
    expect(codeSize(70 * 1024).message).toBe("Your code is 70 KB, over the 64 KB limit: shorten it by 6 KB to run or submit it.");
  });
});
