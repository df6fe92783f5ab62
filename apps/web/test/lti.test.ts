// The LTI pages' pure parts: the picker's request body and the admin form's lists.
import { describe, expect, it } from "vitest";
import { pickItems, splitList } from "../src/lti.ts";

describe("deep-linking picker", () => {
  it("sends a due date as an instant, a late policy only with a due date, a percentage only per day", () => {
    const local = "2030-01-15T23:59";
    expect(
      pickItems({
        "sorting/a": { dueAt: local, latePolicy: "percent_per_day", latePenaltyPercent: 10 },
        "sorting/b": { dueAt: "", latePolicy: "no_credit_after_due", latePenaltyPercent: 0 },
        "sorting/c": { dueAt: local, latePolicy: "no_credit_after_due", latePenaltyPercent: 25 },
        "sorting/d": { dueAt: "not a date", latePolicy: "percent_per_day", latePenaltyPercent: 5 },
      }),
    ).toEqual([
      { exerciseId: "sorting/a", dueAt: new Date(local).toISOString(), latePolicy: "percent_per_day", latePenaltyPercent: 10 },
      { exerciseId: "sorting/b", latePolicy: "none", latePenaltyPercent: 0 },
      { exerciseId: "sorting/c", dueAt: new Date(local).toISOString(), latePolicy: "no_credit_after_due", latePenaltyPercent: 0 },
      { exerciseId: "sorting/d", latePolicy: "none", latePenaltyPercent: 0 },
    ]);
  });

  it("splits the admin form's lists on lines, commas and spaces", () => {
    expect(splitList(" 1:abc\n2:def, 3:ghi  \n\n")).toEqual(["1:abc", "2:def", "3:ghi"]);
    expect(splitList("")).toEqual([]);
  });
});
