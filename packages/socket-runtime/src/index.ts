/** @autograder/socket-runtime: a deterministic simulated network and the student-facing `socket` module. */
export { socketModule, SOCKET_EXPORTS } from "./platform.ts";
export { SOCKET_DECLARATIONS } from "./declarations.ts";
export { runScenario, type Scenario, type Params } from "./driver/run.ts";
export { World, HostHandle } from "./driver/world.ts";
export type { NetworkVisualization } from "./driver/report.ts";
export { normalizeOptions, DEFAULT_CONFIG, SPLIT_MODES, type NetworkOptions, type NetworkConfig, type SplitMode } from "./net/config.ts";
export type { WireEvent } from "./net/trace.ts";
export { Utf8TextDecoder, Utf8TextEncoder, installUtf8Polyfill } from "./polyfill/utf8.ts";
export * as socketApi from "./module/index.ts";
