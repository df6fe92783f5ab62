// The hostile corpus: submissions that try to escape, to leak, or to bring the host down.
// Each must end with a verdict while this process stays up, and leak nothing.
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERDICTS } from "@autograder/shared";
import type { Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";
import { tinySort } from "./fixture.ts";

const SECRET_FILE = "/tmp/autograder-hostile-secret.txt";
const ENV_SECRET = `env-${randomBytes(12).toString("hex")}`;
const FILE_SECRET = `file-${randomBytes(12).toString("hex")}`;
const HIDDEN_INPUT = "31337";

let exercise: Exercise;
beforeAll(async () => {
  process.env.HOSTILE_SECRET = ENV_SECRET;
  await writeFile(SECRET_FILE, FILE_SECRET);
  const base = await tinySort();
  const limits = { ...base.manifest.limits, testTimeoutMs: 300, totalTimeoutMs: 5000 };
  exercise = { ...base, manifest: { ...base.manifest, limits } };
});
afterAll(async () => {
  delete process.env.HOSTILE_SECRET;
  await rm(SECRET_FILE, { force: true });
});

const fn = (body: string): string => `export function sortIt(arr: number[]): unknown {\n${body}\n}`;
const WASM_LOOP = "[0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,5,1,1,102,0,0,10,9,1,7,0,3,64,12,0,11,11]";

const CORPUS: Array<[string, string]> = [
  ["constructor chain to process", fn("return (function () {}).constructor('return process')().env.HOSTILE_SECRET;")],
  ["constructor chain from a value", fn("return (arr as any).constructor.constructor('return this')().process.mainModule.require('fs').readFileSync('" + SECRET_FILE + "', 'utf8');")],
  ["globalThis.process", fn("return (globalThis as any).process.env;")],
  ["require", fn("return (0, eval)('require')('fs').readFileSync('" + SECRET_FILE + "', 'utf8');")],
  ["dynamic import of fs", fn("return import('fs' as string).then((fs: any) => fs.readFileSync('" + SECRET_FILE + "', 'utf8'));")],
  ["static import of fs", `import * as fs from "fs";\n${fn(`return fs.readFileSync("${SECRET_FILE}", "utf8");`)}`],
  ["import by relative path", `import secret from "${SECRET_FILE}";\n${fn("return secret;")}`],
  ["Function('return this') globals", fn("const g = Function('return this')(); return Object.getOwnPropertyNames(g).filter((k) => /process|require|module|Buffer|fetch|__host|__judge/.test(k));")],
  ["prototype pollution of Object.prototype", fn("(Object.prototype as any).polluted = 'yes'; (arr as any).__proto__.__proto__.polluted2 = 'yes'; return arr;")],
  ["__proto__ key in a returned value", fn("return JSON.parse('{\"__proto__\": {\"polluted\": \"yes\"}, \"a\": 1}');")],
  ["getter that never returns", fn("return { get x() { for (;;) {} } };")],
  ["proxy that throws on every trap", fn("return new Proxy([], { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });")],
  ["proxy with endless keys", fn("return new Proxy({}, { ownKeys() { return Array.from({ length: 1e6 }, (_, i) => 'k' + i); }, getOwnPropertyDescriptor() { return { value: 1, enumerable: true, configurable: true }; } });")],
  ["toJSON and valueOf traps", fn("return { toJSON() { for (;;) {} }, valueOf() { for (;;) {} }, toString() { for (;;) {} } };")],
  ["Error.prepareStackTrace frames", fn("(Error as any).prepareStackTrace = (_: unknown, frames: any[]) => frames.map((f) => String(f.getThis?.()) + f.getFunction?.()); throw new Error('look');")],
  ["thrown proxy", fn("throw new Proxy({}, { get() { throw new Error('trap'); } });")],
  ["synchronous infinite loop", fn("for (;;) {}")],
  ["asynchronous infinite loop", fn("return (async () => { for (;;) await null; })();")],
  ["top-level infinite microtasks", `(async () => { for (;;) await null; })();\n${fn("return arr;")}`],
  ["promise that never settles", fn("return new Promise(() => {});")],
  ["Atomics.wait forever", fn("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return arr;")],
  ["WebAssembly infinite loop", fn(`const m = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(${WASM_LOOP}))); (m.exports.f as () => void)(); return arr;`)],
  ["memory bomb", fn("const keep: unknown[] = []; for (;;) keep.push(new Array(1e6).fill(1));")],
  ["string doubling bomb", fn("let s = 'x'; for (;;) s += s; ")],
  ["deep recursion", fn("const f = (n: number): number => f(n + 1) + 1; return f(0) as unknown;")],
  ["huge console output", fn("for (let i = 0; i < 1e6; i++) console.log('x'.repeat(100)); return arr;")],
  ["huge return value", fn("return new Array(5e6).fill(123456789);")],
  ["cyclic return value", fn("const a: unknown[] = []; a.push(a); return a;")],
  ["setter on Array.prototype indexes", fn("Object.defineProperty(Array.prototype, '0', { set() { throw new Error('gotcha'); }, configurable: true }); return arr;")],
  ["replaced JSON and Object built-ins", fn("JSON.stringify = () => '{\"forged\":true}'; Object.keys = () => []; Array.isArray = () => false; return arr;")],
  ["leak the hidden input through an error", fn("throw new Error('input was ' + JSON.stringify(arr));")],
  ["leak the hidden input through the console", fn("console.log(JSON.stringify(arr)); return [];")],
  ["leak the hidden input through the return value", fn("return ['leak', ...arr];")],
  ["overwrite Math.random", `Math.random = () => 0;\n${fn("return arr;")}`],
  ["look for host references", fn("const g = globalThis as any; return [typeof g.__hostCall, typeof g.__hostDrive, typeof g.__judge, typeof g.__threading, typeof g.ivm, typeof g._ivm];")],
  ["eval of host names", fn("return eval('typeof process + typeof require + typeof module + typeof Buffer');")],
];

describe("the hostile corpus", () => {
  it("has at least 30 submissions", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, source] of CORPUS) {
    it(`contains: ${name}`, async () => {
      const report = await grade(exercise, source);
      expect(VERDICTS).toContain(report.status);
      expect(report.status).not.toBe("passed");
      const text = JSON.stringify(report);
      expect(text).not.toContain(ENV_SECRET);
      expect(text).not.toContain(FILE_SECRET);
      expect(text).not.toContain(HIDDEN_INPUT);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(process.env.HOSTILE_SECRET).toBe(ENV_SECRET);
    });
  }

  it("still grades correctly after all of them", async () => {
    const report = await grade(exercise, exercise.files["solution.ts"]!);
    expect(report.status).toBe("passed");
  });
});
