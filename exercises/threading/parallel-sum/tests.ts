import { test, expect, fail, student, generateInts, type AtomicsCounts, type TestContext } from "judge";


const LARGE = 1_000_000;
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

/** Blocks of at most 1024 values in [start, end): the fewest Atomics.add calls R3 allows. */
const BLOCK = 1024;
const blocksIn = (start: number, end: number): number => Math.ceil(Math.max(0, end - start) / BLOCK);

/**
 * R3, checked by construction rather than by hoping two threads collide: the thread added to
 * result[0] with Atomics.add at least once per block of its range, and what it added through
 * Atomics.add is exactly what it contributed (nothing written around it).
 */
function checkAtomics(t: TestContext, atomics: AtomicsCounts | undefined, what: string, start: number, end: number, own?: number): void {
  const counts = atomics ?? { add: 0, added: 0 };
  t.hint("Add each block's sum to result[0] with Atomics.add(result, 0, blockSum), one indivisible step per block of at most 1024 values: a plain +=, or Atomics.load then Atomics.store, can lose another thread's update.");
  if (counts.add < blocksIn(start, end)) fail(`${what} called Atomics.add on result ${counts.add} time(s); its ${end - start} values make ${blocksIn(start, end)} block(s) of at most ${BLOCK}, each added with Atomics.add.`);
  if (own !== undefined) expect(counts.added, `${what}: the total it added to result[0] with Atomics.add`).toBe(own);
}

/** Runs sumPart in k threads over generated data and checks result[0]; resolves with the wall time. */
async function sumIn(t: TestContext, k: number, length: number, seed: number, max = MAX): Promise<number> {
  t.input(`sumPart(data, result, index, ${k}) in ${k} thread${k === 1 ? "" : "s"}, data.length = ${length}, values 0..${max}`);
  const { result, wallMs, threads } = await student.parallel("sumPart", { threads: k, length, seed, max });
  const expected = expectedSum(length, seed, max);
  t.hint("result[0] must be the sum of all the values: thread index sums [floor(index * n / k), floor((index + 1) * n / k)), every value exactly once, and no thread writes to data.");
  expect(result[0], `result[0] with ${k} thread${k === 1 ? "" : "s"} and ${length} values`).toBe(expected);
  let added = 0;
  for (let index = 0; index < k; index++) {
    const atomics = threads[index]?.atomics;
    checkAtomics(t, atomics, `thread ${index} of ${k}`, Math.floor((index * length) / k), Math.floor(((index + 1) * length) / k));
    added += atomics?.added ?? 0;
  }
  t.hint("Everything a thread adds to result[0] must go through Atomics.add (nothing written around it): the threads' Atomics.add values must add up to the sum.");
  expect(added, `the sum of what the ${k} threads added with Atomics.add`).toBe(expected);
  return wallMs;
}

// ---------------------------------------------------------------- visible

test("one thread sums everything", async (t) => {
  await sumIn(t, 1, 1000, 11);
}, { requires: ["R1", "R4"], hint: "With k = 1 your range is the whole array: [0, data.length)." });

test("two threads, an even split", async (t) => {
  await sumIn(t, 2, 10_000, 12);
}, { requires: ["R1", "R3", "R4"], hint: "Thread index sums [floor(index * n / k), floor((index + 1) * n / k)): the end is excluded, and only its own range." });

test("three threads, a length not divisible by 3", async (t) => {
  await sumIn(t, 3, 1001, 13);
}, { requires: ["R1", "R4"], hint: "Use floor(index * n / k) and floor((index + 1) * n / k): the ranges then cover every value, even when k does not divide n." });

test("an empty array", async (t) => {
  await sumIn(t, 2, 0, 14);
}, { requires: ["R1", "R4"], hint: "With no values every range is empty and result[0] stays 0." });

test("speed-up of 2 threads over 1 (shown, not graded)", async (t) => {
  // Best of three runs each, alternating, so that a busy moment of the machine counts less.
  let one = Infinity;
  let two = Infinity;
  for (let run = 0; run < 3; run++) {
    one = Math.min(one, await sumIn(t, 1, LARGE, 15));
    two = Math.min(two, await sumIn(t, 2, LARGE, 15));
  }
  t.input(`sumPart over ${LARGE.toLocaleString("en")} values in 1 thread, then in 2 threads (best of 3 each)`);
  const measured = `speed-up with 2 threads: ${(one / Math.max(two, 0.1)).toFixed(2)}x (1 thread: ${one.toFixed(1)} ms, 2 threads: ${two.toFixed(1)} ms, wall time of ${LARGE.toLocaleString("en")} values, best of 3)`;
  // Other gradings share the grader's cores: a slower 2-thread run says nothing about the code.
  t.note(two < one ? measured : `${measured}. Two threads were not faster here: the grader's cores were busy with other work while this ran, so this figure says nothing about your code (your sums were exact).`);
}, { requires: ["R3", "R4"], hint: "Both runs must give the exact sum. The time is only shown: each thread should sum only its own range." });

