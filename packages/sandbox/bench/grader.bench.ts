// npm run bench:grader: grading latency and throughput on a warm process, against a baseline
// that starts a fresh node process per submission; then resident memory over many gradings.
// BENCH_GRADINGS (default 10000) sets the length of the memory run.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { loadExercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { judgeScript } from "../src/build.ts";
import { EXERCISES_DIR } from "../src/cli/paths.ts";

const exec = promisify(execFile);
const EXERCISE = "sorting/selection-sort";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(label: string, samples: number[], wallMs: number): { p50: number; p99: number; perSecond: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const result = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), perSecond: (samples.length / wallMs) * 1000 };
  console.log(`${label.padEnd(34)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p99 ${result.p99.toFixed(1).padStart(7)} ms   ${result.perSecond.toFixed(1).padStart(7)} gradings/s   (n=${samples.length})`);
  return result;
}

async function timed(n: number, run: () => Promise<unknown>): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return { samples, wallMs: performance.now() - start };
}

const exercise = await loadExercise(EXERCISES_DIR, EXERCISE);
const solution = exercise.files["solution.ts"]!;
const check = await grade(exercise, solution);
if (check.status !== "passed") throw new Error(`the reference did not pass: ${check.status}`);
console.log(`${EXERCISE}: ${check.tests.length} tests, reference ${check.score}/${check.maxScore}; ${os.cpus().length} cores, Node ${process.version}\n`);

for (let i = 0; i < 20; i++) await grade(exercise, solution);
const warm = await timed(300, () => grade(exercise, solution));
const ours = summary("sandbox, warm worker (sequential)", warm.samples, warm.wallMs);
const pairStart = performance.now();
const pairSamples: number[] = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let i = 0; i < 150; i++) {
      const t = performance.now();
      await grade(exercise, solution);
      pairSamples.push(performance.now() - t);
    }
  }),
);
summary("sandbox, warm worker (2 at once)", pairSamples, performance.now() - pairStart);

// Baseline: one fresh node process per submission running the same tests.
const dir = await mkdtemp(path.join(os.tmpdir(), "bench-baseline-"));
const testsFile = path.join(dir, "tests.js");
await writeFile(testsFile, await judgeScript(exercise.files["tests.ts"]!, exercise.contentHash));
const studentFile = path.join(dir, "student.ts");
await writeFile(studentFile, solution);
const runner = path.join(dir, "runner.mjs");
await build({
  entryPoints: [fileURLToPath(new URL("./baseline-runner.ts", import.meta.url))],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outfile: runner,
  alias: { student: studentFile },
  external: [pathToFileURL(testsFile).href],
  define: { TESTS_FILE: JSON.stringify(pathToFileURL(testsFile).href) },
  logLevel: "silent",
});
const baselineRun = async (): Promise<void> => {
  const { stdout } = await exec(process.execPath, [runner]);
  const results = JSON.parse(stdout) as Array<{ passed: boolean }>;
  if (!results.every((r) => r.passed)) throw new Error("the baseline did not pass the tests");
};
await baselineRun();
const base = await timed(40, baselineRun);
const baseline = summary("baseline, node process per run", base.samples, base.wallMs);
console.log(`\nratio: p50 ${(baseline.p50 / ours.p50).toFixed(1)}x lower latency, ${(ours.perSecond / baseline.perSecond).toFixed(1)}x the throughput (aim: p50 <= 30 ms, >= 10x)\n`);

const total = Number(process.env.BENCH_GRADINGS ?? 10_000);
const rssBefore = process.memoryUsage().rss;
const memStart = performance.now();
for (let i = 1; i <= total; i++) {
  await grade(exercise, solution);
  if (i % 2000 === 0 || i === total) {
    console.log(`after ${String(i).padStart(6)} gradings: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(1)} MB`);
  }
}
const growth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
console.log(`${total} gradings in ${((performance.now() - memStart) / 1000).toFixed(1)} s; resident memory grew ${growth.toFixed(1)} MB (aim: under 50 MB)`);
