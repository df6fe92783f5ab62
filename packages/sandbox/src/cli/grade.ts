#!/usr/bin/env -S node --no-node-snapshot --import tsx
// npm run grade -- <exerciseId> <solutionFile> [--json] [--seed N] [--run] [--exercises DIR]
// Exit 0 whenever a solution file was graded, whatever it does (one JSON object with --json);
// 2 for usage errors or an unknown exercise.
//
// The grading itself runs in a child process of this one: V8 can abort a whole process (an
// isolate that runs out of memory inside the engine's own allocation retry), and the caller
// must still get one report. The child prints the report as JSON; this process checks it
// against its contract and prints it.
import "@autograder/shared/require-supported-node";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { GradeReport } from "@autograder/shared";
import { GradeReport as GradeReportContract, parseJsonContract } from "@autograder/shared/contracts";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import { emptyReport, grade } from "../grade.ts";
import { formatReport } from "../report-text.ts";
import { EXERCISES_DIR } from "./paths.ts";

/** Set in the child's environment: grade here and print the report as JSON. */
const CHILD = "AUTOGRADER_GRADE_CHILD";
/** Optional: the child's own V8 heap limit in MB (bounds the grading process itself). */
const CHILD_HEAP_MB = "GRADE_CLI_HEAP_MB";
/** V8's words when a process dies of its own heap (host, not student text: that never reaches stderr). */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed|CALL_AND_RETRY_LAST/i;
const MAX_REPORT_CHARS = 64 * 1024 * 1024;

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
  const options = { seed, mode: parsed.values.run ? ("run" as const) : ("submit" as const) };
  if (process.env[CHILD] === "1") {
    process.stdout.write(`${JSON.stringify(await gradeHere(exercise, source, options))}\n`);
    return;
  }
  const report = await gradeInChild(exercise, cwd);
  process.stdout.write(parsed.values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
}

async function gradeHere(exercise: Exercise, source: string, options: { seed: number; mode: "run" | "submit" }): Promise<GradeReport> {
  const started = performance.now();
  try {
    return await grade(exercise, source, options);
  } catch (error) {
    // grade() never throws for what a submission does; if the sandbox itself fails, the
    // caller still gets one report.
    return emptyReport(exercise, "error", started, `the grader failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000));
  }
}

/** Runs this same command in a child process and returns its report, or one that says how the child died. */
function gradeInChild(exercise: Exercise, cwd: string): Promise<GradeReport> {
  const started = performance.now();
  const heapMb = Number(process.env[CHILD_HEAP_MB]);
  const execArgv = [...process.execArgv, ...(Number.isInteger(heapMb) && heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : [])];
  const child = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    env: { ...process.env, [CHILD]: "1", INIT_CWD: cwd },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    if (stdout.length < MAX_REPORT_CHARS) stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-64 * 1024);
  });
  // The grading ends within its own total limit; past that and a margin, the child is stuck.
  const deadlineMs = exercise.manifest.limits.totalTimeoutMs + 30_000;
  const timer = setTimeout(() => child.kill("SIGKILL"), deadlineMs);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      if (code === 0) {
        try {
          resolve(parseJsonContract(GradeReportContract, stdout.trim(), "the grading process's report"));
          return;
        } catch (error) {
          resolve(emptyReport(exercise, "error", started, `the grader failed: ${(error as Error).message}`));
          return;
        }
      }
      if (OUT_OF_MEMORY.test(stderr)) {
        resolve(emptyReport(exercise, "memory_limit", started, "The grading process ran out of memory while running this submission: use less memory (large arrays or strings, deep recursion)."));
      } else if (elapsed >= deadlineMs) {
        resolve(emptyReport(exercise, "timeout", started, `The grading did not end within ${Math.round(deadlineMs / 1000)} s and was stopped.`));
      } else {
        resolve(emptyReport(exercise, "error", started, `the grading process stopped (${signal ?? `exit code ${code}`}) before it could report`));
      }
    });
  });
}

await main();
