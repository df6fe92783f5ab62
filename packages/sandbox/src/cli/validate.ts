#!/usr/bin/env -S node --no-node-snapshot --import tsx
// npm run exercises:validate [-- <id prefix>...] [--json] [--exercises DIR]
// Exit 1 when any exercise is invalid, 2 for usage errors.
import "@autograder/shared/require-supported-node";
import path from "node:path";
import { parseArgs } from "node:util";
import { findExerciseIds, loadExercise } from "@autograder/exercise-format";
import { formatCoverage } from "../requirements.ts";
import { validateExercise, type ValidationResult } from "../validate.ts";
import { EXERCISES_DIR } from "./paths.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: "boolean" }, exercises: { type: "string" } } });
const root = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.exercises ?? EXERCISES_DIR);
const ids = (await findExerciseIds(root)).filter((id) => positionals.length === 0 || positionals.some((p) => id.startsWith(p)));
if (ids.length === 0) {
  process.stderr.write(`no exercises found under ${root}${positionals.length ? ` matching ${positionals.join(", ")}` : ""}\n`);
  process.exit(2);
}

const results: ValidationResult[] = [];
for (const id of ids) {
  let result: ValidationResult;
  try {
    result = await validateExercise(await loadExercise(root, id));
  } catch (error) {
    result = { exerciseId: id, ok: false, checks: [{ what: "loads", ok: false, detail: (error as Error).message }], visibleTests: 0, hiddenTests: 0, durationMs: 0 };
  }
  results.push(result);
  if (!values.json) {
    const mutants = result.checks.filter((c) => c.what.startsWith("mutant "));
    process.stdout.write(
      `${result.ok ? "ok  " : "FAIL"} ${id}  (${result.visibleTests} visible, ${result.hiddenTests} hidden tests; ${mutants.filter((m) => m.ok).length}/${mutants.length} mutants caught; ${result.durationMs} ms)\n`,
    );
    for (const c of result.checks) if (!c.ok) process.stdout.write(`       ${c.what}: ${c.detail}\n`);
    if (result.coverage) process.stdout.write(`     requirements (${result.coverage.covered}/${result.coverage.rows.length} covered):\n${formatCoverage(result.coverage)}\n`);
    for (const w of result.coverage?.warnings ?? []) process.stdout.write(`     warning: ${w}\n`);
  }
}
const bad = results.filter((r) => !r.ok);
if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
else process.stdout.write(`\n${results.length - bad.length}/${results.length} exercises valid\n`);
process.exit(bad.length > 0 ? 1 : 0);
