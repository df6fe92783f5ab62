import { ascending, seededInts, test, expect, student, property, fail, fc, inspect, type RunResult, type TestContext } from "judge";

type Trace = ReadonlyArray<readonly [string, ...unknown[]]>;



/** arr with arr[left..right] sorted. */
function expectedAfter(arr: readonly number[], left: number, right: number): number[] {
  return [...arr.slice(0, left), ...ascending(arr.slice(left, right + 1)), ...arr.slice(right + 1)];
}

/** Exact equality of two arrays of numbers. */
function same(a: unknown, b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

const show = (v: unknown): string => inspect(v, { maxItems: 20 });

/** What a call did: the value it returned and the argument after the call. */
const after = (out: RunResult): string => `quickSort returned ${show(out.value)}; the array passed in is now ${show(out.args[0])}`;

const SORT_IT = "The array you were given must end up in ascending order: sort it in place.";

/** `expected` in the argument itself, and that argument returned; each check sets its own hint. */
function checkInPlace(out: RunResult, expected: readonly number[], t?: TestContext, notSorted = SORT_IT): void {
  if (out.threw) fail(`quickSort threw ${out.threw.name}: ${out.threw.message}`);
  t?.hint(notSorted);
  expect(out.args[0], `the array passed in, after the call (quickSort returned ${show(out.value)})`).toEqual(expected);
  t?.hint("Return the array you were given, not a copy of it.");
  if (!out.sameAsArg || out.sameAsArgIndex !== 0) fail(`the array passed in is right, but the value returned is not that array: return arr (${after(out)})`);
}

async function sortsTo(input: number[], t?: TestContext, notSorted = SORT_IT): Promise<void> {
  t?.input(input);
  checkInPlace(await student.run("quickSort", [input]), ascending(input), t, notSorted);
}

async function sortsRange(input: number[], left: number, right: number, t?: TestContext, notSorted = "With left and right given, sort exactly arr[left..right], both ends included, and nothing else."): Promise<void> {
  checkInPlace(await student.run("quickSort", [input, left, right]), expectedAfter(input, left, right), t, notSorted);
}

/** Sorts 200,000 numbers; checks the result without a huge diff. */
async function sortsLarge(input: number[], t: TestContext): Promise<void> {
  const expected = Float64Array.from(input).sort();
  const out = await student.run("quickSort", [input]);
  if (out.threw) fail(`quickSort threw ${out.threw.name}: ${out.threw.message}`);
  t.hint("Return the array you were given, sorted in place.");
  if (!out.sameAsArg) fail("the value returned is not the array passed in");
  t.hint("Every number must come back, in ascending order.");
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
}, { requires: ["R1", "R6"], weight: 2 });

test("empty array", async (t) => {
  await sortsTo([], t);
}, { requires: ["R1"] });

test("one element", async (t) => {
  await sortsTo([42], t);
}, { requires: ["R1"] });

test("already sorted", async (t) => {
  await sortsTo([1, 2, 3, 4, 5, 6, 7], t);
}, { requires: ["R1"] });

test("reversed", async (t) => {
  await sortsTo([9, 7, 5, 3, 1, 0], t);
}, { requires: ["R1"] });

test("duplicates", async (t) => {
  await sortsTo([2, 3, 2, 1, 3, 1, 2], t);
}, { requires: ["R1"] });

test("negative numbers", async (t) => {
  await sortsTo([0, -5, 3, -1, -5, 12, -100], t);
}, { requires: ["R1"] });

test("sorts only the given range", async (t) => {
  t.input({ arr: [9, 8, 7, 6, 5, 4, 3], left: 2, right: 5 });
  await sortsRange([9, 8, 7, 6, 5, 4, 3], 2, 5, t);
}, { requires: ["R2", "R3"], weight: 2 });

test("200,000 random numbers", async (t) => {
  t.input("200,000 random integers between -1,000,000 and 1,000,000");
  await sortsLarge(seededInts(BIG, 1, -1_000_000, 1_000_000), t);
}, { requires: ["R4"], weight: 2 });

// ---------------------------------------------------------------- hidden

test("random arrays", async (t) => {
  await property(fc.array(fc.integer(), { maxLength: 80 }), async (arr: number[]) => {
    checkInPlace(await student.run("quickSort", [arr]), ascending(arr), t, "Any array of integers, including negative ones, must come back in ascending order.");
  }, { numRuns: 150 });
}, { requires: ["R1"], hidden: true, weight: 3, hint: "Any array of integers, including negative ones, must come back in ascending order." });

test("sorts in place on random arrays", async (t) => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 50 }), async (arr: number[]) => {
    checkInPlace(await student.run("quickSort", [arr]), ascending(arr), t);
  }, { numRuns: 100 });
}, { requires: ["R1"], hidden: true, weight: 2, hint: "Sort the array you receive by swapping its elements; do not build new arrays." });

