/** The `threading` platform module as the sandbox loads it into a student isolate. */
import type { PlatformModule } from "@autograder/shared";
import { buildRuntimeSource } from "./build/bundle.ts";
import { THREADING_DECLARATIONS } from "./declarations.ts";
import { THREADING_EXPORTS } from "./restrictions.ts";

/** The runtime as a script that sets `globalThis[globalName]` (it brings its own `__drivers`: explore, replay). */
export async function buildRuntimeScript(globalName = "__threading"): Promise<string> {
  const iife = await buildRuntimeSource("iife", globalName);
  return `globalThis.${globalName} = (function () {\n${iife}\nreturn ${globalName};\n})();`;
}

export const threadingModule: PlatformModule = {
  name: "threading",
  globalName: "__threading",
  exports: THREADING_EXPORTS,
  // Student code that awaits threading calls is lowered so that the scheduler sees each await.
  lowerAsync: true,
  declarations: THREADING_DECLARATIONS,
  runtimeScript: () => buildRuntimeScript("__threading"),
};
