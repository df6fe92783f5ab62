// The platform modules student code may import, adapted to the sandbox's PlatformModule contract.
import type { PlatformModule } from "@autograder/shared";
import { socketModule } from "@autograder/socket-runtime";
import { THREADING_DECLARATIONS } from "@autograder/threading-runtime";
import { buildRuntimeSource } from "@autograder/threading-runtime/bundle";
import { THREADING_EXPORTS } from "@autograder/threading-runtime/restrictions";

export const threadingModule: PlatformModule = {
  name: "threading",
  globalName: "__threading",
  exports: THREADING_EXPORTS,
  lowerAsync: true,
  declarations: THREADING_DECLARATIONS,
  async runtimeScript() {
    const iife = await buildRuntimeSource("iife", "__threading");
    // The runtime brings its own `__drivers` (explore, replay).
    return `globalThis.__threading = (function () {\n${iife}\nreturn __threading;\n})();`;
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
