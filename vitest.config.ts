import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    // test/chaos: the reliability suite, run by `npm run test:chaos` (vitest.chaos.config.ts).
    exclude: ["**/node_modules/**", "apps/web/e2e/**", "test/chaos/**"],
    globalSetup: ["./test-support/global-setup.ts"],
    // isolated-vm needs --no-node-snapshot on Node 20+.
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
