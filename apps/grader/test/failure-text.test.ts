// What authors see when validation throws: their own format or compile error, never the
// grader's internal error text (that goes to the log with the version id).
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ExerciseFormatError } from "@autograder/exercise-format";
import { instructorDetail } from "../src/validate-version.ts";

describe("validation failure text", () => {
  it("shows the author's format error as is", () => {
    expect(instructorDetail("v1", new ExerciseFormatError("exercise.yaml", ["title is missing"]))).toBe("exercise.yaml: title is missing");
  });

  it("hides an internal error behind a sentence and logs it", () => {
    const lines: string[] = [];
    const log = pino({ name: "grader" }, { write: (line: string) => lines.push(line) });
    const internal = new Error("Invalid `prisma.exerciseVersion.update()` invocation in /work/apps/grader/src/validate-version.ts:20:5");
    const detail = instructorDetail("v2", internal, log);
    expect(detail).toContain("could not validate");
    expect(detail).toContain("v2");
    expect(detail).not.toMatch(/prisma|\/work\//);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, versionId: "v2", err: { message: internal.message } });
  });
});
