/**
 * Entry of the bundle evaluated first in the student isolate, before any student code:
 * installs TextEncoder/TextDecoder if the realm lacks them, locks the promise machinery,
 * freezes every object of the module and the drivers, then exposes them (see
 * packages/sandbox/README.md, threat model).
 */
import { deepFreeze, lockPlatformIntrinsics, ObjectKeys, nullObject } from "@autograder/shared/primordials";
import { runScenario } from "../driver/run.ts";
import * as moduleApi from "../module/index.ts";
import { installUtf8Polyfill, Utf8TextDecoder, Utf8TextEncoder } from "../polyfill/utf8.ts";

installUtf8Polyfill();
lockPlatformIntrinsics();
deepFreeze(Utf8TextEncoder);
deepFreeze(Utf8TextDecoder);
// The module's own objects; not `intrinsics` and `primordials` (the realm's built-ins, which
// the sandbox freezes after its own setup).
{
  const api = moduleApi as unknown as Record<string, unknown>;
  const names = ObjectKeys(api);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name !== "intrinsics" && name !== "primordials") deepFreeze(api[name]);
  }
}

export * from "../module/index.ts";

/** Drivers the judge calls: `drive("run", scenario, params, options)`. */
export const __drivers = deepFreeze(nullObject({ run: runScenario }));