test("many duplicates", async (t) => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 80 }), async (arr: number[]) => {
    checkInPlace(await student.run("quickSort", [arr]), ascending(arr), t, "Elements equal to the pivot must end up between the two sides.");
  }, { numRuns: 100 });
}, { requires: ["R1"], hidden: true, hint: "Elements equal to the pivot must end up between the two sides." });

const withRange = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 40 }).chain((arr) =>
  fc.tuple(fc.constant(arr), fc.nat(arr.length - 1), fc.nat(arr.length - 1)).map(([a, i, j]) => ({ arr: a, left: Math.min(i, j), right: Math.max(i, j) })));

test("random ranges", async (t) => {
  await property(withRange, async ({ arr, left, right }: { arr: number[]; left: number; right: number }) => {
    await sortsRange(arr, left, right, t);
  }, { numRuns: 150 });
}, { requires: ["R2", "R3"], hidden: true, weight: 2, hint: "With left and right given, sort exactly arr[left..right], both ends included." });

test("touches only the range it is given", async (t) => {
  await property(withRange, async ({ arr, left, right }: { arr: number[]; left: number; right: number }) => {
    const out = await student.run("quickSort", [arr, left, right], { track: true });
    t.hint("Pass left and right down to the recursive calls; never look outside them.");
    for (const op of (out.trace ?? []) as Trace) {
      const i = op[1];
      if (typeof i === "number" && (i < left || i > right)) fail(`${op[0]} at index ${i}, outside [left, right]`);
    }
    checkInPlace(out, expectedAfter(arr, left, right), t, "With left and right given, sort exactly arr[left..right], both ends included.");
  }, { numRuns: 80 });
}, { requires: ["R3"], hidden: true, weight: 2, hint: "Pass left and right down to the recursive calls; never look outside them." });

test("only left given", async (t) => {
  checkInPlace(await student.run("quickSort", [[5, 0, 3, -2, 9, 1], 2]), [5, 0, -2, 1, 3, 9], t, "right defaults to arr.length - 1 even when left is given.");
  checkInPlace(await student.run("quickSort", [[5, 0, 3, -2, 9, 1], 0]), [-2, 0, 1, 3, 5, 9], t, "right defaults to arr.length - 1 even when left is given.");
}, { requires: ["R2"], hidden: true, hint: "right defaults to arr.length - 1 even when left is given." });

test("empty or single-element ranges", async (t) => {
  await sortsRange([4, 3, 2, 1], 2, 2, t);
  await sortsRange([4, 3, 2, 1], 3, 2, t);
}, { requires: ["R2", "R3"], hidden: true, hint: "A range with one element (or none) is already sorted: change nothing." });

test("two elements", async (t) => {
  await sortsTo([2, 1], t);
  await sortsTo([1, 2], t);
  await sortsTo([-1, -1], t);
}, { requires: ["R1"], hidden: true, hint: "Check the smallest non-trivial arrays." });

test("decimals and extreme values", async (t) => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14], t);
}, { requires: ["R1"], hidden: true, hint: "Decimals and very large or very small numbers." });

test("200,000 sorted numbers", async (t) => {
  await sortsLarge(Array.from({ length: BIG }, (_, i) => i * 3 - 100_000), t);
}, { requires: ["R4"], hidden: true, weight: 2, hint: "Already sorted input: with the first element as pivot this is O(n²) and recurses n levels deep. Choose the pivot at random or as a median." });

test("200,000 reversed numbers", async (t) => {
  await sortsLarge(Array.from({ length: BIG }, (_, i) => BIG - i), t);
}, { requires: ["R4"], hidden: true, weight: 2, hint: "Reversed input: a fixed first or last element as pivot is the worst case." });

test("200,000 equal numbers", async (t) => {
  await sortsLarge(new Array<number>(BIG).fill(7), t);
}, { requires: ["R4"], hidden: true, weight: 2, hint: "When every element equals the pivot, a partition that sends them all to one side is O(n²): partition into less / equal / greater." });

test("200,000 numbers with few distinct values", async (t) => {
  await sortsLarge(seededInts(BIG, 2, -2, 2), t);
}, { requires: ["R4"], hidden: true, weight: 2, hint: "Many repeated values: group the elements equal to the pivot and do not recurse into them." });

test("returns the same array, also when it is empty or has one element", async (t) => {
  await sortsTo([], t);
  await sortsTo([6], t);
  await sortsRange([3, 2, 1], 1, 1, t);
}, { hidden: true, requires: ["R1"] });

test("builds no other array", async (t) => {
  const input = seededInts(2000, 8, -50, 50);
  const out = await student.run("quickSort", [input]);
  checkInPlace(out, ascending(input), t);
  t.hint("Your code made another array during the call: partition inside the array you were given (a small stack of index pairs is fine).");
  if (out.arrays!.largest >= input.length / 4) fail("another array");
}, { hidden: true, requires: ["R5"] });
