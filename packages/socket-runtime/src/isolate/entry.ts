/**
 * Entry of the bundle evaluated first in the student isolate: installs TextEncoder/TextDecoder
 * if the realm lacks them, then exposes the `socket` module and the drivers.
 */
import { runScenario } from "../driver/run.ts";
import { installUtf8Polyfill } from "../polyfill/utf8.ts";

installUtf8Polyfill();

export * from "../module/index.ts";

/** Drivers the judge calls: `drive("run", scenario, params, options)`. */
export const __drivers = { run: runScenario };
