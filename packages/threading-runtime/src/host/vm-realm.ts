import vm from "node:vm";
import { build } from "esbuild";
import { buildRuntimeSource } from "../build/bundle.ts";
import type { ScenarioReport } from "../isolate/harness.ts";
import { restrictedModuleSource } from "../restrictions.ts";

/** A scenario of an exercise workload: builds the main-thread program from plain params. */
export type ScenarioFactory = (params: Record<string, unknown>) => () => unknown;

interface RealmGlobals {
  __threading: Record<string, unknown> & {
    __exploreScenario(program: () => unknown, options?: { schedules?: number; maxSteps?: number; baseSeed?: number }): Promise<ScenarioReport>;
    __replayScenario(program: () => unknown, seed: string): Promise<ScenarioReport>;
  };
  __workload: { scenarios: Record<string, ScenarioFactory> };
}

/**
 * Host-side (Node only; tests and the benchmark). A fresh node:vm realm set up the way the
 * student isolate is: the runtime bundle evaluated
 * first (installs continuation tracking on the realm's Promise), then the workload and the
 * student's file bundled with async functions lowered, importing "threading" and "student".
 */
export class Realm {
  private constructor(private readonly globals: RealmGlobals) {}

  /** `forbidden`: platform exports the student's code may not import (the workload still can). */
  static async create(workloadFile: string, studentFile: string, forbidden: readonly string[] = []): Promise<Realm> {
    const context = vm.createContext({});
    vm.runInContext(await buildRuntimeSource("iife", "__threading"), context, { filename: "threading-runtime.js" });
    const bundled = await build({
      stdin: { contents: `import * as w from ${JSON.stringify(workloadFile)}; globalThis.__workload = w;`, resolveDir: "/", loader: "ts" },
      bundle: true,
      write: false,
      format: "iife",
      platform: "neutral",
      target: "es2022",
      supported: { "async-await": false },
      logLevel: "silent",
      plugins: [
        {
          name: "threading-realm",
          setup(b) {
            b.onResolve({ filter: /^threading$/ }, (args) => ({
              path: args.importer === workloadFile ? "threading" : "threading-restricted",
              namespace: "virtual",
            }));
            b.onLoad({ filter: /.*/, namespace: "virtual" }, (args) => ({
              contents: restrictedModuleSource(args.path === "threading" ? [] : forbidden),
              loader: "js",
            }));
            b.onResolve({ filter: /^student$/ }, () => ({ path: studentFile }));
          },
        },
      ],
    });
    const code = bundled.outputFiles[0]?.text ?? "";
    vm.runInContext(code, context, { filename: "workload.js" });
    return new Realm(context as unknown as RealmGlobals);
  }

  scenarioNames(): string[] {
    return Object.keys(this.globals.__workload.scenarios);
  }

  private program(scenario: string, params: Record<string, unknown>): () => unknown {
    const factory = this.globals.__workload.scenarios[scenario];
    if (factory === undefined) throw new Error(`no scenario ${scenario}`);
    return factory(params);
  }

  explore(scenario: string, params: Record<string, unknown> = {}, options: { schedules?: number; maxSteps?: number } = {}): Promise<ScenarioReport> {
    return this.globals.__threading.__exploreScenario(this.program(scenario, params), options);
  }

  replay(scenario: string, seed: string, params: Record<string, unknown> = {}): Promise<ScenarioReport> {
    return this.globals.__threading.__replayScenario(this.program(scenario, params), seed);
  }
}
