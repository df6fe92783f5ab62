import { test, expect, student, property, fail, fc } from "judge";

type Trace = ReadonlyArray<readonly [string, ...unknown[]]>;

/** What is wrong with the result of partition(original, low, high), or null if it is right. */
function problem(original: readonly number[], low: number, high: number, after: readonly number[], p: unknown): string | null {
  if (!Array.isArray(after) || after.length !== original.length) return "the array's length changed";
  if (typeof p !== "number" || !Number.isInteger(p)) return `the return value must be an index, got ${String(p)}`;
  if (p < low || p > high) return `the returned index ${p} is outside [low, high]`;
  const pivot = original[low] as number;
  if (after[p] !== pivot) return `arr[p] (index ${p}) does not hold the pivot`;
  for (let k = low; k < p; k++) if (!((after[k] as number) < pivot)) return `an element left of the pivot (index ${k}) is not less than it`;
  for (let k = p + 1; k <= high; k++) if (!((after[k] as number) >= pivot)) return `an element right of the pivot (index ${k}) is less than it`;
  for (let k = 0; k < original.length; k++) {
    if ((k < low || k > high) && !Object.is(after[k], original[k])) return `index ${k}, outside [low, high], was changed`;
  }
  const before = original.slice(low, high + 1).sort((a, b) => a - b);
  const now = after.slice(low, high + 1).sort((a, b) => a - b);
  if (JSON.stringify(before) !== JSON.stringify(now)) return "the range does not hold the same values as before (an element was lost or duplicated)";
  const expectedP = low + original.slice(low, high + 1).filter((v) => v < pivot).length;
  if (p !== expectedP) return `returned ${p}, but the pivot belongs at index ${expectedP}`;
  return null;
}

async function partitions(arr: number[], low: number, high: number, t?: { input(v: unknown): void }): Promise<void> {
  t?.input({ arr, low, high });
  const out = await student.run("partition", [arr, low, high]);
  if (out.threw) fail(`partition threw ${out.threw.name}: ${out.threw.message}`);
  const why = problem(arr, low, high, out.args[0] as number[], out.value);
  if (why) {
    const untouched = JSON.stringify(out.args[0]) === JSON.stringify(arr) && problem(arr, low, high, arr, out.value) !== null;
    fail(untouched ? `${why} (the array was not changed at all: rearrange arr itself, in place)` : why);
  }
}

/** Arrays with a valid inclusive range [low, high]. */
const withRange = (values: fc.Arbitrary<number>, maxLength: number) =>
  fc.array(values, { minLength: 1, maxLength }).chain((arr) =>
    fc.tuple(fc.constant(arr), fc.nat(arr.length - 1), fc.nat(arr.length - 1)).map(([a, i, j]) => ({ arr: a, low: Math.min(i, j), high: Math.max(i, j) })));

// ---------------------------------------------------------------- visible

test("partitions the example", async (t) => {
  await partitions([5, 3, 8, 1, 9, 2], 0, 5, t);
}, { weight: 2 });

test("returns the pivot's final index", async (t) => {
  const arr = [5, 3, 8, 1, 9, 2];
  t.input({ arr, low: 0, high: 5 });
  expect(await student.call("partition", arr, 0, 5)).toBe(3);
});

test("pivot is the smallest", async (t) => {
  await partitions([1, 5, 3, 4], 0, 3, t);
});

test("pivot is the largest", async (t) => {
  await partitions([9, 5, 3, 4], 0, 3, t);
});

test("range of one element", async (t) => {
  await partitions([4, 7, 1], 1, 1, t);
});

test("two elements", async (t) => {
  await partitions([2, 1], 0, 1, t);
});

test("duplicates of the pivot go right", async (t) => {
  await partitions([3, 3, 1, 3, 2, 3], 0, 5, t);
}, { weight: 2 });

test("negative numbers", async (t) => {
  await partitions([-2, 5, -7, 0, -2, -9], 0, 5, t);
});

test("partitions a sub-range only", async (t) => {
  await partitions([9, 8, 4, 6, 2, 7, 0, 1], 2, 5, t);
}, { weight: 2 });

// ---------------------------------------------------------------- hidden

