import { test, expect, student, property, fail, fc } from "judge";

type Trace = ReadonlyArray<readonly [string, ...unknown[]]>;

const ascending = (arr: readonly number[]): number[] => [...arr].sort((a, b) => a - b);

/** A small deterministic generator, so large inputs are the same on every run. */
function randomInts(n: number, seed: number, min: number, max: number): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out.push(min + (s % (max - min + 1)));
  }
  return out;
}

/** arr with arr[left..right] sorted. */
function expectedAfter(arr: readonly number[], left: number, right: number): number[] {
  return [...arr.slice(0, left), ...ascending(arr.slice(left, right + 1)), ...arr.slice(right + 1)];
}

/** Exact equality of two arrays of numbers. */
function same(a: unknown, b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

async function sortsTo(input: number[], t?: { input(v: unknown): void }): Promise<void> {
  t?.input(input);
  const out = await student.run("quickSort", [input]);
  if (out.threw) fail(`quickSort threw ${out.threw.name}: ${out.threw.message}`);
  expect(out.value).toEqual(ascending(input));
  if (!same(out.args[0], ascending(input))) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
}

async function sortsRange(input: number[], left: number, right: number): Promise<void> {
  const out = await student.run("quickSort", [input, left, right]);
  if (out.threw) fail(`quickSort threw ${out.threw.name}: ${out.threw.message}`);
  expect(out.value).toEqual(expectedAfter(input, left, right));
  if (!same(out.args[0], expectedAfter(input, left, right))) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
}

/** Sorts 200,000 numbers; checks the result without a huge diff. */
async function sortsLarge(input: number[]): Promise<void> {
  const expected = Float64Array.from(input).sort();
  const out = await student.run("quickSort", [input]);
  if (out.threw) fail(`quickSort threw ${out.threw.name}: ${out.threw.message}`);
  const got = out.value as number[];
  if (!Array.isArray(got) || got.length !== input.length) fail(`expected an array of ${input.length} numbers back`);
  for (let i = 0; i < expected.length; i++) {
    if (got[i] !== expected[i]) fail(`the result is wrong at index ${i}: expected ${expected[i]}, got ${String(got[i])}`);
  }
}

const BIG = 200_000;

// ---------------------------------------------------------------- visible

test("sorts a small array", async (t) => {
  await sortsTo([3, 1, 2], t);
}, { weight: 2 });

test("empty array", async (t) => {
  await sortsTo([], t);
});

test("one element", async (t) => {
  await sortsTo([42], t);
});

test("already sorted", async (t) => {
  await sortsTo([1, 2, 3, 4, 5, 6, 7], t);
});

test("reversed", async (t) => {
  await sortsTo([9, 7, 5, 3, 1, 0], t);
});

test("duplicates", async (t) => {
  await sortsTo([2, 3, 2, 1, 3, 1, 2], t);
});

test("negative numbers", async (t) => {
  await sortsTo([0, -5, 3, -1, -5, 12, -100], t);
});

test("sorts only the given range", async (t) => {
  t.input({ arr: [9, 8, 7, 6, 5, 4, 3], left: 2, right: 5 });
  await sortsRange([9, 8, 7, 6, 5, 4, 3], 2, 5);
}, { weight: 2 });

test("200,000 random numbers", async (t) => {
  t.input("200,000 random integers between -1,000,000 and 1,000,000");
  await sortsLarge(randomInts(BIG, 1, -1_000_000, 1_000_000));
}, { weight: 2 });

// ---------------------------------------------------------------- hidden

test("random arrays", async () => {
  await property(fc.array(fc.integer(), { maxLength: 80 }), async (arr: number[]) => {
    expect(await student.call("quickSort", arr)).toEqual(ascending(arr));
  }, { numRuns: 150 });
}, { hidden: true, weight: 3, hint: "Any array of integers, including negative ones, must come back in ascending order." });

test("sorts in place on random arrays", async () => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 50 }), async (arr: number[]) => {
    const out = await student.run("quickSort", [arr]);
    if (!same(out.args[0], ascending(arr))) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
  }, { numRuns: 100 });
}, { hidden: true, weight: 2, hint: "Sort the array you receive by swapping its elements; do not build new arrays." });

test("many duplicates", async () => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 80 }), async (arr: number[]) => {
    expect(await student.call("quickSort", arr)).toEqual(ascending(arr));
  }, { numRuns: 100 });
}, { hidden: true, hint: "Elements equal to the pivot must end up between the two sides." });

const withRange = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 40 }).chain((arr) =>
  fc.tuple(fc.constant(arr), fc.nat(arr.length - 1), fc.nat(arr.length - 1)).map(([a, i, j]) => ({ arr: a, left: Math.min(i, j), right: Math.max(i, j) })));

test("random ranges", async () => {
  await property(withRange, async ({ arr, left, right }: { arr: number[]; left: number; right: number }) => {
    await sortsRange(arr, left, right);
  }, { numRuns: 150 });
}, { hidden: true, weight: 2, hint: "With left and right given, sort exactly arr[left..right], both ends included." });

test("touches only the range it is given", async () => {
  await property(withRange, async ({ arr, left, right }: { arr: number[]; left: number; right: number }) => {
    const out = await student.run("quickSort", [arr, left, right], { track: true });
    for (const op of (out.trace ?? []) as Trace) {
      const i = op[1];
      if (typeof i === "number" && (i < left || i > right)) fail(`${op[0]} at index ${i}, outside [left, right]`);
    }
    expect(out.args[0]).toEqual(expectedAfter(arr, left, right));
  }, { numRuns: 80 });
}, { hidden: true, weight: 2, hint: "Pass left and right down to the recursive calls; never look outside them." });

test("only left given", async () => {
  const out = await student.run("quickSort", [[5, 0, 3, -2, 9, 1], 2]);
  expect(out.args[0]).toEqual([5, 0, -2, 1, 3, 9]);
}, { hidden: true, hint: "right defaults to arr.length - 1 even when left is given." });

test("empty or single-element ranges", async () => {
  await sortsRange([4, 3, 2, 1], 2, 2);
  await sortsRange([4, 3, 2, 1], 3, 2);
}, { hidden: true, hint: "A range with one element (or none) is already sorted: change nothing." });

test("two elements", async () => {
  await sortsTo([2, 1]);
  await sortsTo([1, 2]);
  await sortsTo([-1, -1]);
}, { hidden: true, hint: "Check the smallest non-trivial arrays." });

test("decimals and extreme values", async () => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14]);
}, { hidden: true, hint: "Decimals and very large or very small numbers." });

test("200,000 sorted numbers", async () => {
  await sortsLarge(Array.from({ length: BIG }, (_, i) => i * 3 - 100_000));
}, { hidden: true, weight: 2, hint: "Already sorted input: with the first element as pivot this is O(n²) and recurses n levels deep. Choose the pivot at random or as a median." });

test("200,000 reversed numbers", async () => {
  await sortsLarge(Array.from({ length: BIG }, (_, i) => BIG - i));
}, { hidden: true, weight: 2, hint: "Reversed input: a fixed first or last element as pivot is the worst case." });

test("200,000 equal numbers", async () => {
  await sortsLarge(new Array<number>(BIG).fill(7));
}, { hidden: true, weight: 2, hint: "When every element equals the pivot, a partition that sends them all to one side is O(n²): partition into less / equal / greater." });

test("200,000 numbers with few distinct values", async () => {
  await sortsLarge(randomInts(BIG, 2, -2, 2));
}, { hidden: true, weight: 2, hint: "Many repeated values: group the elements equal to the pivot and do not recurse into them." });
