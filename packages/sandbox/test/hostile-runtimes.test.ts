// Hostile submissions against the platform code that runs in the student's isolate (the
// threading scheduler, the socket runtime, the exercises' workloads): a known-wrong solution
// (one of the exercise's mutants) plus top-level code that patches built-ins, pollutes
// prototypes or reaches for runtime state. Each must still fail, with the exact status the
// plain mutant gets: the patches must change nothing about the verdict.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type Exercise } from "@autograder/exercise-format";
import { grade } from "../src/index.ts";

const ROOT = fileURLToPath(new URL("../../../exercises/", import.meta.url));
const exercises = new Map<string, Exercise>();

beforeAll(async () => {
  for (const id of ["threading/bank-account", "threading/lock-counter", "threading/worker-pool", "threading/mutex", "sockets/tcp-echo-server", "sockets/udp-echo-server", "sockets/message-framing"]) {
    exercises.set(id, await loadExercise(ROOT, id));
  }
});

const mutant = (id: string, file: string): string => readFileSync(`${ROOT}${id}/mutants/${file}`, "utf8");

/** Grades `attack` + the mutant's source; returns the report. Attacks swallow their own TypeErrors (a locked property). */
async function gradeAttack(id: string, file: string, attack: string) {
  const exercise = exercises.get(id);
  if (exercise === undefined) throw new Error(`no exercise ${id}`);
  const source = `${mutant(id, file)}\n// ---- attack ----\ntry {\n${attack}\n} catch {}\n`;
  return grade(exercise, source, { seed: 1 });
}

/** What the plain mutant gets: the attack must not change it. */
const baseline = new Map<string, { status: string; score: number }>();
async function plain(id: string, file: string): Promise<{ status: string; score: number }> {
  const key = `${id}/${file}`;
  let known = baseline.get(key);
  if (known === undefined) {
    const exercise = exercises.get(id);
    if (exercise === undefined) throw new Error(`no exercise ${id}`);
    const report = await grade(exercise, mutant(id, file), { seed: 1 });
    known = { status: report.status, score: report.score };
    baseline.set(key, known);
  }
  return known;
}

/**
 * The attack changes nothing for the better: the same status as the plain mutant, and at most
 * its score (patching a built-in also breaks the student's own code, so it may score less).
 */
async function expectNoGain(id: string, file: string, attack: string): Promise<void> {
  const expected = await plain(id, file);
  expect(expected.status).not.toBe("passed");
  const report = await gradeAttack(id, file, attack);
  expect(report.status).not.toBe("passed");
  expect(report.status).toBe(expected.status);
  expect(report.score).toBeLessThanOrEqual(expected.score);
  expect(report.score).toBeLessThan(report.maxScore);
}

const T = 60_000;

