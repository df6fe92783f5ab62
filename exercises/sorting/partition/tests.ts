import { seededInts, test, expect, student, property, fail, fc, inspect, type TestContext } from "judge";

type Trace = ReadonlyArray<readonly [string, ...unknown[]]>;

interface Problem {
  why: string;
  /** The hint for this cause (shown for hidden tests too: no values in it). */
  hint: string;
  requirement: string;
}

/** What is wrong with the result of partition(original, low, high), or null if it is right. */
function problem(original: readonly number[], low: number, high: number, after: readonly number[], p: unknown): Problem | null {
  if (!Array.isArray(after) || after.length !== original.length) return { why: "the array's length changed", hint: "Only move values around inside the range: never add or remove elements.", requirement: "R4" };
  if (typeof p !== "number" || !Number.isInteger(p)) return { why: `the return value must be an index, got ${String(p)}`, hint: "Return the index where the pivot ended up.", requirement: "R1" };
  if (p < low || p > high) return { why: `the returned index ${p} is outside [low, high]`, hint: "The pivot's final index is between low and high.", requirement: "R1" };
  for (let k = 0; k < original.length; k++) {
    if ((k < low || k > high) && !Object.is(after[k], original[k])) return { why: `index ${k}, outside [low, high], was changed`, hint: "Nothing outside [low, high] may be written.", requirement: "R5" };
  }
  const before = original.slice(low, high + 1).sort((a, b) => a - b);
  const now = after.slice(low, high + 1).sort((a, b) => a - b);
  if (JSON.stringify(before) !== JSON.stringify(now)) return { why: "the range does not hold the same values as before (an element was lost or duplicated)", hint: "Every value of the range must still be there exactly once: write the saved pivot back into the last hole.", requirement: "R4" };
  const pivot = original[low] as number;
  if (after[p] !== pivot) return { why: `arr[p] (index ${p}) does not hold the pivot`, hint: "Return the index where the pivot (the value at arr[low] when you were called) ended up.", requirement: "R1" };
  for (let k = low; k < p; k++) if (!((after[k] as number) < pivot)) return { why: `an element left of the pivot (index ${k}) is not less than it`, hint: "Only values strictly less than the pivot may be left of it: equal values go right.", requirement: "R2" };
  for (let k = p + 1; k <= high; k++) if (!((after[k] as number) >= pivot)) return { why: `an element right of the pivot (index ${k}) is less than it`, hint: "Every value less than the pivot must end up left of it.", requirement: "R3" };
  const expectedP = low + original.slice(low, high + 1).filter((v) => v < pivot).length;
  if (p !== expectedP) return { why: `returned ${p}, but the pivot belongs at index ${expectedP}`, hint: "p is low plus the number of values in the range that are less than the pivot.", requirement: "R6" };
  return null;
}

const show = (v: unknown): string => inspect(v, { maxItems: 30 });

async function partitions(arr: number[], low: number, high: number, t?: TestContext): Promise<void> {
  t?.input({ arr, low, high });
  const out = await student.run("partition", [arr, low, high]);
  if (out.threw) fail(`partition threw ${out.threw.name}: ${out.threw.message}`);
  const found = problem(arr, low, high, out.args[0] as number[], out.value);
  if (found) {
    const untouched = JSON.stringify(out.args[0]) === JSON.stringify(arr) && problem(arr, low, high, arr, out.value) !== null;
    t?.hint(untouched ? "The array was not changed at all: rearrange arr itself, in place." : found.hint);
    fail(`${found.why}${untouched ? " (the array was not changed at all: rearrange arr itself, in place)" : ""}: partition returned ${show(out.value)} and the array is now ${show(out.args[0])}`);
  }
}

/** Arrays with a valid inclusive range [low, high]. */
const withRange = (values: fc.Arbitrary<number>, maxLength: number) =>
  fc.array(values, { minLength: 1, maxLength }).chain((arr) =>
    fc.tuple(fc.constant(arr), fc.nat(arr.length - 1), fc.nat(arr.length - 1)).map(([a, i, j]) => ({ arr: a, low: Math.min(i, j), high: Math.max(i, j) })));

// ---------------------------------------------------------------- visible

test("partitions the example", async (t) => {
  await partitions([5, 3, 8, 1, 9, 2], 0, 5, t);
}, { requires: ["R1", "R2", "R3", "R6", "R8"], weight: 2 });

test("returns the pivot's final index", async (t) => {
  const arr = [5, 3, 8, 1, 9, 2];
  t.input({ arr, low: 0, high: 5 });
  expect(await student.call("partition", arr, 0, 5)).toBe(3);
}, { requires: ["R1", "R6"] });

test("pivot is the smallest", async (t) => {
  await partitions([1, 5, 3, 4], 0, 3, t);
}, { requires: ["R1", "R6"] });

test("pivot is the largest", async (t) => {
  await partitions([9, 5, 3, 4], 0, 3, t);
}, { requires: ["R1", "R2"] });

test("range of one element", async (t) => {
  await partitions([4, 7, 1], 1, 1, t);
}, { requires: ["R1", "R5"] });

test("two elements", async (t) => {
  await partitions([2, 1], 0, 1, t);
}, { requires: ["R1", "R2", "R3"] });

test("duplicates of the pivot go right", async (t) => {
  await partitions([3, 3, 1, 3, 2, 3], 0, 5, t);
}, { requires: ["R2", "R3", "R6"], weight: 2 });

test("negative numbers", async (t) => {
  await partitions([-2, 5, -7, 0, -2, -9], 0, 5, t);
}, { requires: ["R2", "R3"] });

