import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { validateExercise } from "../src/validate.ts";
import { wrapArrays } from "../src/track-arrays.ts";
import { measureQuality } from "../src/quality/quality.ts";
import { generateMutants } from "../src/quality/mutants.ts";
import { measureAuthorQuality } from "../src/quality/author-quality.ts";
import { Value } from "typebox/value";
import { StoredQuality } from "@autograder/shared/contracts";
import { FEATURE_FIXTURES } from "./fixture.ts";

let exercise: Exercise;
beforeAll(async () => {
  exercise = await loadExercise(FEATURE_FIXTURES, "sorting/judge-features");
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
      // The swaps' pairs ([a, b] = [b, a]) are arrays of two: allowed.
      ["sorts numbers with the comparator it is given", "sorts strings by length"],
    );
  });

  it("tells a returned copy from the argument itself (sameAsArg)", async () => {
    expect(await failed(insertion("const c = arr.slice(); for (let i = 0; i < c.length; i++) arr[i] = c[i]!; return Array.from(arr).sort(compare);"))).toContain("returns the same array, sorted");
  });

  it("sees an array built by literal and push, by spread, by a built-in, a typed array or a Map", async () => {
    expect(await failed(exercise.files["mutants/copies.ts"]!)).toEqual(["builds no other array"]);
    const viaPush = insertion("const b: T[] = []; for (const x of arr) b.push(x); for (let i = 1; i < arr.length; i++) { const c = arr[i]!; let j = i - 1; while (j >= 0 && compare(arr[j]!, c) > 0) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = c; } void b; return arr;");
    expect(await failed(viaPush)).toEqual(["builds no other array"]);
    const viaFrom = insertion("const b = Array.from({ length: arr.length }, (_, i) => arr[i]); void b; for (let i = 1; i < arr.length; i++) { const c = arr[i]!; let j = i - 1; while (j >= 0 && compare(arr[j]!, c) > 0) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = c; } return arr;");
    expect(await failed(viaFrom)).toEqual(["builds no other array"]);
    const viaTyped = insertion("const b = new Float64Array(arr.length); for (let i = 0; i < arr.length; i++) b[i] = arr[i] as number; for (let i = 1; i < arr.length; i++) { const c = arr[i]!; let j = i - 1; while (j >= 0 && compare(arr[j]!, c) > 0) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = c; } return arr;");
    expect(await failed(viaTyped)).toEqual(["builds no other array"]);
    const viaMap = insertion("const m = new Map<number, T>(); arr.forEach((x, i) => m.set(i, x)); for (let i = 1; i < arr.length; i++) { const c = arr[i]!; let j = i - 1; while (j >= 0 && compare(arr[j]!, c) > 0) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = c; } return arr;");
    expect(await failed(viaMap)).toEqual(["builds no other array"]);
  });

  it("gives a hidden test's hint for the cause it observed, also after shrinking", async () => {
    const message = async (source: string): Promise<string | undefined> => (await grade(exercise, source)).tests.find((t) => t.name === "hints name the cause they observed")?.message;
    const sorting = "for (let i = 1; i < arr.length; i++) { const c = arr[i]!; let j = i - 1; while (j >= 0 && compare(arr[j]!, c) > 0) { arr[j + 1] = arr[j]!; j--; } arr[j + 1] = c; }";
    expect(await message(insertion(`${sorting} return arr.slice();`))).toBe("Another array was returned.");
    expect(await message(insertion("if (arr.length > 2) [arr[0], arr[1]] = [arr[1]!, arr[0]!]; return arr;"))).toBe("The array was not sorted.");
    // A throw is not named in a hidden test: what the student's code does there (throw or not)
    // must not become a channel beyond pass/fail, so the author's hint is shown alone.
    expect(await message(insertion("if (arr.length > 3) throw new Error('no'); " + sorting + " return arr;"))).toBe("Arrays of small numbers.");
  });

  it("rejects code built from strings under track-arrays (it would escape the instrumentation)", async () => {
    for (const trick of ["eval('var b = arr.slice(); 0')", "new Function('a', 'return 1')(arr)", "(function () {}).constructor('return 1')()", "(async function () {}).constructor('return 1')"]) {
      const report = await grade(exercise, insertion(`${trick}; return arr;`));
      expect(report.status, trick).toBe("rejected");
      expect(report.message).toContain("Code built from strings is not allowed");
    }
  });

  it("wraps array literals, calls and new, but not an optional chain's links", () => {
    expect(wrapArrays("const a = [1, [2]]; f(g()); new X(); a?.b().c;", "T")).toBe("const a = T([1, T([2])]); T(f(T(g()))); T(new X()); T(a?.b().c);");
    expect(wrapArrays("f()();", "T")).toBe("T(T(f())());");
  });

  it("validates requirements: every one covered, no unknown id", async () => {
    const result = await validateExercise(exercise);
    expect(result.coverage?.rows.map((r) => [r.id, r.tests.length])).toEqual([["R1", 3], ["R2", 2], ["R3", 1]]);
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

describe("exercises:quality", () => {
  it("kills generated mutants, counts the recorded equivalents and reports a survivor", async () => {
    const result = await measureQuality(exercise);
    const status = new Map(result.results.map((r) => [r.id, r.status]));
    // Stryker's: the loop guard `j >= 0` replaced by true reads arr[-1] and the sort breaks.
    expect(status.get("5:12 ConditionalExpression: true")).toBe("killed");
    // No test checks stability: `>= 0` sorts correctly but moves equal elements.
    expect(status.get("5:22 EqualityOperator: compare(arr[j] as T, current) >= 0")).toBe("survived");
    expect(status.get("9:9 ConditionalExpression: true")).toBe("equivalent");
    expect(result).toMatchObject({ requirements: { covered: 3, total: 3 }, equivalent: 2, survived: 1, unknownEquivalents: [] });
    expect(result.killed).toBe(result.mutants - 3);
  }, 120_000);

  it("gives authors the same figures over a sample, with each survivor's line before and after", async () => {
    const all = await measureQuality(exercise);
    const quality = await measureAuthorQuality(exercise, 1000);
    expect(Value.Check(StoredQuality, quality)).toBe(true);
    expect(quality).toMatchObject({ requirements: { covered: 3, total: 3 }, mutants: all.mutants, killed: all.killed, equivalent: 2, survived: 1 });
    expect(quality.generated).toBe(all.mutants);
    expect(quality.survivors).toEqual([
      expect.objectContaining({ id: "5:22 EqualityOperator: compare(arr[j] as T, current) >= 0", line: 5 }),
    ]);
    const [survivor] = quality.survivors;
    expect(survivor?.original).toContain("> 0");
    expect(survivor?.mutated).toContain(">= 0");
    const sampled = await measureAuthorQuality(exercise, 4);
    expect(sampled.mutants).toBe(4);
    expect(sampled.generated).toBe(all.mutants);
  }, 180_000);

  it("makes the platform's own mutants: dropped await, wake one, loop once, byte order, early release", async () => {
    const source = [
      "async function f(c: Cond, lock: Lock, b: Buffer, v: DataView) {",
      "  await lock.acquire();",
      "  while (!ready) await c.wait();",
      "  shared = 1;",
      "  lock.release();",
      "  c.notifyAll();",
      "  b.writeUInt32BE(1, 0);",
      "  return v.getUint16(0);",
      "}",
    ].join("\n");
    const mine = (await generateMutants(source)).filter((m) => m.origin === "platform").map((m) => m.id);
    expect(mine).toEqual([
      "2:3 DropAwait: (removed)",
      "3:18 DropAwait: (removed)",
      "6:5 WakeOne: notify",
      "3:3 LoopOnce: if (",
      "7:5 SwapByteOrder: writeUInt32LE",
      "8:12 SwapByteOrder: getUint16(0, true)",
      "5:1 ReleaseEarly: lock.release();",
    ]);
  }, 60_000);
});