describe("hostile submissions against the threading scheduler and workloads", () => {
  const BANK = ["threading/bank-account", "deposit-unlocked.ts"] as const;

  it("Array.prototype.filter returning [] (hides the ready threads)", async () => {
    await expectNoGain(...BANK, "Array.prototype.filter = function () { return []; };");
  }, T);

  it("Array.prototype.every returning true (ends the run 'ok' at step 0)", async () => {
    await expectNoGain(...BANK, "Array.prototype.every = function () { return true; };");
  }, T);

  it("Array.prototype.push dropping elements (thread records, trace)", async () => {
    await expectNoGain(...BANK, "const push = Array.prototype.push; Array.prototype.push = function (...a: unknown[]) { return this.length > 0 ? push.apply(this, a) : 0; };");
  }, T);

  it("an index setter on Array.prototype (swallows the first element of every new array)", async () => {
    await expectNoGain(...BANK, "Object.defineProperty(Array.prototype, '0', { set() {}, get() { return undefined; }, configurable: true });");
  }, T);

  it("Promise.resolve returning a thenable that resolves at once (threads 'finish' immediately)", async () => {
    await expectNoGain(...BANK, "(Promise as any).resolve = (v: unknown) => ({ then(ok: (x: unknown) => void) { ok(v); } });");
  }, T);

  it("replacing Promise.prototype.then and the global Promise", async () => {
    await expectNoGain(...BANK, `
      try { (Promise.prototype as any).then = function (ok: (v: unknown) => void) { ok(undefined); return this; }; } catch {}
      try { (globalThis as any).Promise = function () { return { then(ok: () => void) { ok(); } }; }; } catch {}
      try { (Object.getPrototypeOf(function* () {}).prototype as any).next = () => ({ done: true, value: undefined }); } catch {}
      try { (Function.prototype as any).apply = function () { return undefined; }; } catch {}`);
  }, T);

  it("a then on Object.prototype (hijacks every promise resolved with an object)", async () => {
    await expectNoGain(...BANK, "Object.defineProperty(Object.prototype, 'then', { value(ok: (v: unknown) => void) { ok({ ok: true, verdict: 'ok', message: '', explored: 1, totalSteps: 0 }); }, configurable: true, writable: true });");
  }, T);

  it("Object.prototype pollution of the exploration options (schedules, maxSteps, baseSeed) and of thread options (daemon)", async () => {
    await expectNoGain(...BANK, "Object.assign(Object.prototype, { schedules: 1, baseSeed: 7, daemon: true, onTimeout: () => {} });");
  }, T);

  it("JSON.stringify, Object.assign, Math.imul and Symbol.iterator patched", async () => {
    await expectNoGain(...BANK, `
      (JSON as any).stringify = () => '"same"';
      (Object as any).assign = (t: object) => t;
      (Math as any).imul = () => 0;
      (Array.prototype as any)[Symbol.iterator] = function* () {};
      try { (globalThis as any).Math = { imul: () => 0, max: () => 0, min: () => 0 }; } catch {}`);
  }, T);

  it("writing Value's and Thread's internals (TypeScript-private fields are #private now)", async () => {
    // The "deposit" below bypasses the lock by writing the cell directly, which was atomic (and
    // passed) while Value kept its content in a plain property; and marks threads finished.
    const exercise = exercises.get("threading/bank-account") as Exercise;
    const source = `import { currentThread, type Lock, type Value } from "threading";
      export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
        const b = balance as any;
        b.value = (b.value ?? 0) + amount;
        const rec = (currentThread() as any).record;
        if (rec) { rec.state = "finished"; rec.daemon = true; }
        (lock as any).owner = null;
        await balance.get();
      }
      export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
        const b = balance as any;
        if ((b.value ?? 0) < amount) return false;
        b.value -= amount;
        return true;
      }`;
    const report = await grade(exercise, source, { seed: 1 });
    expect(report.status).toBe("failed");
    expect(report.score).toBeLessThan(report.maxScore);
  }, T);

  it("patching the workload's classes and the runtime's prototypes (Value, Thread, Lock)", async () => {
    await expectNoGain("threading/lock-counter", "writer-unlocked.ts", `
      import("threading").catch(() => {});
      const V = (globalThis as any).__threading;
      if (V) V.Value.prototype.get = async () => 0;`);
    const exercise = exercises.get("threading/lock-counter") as Exercise;
    const source = `${mutant("threading/lock-counter", "writer-unlocked.ts")}
      import { Value, Thread, Lock } from "threading";
      let blocked = 0;
      for (const [proto, key] of [[Value.prototype, "get"], [Thread.prototype, "join"], [Lock.prototype, "acquire"]] as const) {
        try { (proto as any)[key] = async () => 0; } catch { blocked++; }
      }
      if (blocked !== 3) throw new Error("a runtime prototype could be patched");`;
    const report = await grade(exercise, source, { seed: 1 });
    expect(report.status).toBe((await plain("threading/lock-counter", "writer-unlocked.ts")).status);
  }, T);

  it("Symbol.iterator and the array iterator's next patched (would skip the workload's for...of checks)", async () => {
    await expectNoGain("threading/lock-counter", "reader-unlocked.ts", `
      try { (Array.prototype as any)[Symbol.iterator] = function* () {}; } catch {}
      try { (Object.getPrototypeOf([][Symbol.iterator]()) as any).next = () => ({ done: true, value: undefined }); } catch {}
      try { (Array.prototype as any).values = function* () {}; } catch {}`);
  }, T);

  it("JSON.stringify and Array.prototype.join/some patched against the worker pool's checks", async () => {
    await expectNoGain("threading/worker-pool", "map-completion-order.ts", `
      (JSON as any).stringify = () => '"same"';
      (Array.prototype as any).join = () => "same";
      (Array.prototype as any).some = () => false;
      (Array.prototype as any).every = () => true;`);
  }, T);

  it("an index setter on Array.prototype against the mutex's admission-order check (both lists would be empty)", async () => {
    await expectNoGain("threading/mutex", "wake-all.ts", `
      Object.defineProperty(Array.prototype, "0", { set() {}, get() { return undefined; }, configurable: true });
      Object.defineProperty(Object.prototype, "0", { set() {}, get() { return undefined; }, configurable: true });`);
  }, T);

  it("a missing await is a `failed` verdict with the scheduler's trace and what to fix", async () => {
    const exercise = exercises.get("threading/bank-account") as Exercise;
    const source = `import type { Lock, Value } from "threading";
      export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
        await lock.acquire();
        const v = balance.get(); // missing await
        await balance.set(amount);
        lock.release();
        void v;
      }
      export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
        return lock.with(async () => {
          const current = await balance.get();
          if (current < amount) return false;
          await balance.set(current - amount);
          return true;
        });
      }`;
    const report = await grade(exercise, source, { seed: 1 });
    expect(report.status).toBe("failed");
    const failed = report.tests.find((t) => !t.passed && !t.hidden);
    expect(failed?.message).toMatch(/missing await/);
    expect(failed?.message).toMatch(/To fix: await every threading operation/);
    expect((failed?.details as { visualization?: { kind?: string } } | undefined)?.visualization?.kind).toBe("schedule");
  }, T);

  it("catching the missing-await error does not hide it", async () => {
    const exercise = exercises.get("threading/bank-account") as Exercise;
    const source = `import type { Lock, Value } from "threading";
      export async function deposit(balance: Value<number>, lock: Lock, amount: number): Promise<void> {
        const v = await balance.get();
        const pending = balance.set(v + amount); // not awaited
        try { await balance.get(); } catch {} // the misuse error, swallowed
        await pending;
      }
      export async function withdraw(balance: Value<number>, lock: Lock, amount: number): Promise<boolean> {
        const current = await balance.get();
        if (current < amount) return false;
        await balance.set(current - amount);
        return true;
      }`;
    const report = await grade(exercise, source, { seed: 1 });
    expect(report.status).toBe("failed");
    expect(report.score).toBeLessThan(report.maxScore);
  }, T);
});

