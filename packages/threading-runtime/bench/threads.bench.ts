/**
 * npm run bench:threads
 * 1. Schedules explored per second on the bounded-queue scenarios (reference solution), in a
 *    node:vm realm set up like the student isolate (runtime bundle + lowered student code).
 * 2. "Grading" p50 per exercise reference: realm setup (bundling included) plus exploring every
 *    scenario with the default budget, over several runs.
 */
import { readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Realm } from "../src/host/vm-realm.ts";

const ROOT = fileURLToPath(new URL("../../../exercises/threading/", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

async function exploreAll(realm: Realm, schedules?: number): Promise<{ explored: number; steps: number }> {
  let explored = 0;
  let steps = 0;
  for (const scenario of realm.scenarioNames()) {
    const report = await realm.explore(scenario, {}, schedules === undefined ? {} : { schedules });
    if (!report.ok) throw new Error(`reference failed ${scenario}: ${report.message}`);
    explored += report.explored;
    steps += report.totalSteps;
  }
  return { explored, steps };
}

async function main(): Promise<void> {
  const queue = `${ROOT}bounded-queue/`;
  const realm = await Realm.create(`${queue}workload.ts`, `${queue}solution.ts`);
  await exploreAll(realm, 50); // warm-up
  const started = performance.now();
  const { explored, steps } = await exploreAll(realm, 2000);
  const seconds = (performance.now() - started) / 1000;
  console.log(`bounded-queue: ${explored} schedules, ${steps} steps in ${seconds.toFixed(2)} s`);
  console.log(`  ${Math.round(explored / seconds)} schedules/s, ${Math.round(steps / seconds)} steps/s`);

  console.log(`\ngrading p50 per reference (${RUNS} runs: realm + bundle + every scenario, default budget)`);
  const exercises = readdirSync(ROOT).filter((name) => existsSync(`${ROOT}${name}/workload.ts`));
  for (const exercise of exercises) {
    const times: number[] = [];
    let explored = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const r = await Realm.create(`${ROOT}${exercise}/workload.ts`, `${ROOT}${exercise}/solution.ts`);
      explored = (await exploreAll(r)).explored;
      times.push(performance.now() - t0);
    }
    console.log(`  ${exercise.padEnd(14)} p50 ${percentile(times, 0.5).toFixed(1)} ms  (max ${Math.max(...times).toFixed(1)} ms, ${explored} schedules)`);
  }
}

await main();