test("whole range", async () => {
  await property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), async (arr: number[]) => {
    await partitions(arr, 0, arr.length - 1);
  }, { numRuns: 150 });
}, { hidden: true, weight: 3, hint: "Over the whole array: the pivot at p, smaller values left of it, the others right of it." });

test("random arrays", async () => {
  await property(fc.array(fc.integer(), { minLength: 1, maxLength: 60 }), async (arr: number[]) => {
    await partitions(arr, 0, arr.length - 1);
  }, { numRuns: 100 });
}, { hidden: true, weight: 2, hint: "Any integers, including negative and very large ones." });

test("random sub-ranges", async () => {
  await property(withRange(fc.integer({ min: -100, max: 100 }), 40), async ({ arr, low, high }: { arr: number[]; low: number; high: number }) => {
    await partitions(arr, low, high);
  }, { numRuns: 150 });
}, { hidden: true, weight: 3, hint: "low and high are anywhere in the array; work only between them, both included." });

test("nothing outside the range is read or written", async () => {
  await property(withRange(fc.integer({ min: -20, max: 20 }), 30), async ({ arr, low, high }: { arr: number[]; low: number; high: number }) => {
    const out = await student.run("partition", [arr, low, high], { track: true });
    for (const op of (out.trace ?? []) as Trace) {
      const indices = op[0] === "compare" ? [op[1], op[2]] : [op[1]];
      for (const i of indices) {
        if (typeof i === "number" && (i < low || i > high)) fail(`${op[0]} at index ${i}, outside [low, high]`);
      }
    }
  }, { numRuns: 80 });
}, { hidden: true, weight: 2, hint: "Both pointers must stay within [low, high]; the right one starts at high, not at the end of the array." });

test("many duplicates", async () => {
  await property(withRange(fc.integer({ min: 0, max: 2 }), 30), async ({ arr, low, high }: { arr: number[]; low: number; high: number }) => {
    await partitions(arr, low, high);
  }, { numRuns: 150 });
}, { hidden: true, weight: 2, hint: "Values equal to the pivot belong on its right: only strictly smaller ones go left." });

test("pivot value repeated in the range", async () => {
  await partitions([4, 4, 9, 1, 4, 0, 4], 0, 6);
  await partitions([6, 2, 2, 2, 8], 1, 4);
}, { hidden: true, hint: "Values equal to the pivot belong on its right." });

test("does not lose or duplicate elements", async () => {
  await partitions([4, 4, 1, 7, 4, 0], 0, 5);
  await partitions([10, 20, 30, 5], 0, 3);
}, { hidden: true, weight: 2, hint: "The saved pivot must be written back into the last hole." });

test("all equal range", async () => {
  await partitions([3, 3, 3, 3, 3], 0, 4);
  await partitions([1, 5, 5, 5, 0], 1, 3);
}, { hidden: true, hint: "When nothing is smaller than the pivot, it stays at low." });

test("already sorted range", async () => {
  await partitions([1, 2, 3, 4, 5, 6], 0, 5);
}, { hidden: true, hint: "The smallest value as pivot." });

test("pivot is the largest in the range", async () => {
  await partitions([9, 1, 8, 2, 7, 3], 0, 5);
  await partitions([0, 50, 10, 20, 50, 99], 1, 4);
}, { hidden: true, hint: "The pivot may have to travel all the way to high." });

test("range at either end of the array", async () => {
  await partitions([5, 1, 9, 3, 7, 2], 0, 2);
  await partitions([5, 1, 9, 3, 7, 2], 3, 5);
  await partitions([5, 1, 9, 3, 7, 2], 5, 5);
}, { hidden: true, hint: "Ranges that start at index 0 or end at the last index." });

test("decimals and extreme values", async () => {
  await partitions([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0.5, 3.14], 0, 7);
}, { hidden: true, hint: "Decimals and very large or very small numbers." });

test("large range", async () => {
  let s = 12345;
  const arr = Array.from({ length: 100_000 }, () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (s % 2001) - 1000;
  });
  await partitions(arr, 100, 99_900);
}, { hidden: true, weight: 2, hint: "A range of about 100,000 elements: one pass over it is enough." });
