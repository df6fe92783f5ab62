import { ascending, seededInts, test, expect, student, property, fail, fc, inspect, type RunResult, type TestContext } from "judge";

/** Pairs (i < j) with input[i] > input[j]. */
function inversions(input: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < input.length; i++) {
    for (let j = i + 1; j < input.length; j++) if ((input[i] as number) > (input[j] as number)) count++;
  }
  return count;
}

const show = (v: unknown): string => inspect(v, { maxItems: 20 });

/** What a call did: the value it returned and the argument after the call. */
const after = (out: RunResult): string => `insertionSort returned ${show(out.value)}; the array passed in is now ${show(out.args[0])}`;

const SORT_IT = "The array you were given must end up sorted: sort it in place.";

/**
 * Sorted, in the argument itself, and that argument returned. `notSorted` is the hint when the
 * order is wrong (each check names its own cause).
 */
function checkInPlace(out: RunResult, expected: readonly unknown[], t?: TestContext, notSorted = SORT_IT): void {
  if (out.threw) fail(`insertionSort threw ${out.threw.name}: ${out.threw.message}`);
  t?.hint(notSorted);
  expect(out.args[0], `the array passed in, after the call (insertionSort returned ${show(out.value)})`).toEqual(expected);
  t?.hint("Return the array you were given, not a copy of it.");
  if (!out.sameAsArg) fail(`the array passed in is sorted, but the value returned is another array: return the array you were given (${after(out)})`);
}

async function sortsTo(input: number[], t?: TestContext, notSorted = SORT_IT): Promise<void> {
  t?.input(input);
  checkInPlace(await student.run("insertionSort", [input]), ascending(input), t, notSorted);
}

/** Sorted, and equal values in their original order (out.order: original index of each output element). */
async function sortsStably(input: number[], t: TestContext, unstable: string): Promise<void> {
  const out = await student.run("insertionSort", [input], { track: "boxed" });
  checkInPlace(out, ascending(input), t);
  const expected = input.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]);
  t.hint(unstable);
  if (JSON.stringify(out.order) !== JSON.stringify(expected)) {
    fail(`equal elements changed their order: the output elements came from input positions ${show(out.order)}, a stable sort gives ${show(expected)}`);
  }
}

/** Sorts `input` (checked first) and fails with `tooMany` when it took more than `bound` comparisons. */
async function atMostComparisons(input: number[], bound: number, t: TestContext, tooMany: string): Promise<void> {
  const out = await student.run("insertionSort", [input], { track: "boxed" });
  checkInPlace(out, ascending(input), t);
  t.hint(tooMany);
  const used = out.stats!.comparisons;
  if (used > bound) fail(`${used} comparisons for ${show(input)}; at most ${bound} are allowed`);
}

/** Calls with `compare` given as source (compiled in the student's isolate; its calls are counted). */
const withCompare = (input: unknown[], source: string, allowThrow = false): Promise<RunResult> =>
  student.run("insertionSort", [input, student.fn(source)], { allowThrow });

// ---------------------------------------------------------------- visible

test("sorts a small array", async (t) => {
  await sortsTo([3, 1, 2], t);
}, { weight: 2, requires: ["R1", "R7"] });

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

test("the argument itself is sorted and returned", async (t) => {
  await sortsTo([5, 2, 8, 1, 9], t);
}, { requires: ["R3"] });

test("builds no other array", async (t) => {
  const input = seededInts(50, 3, -100, 100);
  t.input(input);
  const out = await student.run("insertionSort", [input]);
  checkInPlace(out, ascending(input), t);
  if (out.arrays!.largest > 2) fail(`your code made another array (of ${out.arrays!.largest} elements) during the call: shift the elements inside the array you were given`);
}, { requires: ["R3"] });

test("equal elements keep their order", async (t) => {
  const input = [2, 1, 2, 1];
  t.input(input);
  // out.order[k] is the original index of the k-th output element: the two 1s were at 1 and 3,
  // the two 2s at 0 and 2, and a stable sort keeps each pair in that order.
  await sortsStably(input, t, "Stop shifting at the first element that is not greater than the one you insert.");
}, { weight: 2, requires: ["R4"] });

test("at most n-1 comparisons on a sorted array", async (t) => {
  const input = [1, 2, 3, 4, 5, 6, 7, 8];
  t.input(input);
  await atMostComparisons(input, input.length - 1, t, "Compare each new element with its left neighbour first, and stop at the first one that is not greater.");
}, { weight: 2, requires: ["R5"] });

