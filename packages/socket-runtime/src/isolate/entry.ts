/**
 * Entry of the bundle evaluated first in the student isolate, before any student code:
 * installs TextEncoder/TextDecoder if the realm lacks them, locks the promise machinery,
 * freezes every object of the module and the drivers, then exposes them (see
 * packages/sandbox/README.md, threat model).
 */
import { deepFreeze, lockPromiseMachinery, nullObject } from "@autograder/shared/primordials";
import { runScenario } from "../driver/run.ts";
import * as moduleApi from "../module/index.ts";
import { installUtf8Polyfill, Utf8TextDecoder, Utf8TextEncoder } from "../polyfill/utf8.ts";

installUtf8Polyfill();
lockPromiseMachinery();
deepFreeze(Utf8TextEncoder);
deepFreeze(Utf8TextDecoder);
deepFreeze(moduleApi);

export * from "../module/index.ts";

/** Drivers the judge calls: `drive("run", scenario, params, options)`. */
export const __drivers = deepFreeze(nullObject({ run: runScenario }));
