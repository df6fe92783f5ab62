/**
 * Entry of the bundle evaluated inside the student isolate, before any student code: the
 * `threading` module, plus the drivers the platform calls. At load it installs continuation
 * tracking, locks the promise machinery and freezes every object of the module, so the
 * student's code can neither patch what the workload and the scheduler rely on nor reach their
 * state (see packages/sandbox/README.md, threat model).
 */
import { deepFreeze, lockPromiseMachinery } from "@autograder/shared/primordials";
import * as moduleApi from "../module/index.ts";
import { drivers, exploreScenario, replayScenario } from "./harness.ts";
import { installContinuationTracking } from "./continuations.ts";

installContinuationTracking();
lockPromiseMachinery();
deepFreeze(moduleApi);
deepFreeze(drivers);

export * from "../module/index.ts";
export { exploreScenario as __exploreScenario, replayScenario as __replayScenario, drivers as __drivers };