test("sorts with compare: strings by length", async (t) => {
  const input = ["bb", "a", "ccc"];
  t.input(input);
  const out = await withCompare(input, "(x, y) => x.length - y.length");
  checkInPlace(out, ["a", "bb", "ccc"], t, "With compare, use compare(arr[j], current) > 0 in place of arr[j] > current.");
  if (out.calls[1] === 0) fail("compare was never called: with compare, use it for every comparison");
}, { weight: 2, requires: ["R2"] });

test("sorts with compare: equal elements keep their order", async (t) => {
  const people = [{ name: "Ann", age: 30 }, { name: "Bob", age: 25 }, { name: "Cid", age: 30 }];
  t.input(people);
  const out = await withCompare(people, "(p, q) => p.age - q.age");
  checkInPlace(out, [people[1], people[0], people[2]], t, "With compare, stop shifting when compare(arr[j], current) is not > 0: Ann stays before Cid.");
}, { requires: ["R2", "R4"] });

// ---------------------------------------------------------------- hidden

test("random arrays", async (t) => {
  await property(fc.array(fc.integer(), { maxLength: 60 }), async (arr: number[]) => {
    checkInPlace(await student.run("insertionSort", [arr]), ascending(arr), t, "Any array of integers, including negative ones, must come back in ascending order.");
  }, { numRuns: 150 });
}, { hidden: true, weight: 3, requires: ["R1"] });

test("sorts in place on random arrays", async (t) => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), async (arr: number[]) => {
    checkInPlace(await student.run("insertionSort", [arr]), ascending(arr), t);
  }, { numRuns: 100 });
}, { hidden: true, weight: 2, requires: ["R3"] });

test("returns the same array, also when it is empty or has one element", async (t) => {
  await sortsTo([], t);
  await sortsTo([-3], t);
  await sortsTo([4, 4], t);
}, { hidden: true, requires: ["R3"] });

test("builds no other array on a long input", async (t) => {
  const input = seededInts(400, 5);
  const out = await withCompare(input, "(a, b) => a - b");
  checkInPlace(out, ascending(input), t);
  t.hint("Your code made another array during the call: shift the elements inside the array you were given.");
  if (out.arrays!.largest > 2) fail("another array");
}, { hidden: true, requires: ["R3"] });

test("stable on arrays with many duplicates", async (t) => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }), async (arr: number[]) => {
    await sortsStably(arr, t, "Stop shifting at the first element that is not strictly greater than the one you insert.");
  }, { numRuns: 60 });
}, { hidden: true, weight: 3, requires: ["R4"] });

test("equal elements keep their order in a longer array", async (t) => {
  await sortsStably([5, 3, 5, 1, 3, 5, 1, 1, 3, 5, 0, 5], t, "An element equal to the one being inserted must stay in front of it.");
}, { hidden: true, requires: ["R4"] });

test("at most n-1 comparisons on sorted arrays", async (t) => {
  await property(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 40 }), async (arr: number[]) => {
    const sorted = ascending(arr);
    await atMostComparisons(sorted, Math.max(0, sorted.length - 1), t, "On sorted input, compare each new element with its left neighbour once and stop.");
  }, { numRuns: 50 });
}, { hidden: true, weight: 3, requires: ["R5"] });

test("at most n-1 comparisons on a long sorted array with duplicates", async (t) => {
  const input = Array.from({ length: 200 }, (_, i) => Math.floor(i / 3));
  await atMostComparisons(input, input.length - 1, t, "An equal left neighbour also ends the scan after one comparison.");
}, { hidden: true, weight: 2, requires: ["R5"] });

test("comparisons grow with the disorder only", async (t) => {
  await property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 30 }), async (arr: number[]) => {
    await atMostComparisons(arr, inversions(arr) + Math.max(0, arr.length - 1), t, "Each comparison should either shift an element or end the scan for the current element.");
  }, { numRuns: 60 });
}, { hidden: true, weight: 2, requires: ["R6"] });

test("all elements equal", async (t) => {
  const input = [7, 7, 7, 7, 7, 7, 7];
  await sortsStably(input, t, "Equal elements need no shifting at all.");
  await atMostComparisons(input, input.length - 1, t, "Equal elements need no shifting at all: one comparison each.");
}, { hidden: true, requires: ["R4", "R5"] });

