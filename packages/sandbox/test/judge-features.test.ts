import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { validateExercise } from "../src/validate.ts";
import { wrapArrays } from "../src/track-arrays.ts";
import { FIXTURES } from "./fixture.ts";

let exercise: Exercise;
beforeAll(async () => {
  exercise = await loadExercise(FIXTURES, "sorting/judge-features");
});

const failed = async (source: string): Promise<string[]> => (await grade(exercise, source)).tests.filter((t) => !t.passed).map((t) => t.name);
const insertion = (body: string): string => `export function sortBy<T>(arr: T[], compare: (a: T, b: T) => number): T[] {\n${body}\n}`;

describe("judge features", () => {
  it("passes the reference, whose comparator calls, identity and arrays are observed", async () => {
    const report = await grade(exercise, exercise.files["solution.ts"]!);
    expect(report.status).toBe("passed");
  });

  it("compiles a comparator in the student's isolate and counts its calls", async () => {
    expect(await failed(insertion("for (let i = 1; i < arr.length; i++) for (let j = i; j > 0 && (arr[j - 1] as number) > (arr[j] as number); j--) [arr[j - 1], arr[j]] = [arr[j]!, arr[j - 1]!]; return arr;"))).toEqual(
      ["sorts numbers with the comparator it is given", "sorts strings by length", "builds no other array"],
    );
  });

  it("tells a returned copy from the argument itself (sameAsArg)", async () => {
    expect(await failed(insertion("const c = arr.slice(); for (let i = 0; i < c.length; i++) arr[i] = c[i]!; return Array.from(arr).sort(compare);"))).toContain("returns the same array, sorted");
  });

  it("sees an array built by literal and index writes, by spread, or by a built-in", async () => {
    expect(await failed(exercise.files["mutants/copies.ts"]!)).toEqual(["builds no other array"]);
    const viaPush = insertion("const b: T[] = []; for (const x of arr) b.push(x); for (let i = 1; i < arr.length; i++) { const c = arr[i]!; let j = i - 1; while (j >= 0 && compare(arr[j]!, c) > 0) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = c; } void b; return arr;");
    expect(await failed(viaPush)).toEqual(["builds no other array"]);
    const viaFrom = insertion("const b = Array.from({ length: arr.length }, (_, i) => arr[i]); void b; for (let i = 1; i < arr.length; i++) { const c = arr[i]!; let j = i - 1; while (j >= 0 && compare(arr[j]!, c) > 0) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = c; } return arr;");
    expect(await failed(viaFrom)).toEqual(["builds no other array"]);
  });

  it("wraps array literals, calls and new, but not an optional chain's links", () => {
    expect(wrapArrays("const a = [1, [2]]; f(g()); new X(); a?.b().c;", "T")).toBe("const a = T([1, T([2])]); T(f(T(g()))); T(new X()); T(a?.b().c);");
    expect(wrapArrays("f()();", "T")).toBe("T(T(f())());");
  });

  it("validates requirements: every one covered, no unknown id", async () => {
    const result = await validateExercise(exercise);
    expect(result.coverage?.rows.map((r) => [r.id, r.tests.length])).toEqual([["R1", 2], ["R2", 1], ["R3", 1]]);
    expect(result.checks.find((c) => c.what === "every requirement is tested")).toMatchObject({ ok: true });
    expect(result.ok).toBe(true);
    const files = { ...exercise.files, "tests.ts": exercise.files["tests.ts"]!.replace('requires: ["R3"]', 'requires: ["R9"]') };
    const broken = await validateExercise({ ...exercise, files, contentHash: `${exercise.contentHash}-broken` });
    expect(broken.checks.find((c) => c.what === "every requirement is tested")?.detail).toBe(
      'test "builds no other array" requires R9, which exercise.yaml does not list; requirement R3 is covered by no test ("It builds no other array.")',
    );
    expect(broken.ok).toBe(false);
  });
});