test("partitions a sub-range only", async (t) => {
  await partitions([9, 8, 4, 6, 2, 7, 0, 1], 2, 5, t);
}, { requires: ["R5"], weight: 2 });

// ---------------------------------------------------------------- hidden

test("whole range", async (t) => {
  await property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), async (arr: number[]) => {
    await partitions(arr, 0, arr.length - 1, t);
  }, { numRuns: 150 });
}, { requires: ["R1", "R2", "R3", "R4", "R6"], hidden: true, weight: 3, hint: "Over the whole array: the pivot at p, smaller values left of it, the others right of it." });

test("random arrays", async (t) => {
  await property(fc.array(fc.integer(), { minLength: 1, maxLength: 60 }), async (arr: number[]) => {
    await partitions(arr, 0, arr.length - 1, t);
  }, { numRuns: 100 });
}, { requires: ["R1", "R2", "R3", "R4", "R6"], hidden: true, weight: 2, hint: "Any integers, including negative and very large ones." });

test("random sub-ranges", async (t) => {
  await property(withRange(fc.integer({ min: -100, max: 100 }), 40), async ({ arr, low, high }: { arr: number[]; low: number; high: number }) => {
    await partitions(arr, low, high, t);
  }, { numRuns: 150 });
}, { requires: ["R5", "R6"], hidden: true, weight: 3, hint: "low and high are anywhere in the array; work only between them, both included." });

test("nothing outside the range is read or written", async (t) => {
  await property(withRange(fc.integer({ min: -20, max: 20 }), 30), async ({ arr, low, high }: { arr: number[]; low: number; high: number }) => {
    const out = await student.run("partition", [arr, low, high], { track: true });
    t.hint("Both pointers must stay within [low, high]; the right one starts at high, not at the end of the array.");
    for (const op of (out.trace ?? []) as Trace) {
      const indices = op[0] === "compare" ? [op[1], op[2]] : [op[1]];
      for (const i of indices) {
        if (typeof i === "number" && (i < low || i > high)) fail(`${op[0]} at index ${i}, outside [low, high]`);
      }
    }
  }, { numRuns: 80 });
}, { requires: ["R5"], hidden: true, weight: 2, hint: "Random ranges; every read and write is recorded." });

test("many duplicates", async (t) => {
  await property(withRange(fc.integer({ min: 0, max: 2 }), 30), async ({ arr, low, high }: { arr: number[]; low: number; high: number }) => {
    await partitions(arr, low, high, t);
  }, { numRuns: 150 });
}, { requires: ["R2", "R3", "R6"], hidden: true, weight: 2, hint: "Ranges with only a few distinct values." });

test("pivot value repeated in the range", async (t) => {
  await partitions([4, 4, 9, 1, 4, 0, 4], 0, 6, t);
  await partitions([6, 2, 2, 2, 8], 1, 4, t);
}, { requires: ["R2", "R3"], hidden: true, hint: "The pivot value appears several times in the range." });

test("does not lose or duplicate elements", async (t) => {
  await partitions([4, 4, 1, 7, 4, 0], 0, 5, t);
  await partitions([10, 20, 30, 5], 0, 3, t);
}, { requires: ["R4"], hidden: true, weight: 2, hint: "Ranges where values could be lost or duplicated." });

test("all equal range", async (t) => {
  await partitions([3, 3, 3, 3, 3], 0, 4, t);
  await partitions([1, 5, 5, 5, 0], 1, 3, t);
}, { requires: ["R3", "R6"], hidden: true, hint: "Every value in the range equals the pivot." });

test("already sorted range", async (t) => {
  await partitions([1, 2, 3, 4, 5, 6], 0, 5, t);
}, { requires: ["R1", "R6"], hidden: true, hint: "An already sorted range: the pivot is its smallest value." });

test("pivot is the largest in the range", async (t) => {
  await partitions([9, 1, 8, 2, 7, 3], 0, 5, t);
  await partitions([0, 50, 10, 20, 50, 99], 1, 4, t);
}, { requires: ["R1", "R2"], hidden: true, hint: "The pivot is the largest value of the range." });

test("range at either end of the array", async (t) => {
  await partitions([5, 1, 9, 3, 7, 2], 0, 2, t);
  await partitions([5, 1, 9, 3, 7, 2], 3, 5, t);
  await partitions([5, 1, 9, 3, 7, 2], 5, 5, t);
}, { requires: ["R5"], hidden: true, hint: "Ranges that start at index 0 or end at the last index." });

test("decimals and extreme values", async (t) => {
  await partitions([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0.5, 3.14], 0, 7, t);
}, { requires: ["R2", "R3"], hidden: true, hint: "Decimals and very large or very small numbers." });

test("large range", async (t) => {
  const arr = seededInts(100_000, 12345, -1000, 1000);
  await partitions(arr, 100, 99_900, t);
}, { requires: ["R1", "R4"], hidden: true, weight: 2, hint: "A range of about 100,000 elements: one pass over it is enough." });

test("builds no other array", async (t) => {
  const arr = Array.from({ length: 300 }, (_, i) => (i * 37) % 301);
  const out = await student.run("partition", [arr, 0, arr.length - 1]);
  const found = problem(arr, 0, arr.length - 1, out.args[0] as number[], out.value);
  t.hint(found?.hint ?? "Your code made another array during the call: move the values inside arr itself.");
  if (found) fail(found.why);
  if (out.arrays!.largest > 2) fail(`your code made another array (of ${out.arrays!.largest} elements) during the call`);
}, { hidden: true, requires: ["R7"], hint: "A range of 300 values." });
