/** The student-facing `threading` module. */
export { Thread, type ThreadOptions } from "./thread.ts";
export { Lock } from "./lock.ts";
export { Event } from "./event.ts";
export { Semaphore } from "./semaphore.ts";
export { Queue } from "./queue.ts";
export { Value } from "./value.ts";
export { sleep, yieldThread, currentThread, now } from "./functions.ts";
export { Full, Empty, RuntimeError } from "./errors.ts";
export type { WaitOptions } from "./options.ts";
// The realm's globals as they were at load, for workloads (see @autograder/shared/primordials).
export { intrinsics } from "@autograder/shared/primordials";
// Built-ins captured at load, for workload checks (Node core's primordials pattern).
export * as primordials from "@autograder/shared/primordials";
