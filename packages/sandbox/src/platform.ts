// The platform modules student code may import, adapted to the sandbox's PlatformModule contract.
import type { PlatformModule } from "@autograder/shared";
import { socketModule } from "@autograder/socket-runtime";
import { threadingModule } from "@autograder/threading-runtime";

// Each runtime describes itself (name, exports, declarations, runtime script).
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
