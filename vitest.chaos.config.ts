// The reliability suite (npm run test:chaos): the OpenAPI fuzzer at full size and faults under
// load (grader worker killed, PostgreSQL killed, SIGTERM). One file at a time: the faults
// measure recovery and must not compete for the 2 cores.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/chaos/**/*.test.ts"],
    globalSetup: ["./test-support/global-setup.ts"],
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
