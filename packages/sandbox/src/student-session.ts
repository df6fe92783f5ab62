// One student isolate: the platform runtimes, the bridge, the student's module and the
// exercise's workload. The host talks to it only through the bridge's string functions.
import ivm from "isolated-vm";
import { newIsolate } from "./isolates.ts";
import type { Verdict } from "@autograder/shared";
import { bridgeSource } from "./build.ts";
import { clampMs, limitOf, withDeadline } from "./limits.ts";
import { platformModule } from "./platform.ts";

export interface StudentProgram {
  /** The student's code, transpiled to an ES module. */
  code: string;
  /** With the rule track-arrays: the specifier `code` imports the bridge's `trackArray` from. */
  arrayTracker?: string;
  /** The exercise's workload.ts, transpiled, if it has one. */
  workloadCode?: string;
  exports: readonly string[];
  /** Platform modules the student may import, with the names hidden from the student. */
  modules: ReadonlyArray<{ name: string; hide: readonly string[] }>;
  rules: readonly string[];
  seed: number;
  memoryMb: number;
  outputBytes: number;
  returnBytes: number;
  /** Leave WebAssembly in the isolate (its memory is not bounded by memoryMb). Default: removed. */
  webassembly?: boolean;
}

export interface StartFailure {
  verdict: Extract<Verdict, "compile_error" | "runtime_error" | "timeout" | "memory_limit">;
  message: string;
}

type Fn = ivm.Reference<(...args: string[]) => string | Promise<string>>;
const BRIDGE_SPECIFIER = "@sandbox/bridge";

/** A reply in the bridge's format for a call the host ended: "<meta>\n<payload>". */
export function limitReply(verdict: string, message: string): string {
  return `${JSON.stringify({ limit: verdict, message })}\nnull`;
}

/** V8's code cache of each platform runtime: every student isolate compiles the same script. */
const runtimeCodeCache = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();