test("new minimum at the end", async (t) => {
  const hint = "When the last element is the smallest, it did not reach index 0.";
  await sortsTo([2, 3, 4, 5, 6, 1], t, hint);
  await sortsTo([5, 1], t, hint);
}, { hidden: true, requires: ["R1"] });

test("two elements", async (t) => {
  await sortsTo([2, 1], t);
  await sortsTo([1, 2], t);
  await sortsTo([-1, -1], t);
}, { hidden: true, requires: ["R1"] });

test("numbers are compared as numbers", async (t) => {
  await sortsTo([10, 9, 100, -1, -20, 2, 1000, -3], t, "Numbers of different lengths did not come back in numeric order (9 before 10, -20 before -1).");
}, { hidden: true, requires: ["R1"] });

test("decimals and extreme values", async (t) => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14], t, "Decimals and very large or very small numbers did not come back in numeric order.");
}, { hidden: true, requires: ["R1"] });

test("large random array", async (t) => {
  await sortsTo(seededInts(3000, 7), t, "A few thousand random numbers must come back sorted.");
}, { hidden: true, weight: 2, requires: ["R1"] });

test("large reversed array", async (t) => {
  await sortsTo(Array.from({ length: 3000 }, (_, i) => 3000 - i), t, "A few thousand numbers in descending order must come back sorted.");
}, { hidden: true, requires: ["R1"] });

test("large nearly sorted array is cheap", async (t) => {
  const input = Array.from({ length: 2000 }, (_, i) => i);
  for (let k = 0; k < 20; k++) {
    const i = (k * 97) % 1999;
    [input[i], input[i + 1]] = [input[i + 1] as number, input[i] as number];
  }
  await atMostComparisons(input, inversions(input) + input.length - 1, t, "Insertion sort is fast on almost sorted input: only out-of-order pairs should cost extra comparisons.");
}, { hidden: true, weight: 2, requires: ["R6"] });

test("compare defines the order: descending numbers", async (t) => {
  await property(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 40 }), async (arr: number[]) => {
    const out = await withCompare(arr, "(a, b) => b - a");
    checkInPlace(out, [...arr].sort((a, b) => b - a), t, "With compare, compare(a, b) > 0 means a goes after b: follow compare, not the numeric order.");
  }, { numRuns: 60 });
}, { hidden: true, weight: 2, requires: ["R2"] });

test("compare defines the order: strings by length", async (t) => {
  await property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 30 }), async (arr: string[]) => {
    // This comparator refuses anything but two strings: it must be called on elements only.
    const out = await withCompare(arr, '(x, y) => { if (typeof x !== "string" || typeof y !== "string") throw new Error("compare was called with " + typeof x + " and " + typeof y); return x.length - y.length; }', true);
    t.hint("compare must be called with two elements of the array only: stop the scan at index 0, never look at arr[-1].");
    if (out.threw?.message.startsWith("compare was called")) fail(out.threw.message);
    checkInPlace(out, [...arr].sort((a, b) => a.length - b.length), t, "With compare, sort by compare, and keep elements it calls equal in their order.");
  }, { numRuns: 60 });
}, { hidden: true, weight: 2, requires: ["R2", "R4"] });

test("compare: stable on objects with equal keys", async (t) => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }), async (keys: number[]) => {
    const items = keys.map((k, i) => ({ k, i }));
    const out = await withCompare(items, "(a, b) => a.k - b.k");
    checkInPlace(out, [...items].sort((a, b) => a.k - b.k || a.i - b.i), t, "With compare, stop shifting at the first element for which compare(element, current) is not > 0.");
  }, { numRuns: 60 });
}, { hidden: true, weight: 2, requires: ["R2", "R4"] });

test("compare: at most n-1 calls on sorted input", async (t) => {
  await property(fc.array(fc.integer({ min: -30, max: 30 }), { maxLength: 40 }), async (arr: number[]) => {
    const sorted = ascending(arr);
    const out = await withCompare(sorted, "(a, b) => a - b");
    checkInPlace(out, sorted, t, "A sorted input must stay as it is.");
    t.hint("With compare, every call of compare is a comparison: on sorted input compare each new element with its left neighbour once.");
    if ((out.calls[1] ?? 0) > Math.max(0, sorted.length - 1)) fail("too many calls of compare");
  }, { numRuns: 40 });
}, { hidden: true, weight: 2, requires: ["R2", "R5"] });
