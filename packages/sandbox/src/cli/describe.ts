#!/usr/bin/env -S node --no-node-snapshot --import tsx
// Prints {"<id>": ExerciseDescription | {"error": message}} for the given exercise ids.
// The launcher runs this (bin autograder-describe, via describeInChildProcess) in a child
// process so that no exercise code runs in the API.
// Its output contract is DescribeOutput in @autograder/shared/contracts.
// usage: describe.ts <exercises dir> <id>...
import "@autograder/shared/require-supported-node";
import { loadExercise } from "@autograder/exercise-format";
import { describeExercise, type ExerciseDescription } from "../describe.ts";

const [root, ...ids] = process.argv.slice(2);
if (root === undefined) {
  process.stderr.write("usage: describe.ts <exercises dir> <id>...\n");
  process.exit(2);
}
const out: Record<string, ExerciseDescription | { error: string }> = {};
for (const id of ids) {
  try {
    out[id] = await describeExercise(await loadExercise(root, id));
  } catch (error) {
    out[id] = { error: (error as Error).message };
  }
}
process.stdout.write(`${JSON.stringify(out)}\n`);
