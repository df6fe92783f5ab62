// Describes exercises (test names, platform-module declarations) in a child process running this
// package's `autograder-describe` CLI, so that loading an exercise's tests.ts (judge isolates)
// never happens in the caller's process. Importing this module loads no isolated-vm.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DescribeOutput, parseJsonContract } from "@autograder/shared/contracts";

const exec = promisify(execFile);
/** The file behind the package's `autograder-describe` bin entry. */
export const DESCRIBE_CLI = fileURLToPath(new URL("./cli/describe.ts", import.meta.url));

/** The describe CLI's stdout, parsed against its contract (a ContractError says what is wrong). */
export function parseDescribeOutput(stdout: string): DescribeOutput {
  return parseJsonContract(DescribeOutput, stdout, "describe CLI output");
}

/** {id: description | {error}} for each id under `root`; the CLI's output is parsed, never trusted. */
export async function describeInChildProcess(root: string, ids: readonly string[]): Promise<DescribeOutput> {
  if (ids.length === 0) return {};
  const { stdout } = await exec(process.execPath, ["--no-node-snapshot", "--import", "tsx", DESCRIBE_CLI, root, ...ids], { maxBuffer: 64 * 1024 * 1024 });
  return parseDescribeOutput(stdout);
}