async function compileRuntime(isolate: ivm.Isolate, name: string, source: string): Promise<ivm.Script> {
  const cachedData = runtimeCodeCache.get(name);
  // The typings omit it, but with produceCachedData the script carries its CachedDataResult.
  const script = (await isolate.compileScript(source, { filename: `file:///${name}-runtime.js`, ...(cachedData ? { cachedData } : { produceCachedData: true }) })) as ivm.Script & ivm.CachedDataResult;
  if (cachedData === undefined && script.cachedData) runtimeCodeCache.set(name, script.cachedData);
  return script;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class StudentSession {
  /** Set once a limit ended this isolate; every later call answers with it. */
  ended: { verdict: "timeout" | "memory_limit"; message: string } | undefined;

  private disposedByHost = false;

  private constructor(
    private readonly isolate: ivm.Isolate,
    private readonly fns: { call: Fn; drive: Fn; takeOutput: Fn; callShared: Fn },
  ) {}

  static async start(program: StudentProgram, deadline: number): Promise<StudentSession | StartFailure> {
    const deadlineMs = clampMs(deadline);
    const isolate = newIsolate(program.memoryMb);
    const started = performance.now();
    let disposedByHost = false;
    try {
      return await withDeadline(StudentSession.load(isolate, program, deadlineMs), deadlineMs + 100, () => {
        disposedByHost = true;
        isolate.dispose();
      });
    } catch (error) {
      const limit = limitOf({ error, elapsedMs: performance.now() - started, timeoutMs: deadlineMs, isolateDisposed: isolate.isDisposed, disposedByHost });
      if (!isolate.isDisposed) isolate.dispose();
      if (limit === "timeout") return { verdict: "timeout", message: `Your module's top-level code did not finish within ${deadlineMs} ms.` };
      if (limit === "memory_limit") return { verdict: "memory_limit", message: `Your module's top-level code used more than ${program.memoryMb} MB of memory.` };
      return { verdict: "runtime_error", message: `Your module could not be loaded: ${describe(error)}` };
    }
  }

  private static async load(isolate: ivm.Isolate, program: StudentProgram, timeout: number): Promise<StudentSession | StartFailure> {
    const context = await isolate.createContext();
    const platformGlobals: Record<string, string> = {};
    const allowed = new Map<string, string[]>();
    for (const { name, hide } of program.modules) {
      const module = platformModule(name);
      if (module === undefined) throw new Error(`unknown platform module ${name}`);
      const script = await compileRuntime(isolate, name, await module.runtimeScript());
      await script.run(context, { timeout });
      platformGlobals[name] = module.globalName;
      allowed.set(name, module.exports.filter((e) => !hide.includes(e)));
    }
    const bridge = await isolate.compileModule(await bridgeSource(), { filename: "file:///sandbox-bridge.js" });
    await bridge.instantiate(context, () => {
      throw new Error("the bridge has no imports");
    });
    await bridge.evaluate({ timeout });
    const ns = bridge.namespace;
    const fn = (name: string): Promise<Fn> => ns.get(name, { reference: true }) as Promise<Fn>;
    const init = await fn("init");
    await init.apply(undefined, [JSON.stringify({ seed: program.seed, rules: program.rules, outputBytes: program.outputBytes, returnBytes: program.returnBytes, platformGlobals, webassembly: program.webassembly === true })], { timeout });

    const platformSource = (name: string, names: readonly string[]): string =>
      `import { platform } from ${JSON.stringify(BRIDGE_SPECIFIER)};\nconst m = platform[${JSON.stringify(name)}];\n` +
      names.map((n) => `export const ${n} = m.${n};`).join("\n");
    const studentFacing = new Map<string, ivm.Module>();
    const full = new Map<string, ivm.Module>();
    for (const [name, names] of allowed) {
      studentFacing.set(name, await isolate.compileModule(platformSource(name, names), { filename: `file:///${name}.js` }));
      full.set(name, await isolate.compileModule(platformSource(name, platformModule(name)!.exports), { filename: `file:///${name}-full.js` }));
    }
    const platformLinker = (specifier: string): ivm.Module => {
      if (specifier === BRIDGE_SPECIFIER) return bridge;
      throw new Error(`platform modules import only the bridge (found ${specifier})`);
    };
    for (const m of [...studentFacing.values(), ...full.values()]) await m.instantiate(context, platformLinker);

    let tracker: ivm.Module | undefined;
    if (program.arrayTracker !== undefined) {
      tracker = await isolate.compileModule(`export { trackArray } from ${JSON.stringify(BRIDGE_SPECIFIER)};`, { filename: "file:///arrays.js" });
      await tracker.instantiate(context, platformLinker);
    }
    let student: ivm.Module;
    try {
      student = await isolate.compileModule(program.code, { filename: "file:///student.ts" });
    } catch (error) {
      // Out of memory while compiling is a limit (the outer catch says which), not a syntax error.
      if (isolate.isDisposed) throw error;
      return { verdict: "compile_error", message: describe(error) };
    }
    const importable = [...studentFacing.keys()];
    try {
      await student.instantiate(context, (specifier) => {
        if (tracker !== undefined && specifier === program.arrayTracker) return tracker;
        const module = studentFacing.get(specifier);
        if (module !== undefined) return module;
        const hidden = program.modules.find((m) => m.name === specifier);
        throw new Error(
          hidden === undefined
            ? `Cannot import "${specifier}": ${importable.length > 0 ? `only ${importable.map((n) => `"${n}"`).join(" and ")} can be imported in this exercise` : "this exercise allows no imports"}.`
            : `Cannot import "${specifier}".`,
        );
      });
    } catch (error) {
      if (isolate.isDisposed) throw error;
      return { verdict: "compile_error", message: describe(error).replace(/ \[.*\]$/, "") };
    }
    // Everything that must not change is captured and linked: freeze the realm, then let the
    // student's code run.
    const lockdown = await fn("lockdown");
    await lockdown.apply(undefined, [], { timeout });
    await student.evaluate({ timeout });

    let workload: ivm.Module | undefined;
    if (program.workloadCode !== undefined) {
      workload = await isolate.compileModule(program.workloadCode, { filename: "file:///workload.ts" });
      await workload.instantiate(context, (specifier) => {
        if (specifier === "student") return student;
        const module = full.get(specifier);
        if (module === undefined) throw new Error(`workload.ts cannot import "${specifier}"`);
        return module;
      });
      await workload.evaluate({ timeout });
    }
    const setModules = await fn("setModules");
    const missing = JSON.parse(
      (await setModules.apply(undefined, [student.namespace.derefInto(), workload?.namespace.derefInto(), JSON.stringify(program.exports)] as never, { timeout })) as string,
    ) as string[];
    if (missing.length > 0) {
      return { verdict: "compile_error", message: `Your code must export ${missing.map((m) => `\`${m}\``).join(", ")} (for example \`export function ${missing[0]}(...)\`).` };
    }
    return new StudentSession(isolate, { call: await fn("call"), drive: await fn("drive"), takeOutput: await fn("takeOutput"), callShared: await fn("callShared") });
  }

  /** Calls a bridge function with a deadline; a limit ends the session and becomes the reply. */
  private async invoke(fn: Fn, args: unknown[], timeoutMs: number): Promise<string> {
    if (this.ended) return limitReply(this.ended.verdict, this.ended.message);
    const ms = clampMs(timeoutMs);
    const started = performance.now();
    try {
      const call = fn.apply(undefined, args as string[], { timeout: ms, result: { promise: true } }) as Promise<string>;
      return await withDeadline(call, ms + 50, () => this.dispose());
    } catch (error) {
      const limit = limitOf({ error, elapsedMs: performance.now() - started, timeoutMs: ms, isolateDisposed: this.isolate.isDisposed, disposedByHost: this.disposedByHost });
      if (limit === undefined) throw error;
      this.ended =
        limit === "timeout"
          ? { verdict: "timeout", message: `Time limit exceeded: the test did not finish within its time limit.` }
          : { verdict: "memory_limit", message: `Memory limit exceeded: your code used more memory than this exercise allows.` };
      this.dispose();
      return limitReply(this.ended.verdict, this.ended.message);
    }
  }

  call(name: string, argsText: string, optionsText: string, timeoutMs: number): Promise<string> {
    return this.invoke(this.fns.call, [name, argsText, optionsText], timeoutMs);
  }

  drive(moduleName: string, driver: string, argsText: string, timeoutMs: number): Promise<string> {
    return this.invoke(this.fns.drive, [moduleName, driver, argsText], timeoutMs);
  }

  /** Parallel mode: calls export `name` as one of several threads over `buffer`; `control` (the start cells) is never shown to the student's code. Both shared, not copied. */
  callShared(name: string, buffer: SharedArrayBuffer, control: SharedArrayBuffer, optionsText: string, timeoutMs: number): Promise<string> {
    return this.invoke(this.fns.callShared, [name, new ivm.ExternalCopy(buffer).copyInto({ release: true }), new ivm.ExternalCopy(control).copyInto({ release: true }), optionsText], timeoutMs);
  }

  async takeOutput(): Promise<string> {
    if (this.isolate.isDisposed) return "";
    try {
      return (await this.fns.takeOutput.apply(undefined, [], { timeout: 1000 })) as string;
    } catch {
      return "";
    }
  }

  dispose(): void {
    if (this.isolate.isDisposed) return;
    this.disposedByHost = true;
    this.isolate.dispose();
  }
}