describe("hostile submissions against the socket runtime and workloads", () => {
  const ECHO = ["sockets/tcp-echo-server", "recv-once.ts"] as const;

  it("Promise.resolve and Object.assign patched (the scenario's outcome)", async () => {
    await expectNoGain(...ECHO, `
      (Promise as any).resolve = (v: unknown) => ({ then(ok: (x: unknown) => void) { ok(v); } });
      (Object as any).assign = (t: any) => { if (t && typeof t === "object") { t.done = true; t.threw = false; } return t; };`);
  }, T);

  it("a then on Object.prototype and on Uint8Array.prototype (replaces what a peer's recv gets)", async () => {
    await expectNoGain(...ECHO, `
      const fake = (ok: (v: unknown) => void) => ok({ ok: true, verdict: "ok", message: "" });
      try { Object.defineProperty(Object.prototype, "then", { value: fake, configurable: true, writable: true }); } catch {}
      try { Object.defineProperty(Uint8Array.prototype, "then", { value: fake, configurable: true, writable: true }); } catch {}
      try { Object.defineProperty(Array.prototype, "then", { value: fake, configurable: true, writable: true }); } catch {}`);
  }, T);

  it("TextEncoder/TextDecoder patched to replay what the peer sent", async () => {
    await expectNoGain(...ECHO, `
      let last = "";
      const g = globalThis as any;
      try { const enc = g.TextEncoder.prototype.encode; g.TextEncoder.prototype.encode = function (s: string) { last = s; return enc.call(this, s); }; } catch {}
      try { g.TextDecoder.prototype.decode = function () { return last; }; } catch {}
      try { g.TextDecoder = class { decode() { return last; } }; } catch {}`);
  }, T);

  it("a socket's core and the peer's receive buffer are out of reach", async () => {
    await expectNoGain(...ECHO, `
      import("socket").catch(() => {});
      const s = (globalThis as any).__socket;
      if (s) s.Socket.prototype.recv = async () => new Uint8Array(0);`);
    const exercise = exercises.get(ECHO[0]) as Exercise;
    // A server that tries to read its peer's buffer (through the old TypeScript-private getter)
    // and echo it: the getter is gone, so it echoes what one recv gave, as the mutant does.
    const source = `${mutant(...ECHO)}
      import { Socket } from "socket";
      const proto = Socket.prototype as any;
      let reached = false;
      try { reached = Object.getOwnPropertyDescriptor(proto, "core") !== undefined; } catch {}
      if (reached) throw new Error("the core getter is still there");`;
    const report = await grade(exercise, source, { seed: 1 });
    expect(report.status).toBe((await plain(...ECHO)).status);
  }, T);

  it("Uint8Array species, slice and subarray patched (segments and copies of in-flight data)", async () => {
    await expectNoGain(...ECHO, `
      class Fake extends Uint8Array {}
      try { (Uint8Array.prototype as any).constructor = Fake; } catch {}
      try { Object.defineProperty(Uint8Array, Symbol.species, { value: Fake, configurable: true }); } catch {}
      const slice = Uint8Array.prototype.slice;
      (Uint8Array.prototype as any).slice = function (this: Uint8Array, ...a: number[]) { return slice.apply(this, a).fill(65); };
      (Uint8Array.prototype as any).subarray = function () { return new Uint8Array(0); };`);
  }, T);

  it("a typed array length getter returning 0 (every echo would compare equal)", async () => {
    await expectNoGain(...ECHO, `
      const TA = Object.getPrototypeOf(Uint8Array.prototype);
      Object.defineProperty(TA, "length", { get() { return 0; }, configurable: true });
      (TA as any).set = function () {};`);
  }, T);

  it("Array.prototype.forEach and TypedArray reverse patched against the framing checks", async () => {
    await expectNoGain("sockets/message-framing", "drops-rest.ts", `
      (Array.prototype as any).forEach = function () {};
      (Object.getPrototypeOf(Uint8Array.prototype) as any).reverse = function () { return this; };
      (DataView.prototype as any).getUint32 = () => 0;`);
  }, T);

  it("Array.prototype.every and Object.prototype pollution of the network options (split, loss)", async () => {
    await expectNoGain("sockets/udp-echo-server", "small-buffer.ts", `
      (Array.prototype as any).every = () => true;
      Object.assign(Object.prototype, { split: "none", loss: 0, mss: 65536, sizes: [1] });`);
  }, T);
});
