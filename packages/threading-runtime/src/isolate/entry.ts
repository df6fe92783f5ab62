/**
 * Entry of the bundle evaluated inside the student isolate, before any student code: the
 * `threading` module, plus the drivers the platform calls. At load it installs continuation
 * tracking, locks the promise machinery and freezes every object of the module, so the
 * student's code can neither patch what the workload and the scheduler rely on nor reach their
 * state (see packages/sandbox/README.md, threat model).
 */
import { deepFreeze, lockPlatformIntrinsics, ObjectKeys } from "@autograder/shared/primordials";
import * as moduleApi from "../module/index.ts";
import { drivers, exploreScenario, replayScenario } from "./harness.ts";
import { installContinuationTracking } from "./continuations.ts";

installContinuationTracking();
lockPlatformIntrinsics();
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
deepFreeze(drivers);

export * from "../module/index.ts";
export { exploreScenario as __exploreScenario, replayScenario as __replayScenario, drivers as __drivers };
