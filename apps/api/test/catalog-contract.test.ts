// The catalog does not trust a stored manifest: it is parsed against the ExerciseDescription
// contract (the describe CLI's stdout is parsed by packages/sandbox/test/describe-process.test.ts).
import { describe, expect, it } from "vitest";
import { catalogOf } from "../src/exercises/catalog.ts";

const GOOD = { "sorting/x": { tests: [{ name: "sorts", hidden: false, weight: 1 }], declarations: { threading: "declare module \"threading\" {}" } }, "sorting/y": { error: "tests.ts: syntax error" } };

describe("stored catalog", () => {
  it("reads a stored catalog and counts a missing or malformed one as empty", () => {
    expect(catalogOf({ title: "x", catalog: GOOD["sorting/x"] })).toEqual(GOOD["sorting/x"]);
    for (const manifest of [null, "x", {}, { catalog: { tests: "all" } }, { catalog: { tests: [{ name: 1 }], declarations: {} } }]) {
      expect(catalogOf(manifest)).toEqual({ tests: [], declarations: {} });
    }
  });
});
