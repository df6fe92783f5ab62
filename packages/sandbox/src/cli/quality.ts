#!/usr/bin/env -S node --no-node-snapshot --import tsx
// npm run exercises:quality [-- <id prefix>...] [--sample N] [--json] [--verbose] [--exercises DIR] [--min 0.9]
// Prints the mutation table and every surviving mutant. Exit 1 when an exercise scores below
// --min (default 0.9) or its reference fails, 2 for usage errors.
//
// Each exercise is measured in a child process: a mutant can exhaust memory in a way that ends
// the whole process (isolated-vm aborts on some out-of-memory paths); the child reports each
// mutant before grading it, so the parent counts that one as killed ("crash": the grader's
// worker would die the same way) and starts a new child after it.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { findExerciseIds, loadExercise } from "@autograder/exercise-format";
import { disposeIdleJudges } from "../judge-session.ts";
import { measureQuality, qualityTable, type MutantResult, type QualityResult } from "../quality/quality.ts";
import { EXERCISES_DIR } from "./paths.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    exercises: { type: "string" },
    sample: { type: "string" },
    min: { type: "string" },
    child: { type: "string" },
  },
});
const sample = values.sample === undefined ? undefined : Number(values.sample);
const min = values.min === undefined ? 0.9 : Number(values.min);
if ((sample !== undefined && (!Number.isInteger(sample) || sample < 1)) || !(min >= 0 && min <= 1)) {
  process.stderr.write("usage: exercises:quality [-- <id prefix>...] [--sample N (>= 1)] [--min 0..1] [--json] [--verbose] [--exercises DIR]\n");
  process.exit(2);
}
const root = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.exercises ?? EXERCISES_DIR);

type ChildLine = { start: Pick<MutantResult, "id" | "mutator" | "origin"> } | { result: MutantResult } | { done: QualityResult };

if (values.child !== undefined) {
  // Child: one exercise; `--child <file>` holds [id, results measured by earlier children].
  const [id, given] = JSON.parse(await readFile(values.child, "utf8")) as [string, MutantResult[]];
  const say = (line: ChildLine): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
  const result = await measureQuality(await loadExercise(root, id), {
    ...(sample === undefined ? {} : { sample }),
    given,
    onStart: (m) => say({ start: m }),
    onMutant: (r) => say({ result: r }),
  });
  say({ done: result });
  disposeIdleJudges();
} else {
  await main();
}

/** One exercise, in as many child processes as crashes require. */
async function measureInChildren(id: string, log: (text: string) => void): Promise<QualityResult> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), "quality-"));
  const results: MutantResult[] = [];
  try {
    for (;;) {
      const file = path.join(dir, "given.json");
      await writeFile(file, JSON.stringify([id, results]));
      const args = ["--no-node-snapshot", "--import", "tsx", fileURLToPath(import.meta.url), "--child", file, "--exercises", root, ...(sample === undefined ? [] : ["--sample", String(sample)])];
      const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, INIT_CWD: process.cwd() } });
      let pending: Pick<MutantResult, "id" | "mutator" | "origin"> | undefined;
      let done: QualityResult | undefined;
      let buffer = "";
      let errors = "";
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (chunk: string) => {
        errors = (errors + chunk).slice(-2000);
      });
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        buffer += chunk;
        for (let cut = buffer.indexOf("\n"); cut >= 0; cut = buffer.indexOf("\n")) {
          const line = JSON.parse(buffer.slice(0, cut)) as ChildLine;
          buffer = buffer.slice(cut + 1);
          if ("start" in line) pending = line.start;
          else if ("result" in line) {
            results.push(line.result);
            pending = undefined;
            log(`  [${results.length}] ${line.result.status} ${line.result.id}`);
          } else done = line.done;
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on("close", (c, signal) => resolve(signal ? null : c)));
      if (done) return { ...done, seconds: (performance.now() - started) / 1000 };
      // Only a process killed by a signal (V8's abort, a segfault) is a crash; an exit with a code is a bug of the tool.
      if (pending === undefined || code !== null) {
        throw new Error(`the measuring process ended (${code === null ? "killed by a signal" : `exit ${code}`})${pending ? ` while grading ${pending.id}` : ""}: ${errors.trim().split("\n").slice(-3).join(" / ")}`);
      }
      results.push({ ...pending, status: "killed", verdict: "crash" });
      log(`  [${results.length}] killed (the process died: crash) ${pending.id}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
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
      result = await measureInChildren(id, (text) => {
        if (values.verbose) process.stderr.write(`${text}\n`);
      });
    } catch (error) {
      const empty = { requirements: { covered: 0, total: 0 }, mutants: 0, killed: 0, equivalent: 0, survived: 0, score: 0, seconds: 0, results: [], unknownEquivalents: [] };
      result = { exerciseId: id, ...empty, error: error instanceof Error ? error.message : String(error) };
    }
    results.push(result);
    if (values.json) continue;
    process.stdout.write(`${id}: ${result.error ?? `${result.killed}/${result.mutants - result.equivalent} killed (${result.equivalent} equivalent) in ${result.seconds.toFixed(1)} s`}\n`);
    for (const r of result.results) if (r.status === "survived") process.stdout.write(`  survived: ${r.id}\n`);
    for (const r of result.results) if (r.verdict === "crash") process.stdout.write(`  killed by a crash of the process: ${r.id}\n`);
    for (const u of result.unknownEquivalents) process.stdout.write(`  equivalentMutants lists an id no mutant has (stale?): ${u}\n`);
  }
  const failing = results.filter((r) => r.error !== undefined || r.score < min);
  if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else {
    process.stdout.write(`\n${qualityTable(results)}\n\n${sample === undefined ? "all mutants" : `a sample of ${sample} mutants per exercise`}; ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`);
  }
  process.exitCode = failing.length > 0 ? 1 : 0;
}
