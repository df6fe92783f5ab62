import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildExercise, DEFAULT_LIMITS, ExerciseFormatError, findExerciseIds, loadExercise } from "../src/index.ts";

const EXERCISES = fileURLToPath(new URL("../../../exercises", import.meta.url));

const files = (manifest: string, extra: Record<string, string> = {}): Record<string, string> => ({
  "exercise.yaml": manifest,
  "README.md": "# x",
  "starter.ts": "export function f() {}",
  "solution.ts": "export function f() { return 1; }",
  "tests.ts": 'import { test } from "judge";',
  ...extra,
});
const MANIFEST = "title: T\nfamily: sorting\ndifficulty: easy\nexports: [f]\n";

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ExerciseFormatError);
    return (error as Error).message;
  }
  throw new Error("expected an ExerciseFormatError");
}

describe("the exercise format", () => {
  it("applies the default limits and computes a content hash", () => {
    const ex = buildExercise("sorting/x", files(MANIFEST));
    expect(ex.manifest.limits).toEqual(DEFAULT_LIMITS);
    expect(ex.manifest.rules).toEqual([]);
    expect(ex.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(buildExercise("sorting/x", files(MANIFEST, { "README.md": "# y" })).contentHash).not.toBe(ex.contentHash);
  });

  it("names the file and the field in its errors", () => {
    expect(problemsOf(() => buildExercise("sorting/x", files("title: T\nfamily: sorting\ndifficulty: impossible\nexports: []\n")))).toMatch(
      /^sorting\/x\/exercise\.yaml: .*difficulty.*exports/,
    );
    expect(problemsOf(() => buildExercise("sorting/x", files(`${MANIFEST}limits: { memoryMb: 1 }\n`)))).toContain("limits.memoryMb");
    expect(problemsOf(() => buildExercise("sorting/x", files(`${MANIFEST}colour: red\n`)))).toContain("colour");
    expect(problemsOf(() => buildExercise("sorting/x", files("title: [unclosed")))).toContain("not valid YAML");
  });

  it("requires the files, a matching family and listed mutants", () => {
    const { "tests.ts": _omit, ...noTests } = files(MANIFEST);
    expect(problemsOf(() => buildExercise("sorting/x", noTests))).toContain("missing file tests.ts");
    expect(problemsOf(() => buildExercise("sockets/x", files(MANIFEST)))).toContain('family: "sorting" but the folder is under sockets/');
    expect(problemsOf(() => buildExercise("sorting/x", files(MANIFEST, { "mutants/a.ts": "" })))).toContain("mutants/a.ts is not listed");
    expect(problemsOf(() => buildExercise("sorting/x", files(`${MANIFEST}mutants: [{ file: b.ts, catches: [t] }]\n`)))).toContain("mutants/b.ts does not exist");
    expect(problemsOf(() => buildExercise("Sorting/../x", files(MANIFEST)))).toContain("folder path");
  });

  it("loads every exercise of the repository", async () => {
    const ids = await findExerciseIds(EXERCISES);
    expect(ids).toEqual(expect.arrayContaining(["sorting/selection-sort", "threading/lock-counter"]));
    const one = await loadExercise(EXERCISES, "sorting/selection-sort");
    expect(one.files["solution.ts"]).toContain("export function selectionSort");
  });
});