// ---------------------------------------------------------------- hidden

test("four threads, a length not divisible by 4", async (t) => {
  await sumIn(t, 4, 100_003, 21, 1000);
}, { hidden: true, requires: ["R1", "R4"], hint: "The values were not all summed exactly once: thread index sums [floor(index * n / k), floor((index + 1) * n / k))." });

test("more threads than values", async (t) => {
  await sumIn(t, 4, 3, 22);
  await sumIn(t, 4, 1, 23);
  await sumIn(t, 3, 2, 24);
}, { hidden: true, requires: ["R1", "R4"], hint: "When data.length < k some ranges are empty; every value must still be summed exactly once." });

test("no values at all", async (t) => {
  await sumIn(t, 3, 0, 25);
  await sumIn(t, 1, 0, 26);
}, { hidden: true, requires: ["R1", "R4"], hint: "With no values result[0] must stay 0." });

test("every k from 1 to 4 on a prime length", async (t) => {
  for (let k = 1; k <= 4; k++) await sumIn(t, k, 9973, 30 + k, 1000);
}, { hidden: true, requires: ["R1", "R4"], hint: "Each value belongs to exactly one range, whatever k is." });

// Lost updates are caught by construction (checkAtomics: every thread's additions go through
// Atomics.add); these two also run truly in parallel on large arrays, where a lost update shows.
test("two threads on a large array, many times", async (t) => {
  for (let run = 0; run < 2; run++) await sumIn(t, 2, LARGE, 40 + run);
}, { hidden: true, requires: ["R3", "R4"], hint: "On a large array with two threads, result[0] must be exact and every addition must go through Atomics.add(result, 0, blockSum), one indivisible step per block (a plain += or a load then a store can lose an update)." });

test("four threads on a large array", async (t) => {
  for (let run = 0; run < 2; run++) await sumIn(t, 4, LARGE - run, 50 + run);
}, { hidden: true, requires: ["R1", "R3", "R4"], hint: "On a large array with four threads, result[0] must be exact and every thread must add its blocks' sums with Atomics.add." });

// ---------------------------------------------------------------- content review (issue 12)

/**
 * Calls sumPart for each index alone (one call, copied arrays): each call must add exactly its
 * own range's sum to result[0] and leave data unchanged. One thread doing all the work, or a
 * thread summing outside its range, passes the parallel tests but not this one.
 */
async function eachIndexAlone(t: TestContext, k: number, length: number, seed: number): Promise<void> {
  const data = generateInts(length, seed, 1000);
  t.input(`sumPart(data, [0], index, ${k}) for each index alone, data.length = ${length}`);
  for (let index = 0; index < k; index++) {
    const start = Math.floor((index * length) / k);
    const end = Math.floor(((index + 1) * length) / k);
    let own = 0;
    for (let i = start; i < end; i++) own += data[i]!;
    const out = await student.run("sumPart", [data, new Int32Array(1), index, k]);
    const [after, result] = out.args as [Int32Array, Int32Array];
    t.hint("Called alone, thread index adds exactly the sum of its own range [floor(index * n / k), floor((index + 1) * n / k)) to result[0]; the other threads do theirs.");
    expect(result[0], `result[0] after sumPart(data, result, ${index}, ${k}) alone (its range is [${start}, ${end}))`).toBe(own);
    checkAtomics(t, out.atomics, `sumPart(data, result, ${index}, ${k}) alone`, start, end, own);
    t.hint("data is shared by every thread: read it, never write to it (sum in a local variable).");
    let changed = -1;
    for (let i = 0; i < length && changed < 0; i++) if (after[i] !== data[i]) changed = i;
    expect(changed, `first position of data that sumPart(data, result, ${index}, ${k}) changed (-1: none)`).toBe(-1);
  }
}

test("each thread sums exactly its own range", async (t) => {
  await eachIndexAlone(t, 3, 3001, 61);
}, { requires: ["R1", "R2", "R3"], hint: "Called alone, thread index adds exactly the sum of data[floor(index * n / k)] .. data[floor((index + 1) * n / k) - 1] to result[0], block by block with Atomics.add(result, 0, blockSum), and does not write to data." });

test("each of four threads alone, a length not divisible by 4", async (t) => {
  await eachIndexAlone(t, 4, 10_007, 62);
  await eachIndexAlone(t, 2, 5000, 63);
  await eachIndexAlone(t, 4, 3, 64);
  await eachIndexAlone(t, 3, 0, 65);
}, { hidden: true, requires: ["R1", "R2", "R3"], hint: "Each thread sums only its own range (the others do theirs at the same time), adds each block's sum with Atomics.add, and never writes to data." });
