// The score: late penalty from the effective due date, final points, counted percentage.
import { describe, expect, it } from "vitest";
import { countSubmission, daysLate, finalScore, latePenaltyPercent, type LateRules } from "../src/score.ts";

const due = new Date("2026-11-20T12:00:00Z");
const at = (iso: string) => new Date(iso);
const rules = (over: Partial<LateRules> = {}): LateRules => ({ dueAt: due, latePolicy: "percent_per_day", latePenaltyPercent: 10, ...over });

describe("late penalty", () => {
  it("counts started days late, caps at 100, and follows each policy", () => {
    expect(daysLate(rules(), at("2026-11-20T12:00:00Z"))).toBe(0);
    expect(daysLate(rules(), at("2026-11-20T12:00:01Z"))).toBe(1);
    expect(latePenaltyPercent(rules(), at("2026-11-22T13:00:00Z"))).toBe(30);
    expect(latePenaltyPercent(rules({ latePenaltyPercent: 60 }), at("2026-11-22T13:00:00Z"))).toBe(100);
    expect(latePenaltyPercent(rules({ latePolicy: "none" }), at("2026-12-20T00:00:00Z"))).toBe(0);
    expect(latePenaltyPercent(rules({ latePolicy: "no_credit_after_due" }), at("2026-11-20T12:00:01Z"))).toBe(100);
    expect(latePenaltyPercent(rules({ dueAt: null }), at("2030-01-01T00:00:00Z"))).toBe(0);
  });

  it("takes the effective due date as given: an extension moves it, nothing else is looked up", () => {
    const extended = rules({ dueAt: at("2026-11-23T12:00:00Z") });
    expect(latePenaltyPercent(rules(), at("2026-11-22T13:00:00Z"))).toBe(30);
    expect(latePenaltyPercent(extended, at("2026-11-22T13:00:00Z"))).toBe(0);
  });
});

describe("final score and counted percentage", () => {
  it("applies the penalty to points, never below zero", () => {
    expect(finalScore(5, 20)).toBe(4);
    expect(finalScore(5, 100)).toBe(0);
    expect(finalScore(5, 0)).toBe(5);
  });

  it("counts the stored final score, or computes it for a row without one", () => {
    const base = { id: "s", createdAt: at("2026-11-21T13:00:00Z"), score: 8, maxScore: 10, latePenaltyPercent: 25 };
    expect(countSubmission({ ...base, finalScore: 6 }, rules())).toMatchObject({ rawPercent: 80, latePenaltyPercent: 25, percent: 60 });
    // No stored final score: the rules' penalty (2 started days x 10%).
    expect(countSubmission({ ...base, finalScore: null }, rules())).toMatchObject({ rawPercent: 80, latePenaltyPercent: 20, percent: 64 });
    expect(countSubmission({ ...base, score: null, finalScore: null }, rules())).toBeNull();
  });
});
