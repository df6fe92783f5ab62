// The baseline for bench:grader: what a process-per-run judge does. A fresh `node` process
// loads the student's module and the same tests (the same judge API and bridge, in one realm,
// with no isolation at all) and prints a report. Bundled by grader.bench.ts; "student" and
// TESTS_FILE are filled in there.
import * as studentModule from "student";
import { call, drive, init, setModules } from "../src/isolate/student-bridge.ts";

declare const TESTS_FILE: string;

const g = globalThis as Record<string, unknown>;
const write = (s: string): boolean => (g.process as { stdout: { write(s: string): boolean } }).stdout.write(s);
g.__hostCall = { apply: (_: unknown, args: [string, string, string]) => call(...args) };
g.__hostDrive = { apply: (_: unknown, args: [string, string]) => drive("none", ...args) };
init(JSON.stringify({ seed: 1, rules: [], outputBytes: 65536, returnBytes: 4194304, platformGlobals: {} }));
setModules(studentModule as Record<string, unknown>, undefined, "[]");
await import(TESTS_FILE);
const judge = g.__judge as { list(): string; run(i: number, seed: number): Promise<string> };
const tests = JSON.parse(judge.list()) as Array<{ name: string }>;
const results: unknown[] = [];
for (let i = 0; i < tests.length; i++) results.push(JSON.parse(await judge.run(i, 1)));
write(`${JSON.stringify(results)}\n`);
