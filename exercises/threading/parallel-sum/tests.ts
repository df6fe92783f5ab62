import { test, expect, student, generateInts, type TestContext } from "judge";

const LARGE = 4_000_000;
const MAX = 100; // LARGE * MAX < 2^31: every sum fits in result[0]

const sums = new Map<string, number>();
/** The sum of the values the host generates for (length, seed, max). */
function expectedSum(length: number, seed: number, max: number): number {
  const key = `${length}/${seed}/${max}`;
  let sum = sums.get(key);
  if (sum === undefined) {
    sum = 0;
    for (const v of generateInts(length, seed, max)) sum += v;
    sums.set(key, sum);
  }
  return sum;
}

/** Runs sumPart in k threads over generated data and checks result[0]; resolves with the wall time. */
async function sumIn(t: TestContext, k: number, length: number, seed: number, max = MAX): Promise<number> {
  t.input(`sumPart(data, result, index, ${k}) in ${k} thread${k === 1 ? "" : "s"}, data.length = ${length}, values 0..${max}`);
  const { result, wallMs } = await student.parallel("sumPart", { threads: k, length, seed, max });
  expect(result[0], `result[0] with ${k} thread${k === 1 ? "" : "s"} and ${length} values`).toBe(expectedSum(length, seed, max));
  return wallMs;
}

// ---------------------------------------------------------------- visible

test("one thread sums everything", async (t) => {
  await sumIn(t, 1, 1000, 11);
}, { hint: "With k = 1 your range is the whole array: [0, data.length)." });

test("two threads, an even split", async (t) => {
  await sumIn(t, 2, 10_000, 12);
}, { hint: "Thread index sums [floor(index * n / k), floor((index + 1) * n / k)): the end is excluded, and only its own range." });

test("three threads, a length not divisible by 3", async (t) => {
  await sumIn(t, 3, 1001, 13);
}, { hint: "Use floor(index * n / k) and floor((index + 1) * n / k): the ranges then cover every value, even when k does not divide n." });

test("an empty array", async (t) => {
  await sumIn(t, 2, 0, 14);
}, { hint: "With no values every range is empty and result[0] stays 0." });

test("speed-up of 2 threads over 1 (shown, not graded)", async (t) => {
  // Best of three runs each, alternating, so that a busy moment of the machine counts less.
  let one = Infinity;
  let two = Infinity;
  for (let run = 0; run < 3; run++) {
    one = Math.min(one, await sumIn(t, 1, LARGE, 15));
    two = Math.min(two, await sumIn(t, 2, LARGE, 15));
  }
  t.input(`sumPart over ${LARGE.toLocaleString("en")} values in 1 thread, then in 2 threads (best of 3 each)`);
  t.note(`speed-up with 2 threads: ${(one / Math.max(two, 0.1)).toFixed(2)}x (1 thread: ${one.toFixed(1)} ms, 2 threads: ${two.toFixed(1)} ms, wall time of ${LARGE.toLocaleString("en")} values, best of 3)`);
}, { hint: "Both runs must give the exact sum. The time is only shown: each thread should sum only its own range." });

// ---------------------------------------------------------------- hidden

test("four threads, a length not divisible by 4", async (t) => {
  await sumIn(t, 4, 100_003, 21, 1000);
}, { hidden: true, hint: "The last n % k values must be summed by someone: use floor((index + 1) * n / k) as the end of a range." });

test("more threads than values", async (t) => {
  await sumIn(t, 4, 3, 22);
  await sumIn(t, 4, 1, 23);
  await sumIn(t, 3, 2, 24);
}, { hidden: true, hint: "When data.length < k some ranges are empty; every value must still be summed exactly once." });

test("no values at all", async (t) => {
  await sumIn(t, 3, 0, 25);
  await sumIn(t, 1, 0, 26);
}, { hidden: true, hint: "With no values result[0] must stay 0." });

test("every k from 1 to 4 on a prime length", async (t) => {
  for (let k = 1; k <= 4; k++) await sumIn(t, k, 9973, 30 + k, 1000);
}, { hidden: true, hint: "Each value belongs to exactly one range, whatever k is." });

// A lost update needs two additions at the same moment: likely over thousands of additions,
// certain over none. These two tests repeat the large sums so that it shows on every grading.
test("two threads on a large array, many times", async (t) => {
  for (let run = 0; run < 8; run++) await sumIn(t, 2, LARGE, 40 + run);
}, { hidden: true, hint: "Two threads adding to result[0] at the same moment: `result[0] += s` (or a load then a store) can lose one of the additions. Use Atomics.add." });

test("four threads on a large array", async (t) => {
  for (let run = 0; run < 4; run++) await sumIn(t, 4, LARGE - run, 50 + run);
}, { hidden: true, hint: "Four threads, each on its own quarter, each adding with Atomics.add." });
