// npm run exercises:quality [-- <id prefix>...] [--sample N] [--json] [--exercises DIR] [--min 0.9]
// Prints the mutation table and every surviving mutant. Exit 1 when an exercise scores below
// --min (default 0.9) or its reference fails, 2 for usage errors.
import path from "node:path";
import { parseArgs } from "node:util";
import { findExerciseIds, loadExercise } from "@autograder/exercise-format";
import { disposeIdleJudges } from "../judge-session.ts";
import { measureQuality, qualityTable, type QualityResult } from "../quality/quality.ts";
import { EXERCISES_DIR } from "./paths.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: "boolean" }, exercises: { type: "string" }, sample: { type: "string" }, min: { type: "string" } },
});
const sample = values.sample === undefined ? undefined : Number(values.sample);
const min = values.min === undefined ? 0.9 : Number(values.min);
if ((sample !== undefined && (!Number.isInteger(sample) || sample < 1)) || !(min >= 0 && min <= 1)) {
  process.stderr.write("usage: exercises:quality [-- <id prefix>...] [--sample N (>= 1)] [--min 0..1] [--json] [--exercises DIR]\n");
  process.exit(2);
}
const root = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.exercises ?? EXERCISES_DIR);
const ids = (await findExerciseIds(root)).filter((id) => positionals.length === 0 || positionals.some((p) => id.startsWith(p)));
if (ids.length === 0) {
  process.stderr.write(`no exercises found under ${root}${positionals.length ? ` matching ${positionals.join(", ")}` : ""}\n`);
  process.exit(2);
}

const started = performance.now();
const results: QualityResult[] = [];
for (const id of ids) {
  let result: QualityResult;
  try {
    result = await measureQuality(await loadExercise(root, id), sample === undefined ? {} : { sample });
  } catch (error) {
    const empty = { requirements: { covered: 0, total: 0 }, mutants: 0, killed: 0, equivalent: 0, survived: 0, score: 0, seconds: 0, results: [], unknownEquivalents: [] };
    result = { exerciseId: id, ...empty, error: error instanceof Error ? error.message : String(error) };
  }
  results.push(result);
  if (values.json) continue;
  process.stdout.write(`${id}: ${result.error ?? `${result.killed}/${result.mutants - result.equivalent} killed (${result.equivalent} equivalent) in ${result.seconds.toFixed(1)} s`}\n`);
  for (const r of result.results) if (r.status === "survived") process.stdout.write(`  survived: ${r.id}\n`);
  for (const u of result.unknownEquivalents) process.stdout.write(`  equivalentMutants lists an id no mutant has (stale?): ${u}\n`);
}
const failing = results.filter((r) => r.error !== undefined || r.score < min);
if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
else {
  process.stdout.write(`\n${qualityTable(results)}\n\n${sample === undefined ? "all mutants" : `a sample of ${sample} mutants per exercise`}; ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`);
}
disposeIdleJudges();
process.exitCode = failing.length > 0 ? 1 : 0;
