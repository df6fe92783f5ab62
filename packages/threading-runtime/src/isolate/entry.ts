/**
 * Entry of the bundle evaluated inside the student isolate: the `threading` module, plus the
 * harness the platform's drivers use. Continuation tracking is installed when this loads.
 */
import { installContinuationTracking } from "./continuations.ts";

installContinuationTracking();

export * from "../module/index.ts";
export { exploreScenario as __exploreScenario, replayScenario as __replayScenario } from "./harness.ts";
