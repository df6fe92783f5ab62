// The scheduler against a student module that patches built-ins or reaches for runtime state,
// in the isolate-like node:vm realm (the sandbox-level corpus is
// packages/sandbox/test/hostile-runtimes.test.ts). A known-wrong deposit (no lock) must still
// be caught, whatever the student's module did at its top level.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Realm } from "../src/host/vm-realm.ts";

const EXERCISE = fileURLToPath(new URL("../../../exercises/threading/bank-account/", import.meta.url));
const WRONG = readFileSync(`${EXERCISE}mutants/deposit-unlocked.ts`, "utf8");
const dir = mkdtempSync(join(tmpdir(), "threading-hostile-"));

async function realmWith(attack: string, name: string): Promise<Realm> {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, `${WRONG}\ntry {\n${attack}\n} catch {}\n`);
  return Realm.create(`${EXERCISE}workload.ts`, file, []);
}

const ATTACKS: Array<[string, string]> = [
  ["Array.prototype.filter/every/some/map", "Array.prototype.filter = () => []; Array.prototype.every = () => true; Array.prototype.some = () => false; Array.prototype.map = () => [];"],
  ["an index setter on Array.prototype", "Object.defineProperty(Array.prototype, '0', { set() {}, get() { return undefined; }, configurable: true });"],
  ["Promise.resolve and Promise.prototype.then", "(Promise as any).resolve = () => ({ then(ok: () => void) { ok(); } }); try { (Promise.prototype as any).then = function (ok: () => void) { ok(); }; } catch {}"],
  ["a then on Object.prototype", "Object.defineProperty(Object.prototype, 'then', { value(ok: (v: unknown) => void) { ok({ ok: true, verdict: 'ok' }); }, configurable: true });"],
  ["Object.prototype pollution of options", "Object.assign(Object.prototype, { schedules: 1, maxSteps: 1e9, baseSeed: 3, daemon: true });"],
  ["JSON.stringify, Math and the global Promise", "(JSON as any).stringify = () => ''; try { (globalThis as any).Math = {}; } catch {} try { (globalThis as any).Promise = undefined; } catch {}"],
];

describe("the scheduler under a hostile student module (bank-account, deposit without the lock)", () => {
  it.each(ATTACKS)("%s: the lost update is still found", async (name, attack) => {
    const realm = await realmWith(attack, name.replace(/\W+/g, "-"));
    const report = await realm.explore("depositWithdraw", { start: 5000, amount: 100, times: 3 });
    expect(report.ok).toBe(false);
    expect(report.verdict).toBe("error");
    expect(report.message).toMatch(/balance|raised/);
  });

  it("the realm's promise machinery and the module's classes are locked before student code runs", async () => {
    const realm = await realmWith("", "locked");
    const g = (realm as unknown as { globals: Record<string, unknown> }).globals;
    const vm = await import("node:vm");
    const check = vm.runInContext(
      `(() => {
        "use strict";
        const tries = [
          () => { Promise.prototype.then = null; },
          () => { globalThis.Promise = null; },
          () => { Object.getPrototypeOf(function* () {}).prototype.next = null; },
          () => { Array.prototype[Symbol.iterator] = null; },
          () => { Object.prototype.then = () => {}; },
          () => { __threading.Value.prototype.get = null; },
          () => { __threading.Thread.prototype.join = null; },
        ];
        return tries.map((t) => { try { t(); return "changed"; } catch { return "blocked"; } });
      })()`,
      g as object,
    ) as string[];
    expect(check).toEqual(["blocked", "blocked", "blocked", "blocked", "blocked", "blocked", "blocked"]);
  });
});

describe("the trace of a student's own promises", () => {
  it("shows which suspended thread a hand-made wake-up resumed, and who ran when it did", async () => {
    const event = fileURLToPath(new URL("../../../exercises/threading/event/", import.meta.url));
    const realm = await Realm.create(`${event}workload.ts`, `${event}mutants/wake-one.ts`, ["Event", "Lock", "Semaphore", "Queue"]);
    const report = await realm.explore("broadcast", { waiters: 3 });
    expect(report.ok).toBe(false);
    const steps = (report.visualization?.data.steps ?? []) as Array<{ thread: string; op: string; detail: string }>;
    const awaits = steps.filter((s) => s.op === "await");
    const resumes = steps.filter((s) => s.op === "resume");
    expect(awaits.length).toBeGreaterThanOrEqual(2);
    // set() wakes one waiter only: one suspended waiter resumes, during the setter's step; the
    // others stay suspended, and the report names one of them as waiting for ever.
    expect(resumes).toHaveLength(1);
    expect(resumes[0]?.detail).toBe("its promise was resolved while setter ran");
    const resumed = resumes[0]?.thread;
    expect(awaits.map((s) => s.thread)).toContain(resumed);
    const forgotten = awaits.map((s) => s.thread).filter((name) => name !== resumed);
    expect(forgotten.length).toBeGreaterThan(0);
    expect(report.verdict).toBe("deadlock");
    expect(report.message).toContain(forgotten[0]);
  });
});
