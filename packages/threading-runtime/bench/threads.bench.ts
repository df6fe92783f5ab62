/**
 * npm run bench:threads
 * 1. Schedules explored per second on the bounded-queue scenarios (reference solution), in a
 *    node:vm realm set up like the student isolate (runtime bundle + lowered student code).
 * (Grading p50 per reference, through the real sandbox, is printed after it by
 * packages/sandbox/bench/reference-p50.ts: see the bench:threads script.)
 */
import { fileURLToPath } from "node:url";
import { Realm } from "../src/host/vm-realm.ts";

const ROOT = fileURLToPath(new URL("../../../exercises/threading/", import.meta.url));
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

}

await main();
