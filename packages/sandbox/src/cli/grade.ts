// npm run grade -- <exerciseId> <solutionFile> [--json] [--seed N] [--run] [--exercises DIR]
// Exit 0 whenever a solution file was graded, whatever it does (one JSON object with --json);
// 2 for usage errors or an unknown exercise.
import "@autograder/shared/require-supported-node";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { GradeReport } from "@autograder/shared";
import { loadExercise } from "@autograder/exercise-format";
import { grade } from "../grade.ts";
import { formatReport } from "../report-text.ts";
import { EXERCISES_DIR } from "./paths.ts";

const USAGE = "usage: npm run grade -- <exerciseId> <solutionFile> [--json] [--seed N] [--run] [--exercises DIR]";

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { json: { type: "boolean" }, seed: { type: "string" }, run: { type: "boolean" }, exercises: { type: "string" }, help: { type: "boolean" } },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [exerciseId, solutionFile, ...extra] = parsed.positionals;
  if (exerciseId === undefined || solutionFile === undefined || extra.length > 0) usage("expected an exercise id and a solution file");
  const seed = parsed.values.seed === undefined ? 1 : Number(parsed.values.seed);
  if (!Number.isSafeInteger(seed)) usage(`--seed must be an integer (got ${parsed.values.seed})`);
  // npm runs scripts from the repo root; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const root = path.resolve(cwd, parsed.values.exercises ?? EXERCISES_DIR);
  let exercise;
  try {
    exercise = await loadExercise(root, exerciseId);
  } catch (error) {
    usage(`unknown or invalid exercise "${exerciseId}": ${(error as Error).message}`);
  }
  let source: string;
  try {
    source = await readFile(path.resolve(cwd, solutionFile), "utf8");
  } catch (error) {
    usage(`cannot read ${solutionFile}: ${(error as Error).message}`);
  }
  const started = performance.now();
  let report: GradeReport;
  try {
    report = await grade(exercise, source, { seed, mode: parsed.values.run ? "run" : "submit" });
  } catch (error) {
    // grade() never throws for what a submission does; if the sandbox itself fails, the
    // caller still gets one report (exit 0, one JSON object with --json).
    const message = `the grader failed: ${error instanceof Error ? error.message : String(error)}`;
    report = { exerciseId: exercise.id, status: "error", score: 0, maxScore: 0, durationMs: Math.round(performance.now() - started), tests: [], stdout: "", message: message.slice(0, 2000) };
  }
  process.stdout.write(parsed.values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
}

await main();
