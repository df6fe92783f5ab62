// Contracts of every value that crosses a process boundary: queue payloads, stored JSON
// columns, CLI JSON output and shared environment variables. Parse with parseContract.
export * from "./parse.ts";
export * from "./queue.ts";
export * from "./report.ts";
export * from "./describe.ts";
export * from "./env.ts";
export * from "./exercise-version.ts";
