// What authors see when validation throws: their own format or compile error, never the
// grader's internal error text (that goes to the log with the version id).
import { describe, expect, it, vi } from "vitest";
import { ExerciseFormatError } from "@autograder/exercise-format";
import { instructorDetail } from "../src/validate-version.ts";

describe("validation failure text", () => {
  it("shows the author's format error as is", () => {
    expect(instructorDetail("v1", new ExerciseFormatError("exercise.yaml", ["title is missing"]))).toBe("exercise.yaml: title is missing");
  });

  it("hides an internal error behind a sentence and logs it", () => {
    const log = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const internal = new Error("Invalid `prisma.exerciseVersion.update()` invocation in /work/apps/grader/src/validate-version.ts:20:5");
    const detail = instructorDetail("v2", internal);
    expect(detail).toContain("could not validate");
    expect(detail).toContain("v2");
    expect(detail).not.toMatch(/prisma|\/work\//);
    expect(String(log.mock.calls[0]?.[0])).toContain("prisma.exerciseVersion.update()");
    log.mockRestore();
  });
});
