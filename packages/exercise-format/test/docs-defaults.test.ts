// docs/exercise-format.md shows every limit with its default value; the schema is the truth,
// so the example must say the same numbers (the returnBytes default had drifted).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../src/index.ts";

const DOC = readFileSync(fileURLToPath(new URL("../../../docs/exercise-format.md", import.meta.url)), "utf8");

describe("docs/exercise-format.md", () => {
  it("shows each limit with its default from the manifest schema", () => {
    const documented = Object.fromEntries([...DOC.matchAll(/^\s+(\w+(?:Ms|Mb|Bytes)):\s+(\d+)\s+#/gm)].map((m) => [m[1], Number(m[2])]));
    expect(documented).toEqual(DEFAULT_LIMITS);
  });
});
