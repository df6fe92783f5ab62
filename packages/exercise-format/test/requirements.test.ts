import { describe, expect, it } from "vitest";
import { ExerciseFormatError, parseManifest } from "../src/index.ts";

const BASE = { title: "T", family: "sorting", difficulty: "easy", exports: ["f"] };

describe("the manifest's requirements", () => {
  it("are optional, and kept as given", () => {
    expect(parseManifest(BASE, "exercise.yaml").requirements).toBeUndefined();
    const requirements = [{ id: "R1", text: "Sorts in place." }, { id: "R2", text: "Returns the array." }];
    expect(parseManifest({ ...BASE, requirements }, "exercise.yaml").requirements).toEqual(requirements);
  });

  it("need an id and a text, and nothing else", () => {
    for (const bad of [[{ id: "R1" }], [{ id: "", text: "x" }], [{ id: "R1", text: "x", tests: [] }]]) {
      expect(() => parseManifest({ ...BASE, requirements: bad }, "exercise.yaml")).toThrow(ExerciseFormatError);
    }
  });
});
