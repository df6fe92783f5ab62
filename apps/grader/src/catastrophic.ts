// isolated-vm calls onCatastrophicError when V8 has lost control of an isolate: its memory and
// threads cannot be freed, so the worker process must end. It logs one fatal line and aborts;
// the supervisor restarts the worker and fails the jobs it held, so pg-boss retries them.
import { setCatastrophicErrorHandler } from "@autograder/sandbox";
import type { Logger } from "./logger.ts";

export function abortOnCatastrophicError(log: Logger): void {
  setCatastrophicErrorHandler((message) => {
    log.fatal({ isolatedVm: message }, "isolated-vm catastrophic error; aborting the worker");
    process.abort();
  });
}
