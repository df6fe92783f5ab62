// The platform modules student code may import, adapted to the sandbox's PlatformModule contract.
import type { PlatformModule } from "@autograder/shared";
import { socketModule } from "@autograder/socket-runtime";
import { THREADING_DECLARATIONS } from "@autograder/threading-runtime";
import { buildRuntimeSource } from "@autograder/threading-runtime/bundle";
import { THREADING_EXPORTS } from "@autograder/threading-runtime/restrictions";

const THREADING_DRIVERS = `
(function (rt) {
  function programOf(workload, scenario, params) {
    var make = workload.scenarios && workload.scenarios[scenario];
    if (typeof make !== "function") throw new Error("the workload has no scenario " + JSON.stringify(scenario));
    return make(params);
  }
  rt.__drivers = {
    explore: function (w, s, p, o) { return rt.__exploreScenario(programOf(w, s, p), o); },
    replay: function (w, s, p, o) { return rt.__replayScenario(programOf(w, s, p), String(o.seed), o.maxSteps); },
  };
})(globalThis.__threading);`;

export const threadingModule: PlatformModule = {
  name: "threading",
  globalName: "__threading",
  exports: THREADING_EXPORTS,
  lowerAsync: true,
  declarations: THREADING_DECLARATIONS,
  async runtimeScript() {
    const iife = await buildRuntimeSource("iife", "__threading");
    return `globalThis.__threading = (function () {\n${iife}\nreturn __threading;\n})();\n${THREADING_DRIVERS}`;
  },
};

const modules = new Map<string, PlatformModule>([
  [threadingModule.name, threadingModule],
  [socketModule.name, socketModule],
]);

export function registerPlatformModule(module: PlatformModule): void {
  modules.set(module.name, module);
}

export function platformModule(name: string): PlatformModule | undefined {
  return modules.get(name);
}

export function platformModuleNames(): string[] {
  return [...modules.keys()];
}
