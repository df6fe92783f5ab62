// With boxed tracking, each write in the sorting picture names the input position of the
// value written, so equal values stay distinguishable (stability is visible).
import { describe, expect, it } from "vitest";
import type { SortingOperation } from "@autograder/shared";
import { grade } from "../src/index.ts";
import { tinySort } from "./fixture.ts";

describe("sorting picture with boxed tracking", () => {
  it("a write carries the input position of the value it writes", async () => {
    const exercise = await tinySort();
    // Swaps a[0] and a[4] only: the boxed test ("counts comparisons", [5, 4, 3, 2, 1]) fails and shows its picture.
    const report = await grade(exercise, "export function sortIt(arr: number[]): number[] { const t = arr[0]!; arr[0] = arr[4]!; arr[4] = t; return arr; }", { mode: "run" });
    const test = report.tests.find((t) => t.name === "counts comparisons")!;
    expect(test.passed).toBe(false);
    const ops = (test.details?.visualization?.data as { operations: SortingOperation[] }).operations;
    const writes = ops.filter((op) => op[0] === "write");
    expect(writes).toEqual([
      ["write", 0, 1, 4],
      ["write", 4, 5, 0],
    ]);
    // Plain tracking (the first test) has no boxes: writes name no position.
    const plain = report.tests.find((t) => t.name === "sorts a small array")!;
    const plainOps = (plain.details?.visualization?.data as { operations: SortingOperation[] }).operations;
    expect(plainOps.filter((op) => op[0] === "write").every((op) => op.length === 3)).toBe(true);
  });
});
